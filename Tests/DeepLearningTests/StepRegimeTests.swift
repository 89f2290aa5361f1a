import XCTest
import DeepLearning

/// The regimes of lesson 7: a step's factor 1 − lr·λ on each side of 0 and −1.
final class StepRegimeTests: XCTestCase {
    func testEachFactorGivesItsRegime() {
        XCTAssertEqual(StepRegime(factor: 1.2), .neverCloser)
        XCTAssertEqual(StepRegime(factor: 1), .neverCloser)
        XCTAssertEqual(StepRegime(factor: 0.8), .undershoots)
        XCTAssertEqual(StepRegime(factor: 0), .lands)
        XCTAssertEqual(StepRegime(factor: -0.6), .zigzagShrinks)
        XCTAssertEqual(StepRegime(factor: -1), .zigzagSameSize)
        XCTAssertEqual(StepRegime(factor: -1.2), .diverges)
        XCTAssertEqual(StepRegime(factor: .nan), .diverges)
    }

    func testARateIsComparedWithOneAndTwoOverTheCurvature() {
        // λ = 2.8: 1/λ ≈ 0.357 and 2/λ ≈ 0.714 (lesson 7's default points).
        XCTAssertEqual(StepRegime(learningRate: 0.3, curvature: 2.8), .undershoots)
        XCTAssertFalse(StepRegime(learningRate: 0.3, curvature: 2.8).crossesTheBottom)
        // λ = 3.463: 1/λ ≈ 0.289, so 0.3 already crosses (two points, seed 6).
        XCTAssertEqual(StepRegime(learningRate: 0.3, curvature: 3.463), .zigzagShrinks)
        XCTAssertTrue(StepRegime(learningRate: 0.3, curvature: 3.463).crossesTheBottom)
        // λ = 8: 2/λ = 0.25 < 0.3.
        XCTAssertEqual(StepRegime(learningRate: 0.3, curvature: 8), .diverges)
        XCTAssertTrue(StepRegime(learningRate: 0.3, curvature: 8).crossesTheBottom)
        XCTAssertEqual(StepRegime(learningRate: 0.5, curvature: 2), .lands)
        XCTAssertEqual(StepRegime(learningRate: 1, curvature: 2), .zigzagSameSize)
    }
}
