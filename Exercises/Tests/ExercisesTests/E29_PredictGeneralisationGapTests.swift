import XCTest
import Foundation
import ExerciseChecks
@testable import E29_PredictGeneralisationGap

/// Checks of exercise 29 · The generalisation gap: predict, then measure.
///
/// The lesson's numbers are those of `swift run lesson-12` (Tests/LessonTests/Transcripts/lesson-12.txt):
///
///     trained on          training acc.  test accuracy       gap
///     200 digits                100.0 %  89.6 % (89.4–89.7)  10.4 (10.3–10.6)
///     200, early-stopped         98.7 %  89.7 % (88.3–90.9)  9.0 (8.6–9.2)
///     800 digits                 99.3 %  93.6 % (93.4–93.7)  5.7 (5.6–6.0)
final class E29_PredictGeneralisationGapTests: XCTestCase {
    let exercise = Exercise(lesson: 12, placeholders: [.nan], failure: XCTFail)

    func test1YourPredictions() {
        exercise.expectEqual(
            predictedNarrowerGap, .moreData,
            "your prediction of the cure that narrows the gap more (swift run lesson-12 shows it in step 2's table, the gap column)",
            untouched: predictedNarrowerGap == .notChosenYet)
        exercise.expectClose(
            predictedGapWith800Digits, 5.7, tolerance: 3,
            "your predicted gap of the net trained on 800 digits, in points, within 3 (swift run lesson-12 shows it in step 2's table)",
            nudge: predictedGapWith800Digits > 0 && predictedGapWith800Digits < 1
                ? "In points: a gap of 0.06 as a fraction is 6 points." : "")
    }

    func test2ByHand() {
        // 100 % against 89.6 %: 10.4 points.
        let value = gap(trainingAccuracy: 1.0, testAccuracy: 0.896)
        let nudge =
            abs(value - 0.104) < 1e-9
            ? "In points: multiply the difference of the fractions by 100."
            : abs(value + 10.4) < 1e-9
                ? "Training minus test: a net that reads its own digits better has a positive gap." : ""
        exercise.expectClose(
            value, 10.4, tolerance: 1e-9, "gap(trainingAccuracy: 1.0, testAccuracy: 0.896) in points", nudge: nudge)
        exercise.expectClose(
            gap(trainingAccuracy: 0.8, testAccuracy: 0.8), 0, tolerance: 1e-9,
            "gap(trainingAccuracy: 0.8, testAccuracy: 0.8): the same accuracy on both")
        exercise.expectClose(
            gap(trainingAccuracy: 0.9, testAccuracy: 0.95), -5, tolerance: 1e-9,
            "gap(trainingAccuracy: 0.9, testAccuracy: 0.95): better on the test set")
    }

    func test3TheLessonsTable() {
        // The gap column is the training column minus the test column (the means over the starts).
        for (row, training, test, expected) in [
            ("200 digits", 1.0, 0.896, 10.4), ("200, early-stopped", 0.987, 0.897, 9.0),
            ("800 digits", 0.993, 0.936, 5.7)
        ] {
            let value = gap(trainingAccuracy: training, testAccuracy: test)
            guard abs(value - expected) <= 1e-9 else {
                return exercise.expectClose(
                    value, expected, tolerance: 1e-9,
                    "the gap of lesson 12's row \"\(row)\", \(shown(100 * training)) % against \(shown(100 * test)) %")
            }
        }
    }
}
