import XCTest
import Foundation
import ExerciseChecks
@testable import E19_MiniBatches

/// Checks of exercise 19 · Splitting shuffled indices into mini-batches.
final class E19_MiniBatchesTests: XCTestCase {
    let exercise = Exercise(lesson: 9, failure: XCTFail)

    func testTheExample() {
        let batches = miniBatches([4, 0, 3, 1, 2], batchSize: 2)
        exercise.expectEqual(
            batches, [[4, 0], [3, 1], [2]], "batches of 2 from [4, 0, 3, 1, 2]",
            nudge: batches == [[4, 0], [3, 1]] ? "Keep the last, smaller batch." : "")
    }

    func testEverySampleExactlyOnce() {
        for count in [1, 7, 10, 50] {
            for size in [1, 3, 10, 64] {
                let indices = Array((0..<count).reversed())
                let batches = miniBatches(indices, batchSize: size)
                exercise.expectEqual(
                    batches.flatMap { $0 }, indices, "\(count) samples in batches of \(size), joined back together",
                    nudge: "Every index once, in order, none skipped.", untouched: batches.isEmpty)
                exercise.expectEqual(
                    batches.count, (count + size - 1) / size, "number of batches for \(count) samples of size \(size)")
            }
        }
    }

    func testNoBatchIsTooBig() {
        let batches = miniBatches(Array(0..<23), batchSize: 5)
        exercise.expectEqual(batches.map(\.count), [5, 5, 5, 5, 3], "batch sizes for 23 samples in batches of 5")
    }
}
