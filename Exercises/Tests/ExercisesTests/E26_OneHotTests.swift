import XCTest
import Foundation
import ExerciseChecks
@testable import E26_OneHot

/// Checks of exercise 26 · One-hot rows and back.
final class E26_OneHotTests: XCTestCase {
    let exercise = Exercise(lesson: 11, placeholders: [-1], failure: XCTFail)

    /// A nudge when the rows show one of the usual slips.
    func nudge(_ rows: [[Double]], _ labels: [Int], classes: Int) -> String {
        if rows.count == labels.count, rows.allSatisfy({ $0.count == classes - 1 }) {
            return "Classes 0 … \(classes - 1) are \(classes) classes: a row has \(classes) numbers."
        }
        if rows.count == labels.count,
            zip(rows, labels).allSatisfy({ row, label in
                row.indices.allSatisfy { row[$0] == ($0 == label + 1 ? 1 : 0) }
            })
        {
            return "Column 0 is class 0: the 1 goes at index label, not label + 1."
        }
        return ""
    }

    func test1ByHand() {
        let three = oneHot([3], classes: 10)
        exercise.expectClose(
            three, [[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]], "the one-hot row of label 3 with 10 classes",
            nudge: nudge(three, [3], classes: 10))
        let rows = oneHot([0, 9, 2], classes: 10)
        exercise.expectClose(
            rows, [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]],
            "the one-hot rows of the labels 0, 9, 2 with 10 classes", nudge: nudge(rows, [0, 9, 2], classes: 10))
        exercise.expectClose(
            oneHot([2, 0], classes: 3), [[0, 0, 1], [1, 0, 0]], "the one-hot rows of the labels 2, 0 with 3 classes")
    }

    func test2EveryLabel() {
        // Each of the labels 0 … 9, twice, in one call: every row has 10 numbers, a single 1 at its
        // label and 0 elsewhere.
        let labels = Array(0...9) + Array((0...9).reversed())
        let rows = oneHot(labels, classes: 10)
        exercise.expectEqual(rows.count, labels.count, "the number of rows for 20 labels", untouched: rows.isEmpty)
        for (row, label) in zip(rows, labels) {
            let wanted = (0..<10).map { $0 == label ? 1.0 : 0.0 }
            guard row == wanted else {
                return exercise.expectClose(
                    row, wanted, "the one-hot row of label \(label) among 20 labels",
                    nudge: nudge(rows, labels, classes: 10))
            }
        }
    }

    func test3ArgmaxByHand() {
        exercise.expectEqual(argmaxOfRow([0.1, 0.7, 0.2]), 1, "argmaxOfRow of (0.1, 0.7, 0.2)")
        let output = [0.02, 0.01, 0.05, 0.10, 0.03, 0.01, 0.02, 0.64, 0.08, 0.04]
        exercise.expectEqual(
            argmaxOfRow(output), 7, "argmaxOfRow of a network's output row whose largest entry, 0.64, is at 7")
        let negative = argmaxOfRow([-3, -1, -2])
        exercise.expectEqual(
            negative, 1, "argmaxOfRow of (−3, −1, −2)",
            nudge: negative == 0 ? "Start from the first entry, not from the value 0." : "", untouched: negative == -1)
        let tie = argmaxOfRow([0.2, 0.4, 0.4, 0.1])
        exercise.expectEqual(
            tie, 1, "argmaxOfRow of a tie (0.2, 0.4, 0.4, 0.1)",
            nudge: tie == 2 ? "Move the best index only when an entry is strictly larger." : "")
    }

    func test4BackToTheLabel() {
        // argmaxOfRow undoes oneHot: label → row → label.
        for label in 0...9 {
            let row = (0..<10).map { $0 == label ? 1.0 : 0.0 }
            let back = argmaxOfRow(row)
            guard back == label else {
                return exercise.expectEqual(
                    back, label, "argmaxOfRow of the one-hot row of label \(label)", untouched: back == -1)
            }
        }
    }
}
