// Reference solution of exercise 24 · The chain rule through two layers (lesson 10).
// The task is in Exercises/Sources/Exercises/E24_ChainRuleTwoLayers.swift.
//
// Why it works: The loss depends on w₁ only through z, on z only through h, on h only through ŷ;
//   the chain rule multiplies the local derivatives along that path, 2(ŷ − y) · w₂ · h(1 − h) · x,
//   and each earlier product is reused for the next parameter down, which is what backprop does.
// Common mistakes: leaving out σ′ = h(1 − h) between ∂loss/∂h and ∂loss/∂z, multiplying by w₁
//   instead of w₂ on the way down, the sign (y − ŷ), or forgetting the 2 of the square.

import Foundation

public func chainRuleGradients(
    w1: Double, b1: Double, w2: Double, b2: Double,
    x: Double, y: Double
) -> (dw1: Double, db1: Double, dw2: Double, db2: Double) {
    // Forward.
    let z = w1 * x + b1
    let h = 1 / (1 + exp(-z))
    let output = w2 * h + b2
    // Backward, from the loss down.
    let dOutput = 2 * (output - y)
    let dw2 = dOutput * h
    let db2 = dOutput
    let dh = dOutput * w2
    let dz = dh * h * (1 - h)
    return (dz * x, dz, dw2, db2)
}
