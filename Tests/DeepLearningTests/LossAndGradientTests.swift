import XCTest
import DeepLearning

final class MeanSquaredErrorTests: XCTestCase {
    func testHandComputedCases() {
        // errors 1, −2, 3 → squares 1, 4, 9 → mean 14/3
        assertClose(
            14.0 / 3, meanSquaredError(predicted: [2, 0, 6], expected: [1, 2, 3]), tolerance: Tolerance.rounding)
        XCTAssertEqual(meanSquaredError(predicted: [5, 5], expected: [5, 5]), 0)
        // Over two samples of two outputs: per-sample MSEs (1+1)/2 = 1 and (0+4)/2 = 2 → mean 1.5
        let predicted = Matrix([[1, 1], [0, 2]])
        let expected = Matrix([[0, 2], [0, 0]])
        assertClose(1.5, meanSquaredError(predicted: predicted, expected: expected), tolerance: Tolerance.rounding)
    }

    func testGradientMatchesFiniteDifferences() {
        var generator = SeededGenerator(seed: 31)
        for _ in 0..<100 {
            let n = 1 + generator.index(below: 8)
            let predicted = (0..<n).map { _ in generator.normal() }
            let expected = (0..<n).map { _ in generator.normal() }
            let numeric = centralDifferenceGradient(
                of: { meanSquaredError(predicted: $0, expected: expected) }, at: predicted)
            assertGradientsAgree(meanSquaredErrorGradient(predicted: predicted, expected: expected), numeric)
        }
    }

    func testLineLossAndItsGradientByHand() {
        // Points (0, 1) and (1, 3); line a = 1, b = 0 predicts 0 and 1: errors −1, −2.
        // loss = (1 + 4)/2 = 2.5; ∂/∂a = (2·(−1)·0 + 2·(−2)·1)/2 = −2; ∂/∂b = (2·(−1) + 2·(−2))/2 = −3
        let data = LineData(x: [0, 1], y: [1, 3])
        let line = Line(slope: 1, intercept: 0)
        assertClose(2.5, meanSquaredError(of: line, on: data), tolerance: Tolerance.rounding)
        assertClose([-2, -3], meanSquaredErrorGradient(of: line, on: data), tolerance: Tolerance.rounding)
    }

    func testLineGradientMatchesFiniteDifferencesAtRandomPoints() {
        var generator = SeededGenerator(seed: 5)
        let data = LineData.noisyLine(count: 50, using: &generator)
        for _ in 0..<200 {
            let p = [generator.normal(standardDeviation: 5), generator.normal(standardDeviation: 5)]
            let numeric = centralDifferenceGradient(of: { meanSquaredError(of: Line(parameters: $0), on: data) }, at: p)
            assertGradientsAgree(meanSquaredErrorGradient(of: Line(parameters: p), on: data), numeric)
        }
    }
}

final class LineDataTests: XCTestCase {
    func testNoisyLineFollowsItsDistributions() {
        var generator = SeededGenerator(seed: 17)
        let data = LineData.noisyLine(count: 20_000, using: &generator)
        XCTAssertTrue(data.x.allSatisfy { $0 >= 0 && $0 < 1 })
        let residuals = zip(data.x, data.y).map { $1 - (3 * $0 + 8) }
        let mean = residuals.reduce(0, +) / Double(residuals.count)
        let sd = (residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)).squareRoot()
        // noise 0.1·N(0, 3) has standard deviation 0.3; standard error of the mean 0.3/√20000 ≈ 0.002
        assertClose(0, mean, tolerance: 0.01)
        assertClose(0.3, sd, tolerance: 0.01)
    }

    func testExpectedLossesOfTheTwoGuesses() {
        // E[y²] = 91.09 for (0, 0) and E[(2x + 7 + ε)²] = 64.4233 for (1, 1), worked out from
        // the distributions in lesson 4's walkthrough. 200 000 points bring the sample mean
        // within about 0.06 (standard deviation of y² ≈ 17, /√200000 ≈ 0.04).
        var generator = SeededGenerator(seed: 99)
        let data = LineData.noisyLine(count: 200_000, using: &generator)
        assertClose(91.09, meanSquaredError(of: Line(slope: 0, intercept: 0), on: data), tolerance: 0.15)
        assertClose(64.4233, meanSquaredError(of: Line(slope: 1, intercept: 1), on: data), tolerance: 0.15)
    }

    func testLeastSquaresOnExactAndNoisyPoints() {
        let exact = leastSquaresLine(LineData(x: [0, 1, 2, 3], y: [8, 11, 14, 17]))
        assertClose(3, exact.slope, tolerance: Tolerance.rounding)
        assertClose(8, exact.intercept, tolerance: Tolerance.rounding)
        // The least-squares line has zero gradient.
        var generator = SeededGenerator(seed: 3)
        let data = LineData.noisyLine(count: 50, using: &generator)
        let best = leastSquaresLine(data)
        assertClose([0, 0], meanSquaredErrorGradient(of: best, on: data), tolerance: 1e-12)
    }
}

