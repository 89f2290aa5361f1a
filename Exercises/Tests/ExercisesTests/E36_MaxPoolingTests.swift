import XCTest
import Foundation
import ExerciseChecks
@testable import E36_MaxPooling

/// Checks of exercise 36 · Max pooling 2×2, forward and backward.
final class E36_MaxPoolingTests: XCTestCase {
    let exercise = Exercise(lesson: 15, failure: XCTFail)

    let map: [[Double]] = [
        [1, 5, 2, 0],
        [3, 4, 8, 1],
        [0, 0, 7, 7],
        [9, 1, 6, 2]
    ]

    func test1ForwardByHand() {
        // Blocks: (1 5 / 3 4) → 5, (2 0 / 8 1) → 8, (0 0 / 9 1) → 9, (7 7 / 6 2) → 7.
        let out = maxPool(map)
        exercise.expectClose(
            out, [[5, 8], [9, 7]], "the 2×2 max pooling of the 4×4 map",
            nudge: out == [[3.25, 2.75], [2.5, 5.5]]
                ? "That is the average of each block; max pooling keeps the largest." : "")
        // A 2×6 map of negative numbers: the maximum is the one nearest zero.
        let negative = maxPool([[-3, -1, -5, -6, -2, -9], [-4, -2, -7, -8, -9, -2]])
        exercise.expectClose(
            negative, [[-1, -5, -2]], "the pooling of a 2×6 map of negative numbers",
            nudge: negative == [[0, 0, 0]] ? "Start each block's maximum from one of its pixels, not from 0." : "")
    }

    func test2BackwardByHand() {
        let grad = maxPoolBackward(map, gradOut: [[10, 20], [30, 40]])
        // Each gradient goes to its block's winner: 5 at (0, 1), 8 at (1, 2), 9 at (3, 0), and the
        // tie 7, 7 at (2, 2) and (2, 3) goes to the first, (2, 2).
        let expected: [[Double]] = [
            [0, 10, 0, 0],
            [0, 0, 20, 0],
            [0, 0, 40, 0],
            [30, 0, 0, 0]
        ]
        let spread: [[Double]] = [[2.5, 2.5, 5, 5], [2.5, 2.5, 5, 5], [7.5, 7.5, 10, 10], [7.5, 7.5, 10, 10]]
        exercise.expectClose(
            grad, expected, "the map's gradient for output gradients 10 20 / 30 40",
            nudge: grad == spread ? "Only the winner of a block receives its gradient; the other three get 0." : "")
    }

    func test3BackwardAgainstNudging() {
        // The sum Σ gradOut · maxPool(map) changes by (its gradient) · h when one pixel moves by h.
        var random = TestRandom(seed: 36)
        let map = (0..<4).map { _ in (0..<6).map { _ in random.uniform(-1, 1) } }
        let gradOut = (0..<2).map { _ in (0..<3).map { _ in random.uniform(-1, 1) } }
        func loss(_ m: [[Double]]) -> Double {
            let out = maxPool(m)
            guard out.count == 2, out.allSatisfy({ $0.count == 3 }) else { return .nan }
            var total = 0.0
            for y in 0..<2 {
                for x in 0..<3 { total += out[y][x] * gradOut[y][x] }
            }
            return total
        }
        let grad = maxPoolBackward(map, gradOut: gradOut)
        guard grad.count == 4, grad.allSatisfy({ $0.count == 6 }) else {
            return exercise.expect(
                false, "the shape of the gradient of a 4×6 map", expected: "4 rows of 6",
                got: "\(grad.count) rows" + (grad.isEmpty ? "" : " of \(grad[0].count)"))
        }
        let h = 1e-6
        for a in 0..<4 {
            for b in 0..<6 {
                var up = map
                var down = map
                up[a][b] += h
                down[a][b] -= h
                let numeric = (loss(up) - loss(down)) / (2 * h)
                guard abs(numeric - grad[a][b]) <= 1e-6 else {
                    return exercise.expectClose(
                        grad[a][b], numeric, tolerance: 1e-6,
                        "the gradient at row \(a), column \(b) against nudging that pixel by ±1e-6")
                }
            }
        }
    }
}
