import XCTest
import Foundation
import ExerciseChecks
@testable import E12_LineGradient

/// Checks of exercise 12 · The gradient of the line's loss.
final class E12_LineGradientTests: XCTestCase {
    let exercise = Exercise(lesson: 6, placeholders: [0], failure: XCTFail)

    func testByHand() {
        // Points (0, 1), (1, 3); a = 1, b = 0: errors −1, −2; ∂/∂a = (0 + 2·(−2)·1)/2 = −2; ∂/∂b = (−2 − 4)/2 = −3
        let g = lineLossGradient(a: 1, b: 0, x: [0, 1], y: [1, 3])
        exercise.expectClose(
            [g.da, g.db], [-2, -3], tolerance: 1e-12, "(∂/∂a, ∂/∂b) at a = 1, b = 0",
            nudge: "The error is a·x + b − y; ∂/∂a multiplies it by x.")
    }

    func testZeroAtTheExactLine() {
        let x = [0.0, 0.25, 0.5, 1]
        let y = x.map { 3 * $0 + 8 }
        let g = lineLossGradient(a: 3, b: 8, x: x, y: y)
        exercise.expectClose([g.da, g.db], [0, 0], tolerance: 1e-12, "the gradient on the line y = 3x + 8 itself")
    }

    func testAgainstFiniteDifferences() {
        var random = TestRandom(seed: 7)
        let x = (0..<20).map { _ in random.uniform(0, 1) }
        let y = x.map { 3 * $0 + 8 + random.uniform(-0.3, 0.3) }
        func loss(_ a: Double, _ b: Double) -> Double {
            zip(x, y).map { (a * $0 + b - $1) * (a * $0 + b - $1) }.reduce(0, +) / Double(x.count)
        }
        for _ in 0..<10 {
            let a = random.uniform(-5, 5)
            let b = random.uniform(-5, 10)
            let g = lineLossGradient(a: a, b: b, x: x, y: y)
            let expected = [slope({ loss($0, b) }, at: a), slope({ loss(a, $0) }, at: b)]
            let timesN = abs(g.db - expected[1] * Double(x.count)) < 1e-3 * max(1, abs(expected[1]) * Double(x.count))
            exercise.expectClose(
                [g.da, g.db], expected, tolerance: 1e-6,
                "gradient at (\(shown(a)), \(shown(b))) against finite differences",
                nudge: timesN ? "It is N times too big: did you divide by N?" : "")
        }
    }
}
