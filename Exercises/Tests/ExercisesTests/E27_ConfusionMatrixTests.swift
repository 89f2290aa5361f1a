import XCTest
import Foundation
import ExerciseChecks
@testable import E27_ConfusionMatrix

/// Checks of exercise 27 · The confusion matrix.
final class E27_ConfusionMatrixTests: XCTestCase {
    let exercise = Exercise(lesson: 11, failure: XCTFail)

    func transposed(_ m: [[Int]]) -> [[Int]] {
        m.isEmpty ? [] : m[0].indices.map { j in m.map { $0[j] } }
    }

    func test1ByHand() {
        // Truth 0 0 1 1 1 2, said 0 1 1 1 2 0: row 0 = (1, 1, 0), row 1 = (0, 2, 1), row 2 = (1, 0, 0).
        let counts = confusionMatrix(trueLabels: [0, 0, 1, 1, 1, 2], predicted: [0, 1, 1, 1, 2, 0], classes: 3)
        let expected = [[1, 1, 0], [0, 2, 1], [1, 0, 0]]
        exercise.expectEqual(
            counts, expected, "the counts for truths 0 0 1 1 1 2 and answers 0 1 1 1 2 0",
            nudge: counts == transposed(expected) ? "The true label picks the row: counts[true][predicted]." : "",
            untouched: counts.isEmpty)
        let perfect = confusionMatrix(trueLabels: [2, 0, 2], predicted: [2, 0, 2], classes: 4)
        exercise.expectEqual(
            perfect, [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 2, 0], [0, 0, 0, 0]],
            "the counts of three right answers (truths 2 0 2) with 4 classes", untouched: perfect.isEmpty)
    }

    func test2RowsAndDiagonal() {
        // 300 made-up labels of 10 classes and answers that are right about 70 % of the time.
        var random = TestRandom(seed: 27)
        let truth = (0..<300).map { _ in Int(random.uniform(0, 10)) }
        let said = truth.map { random.uniform(0, 1) < 0.7 ? $0 : Int(random.uniform(0, 10)) }
        let counts = confusionMatrix(trueLabels: truth, predicted: said, classes: 10)
        guard counts.count == 10, counts.allSatisfy({ $0.count == 10 }) else {
            return exercise.expect(
                false, "the shape of the table for 10 classes", expected: "10 rows of 10 counts",
                got: "\(counts.count) rows"
                    + (counts.isEmpty
                        ? "" : " of \(counts.map(\.count).map(String.init).joined(separator: ", ")) counts"))
        }
        for t in 0..<10 {
            let samples = truth.filter { $0 == t }.count
            let rowSum = counts[t].reduce(0, +)
            guard rowSum == samples else {
                let columnSum = counts.map { $0[t] }.reduce(0, +)
                return exercise.expectEqual(
                    rowSum, samples, "the sum of row \(t) (the samples whose true class is \(t))",
                    nudge: columnSum == samples ? "The true label picks the row: counts[true][predicted]." : "")
            }
        }
        let right = zip(truth, said).filter { $0 == $1 }.count
        let trace = (0..<10).map { counts[$0][$0] }.reduce(0, +)
        exercise.expectEqual(trace, right, "the diagonal's sum (the number of right answers among 300)")
        exercise.expectEqual(counts.flatMap { $0 }.reduce(0, +), 300, "the sum of all the counts (one per sample)")
    }
}
