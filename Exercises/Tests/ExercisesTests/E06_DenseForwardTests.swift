import XCTest
import Foundation
import ExerciseChecks
@testable import E06_DenseForward

/// Checks of exercise 6 · A dense layer's forward pass, with loops.
final class E06_DenseForwardTests: XCTestCase {
    let exercise = Exercise(lesson: 3, failure: XCTFail)
    let sigma: (Double) -> Double = { 1 / (1 + exp(-$0)) }

    func testByHand() {
        // x = (1, 2), W = [[1, −1, 0], [0, 1, 2]], b = (0.5, 0, −5): sums (1.5, 1, −1).
        let y = denseForward(input: [1, 2], weights: [[1, -1, 0], [0, 1, 2]], bias: [0.5, 0, -5])
        exercise.expectClose(
            y, [sigma(1.5), sigma(1), sigma(-1)], tolerance: 1e-12, "x = (1, 2) through a 2→3 layer",
            nudge: "Neuron i uses column i of W: weights[k][i].")
    }

    func testOutputSizeIsTheNumberOfNeurons() {
        let y = denseForward(input: [0.1, 0.2, 0.3, 0.4], weights: Array(repeating: [0, 0], count: 4), bias: [0, 0])
        exercise.expectClose(
            y, [0.5, 0.5], "4 inputs, 2 neurons, all weights 0",
            nudge: "One output per neuron (per bias), σ(0) = 0.5.")
    }

    func testEachNeuronIsANeuron() {
        var random = TestRandom(seed: 4)
        let nIn = 3
        let nOut = 4
        let w = (0..<nIn).map { _ in (0..<nOut).map { _ in random.uniform(-1, 1) } }
        let b = (0..<nOut).map { _ in random.uniform(-1, 1) }
        let x = (0..<nIn).map { _ in random.uniform(-1, 1) }
        let expected = (0..<nOut).map { i in sigma(b[i] + (0..<nIn).map { x[$0] * w[$0][i] }.reduce(0, +)) }
        exercise.expectClose(
            denseForward(input: x, weights: w, bias: b), expected, tolerance: 1e-12, "a random 3→4 layer")
    }
}
