import XCTest
import ExerciseChecks
@testable import E33_MomentumStep

/// Checks of exercise 33 · One momentum step.
final class E33_MomentumStepTests: XCTestCase {
    let exercise = Exercise(lesson: 14, failure: XCTFail)

    func near(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-9 }
    }

    func test1ByHand() {
        // v = 0.9·(1, −2) + (0.5, 4) = (1.4, 2.2); p = (1, 1) − 0.1·(1.4, 2.2) = (0.86, 0.78).
        let step = momentumStep(parameters: [1, 1], velocity: [1, -2], gradient: [0.5, 4], learningRate: 0.1, beta: 0.9)
        exercise.expectClose(
            step.velocity, [1.4, 2.2], tolerance: 1e-12,
            "the velocity after one step from v = (1, −2) with gradient (0.5, 4), β 0.9",
            nudge: near(step.velocity, [1.5, 2]) ? "Multiply the old velocity by β before adding the gradient." : "")
        exercise.expectClose(
            step.parameters, [0.86, 0.78], tolerance: 1e-12,
            "the parameters after one step from (1, 1), lr 0.1",
            nudge: near(step.parameters, [0.9, 1.2]) ? "Move along the NEW velocity: p − lr·(β·v + ∇)." : "")
    }

    func test2FromRestIsAPlainStep() {
        let step = momentumStep(
            parameters: [3, -1, 2], velocity: [0, 0, 0], gradient: [2, -4, 0], learningRate: 0.25, beta: 0.9)
        exercise.expectClose(
            step.parameters, [2.5, 0, 2], tolerance: 1e-12,
            "the parameters after a first step from rest (v = 0): the plain step p − lr·∇ at lr 0.25")
        exercise.expectClose(
            step.velocity, [2, -4, 0], tolerance: 1e-12,
            "the velocity after a first step from rest: the gradient itself")
    }

    func test3SteadySlopeSpeedsUp() {
        // A constant gradient 1, β = 0.5: v = 1, 1.5, 1.75; p = 0 − 0.1·(1 + 1.5 + 1.75) = −0.425.
        var p = [0.0]
        var v = [0.0]
        for _ in 0..<3 {
            (p, v) = momentumStep(parameters: p, velocity: v, gradient: [1], learningRate: 0.1, beta: 0.5)
        }
        exercise.expectClose(
            v, [1.75], tolerance: 1e-12, "the velocity after three steps on a steady gradient 1, β 0.5 (1, 1.5, 1.75)")
        exercise.expectClose(p, [-0.425], tolerance: 1e-12, "the parameter after three steps from 0, lr 0.1, β 0.5")
    }
}
