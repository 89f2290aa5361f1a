// Reference solution of exercise 5 · Softplus, a smooth ReLU (lesson 2).
// The task is in Exercises/Sources/Exercises/E05_Softplus.swift.
//
// Why it works: ln(1 + eˣ) = x + ln(1 + e⁻ˣ), so each branch takes e only to a power ≤ 0: for
//   x = 1000 it adds ln(1 + e⁻¹⁰⁰⁰) = ln(1) = 0 to 1000, for x = −1000 it is ln(1 + 0) = 0. By the
//   chain rule d/dx ln(1 + eˣ) = eˣ / (1 + eˣ) = σ(x), a sigmoid that is already safe at ±1000:
//   a cheap derivative, as lesson 2 asks of an activation. Softplus is above ReLU everywhere,
//   by ln 2 at 0, and approaches it for large |x|.
// Common mistakes: ln(1 + eˣ) for every x (infinity at x = 1000, since e¹⁰⁰⁰ overflows), log10
//   instead of the natural log, x + ln(1 + eˣ) in the positive branch (the sign of the power
//   flipped), and writing σ′ = σ(1 − σ) for the derivative (that is the sigmoid's own slope).

import Foundation
import E03_Activations

public func softplus(_ x: Double) -> Double {
    x > 0 ? x + log(1 + exp(-x)) : log(1 + exp(x))
}

public func softplusDerivative(_ x: Double) -> Double {
    sigmoid(x)
}
