import XCTest
import Foundation
import ExerciseChecks
@testable import E05_Softplus

/// Checks of exercise 5 · Softplus, a smooth ReLU.
final class E05_SoftplusTests: XCTestCase {
    let exercise = Exercise(lesson: 2, placeholders: [.nan], failure: XCTFail)

    /// ln(1 + eˣ), computed here independently of the student's (log1p keeps the small values exact).
    func reference(_ x: Double) -> Double {
        max(x, 0) + log1p(exp(-abs(x)))
    }

    func test1_ValuesByHand() {
        // ln(1 + e⁰) = ln 2; ln(1 + e) and ln(1 + 1/e) differ by exactly 1.
        let atZero = softplus(0)
        exercise.expectClose(
            atZero, 0.6931471805599453, tolerance: 1e-12, "softplus(0) = ln 2",
            nudge: abs(atZero - log10(2)) < 1e-12 ? "That is log₁₀ 2: Foundation's natural logarithm ln is `log`." : "")
        exercise.expectClose(
            softplus(1), 1.3132616875182228, tolerance: 1e-12, "softplus(1) = ln(1 + e)",
            nudge: "For x > 0: x + ln(1 + e⁻ˣ), with a minus in the power.")
        exercise.expectClose(softplus(-1), 0.31326168751822286, tolerance: 1e-12, "softplus(−1) = ln(1 + e⁻¹)")
        exercise.expectClose(softplus(2), 2.1269280110429727, tolerance: 1e-12, "softplus(2) = ln(1 + e²)")
    }

    func test2_ASmoothReLU() {
        // softplus(x) − softplus(−x) = ln((1 + eˣ)/(1 + e⁻ˣ)) = ln eˣ = x, and softplus lies above ReLU.
        var random = TestRandom(seed: 5)
        for _ in 0..<30 {
            let x = random.uniform(-20, 20)
            let plus = softplus(x)
            let minus = softplus(-x)
            if !(abs(plus - minus - x) <= 1e-12 * max(1, abs(x))) {
                exercise.expectClose(
                    plus - minus, x, tolerance: 1e-12 * max(1, abs(x)),
                    "softplus(\(shown(x))) − softplus(\(shown(-x))), which is x for the true softplus")
                return  // one failure says it; the other points would repeat it
            }
            if !(plus > max(0, x)) {
                exercise.expect(
                    false, "softplus(\(shown(x))) against ReLU(\(shown(x))) = \(shown(max(0, x)))",
                    expected: "a value above ReLU", got: shown(plus, digits: 6))
                return
            }
        }
    }

    func test3_DerivativeAgainstCentralDifference() {
        exercise.expectClose(
            softplusDerivative(0), 0.5, tolerance: 1e-12, "softplusDerivative(0) = σ(0)",
            nudge: softplusDerivative(0) == 0.25 ? "0.25 is σ′(0): softplus′ is σ itself, not σ(1 − σ)." : "")
        var random = TestRandom(seed: 55)
        for _ in 0..<30 {
            let x = random.uniform(-8, 8)
            let got = softplusDerivative(x)
            let s = 1 / (1 + exp(-x))
            let expected = slope(reference, at: x)
            if !(abs(got - expected) <= 1e-7) {
                exercise.expectClose(
                    got, expected, tolerance: 1e-7,
                    "softplusDerivative(\(shown(x))) against a central difference of ln(1 + eˣ)",
                    nudge: abs(got - s * (1 - s)) < 1e-12
                        ? "σ(1 − σ) is the sigmoid's own slope: softplus′ is σ itself." : "")
                return  // one failure says it; the other points would repeat it
            }
        }
    }

    func test4_NoOverflowAtTheExtremes() {
        let big = softplus(1000)
        let small = softplus(-1000)
        exercise.expectClose(
            big, 1000, tolerance: 0, "softplus(1000)",
            nudge: big.isInfinite ? "e¹⁰⁰⁰ overflows to infinity: for x > 0 compute x + ln(1 + e⁻ˣ) instead." : "")
        exercise.expectClose(small, 0, tolerance: 0, "softplus(−1000)")
        exercise.expectClose(
            softplusDerivative(1000), 1, tolerance: 0, "softplusDerivative(1000)",
            nudge: softplusDerivative(1000).isNaN
                ? "eˣ / (1 + eˣ) is infinity/infinity = nan at x = 1000: call your sigmoid, which is safe there." : "")
        exercise.expectClose(softplusDerivative(-1000), 0, tolerance: 0, "softplusDerivative(−1000)")
    }
}
