// Reference solution of exercise 34 · One Adam step (lesson 14).
// The task is in Exercises/Sources/Exercises/E34_AdamStep.swift.
//
// Why it works: m and s start at 0, so early on they are too small by the factors 1 − β₁ᵗ and
//   1 − β₂ᵗ; dividing by them undoes that (at t = 1, m̂ = g and ŝ = g² exactly). The step
//   m̂/√ŝ is the gradient divided by its own typical size, so every parameter moves about lr
//   per step, however steep or shallow its slope.
// Common mistakes: leaving out the bias corrections (the first steps are then far too small),
//   using t − 1 or starting t at 0, dividing by ŝ instead of √ŝ, or using the old m and s.
import Foundation

public func adamStep(
    parameters: [Double], m: [Double], s: [Double], t: Int, gradient: [Double],
    learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8
) -> (parameters: [Double], m: [Double], s: [Double]) {
    var p = parameters
    var newM = m
    var newS = s
    let c1 = 1 - pow(beta1, Double(t))
    let c2 = 1 - pow(beta2, Double(t))
    for i in parameters.indices {
        let g = gradient[i]
        newM[i] = beta1 * m[i] + (1 - beta1) * g
        newS[i] = beta2 * s[i] + (1 - beta2) * g * g
        p[i] = parameters[i] - learningRate * (newM[i] / c1) / ((newS[i] / c2).squareRoot() + epsilon)
    }
    return (p, newM, newS)
}
