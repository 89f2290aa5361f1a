import XCTest
import Foundation
import ExerciseChecks
@testable import E08_MeanSquaredError

/// Checks of exercise 8 · Mean squared error, one sample and a batch.
final class E08_MeanSquaredErrorTests: XCTestCase {
    let exercise = Exercise(lesson: 4, placeholders: [-1], failure: XCTFail)

    func testByHand() {
        // errors 1, −2, 3 → squares 1, 4, 9 → mean 14/3
        exercise.expectClose(
            meanSquaredError(predicted: [2, 0, 6], expected: [1, 2, 3]), 14.0 / 3, tolerance: 1e-12,
            "MSE of (2, 0, 6) against (1, 2, 3)", nudge: "Square each error, then take the mean.")
    }

    func testZeroOnlyWhenRight() {
        exercise.expectClose(meanSquaredError(predicted: [4, 5], expected: [4, 5]), 0, "perfect predictions")
        let wrong = meanSquaredError(predicted: [4, 5], expected: [5, 4])
        exercise.expect(
            wrong > 0, "MSE of (4, 5) against (5, 4), both predictions wrong", expected: "a positive number (it is 1)",
            got: shown(wrong))
    }

    func testSignDoesNotMatter() {
        exercise.expectClose(
            meanSquaredError(predicted: [-4], expected: [0]), meanSquaredError(predicted: [4], expected: [0]),
            "an error of −4 against an error of +4", nudge: "Squaring makes both 16.")
    }

    func testBatch() {
        // rows: MSE((1,1),(0,2)) = (1+1)/2 = 1; MSE((0,2),(0,0)) = (0+4)/2 = 2 → mean 1.5
        exercise.expectClose(
            batchMeanSquaredError(predicted: [[1, 1], [0, 2]], expected: [[0, 2], [0, 0]]), 1.5, tolerance: 1e-12,
            "a batch of two samples", nudge: "The mean of each row's MSE.")
    }
}