final class FiniteDifferenceTests: XCTestCase {
    func testExactOnAQuadratic() {
        // f(p) = 3p₀² − 2p₀p₁ + 5p₁ + 7: ∇f = (6p₀ − 2p₁, −2p₀ + 5). A central difference has no
        // truncation error on a quadratic, so only rounding (≈ ε·|f|/h ≈ 1e−10) is left.
        let f: ([Double]) -> Double = { p in 3 * p[0] * p[0] - 2 * p[0] * p[1] + 5 * p[1] + 7 }
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<100 {
            let p = [generator.uniform(-3, 3), generator.uniform(-3, 3)]
            assertClose([6 * p[0] - 2 * p[1], -2 * p[0] + 5], centralDifferenceGradient(of: f, at: p), tolerance: 1e-8)
        }
    }

    func testSingleVariable() {
        assertClose(3, centralDifference(of: { $0 * $0 * $0 }, at: 1), tolerance: 1e-9)
    }
}

final class GradientDescentTests: XCTestCase {
    func testOneStepByHand() {
        XCTAssertEqual(gradientDescentStep(parameters: [1, 2], gradient: [10, -4], learningRate: 0.1), [0, 2.4])
    }

    func testDescentReachesTheLeastSquaresLine() {
        var generator = SeededGenerator(seed: 42)
        let data = LineData.noisyLine(count: 50, using: &generator)
        let history = gradientDescent(
            start: [0, 0], steps: 2000, learningRate: { _ in 0.3 },
            loss: { meanSquaredError(of: Line(parameters: $0), on: data) },
            gradient: { meanSquaredErrorGradient(of: Line(parameters: $0), on: data) })
        XCTAssertEqual(history.outcome, .finished)
        let exact = leastSquaresLine(data)
        assertClose(exact.slope, history.parameters.last![0], tolerance: 1e-3)
        assertClose(exact.intercept, history.parameters.last![1], tolerance: 1e-3)
        // The loss never goes up with a stable rate on a convex bowl.
        for (before, after) in zip(history.losses, history.losses.dropFirst()) {
            XCTAssertLessThanOrEqual(after, before + 1e-12)
        }
    }

    func testTooLargeLearningRateIsDetectedAsDivergence() {
        var generator = SeededGenerator(seed: 42)
        let data = LineData.noisyLine(count: 50, using: &generator)
        let limit = largestStableLearningRate(data)
        func run(_ rate: Double) -> DescentHistory {
            gradientDescent(
                start: [0, 0], steps: 500, learningRate: { _ in rate },
                loss: { meanSquaredError(of: Line(parameters: $0), on: data) },
                gradient: { meanSquaredErrorGradient(of: Line(parameters: $0), on: data) })
        }
        guard case .diverged = run(limit * 1.1).outcome else {
            return XCTFail("lr just above the limit should diverge")
        }
        XCTAssertEqual(run(limit * 0.9).outcome, .finished)
        let huge = run(1e6)
        guard case .diverged(let step) = huge.outcome else { return XCTFail("lr 1e6 should diverge") }
        XCTAssertEqual(step, 1)
        XCTAssertTrue(huge.losses.allSatisfy { $0.isFinite }, "no nan is ever recorded")
    }

    func testLargestStableRateOnAHandExample() {
        // x = 0 and 1: H = (2/2)[[1, 1], [1, 2]], eigenvalues (3 ± √5)/2; largest 2.618…, so 2/λ = 0.7639…
        assertClose(
            2 / ((3 + 5.0.squareRoot()) / 2), largestStableLearningRate(LineData(x: [0, 1], y: [0, 0])),
            tolerance: 1e-12)
    }

