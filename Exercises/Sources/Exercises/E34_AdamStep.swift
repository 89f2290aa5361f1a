// Exercise 34 · One Adam step
// Lesson: 14 (swift run lesson-14; Lessons/14-FasterDescent/README.md)
//
// Adam keeps two running averages per parameter, m (of the gradient g) and s (of g²), and
// counts its steps t from 1. One step, for every parameter:
//
//     m ← β₁·m + (1 − β₁)·g
//     s ← β₂·s + (1 − β₂)·g²
//     m̂ = m/(1 − β₁ᵗ),   ŝ = s/(1 − β₂ᵗ)
//     p ← p − lr·m̂/(√ŝ + ε)
//
// Write `adamStep`: given the parameters, m, s, the step number t of THIS step (1 for the first),
// the gradient and the settings, return the new parameters, m and s.
//
// Hint: Update m and s first, then divide by the bias corrections 1 − pow(beta1, Double(t)) and
//       1 − pow(beta2, Double(t)). At t = 1 the step is lr·g/(|g| + ε): about lr, whatever the size of g.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E34 (in Exercises/).
import Foundation

public func adamStep(
    parameters: [Double], m: [Double], s: [Double], t: Int, gradient: [Double],
    learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8
) -> (parameters: [Double], m: [Double], s: [Double]) {
    // Your code here.
    return (parameters, m, s)
}
