import XCTest
import Foundation
import ExerciseChecks
@testable import E35_Convolution2D

/// Checks of exercise 35 · A 2D convolution forward pass.
final class E35_Convolution2DTests: XCTestCase {
    let exercise = Exercise(lesson: 15, failure: XCTFail)

    func test1ByHand() {
        // image 1 2 3 / 4 5 6 / 7 8 9, filter 1 0 / 0 −1: each output is a pixel minus the one
        // diagonally below-right of it, 1 − 5 = −4 everywhere.
        let image: [[Double]] = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
        let out = convolve2D(image: image, filter: [[1, 0], [0, -1]])
        exercise.expectClose(
            out, [[-4, -4], [-4, -4]], "the 2×2 output of filter (1 0 / 0 −1) on the image 1 … 9",
            nudge: out.count == 3
                ? "Valid padding: the filter must fit inside the image, so the output is (H − k + 1) × (W − k + 1)."
                : "")
        // filter 1 2 / 3 4 on the same image: 1·1 + 2·2 + 3·4 + 4·5 = 37, then 47, 67, 77.
        let weighted = convolve2D(image: image, filter: [[1, 2], [3, 4]])
        let flipped: [[Double]] = [[23, 33], [53, 63]]
        exercise.expectClose(
            weighted, [[37, 47], [67, 77]], "the output of filter (1 2 / 3 4) on the image 1 … 9",
            nudge: weighted == flipped
                ? "The filter is not flipped: weight filter[i][j] multiplies image[y + i][x + j]." : "")
    }

    func test2ShapeAndAVerticalEdge() {
        // A 4×5 image, dark on the left (0) and bright on the right (1) from column 2 on, and
        // the vertical-edge filter (−1 0 1 in each row): 3 where the 3×3 window straddles the
        // edge, 0 where it sees one side only.
        let image: [[Double]] = Array(repeating: [0, 0, 1, 1, 1], count: 4)
        let edge: [[Double]] = Array(repeating: [-1, 0, 1], count: 3)
        let out = convolve2D(image: image, filter: edge)
        exercise.expectEqual(
            out.count, 2, "the number of output rows for a 4×5 image and a 3×3 filter", untouched: out.isEmpty)
        exercise.expectClose(
            out, [[3, 3, 0], [3, 3, 0]], "the vertical-edge filter on an image dark left, bright right")
    }

    func test3ARandomImageAgainstTheFormula() {
        var random = TestRandom(seed: 35)
        let image = (0..<6).map { _ in (0..<7).map { _ in random.uniform(-1, 1) } }
        let filter = (0..<3).map { _ in (0..<3).map { _ in random.uniform(-1, 1) } }
        let out = convolve2D(image: image, filter: filter)
        // The output at (2, 3), written out.
        var expected = 0.0
        for i in 0..<3 { for j in 0..<3 { expected += filter[i][j] * image[2 + i][3 + j] } }
        guard out.count == 4, out.allSatisfy({ $0.count == 5 }) else {
            return exercise.expect(
                false, "the shape of the output for a 6×7 image and a 3×3 filter", expected: "4 rows of 5",
                got: "\(out.count) rows" + (out.isEmpty ? "" : " of \(out[0].count)"))
        }
        exercise.expectClose(out[2][3], expected, "the output at row 2, column 3 of a random 6×7 image")
    }
}