    func testCyclicalScheduleAtItsKeySteps() {
        let schedule = LearningRateSchedule.cyclical(low: 0.1, high: 0.5, steps: 100)
        assertClose(0.1, schedule.rate(at: 0), tolerance: 1e-15)
        assertClose(0.3, schedule.rate(at: 25), tolerance: 1e-15)
        assertClose(0.5, schedule.rate(at: 50), tolerance: 1e-15)
        assertClose(0.3, schedule.rate(at: 75), tolerance: 1e-15)
        assertClose(0.1, schedule.rate(at: 100), tolerance: 1e-15)
        assertClose(0.1, schedule.rate(at: 150), tolerance: 1e-15)
        XCTAssertEqual(LearningRateSchedule.constant(0.7).rate(at: 12), 0.7)
    }

    /// Steps the same distance from either end of the cycle share one rate, bit for bit, and the
    /// ends and the middle are `low` and `high` exactly, for every cycle length up to 40 (lesson 13
    /// compares the rates of its epochs with ==; 1 − |2t/T − 1| gave 26.142857142857142 and
    /// 26.142857142857146 for the middle epochs of 8).
    func testCyclicalScheduleIsExactlySymmetric() {
        for (low, high) in [(3.0, 30.0), (0.03, 0.3), (0.05, 0.83), (1.5, 15.0)] {
            for steps in 1...40 {
                let schedule = LearningRateSchedule.cyclical(low: low, high: high, steps: steps)
                for t in 0...steps {
                    XCTAssertEqual(schedule.rate(at: t), schedule.rate(at: steps - t), "steps \(steps), t \(t)")
                }
                XCTAssertEqual(schedule.rate(at: 0), low)
                if steps % 2 == 0 { XCTAssertEqual(schedule.rate(at: steps / 2), high, "steps \(steps)") }
            }
        }
    }
}

final class FourthOrderDifferenceTests: XCTestCase {
    func testExactOnAQuartic() {
        // Richardson's central formula is exact for polynomials up to degree 4:
        // f = p₀⁴ − 3p₀p₁² + 2, ∇f = (4p₀³ − 3p₁², −6p₀p₁). Only rounding (≈ 1e−12) is left.
        let f: ([Double]) -> Double = { p in p[0] * p[0] * p[0] * p[0] - 3 * p[0] * p[1] * p[1] + 2 }
        var generator = SeededGenerator(seed: 44)
        for _ in 0..<100 {
            let p = [generator.uniform(-2, 2), generator.uniform(-2, 2)]
            assertClose(
                [4 * p[0] * p[0] * p[0] - 3 * p[1] * p[1], -6 * p[0] * p[1]],
                fourthOrderDifferenceGradient(of: f, at: p), tolerance: 1e-10)
        }
    }
}

final class StatisticsTests: XCTestCase {
    func testMeanAndStandardDeviationByHand() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, s = √(32/7)
        let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        XCTAssertEqual(mean(values), 5)
        assertClose((32.0 / 7).squareRoot(), standardDeviation(values), tolerance: Tolerance.rounding)
        XCTAssertEqual(standardDeviation([3, 3, 3]), 0)
    }
}

final class DescentHistoryTests: XCTestCase {
    func testFirstStepAndAlternation() {
        // Parameters bouncing around 8 with shrinking steps: 10, 6.5, 9, 7.5, 8.4, 7.8
        let history = DescentHistory(
            parameters: [[10], [6.5], [9], [7.5], [8.4], [7.8]],
            losses: [4, 2.25, 1, 0.25, 0.16, 0.04], outcome: .finished, lossEvaluations: 6)
        XCTAssertEqual(history.firstStep(reachingLoss: 0.2), 4)
        XCTAssertNil(history.firstStep(reachingLoss: 0.01))
        XCTAssertTrue(history.alternates(parameter: 0, around: 8, lastSteps: 5))
        // Approaching from one side never alternates.
        let monotone = DescentHistory(
            parameters: [[10], [9], [8.5], [8.2]], losses: [4, 1, 0.25, 0.04],
            outcome: .finished, lossEvaluations: 4)
        XCTAssertFalse(monotone.alternates(parameter: 0, around: 8, lastSteps: 3))
        XCTAssertFalse(monotone.alternates(parameter: 0, around: 8, lastSteps: 10), "too few steps to tell")
    }
}
