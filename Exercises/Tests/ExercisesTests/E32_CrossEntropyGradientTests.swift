import XCTest
import Foundation
import ExerciseChecks
@testable import E32_CrossEntropyGradient

/// Checks of exercise 32 · The cross-entropy gradient p − y.
final class E32_CrossEntropyGradientTests: XCTestCase {
    let exercise = Exercise(lesson: 13, placeholders: [0], failure: XCTFail)

    /// L = log Σⱼ e^(zⱼ) − z_label, computed here independently.
    func loss(_ z: [Double], _ label: Int) -> Double {
        let m = z.max()!
        return m + log(z.reduce(0) { $0 + exp($1 - m) }) - z[label]
    }

    /// A nudge when the answer shows a known mistake.
    func nudge(_ g: [Double], _ expected: [Double]) -> String {
        if !expected.isEmpty && g.count == expected.count && zip(g, expected).allSatisfy({ abs($0 + $1) < 1e-9 }) {
            return "The sign is flipped: it is p − y, not y − p."
        }
        if g.reduce(0, +) > 0.5 { return "Did you forget to subtract y, the 1 at the label?" }
        return ""
    }

    func testByHand() {
        // Scores (0, log 3), label 1: p = (1/4, 3/4), y = (0, 1), so p − y = (1/4, −1/4).
        let g = crossEntropyGradient(scores: [0, log(3)], label: 1)
        exercise.expectClose(
            g, [0.25, -0.25], tolerance: 1e-12, "the gradient for scores (0, log 3), label 1",
            nudge: nudge(g, [0.25, -0.25]))
        // Four equal scores, label 0: p = 1/4 each, so (−3/4, 1/4, 1/4, 1/4).
        let h = crossEntropyGradient(scores: [2, 2, 2, 2], label: 0)
        exercise.expectClose(
            h, [-0.75, 0.25, 0.25, 0.25], tolerance: 1e-12, "the gradient for four equal scores, label 0",
            nudge: nudge(h, [-0.75, 0.25, 0.25, 0.25]))
    }

    func testAgainstCentralDifferences() {
        var random = TestRandom(seed: 32)
        for _ in 0..<10 {
            let z = (0..<10).map { _ in random.uniform(-4, 4) }
            let label = Int(random.uniform(0, 10)) % 10
            let expected = z.indices.map { k in
                slope(
                    { x in
                        var nudged = z
                        nudged[k] = x
                        return loss(nudged, label)
                    }, at: z[k])
            }
            let g = crossEntropyGradient(scores: z, label: label)
            exercise.expectClose(
                g, expected, tolerance: 1e-6,
                "the gradient at scores \(shown(z)), label \(label), against central differences",
                nudge: nudge(g, expected))
        }
    }

    func testSumsToZero() {
        let g = crossEntropyGradient(scores: [1.2, -0.3, 0.5, 3.1, -1.0], label: 2)
        exercise.expectClose(
            g.reduce(0, +), 0, tolerance: 1e-12, "the sum of the gradient's entries (p and y both sum to 1)",
            nudge: nudge(g, []))
    }
}
