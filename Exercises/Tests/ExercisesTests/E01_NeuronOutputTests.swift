import XCTest
import Foundation
import ExerciseChecks
@testable import E01_NeuronOutput

/// Checks of exercise 1 · A neuron's output.
final class E01_NeuronOutputTests: XCTestCase {
    let exercise = Exercise(lesson: 1, placeholders: [0], failure: XCTFail)

    func testLessonOnesNeuron() {
        // 0.8·0.5 + 0.2·(−1) + 0.4·2 + 0.3 = 1.3, positive, so ReLU keeps it.
        exercise.expectClose(
            neuronOutput(inputs: [0.5, -1, 2], weights: [0.8, 0.2, 0.4], bias: 0.3), 1.3,
            "inputs (0.5, −1, 2), weights (0.8, 0.2, 0.4), bias 0.3",
            nudge: "Add every wᵢxᵢ, then the bias.")
    }

    func testNegativeSumGivesZero() {
        // 1·(−2) + 0.5 = −1.5 → ReLU gives 0.
        exercise.expectClose(
            neuronOutput(inputs: [-2], weights: [1], bias: 0.5), 0,
            "a negative weighted sum", nudge: "ReLU turns negatives into 0: max(0, sum).")
    }

    func testBiasIsMinusTheThreshold() {
        // Weights (1, 1), bias −1.5: output 0 up to a sum of 1.5, then sum − 1.5.
        exercise.expectClose(neuronOutput(inputs: [1, 0.5], weights: [1, 1], bias: -1.5), 0, "sum 1.5 with bias −1.5")
        exercise.expectClose(
            neuronOutput(inputs: [2, 1], weights: [1, 1], bias: -1.5), 1.5, "sum 3 with bias −1.5",
            nudge: "Did you add the bias?")
    }

    func testManyInputs() {
        let inputs = (1...10).map(Double.init)
        let weights = Array(repeating: 0.1, count: 10)
        exercise.expectClose(
            neuronOutput(inputs: inputs, weights: weights, bias: 0), 5.5, tolerance: 1e-12,
            "ten inputs 1…10 with weights 0.1", nudge: "Loop over every input, not just the first ones.")
    }
}
