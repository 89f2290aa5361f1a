import XCTest
import DeepLearning

/// Lesson 7's verdicts, the loss from moments, and the bounded, divergence-aware mini-batch run.
final class BatchSizeVerdictTests: XCTestCase {
    func testAngles() {
        assertClose(0, angleInDegrees(between: [1, 2], and: [2, 4])!, tolerance: 1e-6)
        assertClose(90, angleInDegrees(between: [1, 0], and: [0, 3])!, tolerance: Tolerance.rounding)
        assertClose(180, angleInDegrees(between: [1, 1], and: [-2, -2])!, tolerance: 1e-6)
        assertClose(45, angleInDegrees(between: [1, 0], and: [1, 1])!, tolerance: 1e-9)
        XCTAssertNil(angleInDegrees(between: [0, 0], and: [1, 1]))
    }

    func testRankingEachWay() {
        XCTAssertEqual(rankBatchSizes(finalLosses: [nil, nil, nil], startLoss: 100), .allDiverged)
        XCTAssertEqual(rankBatchSizes(finalLosses: [0.08, 0.11, 0.21], startLoss: 100), .moreUpdatesGotFurther)
        // lr 0.3 in lesson 7: batch 10 lowest, batch 1 behind batch 50.
        XCTAssertEqual(rankBatchSizes(finalLosses: [0.146, 0.086, 0.144], startLoss: 100), .lowestAt(1, behind: 0))
        // batch 1 best, but batch 10 behind the full batch.
        XCTAssertEqual(rankBatchSizes(finalLosses: [0.05, 0.2, 0.1], startLoss: 100), .lowestAt(0, behind: 1))
        // a diverged small batch is behind
        XCTAssertEqual(rankBatchSizes(finalLosses: [nil, 0.09, 0.1], startLoss: 100), .lowestAt(1, behind: 0))
        // a tie is not "further"
        XCTAssertEqual(rankBatchSizes(finalLosses: [0.1, 0.1], startLoss: 100), .lowestAt(0, behind: 0))
        // every finished run ended above its start
        XCTAssertEqual(rankBatchSizes(finalLosses: [nil, nil, 5e5], startLoss: 98), .noneImproved)
    }

    func testNearBestLoss() {
        XCTAssertTrue(isNearBestLoss(0.0820, best: 0.0817))
        XCTAssertFalse(isNearBestLoss(0.1126, best: 0.0817))
        XCTAssertFalse(isNearBestLoss(.nan, best: 0.0817))
        XCTAssertTrue(isNearBestLoss(1e-12, best: 0))
        XCTAssertFalse(isNearBestLoss(1e-3, best: 0))
    }

    func testNearnessToBestSplitsEveryRunOneWay() {
        let best = 0.0817
        // All near, all diverged, none near with some diverged, a mix of the three.
        XCTAssertTrue(nearnessToBest(finalLosses: [0.0818, 0.0820], best: best) == ([0, 1], [], []))
        XCTAssertTrue(nearnessToBest(finalLosses: [nil, nil, nil], best: best) == ([], [], [0, 1, 2]))
        XCTAssertTrue(nearnessToBest(finalLosses: [nil, 0.2, 0.3], best: best) == ([], [1, 2], [0]))
        XCTAssertTrue(nearnessToBest(finalLosses: [0.5, .infinity, 0.0818], best: best) == ([2], [0], [1]))
        XCTAssertTrue(nearnessToBest(finalLosses: [], best: best) == ([], [], []))
    }

    func testWandersAcross() {
        // lesson 7's default: batch 1 dipped below batch 10's final 0.11263 and rose above it again
        XCTAssertTrue(wandersAcross(level: 0.11263, losses: [0.12, 0.09, 0.18592, 0.08203]))
        // still coming down from far above: it crosses once and stays below
        XCTAssertFalse(wandersAcross(level: 3.8, losses: [54.9, 20, 4, 1, 0.2, 0.13]))
        // never below the level
        XCTAssertFalse(wandersAcross(level: 0.05, losses: [0.1, 0.2, 0.08]))
        XCTAssertFalse(wandersAcross(level: 0.1, losses: []))
    }

    func testRises() {
        XCTAssertEqual(rises(in: []), 0)
        XCTAssertEqual(rises(in: [3]), 0)
        XCTAssertEqual(rises(in: [3, 2, 2, 1]), 0)
        XCTAssertEqual(rises(in: [1, 2, 1, 3]), 2)
    }

