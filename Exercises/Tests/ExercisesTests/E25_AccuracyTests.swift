import XCTest
import Foundation
import ExerciseChecks
@testable import E25_Accuracy

/// Checks of exercise 25 · Argmax and accuracy.
final class E25_AccuracyTests: XCTestCase {
    let exercise = Exercise(lesson: 11, placeholders: [-1], failure: XCTFail)

    func testArgmax() {
        exercise.expectEqual(argmax([0.1, 0.7, 0.2]), 1, "argmax of (0.1, 0.7, 0.2)")
        exercise.expectEqual(argmax([0.9, 0.05, 0.05]), 0, "argmax when the first is largest")
        let negative = argmax([-3, -1, -2])
        exercise.expectEqual(
            negative, 1, "argmax of negative scores", nudge: "Start from the first score, not from 0.",
            untouched: negative == -1)
        let tie = argmax([0.5, 0.5, 0.1])
        exercise.expectEqual(
            tie, 0, "argmax of a tie", nudge: tie == 1 ? "Replace the best only when strictly larger." : "")
    }

    func testAccuracy() {
        exercise.expectClose(accuracy(predicted: [1, 0, 2, 0], expected: [1, 0, 1, 2]), 0.5, "two right out of four")
        exercise.expectClose(accuracy(predicted: [3, 3], expected: [3, 3]), 1, "all right")
        exercise.expectClose(accuracy(predicted: [1, 2, 3], expected: [0, 0, 0]), 0, "none right")
    }

    func testAccuracyIsAFraction() {
        let value = accuracy(predicted: [1, 1, 1], expected: [1, 0, 1])
        exercise.expectClose(
            value, 2.0 / 3, tolerance: 1e-12, "two right out of three",
            nudge: value == 0 ? "Divide as Doubles: 2 / 3 with Ints is 0." : "")
    }
}
