// Exercise 23 · Training a small net on XOR
// Lesson: 10 (swift run lesson-10; Lessons/10-Backprop/README.md)
//
// XOR is 1 when exactly one input is 1: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0. No line separates
// it, but a 2-3-1 sigmoid network can learn it. Write the training loop in `trainXOR`:
//
//     forward   h = σ(x·W1 + b1) (3 numbers),  y = σ(h·W2 + b2) (1 number)
//     loss      (y − target)², averaged over the 4 samples
//     backward  dy = 2(y − t)/4 · σ′ at the output,  dW2, db2, dh, then through σ′ to dW1, db1
//     update    every weight −= learningRate × its gradient
//
// Start from `XORNet.start` and take `epochs` full-batch steps; return the trained net.
// `XORNet.callAsFunction` (given below) runs the forward pass, so you can test as you go.
//
// Hint: Write the forward pass for all four samples first and keep h and y. σ′ written with the
//       output is s(1 − s). Sum the gradients over the four samples before updating. Your exercise 22
//       has the shape of the backward pass; lesson 10 step 1 has every number of a similar net.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E23 (in Exercises/).

import E03_Activations  // your `sigmoid` from exercise 3
import Foundation

/// A 2-3-1 network: w1[k][j] from input k to hidden j, w2[j] from hidden j to the output.
public struct XORNet: Sendable {
    public var w1: [[Double]]
    public var b1: [Double]
    public var w2: [Double]
    public var b2: Double

    /// The starting weights (fixed, so every student's run is the same).
    public static let start = XORNet(
        w1: [[0.5, -0.6, 0.9], [-0.4, 0.8, 0.7]], b1: [0.1, -0.1, -0.5],
        w2: [0.6, -0.7, 0.5], b2: 0.0)

    /// The network's output for input (x₁, x₂).
    public func callAsFunction(_ x: [Double]) -> Double {
        var out = b2
        for j in 0..<3 {
            var z = b1[j]
            for k in 0..<2 { z += x[k] * w1[k][j] }
            out += (1 / (1 + exp(-z))) * w2[j]
        }
        return 1 / (1 + exp(-out))
    }
}

public func trainXOR(epochs: Int, learningRate: Double) -> XORNet {
    // Your code here.
    return XORNet.start
}
