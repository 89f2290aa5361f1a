import XCTest
import Foundation
import ExerciseChecks
@testable import E04_SigmoidDerivative

/// Checks of exercise 4 · The sigmoid's derivative.
final class E04_SigmoidDerivativeTests: XCTestCase {
    let exercise = Exercise(lesson: 2, placeholders: [0], failure: XCTFail)

    func testAtZero() {
        exercise.expectClose(sigmoidDerivative(0), 0.25, "σ′(0)", nudge: "σ(0) = 1/2, so σ(0)(1 − σ(0)) = 1/4.")
    }

    func testAgainstFiniteDifferences() {
        var random = TestRandom(seed: 3)
        for _ in 0..<50 {
            let x = random.uniform(-6, 6)
            let estimate = slope({ 1 / (1 + exp(-$0)) }, at: x)
            exercise.expectClose(
                sigmoidDerivative(x), estimate, tolerance: 1e-8, "σ′(\(shown(x))) against a finite difference")
        }
    }

    func testSymmetricAndSmallFarAway() {
        exercise.expectClose(
            sigmoidDerivative(2), sigmoidDerivative(-2), tolerance: 1e-15, "σ′(2) against σ′(−2)",
            nudge: "The slope is the same on both sides.")
        exercise.expect(
            sigmoidDerivative(1000) == 0 && sigmoidDerivative(-1000) == 0, "σ′(1000) and σ′(−1000)",
            expected: "exactly 0 and 0", got: "\(shown(sigmoidDerivative(1000))) and \(shown(sigmoidDerivative(-1000)))"
        )
    }
}
