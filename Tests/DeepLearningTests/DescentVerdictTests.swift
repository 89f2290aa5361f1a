import XCTest
import DeepLearning

/// The verdicts lessons 5 and 6 print, each driven both ways with hand-made numbers.
final class DescentVerdictTests: XCTestCase {
    func testAStoppedRunIsDiverged() {
        XCTAssertEqual(
            descentVerdict(losses: [100, 500], outcome: .diverged(step: 2), lowestLoss: 1, alternates: true),
            .diverged(step: 2))
    }

    func testALossThatRisesAgainIsClimbingEvenIfBelowItsStart() {
        // Fell from 100 to 2, then rose to 3: not converging, whatever the start was.
        XCTAssertEqual(
            descentVerdict(losses: [100, 2, 3], outcome: .finished, lowestLoss: 1, alternates: true),
            .climbing(lowest: 2, atStep: 1))
        XCTAssertEqual(
            descentVerdict(losses: [100, 140, 419], outcome: .finished, lowestLoss: 1, alternates: true),
            .climbing(lowest: 100, atStep: 0))
        // A flat tail (equal to rounding) is not a climb.
        XCTAssertEqual(
            descentVerdict(losses: [100, 1, 1], outcome: .finished, lowestLoss: 1, alternates: false),
            .converged(zigzagging: false))
    }

    /// A line through two points ends at a loss of about 1e-30 whose last digits jitter (lesson 5,
    /// --points 2 --learning-rate 0.8532 --steps 3000 was called climbing): a rise below 1e-12 of
    /// the starting loss is rounding noise. A real rise from a small loss still counts.
    func testARiseWithinRoundingNoiseIsNoClimb() {
        XCTAssertEqual(
            descentVerdict(losses: [100, 1e-30, 7.9e-30], outcome: .finished, lowestLoss: 0, alternates: true),
            .converged(zigzagging: true))
        XCTAssertEqual(
            descentVerdict(losses: [100, 1e-3, 2e-3], outcome: .finished, lowestLoss: 0, alternates: true),
            .climbing(lowest: 1e-3, atStep: 1))
    }

    func testWithinOnePercentOfTheLowestConverges() {
        XCTAssertEqual(
            descentVerdict(losses: [98, 0.0818], outcome: .finished, lowestLoss: 0.0817, alternates: true),
            .converged(zigzagging: true))
        XCTAssertEqual(
            descentVerdict(losses: [98, 0.0825], outcome: .finished, lowestLoss: 0.0817, alternates: false),
            .converged(zigzagging: false))
    }

    func testStillFarIsBouncingOrCrawling() {
        XCTAssertEqual(
            descentVerdict(losses: [98, 0.5755], outcome: .finished, lowestLoss: 0.0817, alternates: false),
            .crawling)
        XCTAssertEqual(
            descentVerdict(losses: [98, 0.1278], outcome: .finished, lowestLoss: 0.125, alternates: true),
            .bouncing)
    }

    func testALowestLossOfZeroStillHasATolerance() {
        XCTAssertTrue(isWithin(0.01, ofLowest: 0, loss: 1e-9))
        XCTAssertFalse(isWithin(0.01, ofLowest: 0, loss: 1e-6))
        XCTAssertTrue(isWithin(0.01, ofLowest: 2, loss: 2.019))
        XCTAssertFalse(isWithin(0.01, ofLowest: 2, loss: 2.03))
    }

    func testUnstableAndConvergedFlags() {
        XCTAssertTrue(DescentVerdict.diverged(step: 3).isUnstable)
        XCTAssertTrue(DescentVerdict.climbing(lowest: 1, atStep: 0).isUnstable)
        XCTAssertFalse(DescentVerdict.bouncing.isUnstable)
        XCTAssertTrue(DescentVerdict.converged(zigzagging: true).hasConverged)
        XCTAssertFalse(DescentVerdict.crawling.hasConverged)
    }

