import XCTest
import Foundation
import ExerciseChecks
@testable import E11_FiniteDifferenceStep

/// Checks of exercise 11 · One step downhill, slopes by nudging.
final class E11_FiniteDifferenceStepTests: XCTestCase {
    let exercise = Exercise(lesson: 5, placeholders: [0], failure: XCTFail)

    /// The loss of the line y = ax + b on the two points (0, 8) and (1, 11), which lie on y = 3x + 8:
    /// ½[(b − 8)² + (a + b − 11)²], with ∂/∂a = a + b − 11 and ∂/∂b = (b − 8) + (a + b − 11).
    let twoPoints = { (a: Double, b: Double) -> Double in
        ((b - 8) * (b - 8) + (a + b - 11) * (a + b - 11)) / 2
    }

    /// The nudge for an answer that shows a known mistake, "" for any other.
    func nudge(
        _ got: (a: Double, b: Double), start: (a: Double, b: Double), slopes: (a: Double, b: Double), rate: Double
    ) -> String {
        func near(_ x: Double, _ y: Double) -> Bool { abs(got.a - x) < 1e-6 && abs(got.b - y) < 1e-6 }
        if near(start.a + rate * slopes.a, start.b + rate * slopes.b) {
            return "That is a step uphill: new = old − lr × slope, a minus."
        }
        if near(slopes.a, slopes.b) || near(-rate * slopes.a, -rate * slopes.b) {
            return "Return the new parameters, old − lr × slope, not the change alone."
        }
        if near(start.a - rate * slopes.a, start.b - rate * slopes.a) {
            return "b moves by its own slope, slopeB."
        }
        return ""
    }

    func test1_OneStepByHand() {
        // From (0, 0): ∂/∂a = −11, ∂/∂b = −8 − 11 = −19; lr 0.3: a = 0 − 0.3·(−11) = 3.3, b = 0 − 0.3·(−19) = 5.7.
        let step = finiteDifferenceStep(a: 0, b: 0, learningRate: 0.3, loss: twoPoints)
        exercise.expectClose(
            [step.a, step.b], [3.3, 5.7], tolerance: 1e-6,
            "one step from (0, 0) with lr 0.3 on the points (0, 8), (1, 11); slopes −11 and −19",
            nudge: nudge(step, start: (0, 0), slopes: (-11, -19), rate: 0.3))
        // The loss falls from ½(64 + 121) = 92.5 to ½(2.3² + 2²) = 4.645.
        exercise.expectClose(
            twoPoints(step.a, step.b), 4.645, tolerance: 1e-5, "the loss after that step (92.5 before it)")
    }

    func test2_APositiveSlopeStepsBack() {
        // From (5, 10): ∂/∂a = 5 + 10 − 11 = 4, ∂/∂b = 2 + 4 = 6, both positive; lr 0.1: (4.6, 9.4).
        let step = finiteDifferenceStep(a: 5, b: 10, learningRate: 0.1, loss: twoPoints)
        let untouched = step.a == 5 && step.b == 10
        exercise.expectClose(
            [step.a, step.b], [4.6, 9.4], tolerance: 1e-6,
            "one step from (5, 10) with lr 0.1, slopes +4 and +6 (a positive slope: go back)",
            nudge: untouched ? "" : nudge(step, start: (5, 10), slopes: (4, 6), rate: 0.1))
    }

    func test3_LessonFivesFirstStep() {
        // Lesson 5's 50 points (seed 42) through their sums Σx, Σx², Σxy, Σy, Σy², so that
        // loss(a, b) = (1/N) Σ (a·xₖ + b − yₖ)² = (a²Σx² + 2abΣx + Nb² − 2aΣxy − 2bΣy + Σy²)/N.
        let n = 50.0
        let sx = 30.842656809907034
        let sxx = 22.21606387955438
        let sxy = 313.71678845871378
        let sy = 493.93340545054548
        let syy = 4909.0599852530586
        let lessonFive = { (a: Double, b: Double) -> Double in
            (a * a * sxx + 2 * a * b * sx + n * b * b - 2 * a * sxy - 2 * b * sy + syy) / n
        }
        // swift run lesson-5, step 2: a = 0 − 0.3 × (−12.5487) = 3.7646, b = 0 − 0.3 × (−19.7573) = 5.9272,
        // loss 98.1812 → 2.7918.
        let step = finiteDifferenceStep(a: 0, b: 0, learningRate: 0.3, loss: lessonFive)
        exercise.expectClose(
            [step.a, step.b], [3.7646, 5.9272], tolerance: 5e-5,
            "one step from (0, 0) with lr 0.3 on lesson 5's 50 points (swift run lesson-5 prints it in step 2)",
            nudge: nudge(step, start: (0, 0), slopes: (-12.548671537615517, -19.757336217907095), rate: 0.3))
        exercise.expectClose(
            lessonFive(step.a, step.b), 2.7918, tolerance: 5e-5,
            "the loss after that step (98.1812 before it, lesson 5 step 2)")
    }

    func test4_ManyStepsReachTheLine() {
        // The two points lie on y = 3x + 8, so the best line is (3, 8): 300 steps of lr 0.3 get there.
        let end = descend(a: 0, b: 0, learningRate: 0.3, steps: 300, loss: twoPoints)
        exercise.expectClose(
            [end.a, end.b], [3, 8], tolerance: 1e-6, "(a, b) after 300 steps of lr 0.3 from (0, 0) on (0, 8), (1, 11)",
            nudge: twoPoints(end.a, end.b) > twoPoints(0, 0)
                ? "The loss grew: each step went uphill. new = old − lr × slope." : "")
    }

    func test5_AgainstTheExactSlopesOfAnotherLoss() {
        // loss = e^(a−1) − a + (b + 2)², not a quadratic: ∂/∂a = e^(a−1) − 1, ∂/∂b = 2(b + 2).
        let curved = { (a: Double, b: Double) -> Double in exp(a - 1) - a + (b + 2) * (b + 2) }
        var random = TestRandom(seed: 11)
        for _ in 0..<10 {
            let a = random.uniform(-2, 2)
            let b = random.uniform(-4, 2)
            let expected = [a - 0.1 * (exp(a - 1) - 1), b - 0.1 * 2 * (b + 2)]
            let step = finiteDifferenceStep(a: a, b: b, learningRate: 0.1, loss: curved)
            if !(abs(step.a - expected[0]) <= 1e-7 && abs(step.b - expected[1]) <= 1e-7) {
                exercise.expectClose(
                    [step.a, step.b], expected, tolerance: 1e-7,
                    "one step of lr 0.1 from (\(shown(a)), \(shown(b))) on e^(a−1) − a + (b + 2)²")
                return  // one failure says it; the other points would repeat it
            }
        }
    }
}
