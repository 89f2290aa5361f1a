import XCTest
import DeepLearning

/// Lesson 8's verdicts, each driven both ways by hand-made numbers, and the watched training run.
final class CurveFitVerdictTests: XCTestCase {
    func testCurveFitVerdict() {
        let line = 0.21383
        let variance = 0.4875
        XCTAssertEqual(
            curveFitVerdict(outcome: .finished, finalLoss: 0.00061, lineLoss: line, targetVariance: variance),
            .followsCurve)
        XCTAssertEqual(
            curveFitVerdict(outcome: .finished, finalLoss: 0.08447, lineLoss: line, targetVariance: variance),
            .betterThanLine)
        XCTAssertEqual(
            curveFitVerdict(outcome: .finished, finalLoss: 0.2100, lineLoss: line, targetVariance: variance),
            .noBetterThanLine)
        XCTAssertEqual(
            curveFitVerdict(outcome: .diverged(step: 2), finalLoss: 0.3, lineLoss: line, targetVariance: variance),
            .diverged(epoch: 2))
    }

    func testLinearNetVerdict() {
        XCTAssertEqual(linearNetVerdict(outcome: .finished, finalLoss: 0.21385, lineLoss: 0.21383), .reachedLine)
        XCTAssertEqual(linearNetVerdict(outcome: .finished, finalLoss: 0.25, lineLoss: 0.21383), .aboveLine)
        XCTAssertEqual(
            linearNetVerdict(outcome: .diverged(step: 3), finalLoss: 0.2, lineLoss: 0.21383), .diverged(epoch: 3))
    }

    func testBarelyMoved() {
        XCTAssertTrue(trainingBarelyMoved(startLoss: 0.49, finalLoss: 0.48))
        XCTAssertFalse(trainingBarelyMoved(startLoss: 0.49, finalLoss: 0.0006))
        XCTAssertFalse(trainingBarelyMoved(startLoss: 0.5, finalLoss: 0.44))
    }

    func testStartsSummary() {
        let summary = StartsSummary([0.3, nil, 0.1, 0.2])
        XCTAssertEqual(summary.starts, 4)
        XCTAssertEqual(summary.divergedCount, 1)
        XCTAssertEqual(summary.mean!, 0.2, accuracy: Tolerance.rounding)
        XCTAssertEqual(summary.lowest, 0.1)
        XCTAssertEqual(summary.highest, 0.3)
        let none = StartsSummary([nil, nil])
        XCTAssertNil(none.mean)
        XCTAssertNil(none.lowest)
    }

    func testCompareWidthsEachWay() {
        let one = StartsSummary([0.085, 0.084, 0.086])
        XCTAssertEqual(compareWidths(narrower: one, wider: StartsSummary([0.010, 0.017, 0.012])), .clearlyLower)
        XCTAssertEqual(
            compareWidths(
                narrower: StartsSummary([0.003, 0.004, 0.0018]), wider: StartsSummary([0.0006, 0.0039, 0.002])),
            .lowerOnAverage)
        XCTAssertEqual(
            compareWidths(
                narrower: StartsSummary([0.0016, 0.0007, 0.003]), wider: StartsSummary([0.003, 0.0018, 0.004])),
            .notLower)
        XCTAssertEqual(compareWidths(narrower: one, wider: StartsSummary([nil, nil, nil])), .cannotCompare)
        // lr 0.3 in lesson 8: every start of 8 units ended above every start of 4
        XCTAssertEqual(
            compareWidths(
                narrower: StartsSummary([0.00029, 0.00658, 0.001]), wider: StartsSummary([0.01375, 0.03702, 0.02])),
            .clearlyHigher)
    }

