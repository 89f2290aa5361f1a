import XCTest
import Foundation
import ExerciseChecks
@testable import E15_PredictParabolaSteps

/// Checks of exercise 15 · Predict three steps on a parabola.
final class E15_PredictParabolaStepsTests: XCTestCase {
    let exercise = Exercise(lesson: 7, placeholders: [.nan], failure: XCTFail)

    // The numbers lesson 7 prints in step 1's table (λ = 2, from p = 1), column "3".
    private let lessonAtPoint8 = -0.2160, lessonAt1Point1 = -1.7280

    func testPrediction1AtPoint8() {
        let got = predictedAfterThreeStepsAtPoint8
        exercise.expectClose(
            got, lessonAtPoint8, tolerance: 0.01,
            "your prediction of p after 3 steps at lr 0.8 (swift run lesson-7: step 1's table, row 0.8, column 3)",
            nudge: abs(got + lessonAtPoint8) < 0.01
                ? "The factor 1 − 0.8·2 is negative, and an odd power of it keeps the minus sign." : "")
    }

    func testPrediction2At1Point1() {
        let got = predictedAfterThreeStepsAt1Point1
        let nudge =
            abs(got + lessonAt1Point1) < 0.01
            ? "The factor 1 − 1.1·2 is negative, and an odd power of it keeps the minus sign."
            : abs(got) < 1 ? "|1 − 1.1·2| = 1.2 is above 1: each step lands further out than the last." : ""
        exercise.expectClose(
            got, lessonAt1Point1, tolerance: 0.01,
            "your prediction of p after 3 steps at lr 1.1 (swift run lesson-7: step 1's table, row 1.1, column 3)",
            nudge: nudge)
    }

    func testPrediction3Zigzags() {
        // 1 − lr·2 for 0.1, 0.4, 0.5, 0.8, 1.1: 0.8, 0.2, 0, −0.6, −1.2; negative means a zigzag.
        let got = predictedZigzagRates.sorted()
        exercise.expectEqual(
            got, [0.8, 1.1],
            "your prediction of the rates that zigzag (swift run lesson-7: step 1's last column says \"zigzags\")",
            nudge: got.contains(0.5)
                ? "At lr 0.5 the factor is 0: p lands on the bottom in one step and stays there." : "",
            untouched: got.isEmpty)
    }

    func testStepsByHand() {
        // 0 steps: the start; 1 step at lr 0.1: 1 − 0.2 = 0.8; 3 steps at 0.8: (−0.6)³ = −0.216;
        // λ = 4, lr = 0.25: factor 0, on the bottom after one step.
        let cases: [(steps: Int, rate: Double, lambda: Double, start: Double, expected: Double)] =
            [(0, 0.1, 2, 1, 1), (1, 0.1, 2, 1, 0.8), (3, 0.8, 2, 1, -0.216), (2, 0.25, 4, 3, 0)]
        for (steps, rate, lambda, start, expected) in cases {
            let got = parabolaAfter(steps: steps, learningRate: rate, lambda: lambda, start: start)
            let withoutLambda = Foundation.pow(1 - rate, Double(steps)) * start
            exercise.expectClose(
                got, expected, tolerance: 1e-12,
                "parabolaAfter(steps: \(steps), learningRate: \(shown(rate)), lambda: \(shown(lambda)), start: \(shown(start)))",
                nudge: lambda != 1 && abs(got - withoutLambda) < 1e-12
                    ? "The slope is λ·p, so a step moves p by lr·λ·p." : "")
        }
    }

    func testStepsMatchPowers() {
        var random = TestRandom(seed: 15)
        for _ in 0..<20 {
            let steps = Int(random.uniform(0, 11))
            let rate = random.uniform(0, 1.5)
            let lambda = random.uniform(0.5, 3)
            let start = random.uniform(-5, 5)
            let expected = Foundation.pow(1 - rate * lambda, Double(steps)) * start
            let got = parabolaAfter(steps: steps, learningRate: rate, lambda: lambda, start: start)
            exercise.expectClose(
                got, expected, tolerance: 1e-9 * max(1, abs(expected)),
                "parabolaAfter(steps: \(steps), learningRate: \(shown(rate)), lambda: \(shown(lambda)), start: \(shown(start))) against (1 − lr·λ)^steps · start",
                nudge: steps > 0 && abs(got - expected / (1 - rate * lambda)) < 1e-9 * max(1, abs(got))
                    ? "One step too few: take exactly `steps` steps." : "")
            if !(abs(got - expected) <= 1e-9 * max(1, abs(expected))) { return }
        }
    }
}
