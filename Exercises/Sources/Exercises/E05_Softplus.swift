// Exercise 5 · Softplus, a smooth ReLU
// Lesson: 2 (swift run lesson-2; Lessons/02-Activations/README.md)
//
// Lesson 2 says nothing is special about ReLU, sigmoid and tanh: an activation needs to be
// non-linear and easy to differentiate. Softplus (step 5) is another one, a ReLU with the corner
// rounded:
//
//     softplus(x) = ln(1 + eˣ)
//     softplus′(x) = eˣ / (1 + eˣ) = σ(x)        (its derivative is the sigmoid)
//
// Write both. Like your sigmoid, they must work at x = ±1000, where e¹⁰⁰⁰ is infinite in a
// Double: softplus(1000) must be 1000 and softplus(−1000) must be 0, never infinity or nan. For
// x > 0 use the same function written another way,
//
//     ln(1 + eˣ) = ln(eˣ · (e⁻ˣ + 1)) = x + ln(1 + e⁻ˣ)
//
// which only ever takes e to a negative power.
//
// Hint: `exp` and `log` (the natural logarithm, ln) come from Foundation. Branch on the sign:
//       `x > 0 ? x + log(1 + exp(-x)) : log(1 + exp(x))`. For the derivative, call your
//       `sigmoid` from exercise 3.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E05 (in Exercises/).

import Foundation
import E03_Activations  // your `sigmoid` from exercise 3

public func softplus(_ x: Double) -> Double {
    // Your code here.
    return .nan
}

public func softplusDerivative(_ x: Double) -> Double {
    // Your code here.
    return .nan
}
