import XCTest
import Foundation
import ExerciseChecks
@testable import E31_StableSoftmax

/// Checks of exercise 31 · Softmax stable against overflow.
final class E31_StableSoftmaxTests: XCTestCase {
    let exercise = Exercise(lesson: 13, failure: XCTFail)

    func testByHand() {
        // Scores (0, log 2, log 3): e^z = (1, 2, 3), sum 6, so p = (1/6, 2/6, 3/6).
        exercise.expectClose(
            stableSoftmax([0, log(2), log(3)]), [1.0 / 6, 2.0 / 6, 3.0 / 6], tolerance: 1e-12,
            "softmax of (0, log 2, log 3)",
            nudge: "Divide each e^(zₖ − m) by the sum of all of them.")
        exercise.expectClose(
            stableSoftmax([5, 5, 5, 5]), [0.25, 0.25, 0.25, 0.25], tolerance: 1e-12,
            "softmax of four equal scores")
    }

    func testScoresOf1000() {
        // (1000, 1000 + log 3): the same as (0, log 3), so (1/4, 3/4); e^1000 itself overflows.
        let p = stableSoftmax([1000, 1000 + log(3)])
        exercise.expectClose(
            p, [0.25, 0.75], tolerance: 1e-12, "softmax of (1000, 1000 + log 3)",
            nudge: p.contains { $0.isNaN } ? "exp(1000) is infinity: subtract the largest score before exp." : "")
        let q = stableSoftmax([1000, 0, -1000])
        exercise.expectClose(
            q, [1, 0, 0], tolerance: 1e-12, "softmax of (1000, 0, −1000)",
            nudge: q.contains { $0.isNaN } ? "Subtract the largest score (here 1000) from every score before exp." : "")
        let r = stableSoftmax([-1000, -1000 + log(4)])
        exercise.expectClose(
            r, [0.2, 0.8], tolerance: 1e-12, "softmax of (−1000, −1000 + log 4)",
            nudge: r.contains { $0.isNaN } ? "exp(−1000) is 0, and 0 / 0 is NaN: subtract the largest score first." : ""
        )
    }

    func testProbabilitiesAndOrderOnRandomScores() {
        var random = TestRandom(seed: 31)
        for _ in 0..<10 {
            let z = (0..<10).map { _ in random.uniform(-800, 800) }
            let p = stableSoftmax(z)
            guard p.count == z.count else {
                exercise.expect(
                    false, "softmax of 10 random scores", expected: "10 probabilities", got: "\(p.count) numbers")
                return
            }
            exercise.expectClose(
                p.reduce(0, +), 1, tolerance: 1e-12, "the sum of the probabilities for the scores \(shown(z))")
            let top = z.indices.max { z[$0] < z[$1] }!
            let topP = p.indices.max { p[$0] < p[$1] }!
            exercise.expectEqual(
                topP, top, "which score gets the largest probability",
                nudge: "Softmax keeps the order: the largest score gets the largest probability.")
        }
    }
}
