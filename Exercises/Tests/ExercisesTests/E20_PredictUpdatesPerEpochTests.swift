import XCTest
import Foundation
import ExerciseChecks
@testable import E20_PredictUpdatesPerEpoch

/// Checks of exercise 20 · Updates per epoch: predict, then count.
final class E20_PredictUpdatesPerEpochTests: XCTestCase {
    let exercise = Exercise(lesson: 9, placeholders: [0, .nan], failure: XCTFail)

    func test1YourPrediction() {
        // `swift run lesson-9 --points 100`, end of step 2: "100 points in batches of 16 give
        // 6 batches of 16 and a last one of 4", so 7 updates.
        exercise.expectClose(
            predictedUpdates, 7, tolerance: 0,
            "your predicted updates per epoch for 100 points in batches of 16 (swift run lesson-9 --points 100 shows it at the end of step 2)",
            nudge: predictedUpdates == 6
                ? "Six batches of 16 hold only 96 points: the other 4 make one more batch." : "")
        exercise.expectClose(
            predictedLastBatchSize, 4, tolerance: 0,
            "your predicted size of the last batch for 100 points in batches of 16 (swift run lesson-9 --points 100 shows it at the end of step 2)",
            nudge: predictedLastBatchSize == 16 ? "Only 100 − 6·16 points are left for the last batch." : "")
    }

    func test2ByHand() {
        // (N, B, ⌈N/B⌉, last batch), worked out by hand: 50 = 6·8 + 2, 50 = 5·10, 50 = 3·16 + 2, 5 < 10.
        let cases = [(50, 8, 7, 2), (50, 10, 5, 10), (50, 16, 4, 2), (5, 10, 1, 5), (7, 1, 7, 1), (1, 1, 1, 1)]
        for (n, b, updates, _) in cases {
            let got = updatesPerEpoch(points: n, batchSize: b)
            guard got == updates else {
                return exercise.expectEqual(
                    got, updates, "updates per epoch for \(n) points in batches of \(b)",
                    nudge: got == n / b
                        ? "N / B with Ints rounds down: the last, smaller batch is one more update." : "",
                    untouched: got == 0)
            }
        }
        // A last batch of 0 where B divides N, but the right size elsewhere, is N % B.
        let writesLast = lastBatchSize(points: 50, batchSize: 8) == 2
        for (n, b, _, last) in cases {
            let got = lastBatchSize(points: n, batchSize: b)
            guard got == last else {
                return exercise.expectEqual(
                    got, last, "points in the last batch for \(n) points in batches of \(b)",
                    nudge: writesLast && got == 0
                        ? "When B divides N the last batch is a full one of B points, not N % B = 0." : "",
                    untouched: got == 0 && !writesLast)
            }
        }
    }

    func test3TheBatchesHoldEveryPointOnce() {
        // Full batches of B and then the last one must add up to N, and the last holds 1…B points.
        for n in [9, 10, 11, 63, 64, 65, 1000, 1, 2] {
            for b in [1, 2, 3, 8, 10, 64, 2000] {
                let updates = updatesPerEpoch(points: n, batchSize: b)
                let last = lastBatchSize(points: n, batchSize: b)
                guard (updates - 1) * b + last == n && last >= 1 && last <= b else {
                    let got =
                        updates >= 1
                        ? "\(updates - 1) full batches of \(b) and a last one of \(last), \((updates - 1) * b + last) points"
                        : "\(updates) updates and a last batch of \(last)"
                    return exercise.expect(
                        false, "\(n) points in batches of \(b), the full batches and the last one together",
                        expected: "\(n) points, the last batch holding 1 to \(b)", got: got)
                }
            }
        }
    }
}
