// Exercise 12 · The gradient of the line's loss
// Lesson: 6 (swift run lesson-6; Lessons/06-ExactGradients/README.md)
//
// For the line y = a·x + b on points (xₖ, yₖ), loss = (1/N) Σ (a·xₖ + b − yₖ)². The chain rule
// gives
//
//     ∂loss/∂a = (1/N) Σ 2(a·xₖ + b − yₖ)·xₖ
//     ∂loss/∂b = (1/N) Σ 2(a·xₖ + b − yₖ)
//
// Write `lineLossGradient`, returning both.
//
// Hint: Loop over the points once: compute the error e = a*x[k] + b - y[k], add 2*e*x[k] to one
//       sum and 2*e to the other, and divide both by the number of points at the end.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E12 (in Exercises/).

public func lineLossGradient(a: Double, b: Double, x: [Double], y: [Double]) -> (da: Double, db: Double) {
    // Your code here.
    return (0, 0)
}
