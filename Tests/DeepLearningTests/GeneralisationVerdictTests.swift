import XCTest
@testable import DeepLearning

/// The verdicts lesson 9 chooses its sentences by, each driven both ways with hand-made numbers.
final class GeneralisationVerdictTests: XCTestCase {
    func testChanceComparison() {
        XCTAssertEqual(compareWithChance(accuracy: 0.10, classes: 10), .aboutChance)
        XCTAssertEqual(compareWithChance(accuracy: 0.14, classes: 10), .aboutChance)
        XCTAssertEqual(compareWithChance(accuracy: 0.06, classes: 10), .aboutChance)
        XCTAssertEqual(compareWithChance(accuracy: 0.96, classes: 10), .aboveChance)
        XCTAssertEqual(compareWithChance(accuracy: 0.16, classes: 10), .aboveChance)
        XCTAssertEqual(compareWithChance(accuracy: 0.01, classes: 10), .belowChance)
        XCTAssertEqual(compareWithChance(accuracy: 0.40, classes: 2), .belowChance)
    }

    func testSpreadSummary() {
        let spread = Spread([89.0, 88.3, 88.5])
        XCTAssertEqual(spread.mean, 88.6, accuracy: 1e-12)
        XCTAssertEqual(spread.min, 88.3)
        XCTAssertEqual(spread.max, 89.0)
        XCTAssertTrue(spread.isFinite)
        XCTAssertFalse(Spread([1, .nan]).isFinite)
    }

    func testSpreadComparisonByRanges() {
        XCTAssertEqual(compare(Spread([5.7, 6.4, 6.0]), Spread([11.0, 11.7])), .clearlyLower)
        XCTAssertEqual(compare(Spread([93.0, 93.5]), Spread([88.3, 89.0])), .clearlyHigher)
        XCTAssertEqual(compare(Spread([88.5, 90.0]), Spread([88.3, 89.0])), .overlapping)
        XCTAssertEqual(compare(Spread([1, 2]), Spread([2, 3])), .overlapping, "touching ranges overlap")
        XCTAssertEqual(compare(Spread([4]), Spread([4])), .overlapping)
    }

    func testOverfittingWhenTheValidationLossLagsBehind() {
        // Second half: training 0.010 → 0.003 (−70 %), validation 0.022 → 0.019 (−14 %).
        let verdict = overfittingVerdict(
            trainingLosses: [0.09, 0.03, 0.010, 0.006, 0.003],
            validationLosses: [0.09, 0.04, 0.022, 0.020, 0.019])
        XCTAssertEqual(verdict, .overfits(validationRose: false))
    }

    func testOverfittingWhenTheValidationLossRises() {
        let verdict = overfittingVerdict(
            trainingLosses: [0.09, 0.03, 0.010, 0.006, 0.003],
            validationLosses: [0.09, 0.04, 0.020, 0.021, 0.025])
        XCTAssertEqual(verdict, .overfits(validationRose: true))
    }

    func testStillLearningWhenBothFallAlike() {
        let verdict = overfittingVerdict(
            trainingLosses: [0.09, 0.05, 0.04, 0.03, 0.02],
            validationLosses: [0.09, 0.06, 0.05, 0.04, 0.03])
        XCTAssertEqual(verdict, .stillLearning)
    }

    func testStalledWhenTheTrainingLossStops() {
        let verdict = overfittingVerdict(
            trainingLosses: [0.09, 0.08, 0.0800, 0.0790, 0.0785],
            validationLosses: [0.09, 0.08, 0.0800, 0.0810, 0.0820])
        XCTAssertEqual(verdict, .stalled)
    }

    func testDivergedWhenALossIsNotFinite() {
        XCTAssertEqual(overfittingVerdict(trainingLosses: [0.09, .nan], validationLosses: [0.09, 0.1]), .diverged)
        XCTAssertEqual(overfittingVerdict(trainingLosses: [0.09, 0.05], validationLosses: [0.09, .infinity]), .diverged)
    }

    func testSecondHalfBounds() {
        XCTAssertTrue(secondHalf(of: 2) == (0, 1))
        XCTAssertTrue(secondHalf(of: 5) == (2, 4))
        XCTAssertTrue(secondHalf(of: 60) == (29, 59))
    }

    func testClassifierScoreOfAHandMadeNetwork() {
        // One layer, identity activation: the output is the input itself, so the scores can be
        // worked out by hand. Rows (0.9, 0.1) and (0.2, 0.8) with labels 0 and 0: the first is
        // right, the second wrong; squared errors (0.01 + 0.01) and (0.64 + 0.64) over 4 numbers.
        let layer = Dense(
            weights: Matrix(rows: 2, columns: 2, values: [1, 0, 0, 1]),
            bias: Matrix(rows: 1, columns: 2, values: [0, 0]), activation: .identity)
        let result = score(
            Network([layer]), images: Matrix(rows: 2, columns: 2, values: [0.9, 0.1, 0.2, 0.8]),
            labels: [0, 0], classes: 2)
        XCTAssertEqual(result.accuracy, 0.5)
        XCTAssertEqual(result.loss, (0.01 + 0.01 + 0.64 + 0.64) / 4, accuracy: 1e-12)
    }
}
