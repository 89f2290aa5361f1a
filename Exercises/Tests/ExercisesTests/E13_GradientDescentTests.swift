import XCTest
import Foundation
import ExerciseChecks
@testable import E13_GradientDescent

/// Checks of exercise 13 · Gradient descent onto y = 3x + 8.
final class E13_GradientDescentTests: XCTestCase {
    let exercise = Exercise(lesson: 6, placeholders: [0, 1], failure: XCTFail)

    func testOneStepByHand() {
        // Points (0, 1), (1, 3) at (1, 0): gradient (−2, −3); with lr 0.1 → (1.2, 0.3).
        let step = descentStep(a: 1, b: 0, x: [0, 1], y: [1, 3], learningRate: 0.1)
        exercise.expectClose(
            [step.a, step.b], [1.2, 0.3], tolerance: 1e-12, "one step from (1, 0) with lr 0.1",
            nudge: "Subtract lr × gradient: the gradient points uphill.")
    }

    func testFitReachesThreeAndEight() {
        let x = (0..<20).map { Double($0) / 19 }
        let y = x.map { 3 * $0 + 8 }
        let fit = fitLine(x: x, y: y, learningRate: 0.5, steps: 2000)
        exercise.expectClose(
            [fit.a, fit.b], [3, 8], tolerance: 1e-3, "fitLine on points exactly on y = 3x + 8",
            nudge: "Start from (0, 0) and take every step.")
    }

    func testMoreStepsGetCloser() {
        let x = (0..<20).map { Double($0) / 19 }
        let y = x.map { 3 * $0 + 8 }
        let few = fitLine(x: x, y: y, learningRate: 0.5, steps: 20)
        let many = fitLine(x: x, y: y, learningRate: 0.5, steps: 200)
        exercise.expect(
            abs(many.a - 3) < abs(few.a - 3) && few.a != 0, "a after 20 and after 200 steps from (0, 0)",
            expected: "200 steps closer to a = 3 than 20 steps, and a moved from 0",
            got: "\(shown(few.a)) after 20 and \(shown(many.a)) after 200")
    }
}
