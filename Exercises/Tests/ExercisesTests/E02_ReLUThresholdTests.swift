import XCTest
import Foundation
import ExerciseChecks
@testable import E02_ReLUThreshold

/// Checks of exercise 2 · Predict a ReLU neuron's threshold.
final class E02_ReLUThresholdTests: XCTestCase {
    let exercise = Exercise(lesson: 1, placeholders: [.nan], failure: XCTFail)

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

    func test1_PredictedThreshold() {
        // Lesson 1, step 3: weights (1, 1), bias −1.5; "It stays at 0 until s passes −b = 1.5."
        let guess = predictedThreshold
        expectPrediction(
            guess, "predictedThreshold for weights (1, 1), bias −1.5", 1.5, tolerance: 0.01,
            shownIn: "swift run lesson-1 prints it in step 3",
            nudge: guess == -1.5
                ? "That is b itself: the output max(0, s + b) is not 0 when s + b > 0, that is when s > −b."
                : "The output is max(0, s + b): for which s does s + b pass 0?")
    }

    func test2_PredictedOutput() {
        // Inputs (1, 1): s = 2, y = max(0, 2 − 1.5) = 0.5 (lesson 1, step 3's table, row (1.0, 1.0)).
        let guess = predictedOutput
        let nudge: String
        switch guess {
        case 2: nudge = "2 is the weighted sum s; the output adds the bias first: max(0, s + b)."
        case 3.5: nudge = "The bias is −1.5, so s + b = 2 − 1.5."
        case 0: nudge = "s = 2 is past the threshold 1.5, so ReLU lets s + b through."
        default: nudge = "s = 1·1 + 1·1, then y = max(0, s + b)."
        }
        expectPrediction(
            guess, "predictedOutput for inputs (1.0, 1.0)", 0.5, tolerance: 0.01,
            shownIn: "swift run lesson-1 prints it in step 3's table", nudge: nudge)
    }

    func test3_ThresholdIsMinusTheBias() {
        // Not lesson 1's −1.5: that one is the student's prediction, and a failing message must not tell it.
        for (bias, threshold) in [(-4.0, 4.0), (0.3, -0.3), (0.0, 0.0), (2.5, -2.5)] {
            let got = reluThreshold(bias: bias)
            // These numbers would tell the rule behind predictedThreshold: shown once it is predicted.
            if predictedThreshold.isNaN, !(abs(got - threshold) <= 1e-12) {
                exercise.expect(
                    false, "reluThreshold(bias: \(shown(bias)))",
                    expected: "the threshold for this bias (shown here once predictedThreshold holds your prediction)",
                    got: shown(got))
                return
            }
            exercise.expectClose(
                got, threshold, tolerance: 1e-12, "reluThreshold(bias: \(shown(bias)))",
                nudge: got == bias ? "The threshold is −b, not b: s + b > 0 means s > −b." : "")
        }
    }

    func test4_FiresOnLessonOnesTable() {
        // Step 3's table, weights (1, 1), bias −1.5: outputs 0, 0, 0, 0.5, 1.5.
        let rows: [(inputs: [Double], fires: Bool)] = [
            ([0, 0], false), ([1, 0], false), ([0.5, 1], false), ([1, 1], true), ([2, 1], true)
        ]
        for row in rows {
            let got = fires(inputs: row.inputs, weights: [1, 1], bias: -1.5)
            let nudge =
                row.inputs == [0.5, 1] && got
                ? "There s = 1.5 sits exactly on the threshold: s + b = 0 and max(0, 0) = 0, so use >, not >=."
                : (row.inputs == [1, 0] && got ? "s = 1 is below the threshold −b = 1.5: compare s with −b." : "")
            exercise.expectEqual(
                got, row.fires, "fires for inputs \(shown(row.inputs)), weights (1, 1), bias −1.5", nudge: nudge)
        }
        // Step 2's neuron: s = 1.0, bias 0.3; and with every input 0 (s = 0 > −0.3) it fires too.
        exercise.expectEqual(
            fires(inputs: [0.5, -1, 2], weights: [0.8, 0.2, 0.4], bias: 0.3), true,
            "fires for step 2's neuron, inputs (0.5, −1, 2), weights (0.8, 0.2, 0.4), bias 0.3")
        // The nudge only for an answer that fires at all (the stub says false everywhere).
        let firesSomewhere = fires(inputs: [1, 1], weights: [1, 1], bias: -1.5)
        exercise.expectEqual(
            fires(inputs: [0, 0, 0], weights: [0.8, 0.2, 0.4], bias: 0.3), true,
            "fires for inputs (0, 0, 0), weights (0.8, 0.2, 0.4), bias 0.3",
            nudge: firesSomewhere ? "A positive bias makes the threshold negative: s = 0 is already past −0.3." : "")
    }

    func test5_FiresExactlyWhenTheOutputIsNotZero() {
        var random = TestRandom(seed: 1)
        for _ in 0..<20 {
            let inputs = (0..<3).map { _ in random.uniform(-2, 2) }
            let weights = (0..<3).map { _ in random.uniform(-1, 1) }
            let bias = random.uniform(-1, 1)
            let output = max(0, zip(inputs, weights).map { $0 * $1 }.reduce(bias, +))
            let got = fires(inputs: inputs, weights: weights, bias: bias)
            if got != (output > 0) {
                exercise.expectEqual(
                    got, output > 0,
                    "fires for inputs \(shown(inputs)), weights \(shown(weights)), bias \(shown(bias)) (output \(shown(output)))"
                )
                return  // one failure says it; the other draws would repeat it
            }
        }
    }
}
