// Exercise 24 · The chain rule through two layers
// Lesson: 10 (swift run lesson-10; Lessons/10-Backprop/README.md)
//
// The smallest network with a hidden layer, 1-1-1: one input x, one sigmoid hidden unit, one
// linear output, and the squared error against the target y,
//
//     z = w₁·x + b₁,    h = σ(z),    ŷ = w₂·h + b₂,    loss = (ŷ − y)²
//
// Backprop is the chain rule applied backwards, from the loss to each parameter:
//
//     ∂loss/∂ŷ = 2(ŷ − y)
//     ∂loss/∂w₂ = ∂loss/∂ŷ · h          ∂loss/∂b₂ = ∂loss/∂ŷ
//     ∂loss/∂h = ∂loss/∂ŷ · w₂
//     ∂loss/∂z = ∂loss/∂h · σ′(z),  with σ′(z) = h(1 − h)
//     ∂loss/∂w₁ = ∂loss/∂z · x          ∂loss/∂b₁ = ∂loss/∂z
//
// Write `chainRuleGradients`, returning the four gradients. At x = 2, y = 3 with w₁ = b₁ = 0,
// w₂ = 2, b₂ = 0: h = 0.5, ŷ = 1, and the gradients are (∂w₁, ∂b₁, ∂w₂, ∂b₂) = (−4, −2, −2, −4).
//
// Hint: Run the forward pass first and keep z's sigmoid h and the output ŷ; then go down the list
//       above line by line, each line reusing the one before. σ(z) = 1 / (1 + exp(−z)).
//
// Check it: swift run exercises (from the course folder), or swift test --filter E24 (in Exercises/).

import Foundation

public func chainRuleGradients(
    w1: Double, b1: Double, w2: Double, b2: Double,
    x: Double, y: Double
) -> (dw1: Double, db1: Double, dw2: Double, db2: Double) {
    // Your code here.
    return (0, 0, 0, 0)
}
