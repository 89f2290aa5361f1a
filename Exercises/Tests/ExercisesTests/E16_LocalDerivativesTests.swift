import XCTest
import Foundation
import ExerciseChecks
@testable import E16_LocalDerivatives

/// Checks of exercise 16 · Local derivatives of +, × and tanh.
final class E16_LocalDerivativesTests: XCTestCase {
    let exercise = Exercise(lesson: 8, placeholders: [0], failure: XCTFail)

    /// The value and the local derivatives as one list, (value, ∂out/∂first, …), for the messages.
    private func joined(_ result: (value: Double, locals: [Double])) -> [Double] { [result.value] + result.locals }

    /// Same length and every number within `tolerance`.
    private func close(_ got: [Double], _ expected: [Double], _ tolerance: Double) -> Bool {
        got.count == expected.count && zip(got, expected).allSatisfy { abs($0 - $1) <= tolerance }
    }

    /// A number as the second term of a sum or product in a message: negative ones in brackets.
    private func term(_ x: Double) -> String { x < 0 ? "(\(shown(x)))" : shown(x) }

    func testAddByHand() {
        for (a, b) in [(2.0, -3.0), (0.5, 0.25)] {
            let got = addWithLocals(a, b)
            let nudge =
                got.locals == [a, b] || got.locals == [b, a]
                ? "Moving a by h moves a + b by h whatever b is: both local derivatives are 1." : ""
            exercise.expectClose(
                joined(got), [a + b, 1, 1], tolerance: 1e-15,
                "(value, ∂out/∂a, ∂out/∂b) of \(shown(a)) + \(term(b))", nudge: nudge)
        }
    }

    func testMultiplyByHand() {
        // 2 × −3 = −6 with locals (−3, 2); lesson 8's x₁w₁ = 1.5 × 0.8 = 1.2 with locals (0.8, 1.5).
        for (a, b) in [(2.0, -3.0), (1.5, 0.8)] {
            let got = multiplyWithLocals(a, b)
            exercise.expectClose(
                joined(got), [a * b, b, a], tolerance: 1e-15,
                "(value, ∂out/∂a, ∂out/∂b) of \(shown(a)) × \(term(b))",
                nudge: got.locals == [a, b] ? "Swapped: ∂(a × b)/∂a is the other factor, b." : "")
        }
    }

    func testTanhByHand() {
        // tanh(0) = 0 with slope 1; tanh(ln 2) = (2 − 1/2)/(2 + 1/2) = 0.6 with slope 1 − 0.36 = 0.64;
        // lesson 8's n = 1.4: o = 0.8854, ∂o/∂n = 0.2162 (step 2's table).
        let cases: [(a: Double, expected: [Double], tolerance: Double)] = [
            (0, [0, 1], 1e-15), (log(2), [0.6, 0.64], 1e-12), (1.4, [0.8854, 0.2162], 5e-5)
        ]
        for (a, expected, tolerance) in cases {
            let got = tanhWithLocals(a)
            var nudge = ""
            if let local = got.locals.first, got.locals.count == 1, abs(got.value - expected[0]) <= tolerance {
                if abs(local - (1 - a * a)) < 1e-12, a != 0 { nudge = "Square the output tanh(a), not the input a." }
                if abs(local - (1 - got.value)) < 1e-12, a != 0 {
                    nudge = "The derivative is 1 − tanh²(a): square tanh(a)."
                }
            }
            exercise.expectClose(
                joined(got), expected, tolerance: tolerance, "(value, ∂out/∂a) of tanh(\(shown(a)))", nudge: nudge)
        }
    }

    func testTanhFarFromZero() {
        // tanh(±400) is ±1 to the last bit, so the local derivative is exactly 0.
        for a in [400.0, -400] {
            let got = tanhWithLocals(a)
            exercise.expectClose(
                joined(got), [a > 0 ? 1 : -1, 0], tolerance: 1e-12, "(value, ∂out/∂a) of tanh(\(shown(a)))",
                nudge: got.value.isNaN
                    ? "exp(2a) overflows to infinity here and ∞/∞ is NaN: use Foundation's tanh(a)." : "")
        }
    }

    func testVersusCentralDifferences() {
        var random = TestRandom(seed: 16)
        for _ in 0..<10 {
            let a = random.uniform(-3, 3)
            let b = random.uniform(-3, 3)
            let sum = addWithLocals(a, b)
            let product = multiplyWithLocals(a, b)
            let squashed = tanhWithLocals(a)
            let expected = [
                [a + b, slope({ $0 + b }, at: a), slope({ a + $0 }, at: b)],
                [a * b, slope({ $0 * b }, at: a), slope({ a * $0 }, at: b)],
                [tanh(a), slope({ tanh($0) }, at: a)]
            ]
            exercise.expectClose(
                joined(sum), expected[0], tolerance: 1e-6,
                "(value, ∂out/∂a, ∂out/∂b) of \(shown(a)) + \(term(b)) against central differences")
            exercise.expectClose(
                joined(product), expected[1], tolerance: 1e-6,
                "(value, ∂out/∂a, ∂out/∂b) of \(shown(a)) × \(term(b)) against central differences")
            exercise.expectClose(
                joined(squashed), expected[2], tolerance: 1e-6,
                "(value, ∂out/∂a) of tanh(\(shown(a))) against central differences")
            if !zip([joined(sum), joined(product), joined(squashed)], expected).allSatisfy({ close($0, $1, 1e-6) }) {
                return
            }
        }
    }
}
