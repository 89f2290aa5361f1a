import XCTest
import Foundation
import ExerciseChecks
@testable import E24_ChainRuleTwoLayers

/// Checks of exercise 24 · The chain rule through two layers.
final class E24_ChainRuleTwoLayersTests: XCTestCase {
    let exercise = Exercise(lesson: 10, placeholders: [0], failure: XCTFail)

    func loss(_ w1: Double, _ b1: Double, _ w2: Double, _ b2: Double, x: Double, y: Double) -> Double {
        let output = w2 / (1 + exp(-(w1 * x + b1))) + b2
        return (output - y) * (output - y)
    }

    /// A nudge for the usual slips, recognised from the four numbers the answer gave at a point
    /// where each slip gives different numbers.
    func nudge(for got: [Double], w1: Double, b1: Double, w2: Double, b2: Double, x: Double, y: Double) -> String {
        let h = 1 / (1 + exp(-(w1 * x + b1)))
        let dOut = 2 * (w2 * h + b2 - y)
        let dz = dOut * w2 * h * (1 - h)
        let right = [dz * x, dz, dOut * h, dOut]
        func near(_ other: [Double]) -> Bool { zip(got, other).allSatisfy { abs($0 - $1) < 1e-9 } }
        if near([dOut * w2 * x, dOut * w2, dOut * h, dOut]) {
            return "Between ∂loss/∂h and ∂loss/∂z comes σ′(z) = h(1 − h)."
        }
        if near([dOut * w1 * h * (1 - h) * x, dOut * w1 * h * (1 - h), dOut * h, dOut]) {
            return "On the way down, ∂loss/∂h = ∂loss/∂ŷ · w₂ (the weight after h), not w₁."
        }
        if near(right.map { -$0 }) { return "The error is ŷ − y: with y − ŷ every sign flips." }
        if near(right.map { $0 / 2 }) { return "The derivative of (ŷ − y)² is 2(ŷ − y)." }
        return ""
    }

    func test1ByHand() {
        // x = 2, y = 3, w₁ = b₁ = 0, w₂ = 2, b₂ = 0: z = 0, h = 0.5, ŷ = 1; ∂loss/∂ŷ = 2(1 − 3) = −4;
        // ∂w₂ = −4·0.5 = −2, ∂b₂ = −4; ∂h = −4·2 = −8; ∂z = −8·0.25 = −2; ∂w₁ = −2·2 = −4, ∂b₁ = −2.
        let g = chainRuleGradients(w1: 0, b1: 0, w2: 2, b2: 0, x: 2, y: 3)
        let got = [g.dw1, g.db1, g.dw2, g.db2]
        exercise.expectClose(
            got, [-4, -2, -2, -4], tolerance: 1e-12,
            "(∂w₁, ∂b₁, ∂w₂, ∂b₂) at x = 2, y = 3, w₁ = b₁ = 0, w₂ = 2, b₂ = 0",
            nudge: nudge(for: got, w1: 0, b1: 0, w2: 2, b2: 0, x: 2, y: 3))
        // The same net with b₁ = ln 3: h = σ(ln 3) = 3/4, σ′ = 3/16; ŷ = 1.5, ∂loss/∂ŷ = −3;
        // ∂w₂ = −2.25, ∂b₂ = −3, ∂h = −6, ∂z = −6·3/16 = −1.125, ∂w₁ = −2.25, ∂b₁ = −1.125.
        let g2 = chainRuleGradients(w1: 0, b1: log(3), w2: 2, b2: 0, x: 2, y: 3)
        let got2 = [g2.dw1, g2.db1, g2.dw2, g2.db2]
        exercise.expectClose(
            got2, [-2.25, -1.125, -2.25, -3], tolerance: 1e-12,
            "(∂w₁, ∂b₁, ∂w₂, ∂b₂) at x = 2, y = 3, w₁ = 0, b₁ = ln 3, w₂ = 2, b₂ = 0",
            nudge: nudge(for: got2, w1: 0, b1: log(3), w2: 2, b2: 0, x: 2, y: 3))
    }

    func test2ZeroWhenTheOutputIsRight() {
        // ŷ = 2·σ(0.5·1 − 0.5) + 0 = 1 = y: the loss is at its minimum 0, so every gradient is 0.
        let g = chainRuleGradients(w1: 0.5, b1: -0.5, w2: 2, b2: 0, x: 1, y: 1)
        exercise.expectClose(
            [g.dw1, g.db1, g.dw2, g.db2], [0, 0, 0, 0], tolerance: 1e-12,
            "(∂w₁, ∂b₁, ∂w₂, ∂b₂) where ŷ = y already (x = 1, y = 1, w₁ = 0.5, b₁ = −0.5, w₂ = 2, b₂ = 0)")
    }

    func test3AgainstCentralDifferences() {
        var random = TestRandom(seed: 24)
        for _ in 0..<20 {
            let w1 = random.uniform(-2, 2)
            let b1 = random.uniform(-2, 2)
            let w2 = random.uniform(-2, 2)
            let b2 = random.uniform(-1, 1)
            let x = random.uniform(-2, 2)
            let y = random.uniform(-2, 2)
            let expected = [
                slope({ self.loss($0, b1, w2, b2, x: x, y: y) }, at: w1),
                slope({ self.loss(w1, $0, w2, b2, x: x, y: y) }, at: b1),
                slope({ self.loss(w1, b1, $0, b2, x: x, y: y) }, at: w2),
                slope({ self.loss(w1, b1, w2, $0, x: x, y: y) }, at: b2)
            ]
            let g = chainRuleGradients(w1: w1, b1: b1, w2: w2, b2: b2, x: x, y: y)
            let got = [g.dw1, g.db1, g.dw2, g.db2]
            guard zip(got, expected).allSatisfy({ abs($0 - $1) <= 1e-6 }) else {
                return exercise.expectClose(
                    got, expected, tolerance: 1e-6,
                    "(∂w₁, ∂b₁, ∂w₂, ∂b₂) against central differences at w₁ = \(shown(w1)), b₁ = \(shown(b1)), w₂ = \(shown(w2)), b₂ = \(shown(b2)), x = \(shown(x)), y = \(shown(y))",
                    nudge: nudge(for: got, w1: w1, b1: b1, w2: w2, b2: b2, x: x, y: y))
            }
        }
    }
}
