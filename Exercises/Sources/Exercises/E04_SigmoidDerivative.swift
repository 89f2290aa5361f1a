// Exercise 4 · The sigmoid's derivative
// Lesson: 2 (swift run lesson-2; Lessons/02-Activations/README.md)
//
// Training needs the slope of the activation. For the sigmoid it has a neat form:
//
//     σ′(x) = σ(x) · (1 − σ(x))
//
// Write `sigmoidDerivative` with it. (You may use your `sigmoid` from exercise 3.)
//
// Hint: Compute `let s = sigmoid(x)` once, then return `s * (1 - s)`. At x = 0 the answer is
//       0.25, the largest the slope ever gets.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E04 (in Exercises/).

import E03_Activations  // your `sigmoid` from exercise 3

public func sigmoidDerivative(_ x: Double) -> Double {
    // Your code here.
    return 0
}
