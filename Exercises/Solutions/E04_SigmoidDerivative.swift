// Reference solution of exercise 4 · The sigmoid's derivative (lesson 2).
// The task is in Exercises/Sources/Exercises/E04_SigmoidDerivative.swift.
//
// Why it works: σ′(x) = σ(x)(1 − σ(x)) follows from differentiating 1/(1 + e⁻ˣ); computing σ once
//   and reusing it keeps the two factors consistent and inherits the safe sigmoid of exercise 3.
// Common mistakes: writing σ(x)·(1 − x), calling sigmoid twice with different arguments, or using
//   an unsafe sigmoid that turns σ′(±1000) into nan.

import E03_Activations

public func sigmoidDerivative(_ x: Double) -> Double {
    let s = sigmoid(x)
    return s * (1 - s)
}
