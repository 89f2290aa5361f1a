import XCTest
import Foundation
import ExerciseChecks
@testable import E34_AdamStep

/// Checks of exercise 34 · One Adam step.
final class E34_AdamStepTests: XCTestCase {
    let exercise = Exercise(lesson: 14, failure: XCTFail)

    func test1FirstStepIsLearningRateTimesSign() {
        // t = 1: m̂ = g, ŝ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g) = 0.01 for each.
        let step = adamStep(
            parameters: [0, 0, 0], m: [0, 0, 0], s: [0, 0, 0], t: 1, gradient: [1000, -0.5, 3], learningRate: 0.01)
        // The size of every step a known mistake gives at t = 1 (each parameter moves this far):
        // no corrections lr·0.1/√0.001, only m corrected lr/√0.001, only s corrected lr·0.1.
        let sizes = step.parameters.map(abs)
        func all(near size: Double) -> Bool { sizes.count == 3 && sizes.allSatisfy { abs($0 - size) < 1e-6 } }
        let nudge: String
        if all(near: 0.01 * 0.1 / 0.001.squareRoot()) {
            nudge =
                "Without the bias corrections the first step is √1000/10 ≈ 3.2 times too long: divide m by 1 − β₁ᵗ and s by 1 − β₂ᵗ."
        } else if all(near: 0.01 / 0.001.squareRoot()) {
            nudge = "m is corrected but s is not: divide s by 1 − β₂ᵗ as well."
        } else if all(near: 0.01 * 0.1) {
            nudge = "s is corrected but m is not: divide m by 1 − β₁ᵗ as well."
        } else if step.parameters == [0.01, -0.01, 0.01] {
            nudge = "Step against the gradient: p − lr·m̂/(√ŝ + ε)."
        } else {
            nudge = ""
        }
        exercise.expectClose(
            step.parameters, [-0.01, 0.01, -0.01], tolerance: 1e-9,
            "the parameters after the first step (t = 1) from 0 with gradients (1000, −0.5, 3), lr 0.01",
            nudge: nudge)
        exercise.expectClose(
            step.m, [100, -0.05, 0.3], tolerance: 1e-9, "m after the first step: (1 − β₁)·g with β₁ 0.9",
            nudge: step.m == [1000, -0.5, 3] ? "Keep the raw average in m; the correction goes into m̂ only." : "")
        exercise.expectClose(
            step.s, [1000, 0.00025, 0.009], tolerance: 1e-9, "s after the first step: (1 − β₂)·g² with β₂ 0.999",
            nudge: step.s == [1000, 0.5, 3].map { 0.001 * $0 } ? "s averages the SQUARE of the gradient, g·g." : "")
    }

    func test2SecondStepByHand() {
        // g = 1 at t = 2 after m = 0.2, s = 0.004 (a first step with g = 2), lr 0.1:
        // m = 0.28, s = 0.004996, m̂ = 0.28/0.19, ŝ = 0.004996/0.001999.
        let step = adamStep(parameters: [-0.1], m: [0.2], s: [0.004], t: 2, gradient: [1], learningRate: 0.1)
        exercise.expectClose(step.m, [0.28], tolerance: 1e-12, "m after the second step (0.9·0.2 + 0.1·1)")
        exercise.expectClose(step.s, [0.004996], tolerance: 1e-12, "s after the second step (0.999·0.004 + 0.001·1²)")
        let expected = -0.1 - 0.1 * (0.28 / 0.19) / ((0.004996 / 0.001999).squareRoot() + 1e-8)
        exercise.expectClose(
            step.parameters, [expected], tolerance: 1e-12, "the parameter after the second step (t = 2) from −0.1",
            nudge: step.parameters.count != 1
                ? ""
                : abs(step.parameters[0] - (-0.1 - 0.1 * 0.28 / (0.004996.squareRoot() + 1e-8))) < 1e-9
                    ? "Divide m and s by the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ, here with t = 2."
                    : abs(step.parameters[0] - (-0.1 - 0.1 * (0.28 / 0.1) / ((0.004996 / 0.001).squareRoot() + 1e-8)))
                        < 1e-9
                        ? "The bias corrections use this step's t = 2: 1 − 0.9² and 1 − 0.999², not 1 − 0.9 and 1 − 0.999."
                        : "")
    }

    func test3ScaleDoesNotMatter() {
        // Multiplying every gradient by 1000 changes m and s but not the step (ε aside).
        let small = adamStep(
            parameters: [1, 2], m: [0.1, -0.2], s: [0.01, 0.05], t: 3, gradient: [0.3, -0.1], learningRate: 0.05)
        let large = adamStep(
            parameters: [1, 2], m: [100, -200], s: [10_000, 50_000], t: 3, gradient: [300, -100], learningRate: 0.05)
        exercise.expectClose(
            large.parameters, small.parameters, tolerance: 1e-6,
            "the step with m, √s and g all 1000× larger: the same as with the small ones")
        exercise.expect(
            small.parameters != [1, 2], "the parameters move at step 3 with a non-zero gradient",
            expected: "different from (1, 2)", got: "\(small.parameters)")
    }
}
