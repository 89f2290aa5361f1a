import XCTest
import Foundation
import ExerciseChecks
@testable import E14_StableLearningRate

/// Checks of exercise 14 · The largest stable learning rate of the line.
final class E14_StableLearningRateTests: XCTestCase {
    let exercise = Exercise(lesson: 7, placeholders: [0], failure: XCTFail)

    /// A nudge when λ_max shows a known mistake, worked out from the x values' H = [[p, q], [q, r]].
    private func curvatureNudge(_ got: Double, x: [Double]) -> String {
        let n = Double(x.count)
        let p = 2 * x.map { $0 * $0 }.reduce(0, +) / n
        let q = 2 * x.reduce(0, +) / n
        let r = 2.0
        let root = ((p - r) * (p - r) / 4 + q * q).squareRoot()
        func near(_ value: Double) -> Bool { abs(got - value) <= 1e-9 * max(1, abs(value)) }
        if near((p + r) / 2 - root) { return "That is λ_min: the largest eigenvalue takes the + sign." }
        if near(((p + r) / 2 + root) * n / 2), n != 2 {
            return "It is N/2 times too big: H has the factor 2/N in front."
        }
        if near((p + r) / 2 + root * root) { return "Did you take the square root of ((p − r)/2)² + q²?" }
        return ""
    }

    func testCurvatureByHand() {
        // x = [0, 1]: H = (2/2)[[1, 1], [1, 2]], λ = (3 ± √5)/2.
        // x = [−1, 1]: H = (2/2)[[2, 0], [0, 2]], λ = 2 (twice).
        // x = [0, 0, 3]: H = (2/3)[[9, 3], [3, 3]] = [[6, 2], [2, 2]], λ = 4 ± √8.
        let cases: [(x: [Double], expected: Double)] = [
            ([0, 1], (3 + 5.0.squareRoot()) / 2), ([-1, 1], 2), ([0, 0, 3], 4 + 8.0.squareRoot())
        ]
        for (x, expected) in cases {
            let got = largestCurvature(x: x)
            exercise.expectClose(
                got, expected, tolerance: 1e-9, "λ_max for x = \(shown(x))", nudge: curvatureNudge(got, x: x))
        }
    }

    func testRateByHand() {
        // 2/λ_max: 4/(3 + √5) = 3 − √5; 2/2 = 1; 2/(4 + √8) = 1 − 1/√2.
        let cases: [(x: [Double], expected: Double)] = [
            ([0, 1], 3 - 5.0.squareRoot()), ([-1, 1], 1), ([0, 0, 3], 1 - 1 / 2.0.squareRoot())
        ]
        for (x, expected) in cases {
            let got = largestStableRate(x: x)
            let halved = abs(got - expected / 2) <= 1e-9
            exercise.expectClose(
                got, expected, tolerance: 1e-9, "largest stable rate for x = \(shown(x))",
                nudge: halved ? "That is 1/λ_max: the limit is 2/λ_max." : "")
        }
    }

    func testCurvatureIsTheLargestEigenvalue() {
        // λ is an eigenvalue of [[p, q], [q, r]] exactly when (p − λ)(r − λ) − q² = 0; the larger
        // of the two roots is at least their mean (p + r)/2.
        var random = TestRandom(seed: 14)
        for count in [2, 5, 20, 50] {
            let scale = random.uniform(0.5, 10)
            let x = (0..<count).map { _ in random.uniform(-scale / 3, scale) }
            let n = Double(count)
            let p = 2 * x.map { $0 * $0 }.reduce(0, +) / n
            let q = 2 * x.reduce(0, +) / n
            let r = 2.0
            let lambda = largestCurvature(x: x)
            let determinant = (p - lambda) * (r - lambda) - q * q
            exercise.expectClose(
                determinant / max(1, p * r), 0, tolerance: 1e-9,
                "det(H − λ·I)/(p·r) at your λ_max for \(count) random x (so λ is an eigenvalue)",
                nudge: curvatureNudge(lambda, x: x))
            exercise.expect(
                lambda >= (p + r) / 2, "λ_max for \(count) random x against the mean of the two eigenvalues",
                expected: "at least (p + r)/2 = \(shown((p + r) / 2))", got: shown(lambda))
            if !(abs(determinant / max(1, p * r)) <= 1e-9 && lambda >= (p + r) / 2) { return }
        }
    }

    func testRateJustBelowAndAboveTheLimit() {
        // Gradient descent on points exactly on y = 3x + 8 from (0, 0): at 0.99 × the limit the
        // distance to (3, 8) must shrink, at 1.01 × it must grow (the steep direction's factor
        // 1 − lr·λ_max is −0.98 and −1.02).
        var random = TestRandom(seed: 41)
        let sets: [(count: Int, top: Double)] = [(20, 1), (10, 10), (50, 1)]
        for (count, top) in sets {
            let x = (0..<count).map { _ in random.uniform(0, top) }
            let y = x.map { 3 * $0 + 8 }
            let limit = largestStableRate(x: x)
            func distanceAfter(_ steps: Int, rate: Double) -> Double {
                var a = 0.0
                var b = 0.0
                for _ in 0..<steps {
                    var da = 0.0
                    var db = 0.0
                    for k in x.indices {
                        let error = a * x[k] + b - y[k]
                        da += 2 * error * x[k] / Double(count)
                        db += 2 * error / Double(count)
                    }
                    a -= rate * da
                    b -= rate * db
                    if !(abs(a) + abs(b) < 1e12) { break }
                }
                return ((a - 3) * (a - 3) + (b - 8) * (b - 8)).squareRoot()
            }
            let start = distanceAfter(0, rate: 0)
            let below = distanceAfter(1000, rate: 0.99 * limit)
            let above = distanceAfter(1000, rate: 1.01 * limit)
            let points = "\(count) points with x in [0, \(shown(top))]"
            exercise.expect(
                below < start,
                "distance to (3, 8) after 1000 steps at 0.99 × your limit (lr = \(shown(0.99 * limit))) on \(points)",
                expected: "less than at the start, \(shown(start))", got: shown(below))
            exercise.expect(
                above > start,
                "distance to (3, 8) after 1000 steps at 1.01 × your limit (lr = \(shown(1.01 * limit))) on \(points)",
                expected: "more than at the start, \(shown(start))", got: shown(above))
            if !(below < start && above > start) { return }
        }
    }
}
