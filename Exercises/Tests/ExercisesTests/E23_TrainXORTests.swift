import XCTest
import Foundation
import ExerciseChecks
@testable import E23_TrainXOR

/// Checks of exercise 23 · Training a small net on XOR.
final class E23_TrainXORTests: XCTestCase {
    let exercise = Exercise(lesson: 10, failure: XCTFail)
    let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
    let targets: [Double] = [0, 1, 1, 0]

    func loss(_ net: XORNet) -> Double {
        zip(inputs, targets).map { (net($0) - $1) * (net($0) - $1) }.reduce(0, +) / 4
    }

    func testTrainingLowersTheLoss() {
        let before = loss(XORNet.start)
        let after = loss(trainXOR(epochs: 200, learningRate: 2))
        exercise.expect(
            after < before * 0.99, "the loss after 200 epochs of lr 2",
            expected: "less than the starting loss \(shown(before))",
            got: shown(after) + (after > before ? ". It went up: does your update subtract lr × gradient?" : ""))
    }

    func testLearnsXOR() {
        let net = trainXOR(epochs: 6000, learningRate: 2)
        for (x, t) in zip(inputs, targets) {
            exercise.expect(
                abs(net(x) - t) < 0.2, "the output for input \(shown(x)) after 6000 epochs",
                expected: "\(shown(t)) ± 0.2", got: shown(net(x), digits: 3))
        }
    }

    func testOneStepMatchesTheGradient() {
        // One tiny step must move every parameter against the finite-difference gradient.
        let lr = 1e-3
        let stepped = trainXOR(epochs: 1, learningRate: lr)
        var start = XORNet.start
        let h = 1e-6
        start.b2 += h
        let up = loss(start)
        start.b2 -= 2 * h
        let down = loss(start)
        let expected = XORNet.start.b2 - lr * (up - down) / (2 * h)
        exercise.expectClose(
            stepped.b2, expected, tolerance: 1e-9, "b2 after one step of lr 0.001",
            nudge: "dB2 = Σ 2(y − t)/4 · y(1 − y) over the four samples.")
    }
}
