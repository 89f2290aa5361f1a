// Exercise 15 · Predict three steps on a parabola
// Lesson: 7 (swift run lesson-7; Lessons/07-LearningRates/README.md)
//
// Predict first, then run the lesson. On loss(p) = (λ/2)·p² the slope is λ·p, so one step of
// gradient descent is
//
//     p ← p − lr·λ·p = (1 − lr·λ)·p
//
// Take λ = 2 and start at p = 1. BEFORE running lesson 7, replace the three predictions below
// (now `.nan`, `.nan` and `[]`) with what you expect, worked out by hand:
//   - p after 3 steps with lr = 0.8, and after 3 steps with lr = 1.1;
//   - which of the rates 0.1, 0.4, 0.5, 0.8 and 1.1 zigzag (p changes sign from step to step).
// Then write `parabolaAfter`, which takes `steps` steps from `start` and returns p.
//
// Hint: Work out the factor 1 − lr·λ for each rate first: three steps multiply p by it three
//       times. A negative factor flips the sign at every step (that is the zigzag), and a factor
//       whose size is above 1 makes every landing further out. In `parabolaAfter`, start with
//       `var p = start` and repeat `p = p - learningRate * lambda * p` in a loop.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E15 (in Exercises/).

/// p after 3 steps at lr = 0.8 (λ = 2, from p = 1): your prediction.
public let predictedAfterThreeStepsAtPoint8: Double = .nan

/// p after 3 steps at lr = 1.1 (λ = 2, from p = 1): your prediction.
public let predictedAfterThreeStepsAt1Point1: Double = .nan

/// The rates among 0.1, 0.4, 0.5, 0.8 and 1.1 that zigzag, for example [0.4, 0.5].
public let predictedZigzagRates: [Double] = []

public func parabolaAfter(steps: Int, learningRate: Double, lambda: Double, start: Double) -> Double {
    // Your code here.
    return .nan
}