    func testTheHistoryVerdictReadsTheZigzagOfTheLastSteps() {
        let zigzag = (0...12).map { (t: Int) -> [Double] in [0.0, t % 2 == 0 ? 8.001 : 7.999] }
        let losses = (0...12).map { (t: Int) -> Double in 1 + 1e-4 / Double(t + 1) }
        let history = DescentHistory(
            parameters: zigzag, losses: losses,
            outcome: .finished, lossEvaluations: 13)
        XCTAssertEqual(history.verdict(lowestLoss: 1, parameter: 1, best: 8), .converged(zigzagging: true))
        XCTAssertEqual(history.verdict(lowestLoss: 1, parameter: 1, best: 7), .converged(zigzagging: false))
    }

    func testGapsBetweenParameterVectors() {
        XCTAssertEqual(largestParameterGap([3.2, 7.9], [3, 8]), 0.2, accuracy: 1e-12)
        XCTAssertEqual(euclideanDistance([3, 4], [0, 0]), 5, accuracy: 1e-12)
    }
}

/// The curvatures of the line's loss and what they say about a learning rate.
final class LineLossCurvatureTests: XCTestCase {
    /// x = 0 and 1: H = [[1, 1], [1, 2]], λ_max = (3 + √5)/2 with eigenvector (1, λ_max − 1)
    /// across the valley, (−(λ_max − 1), 1) along it (worked out by hand). A run far along the floor
    /// that flips across it at every step keeps b on one side of b* = 0: only the across-the-valley
    /// reading sees the zigzag. A run sliding along the floor while its across part shrinks
    /// without flipping is no zigzag.
    func testZigzagAcrossTheValleySeenWhereBDoesNotCross() {
        let curvature = LineLossCurvature(LineData(x: [0, 1], y: [0, 0]))
        let lambda = (3 + 5.0.squareRoot()) / 2
        let norm = (1 + (lambda - 1) * (lambda - 1)).squareRoot()
        let across = (1 / norm, (lambda - 1) / norm)
        let along = (-(lambda - 1) / norm, 1 / norm)
        func point(along s: Double, across t: Double) -> [Double] {
            [s * along.0 + t * across.0, s * along.1 + t * across.1]
        }
        let zigzag = DescentHistory(
            parameters: (0...12).map { point(along: 10, across: $0 % 2 == 0 ? 0.5 : -0.5) },
            losses: Array(repeating: 1, count: 13), outcome: .finished, lossEvaluations: 13)
        XCTAssertTrue(zigzag.parameters.allSatisfy { $0[1] > 4 }, "b stays above b* = 0")
        XCTAssertFalse(zigzag.alternates(parameter: 1, around: 0, lastSteps: 10))
        XCTAssertTrue(zigzag.zigzagsAcrossValley(curvature, bottom: [0, 0], lastSteps: 10))
        let slide = DescentHistory(
            parameters: (0...12).map { point(along: 10 - Double($0), across: 0.5 * pow(0.5, Double($0))) },
            losses: Array(repeating: 1, count: 13), outcome: .finished, lossEvaluations: 13)
        XCTAssertFalse(slide.zigzagsAcrossValley(curvature, bottom: [0, 0], lastSteps: 10))
        XCTAssertFalse(zigzag.zigzagsAcrossValley(curvature, bottom: [0, 0], lastSteps: 20), "too few steps to tell")
    }

    func testEigenvaluesOfKnownPoints() {
        // x = 0 and 1: H = (2/2)[[1, 1], [1, 2]], eigenvalues (3 ± √5)/2.
        let curvature = LineLossCurvature(LineData(x: [0, 1], y: [5, 7]))
        XCTAssertEqual(curvature.steep, (3 + 5.0.squareRoot()) / 2, accuracy: 1e-12)
        XCTAssertEqual(curvature.shallow, (3 - 5.0.squareRoot()) / 2, accuracy: 1e-12)
    }

