import XCTest
import Foundation
import ExerciseChecks
@testable import E03_Activations

/// Checks of exercise 3 · Sigmoid, tanh through sigmoid, ReLU.
final class E03_ActivationsTests: XCTestCase {
    let exercise = Exercise(lesson: 2, placeholders: [.nan], failure: XCTFail)

    func testRelu() {
        exercise.expectClose(relu(3), 3, "relu(3)")
        exercise.expectClose(relu(-3), 0, "relu(−3)", nudge: "Negatives become 0.")
        exercise.expectClose(relu(0), 0, "relu(0)")
    }

    func testSigmoidValues() {
        exercise.expectClose(sigmoid(0), 0.5, "sigmoid(0)", nudge: "1 / (1 + e⁰) = 1/2.")
        exercise.expectClose(sigmoid(1), 0.7310585786300049, tolerance: 1e-12, "sigmoid(1)")
        exercise.expectClose(sigmoid(-1), 0.2689414213699951, tolerance: 1e-12, "sigmoid(−1)")
    }

    func testSigmoidAtTheExtremes() {
        exercise.expectClose(sigmoid(1000), 1, tolerance: 0, "sigmoid(1000)")
        exercise.expectClose(
            sigmoid(-1000), 0, tolerance: 0, "sigmoid(−1000)",
            nudge: "For x < 0 use eˣ / (1 + eˣ): e^1000 is infinite and inf/inf is nan.")
    }

    func testTanhThroughSigmoidMatchesTanh() {
        var random = TestRandom(seed: 2)
        for _ in 0..<50 {
            let x = random.uniform(-5, 5)
            exercise.expectClose(
                tanhThroughSigmoid(x), tanh(x), tolerance: 1e-12, "tanhThroughSigmoid(\(shown(x)))",
                nudge: "2σ(2x) − 1: double x inside, double the result, subtract 1.")
        }
    }
}
