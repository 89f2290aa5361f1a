// Exercise 3 · Sigmoid, tanh through sigmoid, ReLU
// Lesson: 2 (swift run lesson-2; Lessons/02-Activations/README.md)
//
// Write the three activation functions of lesson 2:
//
//     relu(x)    = max(0, x)
//     sigmoid(x) = 1 / (1 + e⁻ˣ)
//     tanhThroughSigmoid(x) = 2σ(2x) − 1      (use your sigmoid, not Foundation's tanh)
//
// Your sigmoid must give exactly 1 at x = 1000 and exactly 0 at x = −1000, never nan: for
// negative x compute eˣ / (1 + eˣ) instead, so e to a huge power is never needed.
//
// Hint: `exp` comes from Foundation. For sigmoid, branch on the sign: `x >= 0 ? 1 / (1 + exp(-x))
//       : exp(x) / (1 + exp(x))`. tanhThroughSigmoid is one line using your sigmoid.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E03 (in Exercises/).

import Foundation

public func relu(_ x: Double) -> Double {
    // Your code here.
    return .nan
}

public func sigmoid(_ x: Double) -> Double {
    // Your code here.
    return .nan
}

public func tanhThroughSigmoid(_ x: Double) -> Double {
    // Your code here.
    return .nan
}
