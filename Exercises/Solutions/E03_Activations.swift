// Reference solution of exercise 3 · Sigmoid, tanh through sigmoid, ReLU (lesson 2).
// The task is in Exercises/Sources/Exercises/E03_Activations.swift.
//
// Why it works: For x ≥ 0, e⁻ˣ ≤ 1, and for x < 0 the form eˣ/(1 + eˣ) has eˣ < 1: neither branch
//   ever computes e to a large power, so nothing overflows to infinity and no inf/inf gives nan.
//   2σ(2x) − 1 is tanh(x) exactly, by algebra.
// Common mistakes: one formula for every x (nan at x = −1000), forgetting to double x inside σ, or
//   calling Foundation's tanh instead of building it.

import Foundation

public func relu(_ x: Double) -> Double {
    max(0, x)
}

public func sigmoid(_ x: Double) -> Double {
    if x >= 0 {
        return 1 / (1 + exp(-x))
    }
    let e = exp(x)
    return e / (1 + e)
}

public func tanhThroughSigmoid(_ x: Double) -> Double {
    2 * sigmoid(2 * x) - 1
}