    func testTheLimitMatchesTheLargestStableRateAndSplitsStableFromUnstable() {
        var generator = SeededGenerator(seed: 42)
        let data = LineData.noisyLine(count: 50, using: &generator)
        let curvature = LineLossCurvature(data)
        XCTAssertEqual(curvature.stableLimit, largestStableLearningRate(data), accuracy: 1e-12)
        XCTAssertLessThan(curvature.slowestFactor(learningRate: 0.99 * curvature.stableLimit), 1)
        XCTAssertGreaterThan(curvature.slowestFactor(learningRate: 1.01 * curvature.stableLimit), 1)
        XCTAssertLessThan(curvature.steepFactor(learningRate: 0.97 * curvature.stableLimit), -0.9)
    }

    func testStepsToReachIsABoundThatGradientDescentKeeps() {
        var generator = SeededGenerator(seed: 7)
        let data = LineData.noisyLine(count: 50, using: &generator)
        let curvature = LineLossCurvature(data)
        let best = leastSquaresLine(data).parameters
        let rate = 0.5
        let needed = curvature.stepsToReach(distance: 0.001, from: euclideanDistance([0, 0], best), learningRate: rate)!
        let run = gradientDescent(
            start: [0, 0], steps: needed, learningRate: { _ in rate },
            loss: { meanSquaredError(of: Line(parameters: $0), on: data) },
            gradient: { meanSquaredErrorGradient(of: Line(parameters: $0), on: data) })
        XCTAssertLessThanOrEqual(euclideanDistance(run.parameters.last!, best), 0.001)
        XCTAssertNil(curvature.stepsToReach(distance: 0.001, from: 1, learningRate: 2 * curvature.stableLimit))
        XCTAssertEqual(curvature.stepsToReach(distance: 0.001, from: 0.0001, learningRate: rate), 0)
    }

    func testSplitKeepsTheLengthAndGivesTheLossAboveTheBottom() {
        var generator = SeededGenerator(seed: 3)
        let data = LineData.noisyLine(count: 50, using: &generator)
        let curvature = LineLossCurvature(data)
        let best = leastSquaresLine(data).parameters
        let lowest = meanSquaredError(of: Line(parameters: best), on: data)
        for d in [[0.3, -0.1], [-0.02, 0.05], [1.0, 1.0]] {
            let (across, along) = curvature.split(d)
            XCTAssertEqual(across * across + along * along, d[0] * d[0] + d[1] * d[1], accuracy: 1e-12)
            let excess = meanSquaredError(of: Line(parameters: [best[0] + d[0], best[1] + d[1]]), on: data) - lowest
            XCTAssertEqual(
                excess, (curvature.steep * across * across + curvature.shallow * along * along) / 2, accuracy: 1e-9)
        }
    }

    func testSplitTellsAcrossFromAlong() {
        // x = 0 and 1: H = [[1, 1], [1, 2]]; its steep eigenvector is (1, φ)/|(1, φ)| with φ = (1 + √5)/2.
        let curvature = LineLossCurvature(LineData(x: [0, 1], y: [5, 7]))
        let phi = (1 + 5.0.squareRoot()) / 2
        let steep = [1 / (1 + phi * phi).squareRoot(), phi / (1 + phi * phi).squareRoot()]
        let acrossOnly = curvature.split([0.2 * steep[0], 0.2 * steep[1]])
        XCTAssertEqual(abs(acrossOnly.across), 0.2, accuracy: 1e-12)
        XCTAssertEqual(acrossOnly.along, 0, accuracy: 1e-12)
        let alongOnly = curvature.split([-0.2 * steep[1], 0.2 * steep[0]])
        XCTAssertEqual(alongOnly.across, 0, accuracy: 1e-12)
        XCTAssertEqual(abs(alongOnly.along), 0.2, accuracy: 1e-12)
    }
}