    /// The five-means form gives the same loss as the sum over the points.
    func testLossFromMomentsMatchesTheSum() {
        var generator = SeededGenerator(seed: 3)
        let data = LineData.noisyLine(count: 37, using: &generator)
        let moments = LineLossMoments(data)
        for (a, b) in [(0.0, 0.0), (3.0, 8.0), (-2.5, 11.0), (100.0, -40.0)] {
            let line = Line(slope: a, intercept: b)
            let direct = meanSquaredError(of: line, on: data)
            assertClose(direct, moments.loss(line), tolerance: 1e-12 * max(1, direct))
        }
        // Two points: the least-squares line goes through both, loss 0 (not a rounding negative).
        let two = LineData(x: [0, 1], y: [1, 3])
        XCTAssertEqual(LineLossMoments(two).loss(Line(slope: 2, intercept: 1)), 0, accuracy: 1e-15)
        XCTAssertGreaterThanOrEqual(LineLossMoments(two).loss(Line(slope: 2, intercept: 1)), 0)
    }

    func testMiniBatchRunStopsWhenItDiverges() {
        var generator = SeededGenerator(seed: 5)
        let data = LineData.noisyLine(count: 20, using: &generator)
        let moments = LineLossMoments(data)
        let history = miniBatchGradientDescent(
            start: [0, 0], count: 20, batchSize: 20, epochs: 500, learningRate: 5,
            loss: { moments.loss(Line(parameters: $0)) },
            batchGradient: { p, batch in meanSquaredErrorGradient(of: Line(parameters: p), on: data.subset(batch)) },
            using: &generator)
        guard case .diverged(let epoch) = history.outcome else {
            return XCTFail("lr 5 should diverge, got \(history.outcome)")
        }
        XCTAssertLessThan(epoch, 500)
        XCTAssertEqual(history.epochLosses.count, epoch)  // the start and each completed epoch
        XCTAssertTrue(history.epochLosses.allSatisfy(\.isFinite))
        XCTAssertTrue(history.parameters.allSatisfy(\.isFinite))
        XCTAssertEqual(history.updates, epoch)  // one update per epoch for the full batch
    }

    func testOnlyTheLastEpochsUpdateLossesAreKept() {
        var generator = SeededGenerator(seed: 8)
        let data = LineData.noisyLine(count: 10, using: &generator)
        let loss: ([Double]) -> Double = { meanSquaredError(of: Line(parameters: $0), on: data) }
        let gradient: ([Double], [Int]) -> [Double] = { p, batch in
            meanSquaredErrorGradient(of: Line(parameters: p), on: data.subset(batch))
        }
        var first = SeededGenerator(seed: 1)
        var second = SeededGenerator(seed: 1)
        let all = miniBatchGradientDescent(
            start: [0, 0], count: 10, batchSize: 3, epochs: 7, learningRate: 0.1,
            loss: loss, batchGradient: gradient, using: &first)
        let kept = miniBatchGradientDescent(
            start: [0, 0], count: 10, batchSize: 3, epochs: 7, learningRate: 0.1,
            updateLossEpochs: 2, loss: loss, batchGradient: gradient, using: &second)
        XCTAssertEqual(all.updatesPerEpoch, 4)
        XCTAssertEqual(all.updates, 28)
        XCTAssertEqual(all.updateLosses.count, 28)
        XCTAssertEqual(kept.updateLosses, Array(all.updateLosses.suffix(8)))
        XCTAssertEqual(kept.outcome, .finished)
        XCTAssertEqual(kept.epochLosses, all.epochLosses)
    }

    func testPathMeasuresByHand() {
        // Around the square (0,0) → (1,0) → (1,1) → (0,1): length 3, net move 1, and the farthest
        // corner from (0.5, 0.5) is √0.5 away.
        let square: [[Double]] = [[0, 0], [1, 0], [1, 1], [0, 1]]
        let (length, netMove, farthest) = pathMeasures(square, minimum: [0.5, 0.5])
        XCTAssertEqual(length, 3, accuracy: 1e-12)
        XCTAssertEqual(netMove, 1, accuracy: 1e-12)
        XCTAssertEqual(farthest, 0.5.squareRoot(), accuracy: 1e-12)
    }

    func testPathEndingGoesEachWay() {
        // Steps that mostly cancel, close to the minimum, for a descent that began far away:
        // wandering around it.
        let circling: [[Double]] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0.1]]
        XCTAssertEqual(pathEnding(circling, start: [-20, 0], minimum: [0.5, 0.5]), .wandersAroundMinimum)
        // The same steps when the descent began only a little further out: a wide region for it.
        XCTAssertEqual(pathEnding(circling, start: [2, 0.5], minimum: [0.5, 0.5]), .wandersWide)
        // The same steps far from the minimum: a short zigzag, well short of it.
        XCTAssertEqual(pathEnding(circling, start: [-20, 0], minimum: [50, 50]), .zigzagsShort)
        // A straight run: heading on.
        XCTAssertEqual(pathEnding([[0, 0], [1, 0], [2, 0.1], [3, 0]], start: [0, 0], minimum: [10, 0]), .headsOn)
        // Not moving at all.
        XCTAssertEqual(pathEnding([[2, 3], [2, 3], [2, 3]], start: [0, 0], minimum: [2, 3]), .stopped)
        XCTAssertEqual(pathEnding([], start: [0, 0], minimum: [0, 0]), .stopped)
    }
}
