import XCTest
import Foundation
import ExerciseChecks
@testable import E22_DenseBackward

/// Checks of exercise 22 · A linear layer's backward pass.
final class E22_DenseBackwardTests: XCTestCase {
    let exercise = Exercise(lesson: 10, failure: XCTFail)

    func testByHand() {
        // X = [[1, 2]], W = [[1, −1, 0], [0, 1, 2]], dZ = [[1, 0, −1]]
        // dW = Xᵀ dZ = [[1, 0, −1], [2, 0, −2]]; dB = [1, 0, −1]; dX = dZ Wᵀ = [[1·1 + 0 − 0, 0 + 0 − 2]] = [[1, −2]]
        let (dX, dW, dB) = linearBackward(
            input: [[1, 2]], weights: [[1, -1, 0], [0, 1, 2]], outputGradient: [[1, 0, -1]])
        exercise.expectClose(
            dW, [[1, 0, -1], [2, 0, -2]], "dW for one sample", nudge: "dW[k][i] = Σₙ X[n][k]·dZ[n][i].")
        exercise.expectClose(dB, [1, 0, -1], "dB for one sample")
        exercise.expectClose(dX, [[1, -2]], "dX for one sample", nudge: "dX[n][k] = Σᵢ dZ[n][i]·W[k][i].")
    }

    func testAgainstFiniteDifferences() {
        var random = TestRandom(seed: 10)
        let batch = 3
        let nIn = 4
        let nOut = 2
        let x = (0..<batch).map { _ in (0..<nIn).map { _ in random.uniform(-1, 1) } }
        let w = (0..<nIn).map { _ in (0..<nOut).map { _ in random.uniform(-1, 1) } }
        let c = (0..<batch).map { _ in (0..<nOut).map { _ in random.uniform(-1, 1) } }
        // loss = Σ c ⊙ (XW + B), so dZ = c.
        func loss(_ x: [[Double]], _ w: [[Double]], _ b: [Double]) -> Double {
            var total = 0.0
            for n in 0..<batch {
                for i in 0..<nOut {
                    var z = b[i]
                    for k in 0..<nIn { z += x[n][k] * w[k][i] }
                    total += c[n][i] * z
                }
            }
            return total
        }
        let b = [0.1, -0.2]
        let (dX, dW, dB) = linearBackward(input: x, weights: w, outputGradient: c)
        guard dX.count == batch, dW.count == nIn, dB.count == nOut,
            dX.allSatisfy({ $0.count == nIn }), dW.allSatisfy({ $0.count == nOut })
        else {
            return exercise.fail(
                "shapes: dX must be \(batch)×\(nIn), dW \(nIn)×\(nOut), dB \(nOut); got \(dX.count) rows, \(dW.count) rows, \(dB.count)",
                file: #filePath, line: #line)
        }
        for k in 0..<nIn {
            for i in 0..<nOut {
                var plus = w
                var minus = w
                plus[k][i] += 1e-5
                minus[k][i] -= 1e-5
                exercise.expectClose(
                    dW[k][i], (loss(x, plus, b) - loss(x, minus, b)) / 2e-5, tolerance: 1e-6,
                    "dW[\(k)][\(i)] against a finite difference")
            }
        }
        for n in 0..<batch {
            for k in 0..<nIn {
                var plus = x
                var minus = x
                plus[n][k] += 1e-5
                minus[n][k] -= 1e-5
                exercise.expectClose(
                    dX[n][k], (loss(plus, w, b) - loss(minus, w, b)) / 2e-5, tolerance: 1e-6,
                    "dX[\(n)][\(k)] against a finite difference")
            }
        }
        for i in 0..<nOut {
            var plus = b
            var minus = b
            plus[i] += 1e-5
            minus[i] -= 1e-5
            exercise.expectClose(
                dB[i], (loss(x, w, plus) - loss(x, w, minus)) / 2e-5, tolerance: 1e-6,
                "dB[\(i)] against a finite difference")
        }
    }
}
