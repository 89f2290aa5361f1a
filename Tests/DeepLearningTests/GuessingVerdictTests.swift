import XCTest
import DeepLearning

/// Lesson 13's reading of a run that ended at guessing (ten classes: chance 10 %, margin 5 points),
/// with hand-made accuracy curves that go each way.
final class GuessingVerdictTests: XCTestCase {
    func testARunAboveChanceAtTheEndNeedsNoExcuse() {
        XCTAssertNil(guessingVerdict(accuracies: [0.1, 0.5, 0.9], classes: 10, peakRate: 0.5, usualRate: 0.5))
        // Above chance only at the end, whatever the rate.
        XCTAssertNil(guessingVerdict(accuracies: [0.1, 0.1, 0.16], classes: 10, peakRate: 1e-3, usualRate: 0.5))
        XCTAssertNil(guessingVerdict(accuracies: [], classes: 10, peakRate: 0.5, usualRate: 0.5))
    }

    func testLearningThenFallingBackIsReadFromTheFirstEpochAboveChance() {
        XCTAssertEqual(
            guessingVerdict(accuracies: [0.12, 0.4, 0.8, 0.1], classes: 10, peakRate: 0.5, usualRate: 0.5),
            .learnedThenFellBack(epoch: 2))
        // Falling below chance is still back at guessing; the rate does not matter here.
        XCTAssertEqual(
            guessingVerdict(accuracies: [0.6, 0.02], classes: 10, peakRate: 500, usualRate: 0.5),
            .learnedThenFellBack(epoch: 1))
    }

    func testARunNeverAboveChanceIsBlamedOnTheRateOnlyWhenTheRateIsFarOff() {
        let stuck = [0.1, 0.11, 0.09]
        // 0.5 / 10 = 0.05: just under it is too small, at it is not.
        XCTAssertEqual(guessingVerdict(accuracies: stuck, classes: 10, peakRate: 0.049, usualRate: 0.5), .rateTooSmall)
        XCTAssertEqual(guessingVerdict(accuracies: stuck, classes: 10, peakRate: 0.05, usualRate: 0.5), .rateNotToBlame)
        // 0.5 × 10 = 5: just over it is too big, at it is not.
        XCTAssertEqual(guessingVerdict(accuracies: stuck, classes: 10, peakRate: 5.01, usualRate: 0.5), .rateTooBig)
        XCTAssertEqual(guessingVerdict(accuracies: stuck, classes: 10, peakRate: 5, usualRate: 0.5), .rateNotToBlame)
        XCTAssertEqual(guessingVerdict(accuracies: stuck, classes: 10, peakRate: 30, usualRate: 30), .rateNotToBlame)
        // Another factor moves both bounds.
        XCTAssertEqual(
            guessingVerdict(accuracies: stuck, classes: 10, peakRate: 2, usualRate: 0.5, factor: 3), .rateTooBig)
    }
}
