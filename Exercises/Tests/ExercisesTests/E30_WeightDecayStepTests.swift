import XCTest
import Foundation
import ExerciseChecks
@testable import E30_WeightDecayStep

/// Checks of exercise 30 · One SGD step with weight decay.
final class E30_WeightDecayStepTests: XCTestCase {
    let exercise = Exercise(lesson: 12, failure: XCTFail)

    func near(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-9 }
    }

    func test1ByHand() {
        // w = (1, −2), ∂loss/∂w = (0.5, 0), b = (3), ∂loss/∂b = (1), lr = 0.1, λ = 0.1:
        // w₀ = 1 − 0.1·(0.5 + 0.1·1) = 0.94, w₁ = −2 − 0.1·(0 + 0.1·(−2)) = −1.98, b = 3 − 0.1·1 = 2.9.
        let step = sgdStep(
            weights: [1, -2], weightGradients: [0.5, 0], biases: [3], biasGradients: [1],
            learningRate: 0.1, weightDecay: 0.1)
        let weightNudge =
            near(step.weights, [0.93, -1.96])
            ? "The course's decay is the gradient of λ/2·Σw²: λ·w, not 2λ·w."
            : near(step.weights, [0.85, -1.8])
                ? "The learning rate multiplies the decay term too: lr·(∂loss/∂w + λ·w)."
                : near(step.weights, [0.96, -2.02])
                    ? "Subtract the decay term's step: w − lr·(∂loss/∂w + λ·w) pulls w towards 0." : ""
        exercise.expectClose(
            step.weights, [0.94, -1.98], tolerance: 1e-12,
            "the weights after one step from (1, −2) with gradients (0.5, 0), lr 0.1, λ 0.1", nudge: weightNudge)
        exercise.expectClose(
            step.biases, [2.9], tolerance: 1e-12, "the bias after one step from 3 with gradient 1, lr 0.1, λ 0.1",
            nudge: near(step.biases, [2.87]) ? "Biases are not decayed: b − lr·∂loss/∂b." : "")
    }

    func test2NoDecayIsPlainSGD() {
        var random = TestRandom(seed: 30)
        let w = (0..<6).map { _ in random.uniform(-2, 2) }
        let dW = (0..<6).map { _ in random.uniform(-1, 1) }
        let b = (0..<3).map { _ in random.uniform(-1, 1) }
        let dB = (0..<3).map { _ in random.uniform(-1, 1) }
        let step = sgdStep(
            weights: w, weightGradients: dW, biases: b, biasGradients: dB, learningRate: 0.3, weightDecay: 0)
        exercise.expectClose(
            step.weights, zip(w, dW).map { $0 - 0.3 * $1 }, tolerance: 1e-12,
            "the weights after a step with λ = 0 (plain SGD, w − lr·∂loss/∂w) at lr 0.3")
        exercise.expectClose(
            step.biases, zip(b, dB).map { $0 - 0.3 * $1 }, tolerance: 1e-12,
            "the biases after a step with λ = 0 (plain SGD, b − lr·∂loss/∂b) at lr 0.3")
    }

    func test3DecayAloneShrinksTheWeights() {
        // No gradient: each step multiplies every weight by 1 − lr·λ = 1 − 0.5·0.2 = 0.9, towards 0,
        // and leaves the biases where they are.
        let w = [2.0, -1.0, 0.5, 0]
        let b = [1.5, -0.5]
        let step = sgdStep(
            weights: w, weightGradients: [0, 0, 0, 0], biases: b, biasGradients: [0, 0],
            learningRate: 0.5, weightDecay: 0.2)
        exercise.expectClose(
            step.weights, [1.8, -0.9, 0.45, 0], tolerance: 1e-12,
            "the weights (2, −1, 0.5, 0) after one step with no gradient, lr 0.5, λ 0.2",
            nudge: near(step.weights, [2.2, -1.1, 0.55, 0]) ? "The decay pulls weights towards 0: subtract lr·λ·w." : ""
        )
        exercise.expectClose(
            step.biases, b, tolerance: 1e-12, "the biases (1.5, −0.5) after a step with no gradient",
            nudge: "Biases are not decayed: with no gradient they stay.")
        var weights = w
        for _ in 0..<10 {
            weights =
                sgdStep(
                    weights: weights, weightGradients: [0, 0, 0, 0], biases: b, biasGradients: [0, 0],
                    learningRate: 0.5, weightDecay: 0.2
                ).weights
        }
        exercise.expectClose(
            weights, w.map { $0 * pow(0.9, 10) }, tolerance: 1e-12,
            "the weights (2, −1, 0.5, 0) after ten steps with no gradient, lr 0.5, λ 0.2 (each times 0.9¹⁰)")
    }
}