    func testWidthTrendEachWay() {
        let falling = [StartsSummary([0.08]), StartsSummary([0.01]), StartsSummary([0.002])]
        XCTAssertEqual(widthTrend(falling), .fallsAtEveryStep(overlapAt: []))
        // the mean falls at every step, but the last two steps only on average
        let overlapping = [
            StartsSummary([0.085, 0.084]), StartsSummary([0.012, 0.010]), StartsSummary([0.002, 0.006]),
            StartsSummary([0.003, 0.0045]), StartsSummary([0.003, 0.004])
        ]
        XCTAssertEqual(widthTrend(overlapping), .fallsAtEveryStep(overlapAt: [3, 4]))
        // lesson 8's default: 4 → 8 units did not fall
        let bumpy = [
            StartsSummary([0.085]), StartsSummary([0.012]), StartsSummary([0.0016]), StartsSummary([0.003]),
            StartsSummary([0.0024])
        ]
        XCTAssertEqual(widthTrend(bumpy), .fallsOverall(notAt: [3]))
        // lesson 10 with --epochs 500 --seed 5: 16 units end lower than 1 on average, but the
        // ranges of the two overlap and the mean rose twice on the way
        let noisy = [
            StartsSummary([0.14846, 0.16609, 0.15396]), StartsSummary([0.03791, 0.17544, 0.12997]),
            StartsSummary([0.07454, 0.20023, 0.07488]), StartsSummary([0.05768, 0.11731, 0.09609]),
            StartsSummary([0.10816, 0.17225, 0.12657])
        ]
        XCTAssertEqual(widthTrend(noisy), .noClearGain(notAt: [2, 4]))
        // the same bumps, with the largest size clearly below the smallest: falls overall
        var clear = noisy
        clear[4] = StartsSummary([0.10816, 0.12, 0.13])
        XCTAssertEqual(widthTrend(clear), .fallsOverall(notAt: [2, 4]))
        XCTAssertEqual(widthTrend([StartsSummary([0.01]), StartsSummary([0.02])]), .doesNotFall)
        XCTAssertEqual(widthTrend([StartsSummary([0.01]), StartsSummary([nil])]), .cannotCompare)
        // a diverged width in the middle is a step that cannot be compared
        XCTAssertEqual(
            widthTrend([StartsSummary([0.08]), StartsSummary([nil]), StartsSummary([0.002])]),
            .fallsOverall(notAt: [1, 2]))
    }

    func testStartsSpreadWidely() {
        XCTAssertTrue(startsSpreadWidely(StartsSummary([0.00061, 0.0026, 0.00389])))
        XCTAssertFalse(startsSpreadWidely(StartsSummary([0.08447, 0.0846, 0.08466])))
        // one finished start: no spread to speak of
        XCTAssertFalse(startsSpreadWidely(StartsSummary([0.001, nil, nil])))
        XCTAssertFalse(startsSpreadWidely(StartsSummary([nil, nil])))
    }

    func testWatchedTrainingStopsAtDivergence() {
        var generator = SeededGenerator(seed: 4)
        let xs = (0..<20).map { Double($0) / 19 }
        let inputs = Matrix(column: xs)
        let targets = Matrix(column: xs.map { sin(2 * Double.pi * $0) })
        let network = Network(sizes: [1, 8, 1], activations: [.identity, .identity], using: &generator)
        let run = trainWatchingForDivergence(
            network, inputs: inputs, targets: targets, batchSize: 5, epochs: 200,
            learningRate: 5, using: &generator)
        guard case .diverged(let epoch) = run.outcome else { return XCTFail("lr 5 should diverge, got \(run.outcome)") }
        XCTAssertEqual(run.losses.count, epoch)
        XCTAssertTrue(run.losses.allSatisfy(\.isFinite))
        XCTAssertTrue(run.network.parameters.allSatisfy(\.isFinite))
        XCTAssertNil(run.finishedLoss)

        let calm = trainWatchingForDivergence(
            network, inputs: inputs, targets: targets, batchSize: 5, epochs: 50,
            learningRate: 0.01, using: &generator)
        XCTAssertEqual(calm.outcome, .finished)
        XCTAssertEqual(calm.losses.count, 51)
        XCTAssertEqual(calm.finishedLoss, calm.losses.last)
        XCTAssertLessThan(calm.finalLoss, calm.losses[0])
    }
}
