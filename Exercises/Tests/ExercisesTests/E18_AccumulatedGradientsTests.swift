import XCTest
import Foundation
import ExerciseChecks
@testable import E18_AccumulatedGradients

/// Checks of exercise 18 · Zeroing the gradients that backward() adds up.
final class E18_AccumulatedGradientsTests: XCTestCase {
    let exercise = Exercise(lesson: 8, failure: XCTFail)

    /// Lesson 8's neuron: x₁ = 1.5, w₁ = 0.8, x₂ = −0.5, w₂ = −1.2, b = −0.4.
    private let neuron = [1.5, 0.8, -0.5, -1.2, -0.4]
    /// ∂o/∂w₁ by hand: n = 1.2 + 0.6 − 0.4 = 1.4, ∂o/∂n = 1 − tanh²(1.4), ∂n/∂w₁ = x₁ = 1.5
    /// (lesson 8 prints 0.3242).
    private var byHand: Double { (1 - tanh(1.4) * tanh(1.4)) * 1.5 }

    func testBackwardAddsUp() {
        // Lesson 8, step 5: ∂o/∂w₁ is 0.3242 after one backward and 0.6485 after two.
        var p = neuron.map { Tracked($0) }
        _ = neuronBackward(&p)
        exercise.expectClose(p[1].grad, byHand, tolerance: 1e-12, "∂o/∂w₁ after one backward")
        _ = neuronBackward(&p)
        exercise.expectClose(
            p[1].grad, 2 * byHand, tolerance: 1e-12, "∂o/∂w₁ after two backward calls without zeroing (twice 0.3242)")
    }

    func testBackwardAfterZeroing() {
        var p = neuron.map { Tracked($0) }
        _ = neuronBackward(&p)
        _ = neuronBackward(&p)
        zeroGradients(&p)
        exercise.expectClose(
            p.map(\.grad), [0, 0, 0, 0, 0], tolerance: 0, "the neuron's five gradients after zeroGradients")
        _ = neuronBackward(&p)
        exercise.expectClose(
            p[1].grad, byHand, tolerance: 1e-12, "∂o/∂w₁ after two backward calls, zeroGradients and one more backward")
    }

    func testZeroingKeepsTheNumbers() {
        var random = TestRandom(seed: 18)
        let data = (0..<4).map { _ in random.uniform(-2, 2) }
        let grads = (0..<4).map { _ in random.uniform(-2, 2) }
        var p = zip(data, grads).map { Tracked($0, grad: $1) }
        zeroGradients(&p)
        exercise.expectClose(p.map(\.grad), [0, 0, 0, 0], tolerance: 0, "grads of \(shown(data)) after zeroGradients")
        exercise.expectClose(
            p.map(\.data), data, tolerance: 0, "the numbers \(shown(data)) after zeroGradients",
            nudge: "Set only grad to 0: data is the parameter itself.")
    }

    func testLoopAgainstReference() {
        // The same loop with plain numbers: the gradient of the mean squared error, worked out
        // afresh at the current (a, b) at every iteration.
        var random = TestRandom(seed: 8)
        let x = (0..<12).map { _ in random.uniform(0, 1) }
        let y = x.map { 3 * $0 + 8 + random.uniform(-0.5, 0.5) }
        let start = [random.uniform(-1, 1), random.uniform(-1, 1)]
        let rate = 0.3
        for iterations in [1, 2, 5, 50] {
            var a = start[0]
            var b = start[1]
            for _ in 0..<iterations {
                var da = 0.0
                var db = 0.0
                for k in x.indices {
                    da += 2 * (a * x[k] + b - y[k]) * x[k] / Double(x.count)
                    db += 2 * (a * x[k] + b - y[k]) / Double(x.count)
                }
                a -= rate * da
                b -= rate * db
            }
            let got = trainLine(x: x, y: y, start: start, learningRate: rate, iterations: iterations)
            exercise.expectClose(
                got, [a, b], tolerance: 1e-9,
                "(a, b) after \(iterations) iteration\(iterations == 1 ? "" : "s") of trainLine from \(shown(start)) at lr \(shown(rate))"
            )
            if !(got.count == 2 && abs(got[0] - a) <= 1e-9 && abs(got[1] - b) <= 1e-9) { return }
        }
    }

    func testLoopReachesTheLine() {
        // Points exactly on y = 3x + 8: the loop must end on (3, 8).
        let x = (0..<20).map { Double($0) / 19 }
        let y = x.map { 3 * $0 + 8 }
        let got = trainLine(x: x, y: y, start: [0, 0], learningRate: 0.5, iterations: 2000)
        exercise.expectClose(
            got, [3, 8], tolerance: 1e-6, "(a, b) after 2000 iterations at lr 0.5 on points of y = 3x + 8")
    }
}
