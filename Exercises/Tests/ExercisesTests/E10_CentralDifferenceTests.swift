import XCTest
import Foundation
import ExerciseChecks
@testable import E10_CentralDifference

/// Checks of exercise 10 · A central finite difference.
final class E10_CentralDifferenceTests: XCTestCase {
    let exercise = Exercise(lesson: 5, placeholders: [0], failure: XCTFail)

    func testSlopeOfASquare() {
        // d(x²)/dx = 2x, and the central difference is exact for a quadratic.
        let estimate = centralDifference({ $0 * $0 }, at: 3)
        exercise.expectClose(
            estimate, 6, tolerance: 1e-6, "slope of x² at 3",
            nudge: abs(estimate - 12) < 1e-3 ? "(f(x + h) − f(x − h)) / (2h): divide by 2h, not h." : "")
    }

    func testSlopeOfSine() {
        exercise.expectClose(centralDifference(sin, at: 1), cos(1), tolerance: 1e-8, "slope of sin at 1")
    }

    func testGradientOfAQuadratic() {
        // f = 3a² − 2ab + 5b: ∇f = (6a − 2b, −2a + 5) = (4, 3) at (1, 1).
        let f: ([Double]) -> Double = { p in 3 * p[0] * p[0] - 2 * p[0] * p[1] + 5 * p[1] }
        exercise.expectClose(
            centralDifferenceGradient(f, at: [1, 1]), [4, 3], tolerance: 1e-6, "gradient of 3a² − 2ab + 5b at (1, 1)",
            nudge: "One partial derivative per parameter; nudge only parameter i.")
    }

    func testParametersAreLeftUnchanged() {
        var calls: [[Double]] = []
        _ = centralDifferenceGradient(
            { p in
                calls.append(p)
                return p.reduce(0, +)
            }, at: [1, 2, 3])
        exercise.expectEqual(
            calls.count, 6, "number of calls of f for 3 parameters", nudge: "Two per parameter.",
            untouched: calls.isEmpty)
        let wrong = calls.first { p in zip(p, [1.0, 2, 3]).filter { $0 != $1 }.count != 1 }
        exercise.expect(
            wrong == nil, "the parameters f was called with, starting from (1, 2, 3)",
            expected: "exactly one parameter nudged in each call (put the previous one back)",
            got: wrong.map { "a call with \(shown($0, digits: 7))" } ?? "")
    }
}
