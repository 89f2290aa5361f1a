// Exercise 13 · Gradient descent onto y = 3x + 8
// Lesson: 6 (swift run lesson-6; Lessons/06-ExactGradients/README.md)
//
// One step of gradient descent moves each parameter against its slope:
//
//     a ← a − lr · ∂loss/∂a,    b ← b − lr · ∂loss/∂b
//
// Write `descentStep` (one step, using your `lineLossGradient`), then `fitLine`, which starts at
// a = 0, b = 0 and takes `steps` steps.
//
// Hint: In `fitLine`, keep `var a = 0.0, b = 0.0` and call `descentStep` in a loop, assigning its
//       result back: `(a, b) = descentStep(...)`.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E13 (in Exercises/).

import E12_LineGradient  // your `lineLossGradient` from exercise 12

public func descentStep(a: Double, b: Double, x: [Double], y: [Double], learningRate: Double) -> (a: Double, b: Double)
{
    // Your code here.
    return (a, b)
}

public func fitLine(x: [Double], y: [Double], learningRate: Double, steps: Int) -> (a: Double, b: Double) {
    // Your code here.
    return (0, 0)
}
