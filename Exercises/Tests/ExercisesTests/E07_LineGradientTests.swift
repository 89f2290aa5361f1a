import XCTest
import Foundation
@testable import Exercises

/// Checks of exercise 7 · The gradient of the line's loss.
final class E07_LineGradientTests: XCTestCase {
    let exercise = Exercise(lesson: 6)

    func testByHand() {
        // Points (0, 1), (1, 3); a = 1, b = 0: errors −1, −2; ∂/∂a = (0 + 2·(−2)·1)/2 = −2; ∂/∂b = (−2 − 4)/2 = −3
        let g = lineLossGradient(a: 1, b: 0, x: [0, 1], y: [1, 3])
        exercise.expectClose([g.da, g.db], [-2, -3], tolerance: 1e-12, "(∂/∂a, ∂/∂b) at a = 1, b = 0",
                             nudge: "The error is a·x + b − y; ∂/∂a multiplies it by x.")
    }

    func testZeroAtTheExactLine() {
        let x = [0.0, 0.25, 0.5, 1], y = x.map { 3 * $0 + 8 }
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
            let a = random.uniform(-5, 5), b = random.uniform(-5, 10)
            let g = lineLossGradient(a: a, b: b, x: x, y: y)
            exercise.expectClose([g.da, g.db], [slope({ loss($0, b) }, at: a), slope({ loss(a, $0) }, at: b)], tolerance: 1e-6,
                                 "gradient at (\(a), \(b)) against finite differences", nudge: "Did you divide by N?")
        }
    }
}
