import XCTest
import Foundation
import ExerciseChecks
@testable import E21_MiniBatchEpoch

/// Checks of exercise 21 · One epoch of mini-batch gradient descent.
final class E21_MiniBatchEpochTests: XCTestCase {
    let exercise = Exercise(lesson: 9, placeholders: [0], failure: XCTFail)
    let x = [0.0, 1, 2, 3], y = [1.0, 3, 5, 7]

    /// The batch's gradient from its means, 2(a⟨x²⟩ + b⟨x⟩ − ⟨xy⟩) and 2(a⟨x⟩ + b − ⟨y⟩): the
    /// expanded square of lesson 9, another way to the same numbers.
    func gradientFromMeans(a: Double, b: Double, x: [Double], y: [Double], batch: [Int]) -> [Double] {
        let m = Double(batch.count)
        func mean(_ f: (Int) -> Double) -> Double { batch.map(f).reduce(0, +) / m }
        let xx = mean { x[$0] * x[$0] }
        let mx = mean { x[$0] }
        let xy = mean { x[$0] * y[$0] }
        let my = mean { y[$0] }
        return [2 * (a * xx + b * mx - xy), 2 * (a * mx + b - my)]
    }

    func test1BatchGradientByHand() {
        // Batch [3, 0] at a = b = 0: errors −7 (x = 3) and −1 (x = 0);
        // ∂/∂a = (2·(−7)·3 + 2·(−1)·0)/2 = −21, ∂/∂b = (2·(−7) + 2·(−1))/2 = −8.
        let g = batchGradient(a: 0, b: 0, x: x, y: y, batch: [3, 0])
        let nudge: String
        if abs(g.da + 10.5) < 1e-9 && abs(g.db + 4) < 1e-9 {
            nudge = "Divide by the batch's size m = 2, not by all 4 points."
        } else if abs(g.da + 3) < 1e-9 && abs(g.db + 4) < 1e-9 {
            nudge = "Use the batch's indices (3 and 0), not the first m points: for k in batch, x[k]."
        } else if abs(g.da + 12) < 1e-9 && abs(g.db + 10) < 1e-9 {
            nudge = "Only the points in the batch count, not all four."
        } else {
            nudge = ""
        }
        exercise.expectClose(
            [g.da, g.db], [-21, -8], tolerance: 1e-12,
            "batchGradient on the batch [3, 0] of the points (0, 1), (1, 3), (2, 5), (3, 7) at a = b = 0", nudge: nudge)
    }

    func test2EpochByHand() {
        // Batch [3, 0]: gradient (−21, −8), so (a, b) = (2.1, 0.8) after lr 0.1.
        // Batch [1, 2] from there: errors 2.1 + 0.8 − 3 = −0.1 and 4.2 + 0.8 − 5 = 0; gradient (−0.1, −0.1),
        // so (a, b) = (2.11, 0.81).
        let end = miniBatchEpoch(a: 0, b: 0, x: x, y: y, batches: [[3, 0], [1, 2]], learningRate: 0.1)
        exercise.expectClose(
            [end.a, end.b], [2.11, 0.81], tolerance: 1e-12,
            "(a, b) after the epoch [[3, 0], [1, 2]] from (0, 0) at lr 0.1")
    }

    func test3AgainstAnIndependentReference() {
        var random = TestRandom(seed: 21)
        let n = 20
        let x = (0..<n).map { _ in random.uniform(0, 1) }
        let y = x.map { 3 * $0 + 8 + random.uniform(-0.5, 0.5) }
        // A shuffled order cut into batches of 6, 6, 6 and 2.
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            order.swapAt(i, Int(random.uniform(0, Double(i + 1))))
        }
        let batches = stride(from: 0, to: n, by: 6).map { Array(order[$0..<min($0 + 6, n)]) }
        for _ in 0..<5 {
            let a0 = random.uniform(-5, 5)
            let b0 = random.uniform(-5, 10)
            let rate = random.uniform(0.01, 0.2)
            var expected = [a0, b0]
            for batch in batches {
                let g = gradientFromMeans(a: expected[0], b: expected[1], x: x, y: y, batch: batch)
                expected = [expected[0] - rate * g[0], expected[1] - rate * g[1]]
            }
            let end = miniBatchEpoch(a: a0, b: b0, x: x, y: y, batches: batches, learningRate: rate)
            guard abs(end.a - expected[0]) <= 1e-9 && abs(end.b - expected[1]) <= 1e-9 else {
                return exercise.expectClose(
                    [end.a, end.b], expected, tolerance: 1e-9,
                    "(a, b) after an epoch of 20 points in batches of 6, 6, 6 and 2 from (\(shown(a0)), \(shown(b0))) at lr \(shown(rate))"
                )
            }
        }
    }

    func test4OneBatchOfAllPointsIsOneFullStep() {
        // One batch holding all N points is one step of plain gradient descent; its gradient here
        // comes from central differences of the loss on all the points.
        var random = TestRandom(seed: 9)
        let x = (0..<12).map { _ in random.uniform(-1, 1) }
        let y = x.map { -2 * $0 + 1 + random.uniform(-0.2, 0.2) }
        func loss(_ a: Double, _ b: Double) -> Double {
            zip(x, y).map { (a * $0 + b - $1) * (a * $0 + b - $1) }.reduce(0, +) / Double(x.count)
        }
        let (a0, b0, rate) = (0.5, -1.5, 0.2)
        let expected = [a0 - rate * slope({ loss($0, b0) }, at: a0), b0 - rate * slope({ loss(a0, $0) }, at: b0)]
        let end = miniBatchEpoch(a: a0, b: b0, x: x, y: y, batches: [Array((0..<12).reversed())], learningRate: rate)
        exercise.expectClose(
            [end.a, end.b], expected, tolerance: 1e-8,
            "an epoch with one batch of all 12 points against one full-batch step from (0.5, −1.5) at lr 0.2")
    }
}
