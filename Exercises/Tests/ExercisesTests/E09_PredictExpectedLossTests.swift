import XCTest
import Foundation
import ExerciseChecks
@testable import E09_PredictExpectedLoss

/// Checks of exercise 9 · Predict the expected loss.
final class E09_PredictExpectedLossTests: XCTestCase {
    let exercise = Exercise(lesson: 4, placeholders: [.nan], failure: XCTFail)

    /// A prediction against the lesson's number; an untouched `.nan` is asked for, not answered.
    func expectPrediction(
        _ value: Double, _ name: String, _ lessonValue: Double, tolerance: Double, shownIn: String,
        nudge: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard !value.isNaN else {
            exercise.expect(
                false, "\(name) (\(shownIn))",
                expected: "your prediction in place of .nan, worked out before you run the lesson",
                got: "nan", file: file, line: line)
            return
        }
        exercise.expectClose(
            value, lessonValue, tolerance: tolerance, "\(name) (\(shownIn))", nudge: nudge, file: file, line: line)
    }

    /// The nudge for a prediction that shows a known mistake, "" for any other number.
    func nudge(
        for guess: Double, meanOnly: Double, noNoise: Double, deviationAsVariance: Double, oneDraw: Double, post: Double
    ) -> String {
        func near(_ x: Double) -> Bool { abs(guess - x) < 0.015 }
        if near(meanOnly) { return "That is the mean squared alone: E[v²] = (E[v])² + Var(v) adds the variance." }
        if near(noNoise) { return "The noise adds its variance 0.09 to the error's variance." }
        if near(deviationAsVariance) { return "0.3 is the noise's standard deviation; its variance is 0.3² = 0.09." }
        if near(oneDraw) {
            return "That is the loss of one draw (seed 42); the expected value averages over all draws."
        }
        if near(post) { return "That is the post's draw of 50 points; the expected value averages over all draws." }
        return ""
    }

    func test1_PredictedLossOfTheLineZeroZero() {
        // Lesson 4, step 2: 9.5² + 9/12 + 0.09 = 91.09.
        let lesson = 9.5 * 9.5 + 9.0 / 12 + 0.09
        expectPrediction(
            predictedLossFlat, "predictedLossFlat, the expected loss of a = 0, b = 0", lesson, tolerance: 0.05,
            shownIn: "swift run lesson-4 prints it in step 2, column \"expected value\"",
            nudge: nudge(
                for: predictedLossFlat, meanOnly: 90.25, noNoise: 91, deviationAsVariance: 91.3, oneDraw: 98.18,
                post: 92.67))
    }

    func test2_PredictedLossOfTheLineOneOne() {
        // Lesson 4, step 2: 8² + 4/12 + 0.09 = 64.42.
        let lesson = 8.0 * 8.0 + 4.0 / 12 + 0.09
        expectPrediction(
            predictedLossOne, "predictedLossOne, the expected loss of a = 1, b = 1", lesson, tolerance: 0.05,
            shownIn: "swift run lesson-4 prints it in step 2, column \"expected value\"",
            nudge: nudge(
                for: predictedLossOne, meanOnly: 64, noNoise: 64 + 4.0 / 12, deviationAsVariance: 64 + 4.0 / 12 + 0.3,
                oneDraw: 68.55, post: 65.36))
    }

    func test3_ExpectedLossByHand() {
        // Other lines than (0, 0) and (1, 1), whose values are the student's predictions: a failing
        // message must not tell them.
        // (0, 8): error 3x + noise, mean 1.5, variance 9/12 + 0.09 → 2.25 + 0.84 = 3.09.
        let steep = expectedLoss(a: 0, b: 8)
        exercise.expectClose(
            steep, 3.09, tolerance: 1e-9, "expectedLoss(a: 0, b: 8), error 3x + noise",
            nudge: abs(steep - 2.25) < 1e-9
                ? "E[e²] = (E[e])² + Var(e): add the variance."
                : abs(steep - (2.25 + 0.75 + 0.3)) < 1e-9
                    ? "0.3 is the noise's standard deviation; its variance is 0.09."
                    : abs(steep - (2.25 + 0.25 + 0.09)) < 1e-9
                        ? "Var(c·x) = c²·Var(x): the factor 3 − a goes in squared." : "")
        // (2, 5): error x + 3 + noise, mean 3.5, variance 1/12 + 0.09 → 12.25 + 0.17333 = 12.42333.
        exercise.expectClose(
            expectedLoss(a: 2, b: 5), 12.25 + 1.0 / 12 + 0.09, tolerance: 1e-9,
            "expectedLoss(a: 2, b: 5), error x + 3 + noise")
        // The line the points came from still keeps the noise: the floor no line gets under.
        let truth = expectedLoss(a: 3, b: 8)
        exercise.expectClose(
            truth, 0.09, tolerance: 1e-12, "expectedLoss(a: 3, b: 8), the rule behind the data",
            nudge: truth == 0 ? "Even the true line misses each point by its noise: the variance 0.09 stays." : "")
    }

    func test4_AgainstAnIntegralOverX() {
        // E[(e_x + noise)²] = ∫₀¹ ((3 − a)x + 8 − b)² dx + 0.09; Simpson's rule is exact for a quadratic.
        func integral(_ a: Double, _ b: Double) -> Double {
            let f = { (x: Double) in ((3 - a) * x + 8 - b) * ((3 - a) * x + 8 - b) }
            return (f(0) + 4 * f(0.5) + f(1)) / 6 + 0.09
        }
        var random = TestRandom(seed: 9)
        for _ in 0..<20 {
            let a = random.uniform(-5, 10)
            let b = random.uniform(-5, 15)
            let expected = integral(a, b)
            let got = expectedLoss(a: a, b: b)
            if !(abs(got - expected) <= 1e-9 * max(1, expected)) {
                exercise.expectClose(
                    got, expected, tolerance: 1e-9 * max(1, expected),
                    "expectedLoss(a: \(shown(a)), b: \(shown(b))) against ∫₀¹ ((3 − a)x + 8 − b)² dx + 0.09")
                return  // one failure says it; the other lines would repeat it
            }
        }
        // Lesson 4, step 5: along a = b = t the expected loss is lowest at t = 14.5 / (7/3) ≈ 6.21.
        let t = 14.5 / (7.0 / 3)
        let low = expectedLoss(a: t, b: t)
        exercise.expect(
            low < expectedLoss(a: t - 0.05, b: t - 0.05) && low < expectedLoss(a: t + 0.05, b: t + 0.05),
            "expectedLoss along a = b near t = 6.21 (lesson 4, step 5)",
            expected: "the lowest value at t = 6.21",
            got:
                "\(shown(low)) there, \(shown(expectedLoss(a: t - 0.05, b: t - 0.05))) at t − 0.05 and \(shown(expectedLoss(a: t + 0.05, b: t + 0.05))) at t + 0.05"
        )
    }
}
