// Reference solution of exercise 23 · Training a small net on XOR (lesson 10).
// The task is in Exercises/Sources/Exercises/E23_TrainXOR.swift.
//
// Why it works: Each epoch runs the forward pass on all four samples, sends ∂loss/∂y back through
//   the output sigmoid and the hidden layer with the chain rule, sums the gradients over the
//   samples and takes one step against them; 6000 such steps separate XOR.
// Common mistakes: updating the weights inside the sample loop (not full-batch), using the new w2
//   to compute dh, forgetting σ′ at the output, or forgetting the 1/4 of the mean.

import E03_Activations
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
    let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
    let targets: [Double] = [0, 1, 1, 0]
    var net = XORNet.start
    for _ in 0..<epochs {
        var dW1 = [[0.0, 0, 0], [0, 0, 0]]
        var dB1 = [0.0, 0, 0]
        var dW2 = [0.0, 0, 0]
        var dB2 = 0.0
        for (x, t) in zip(inputs, targets) {
            // forward
            var h = [0.0, 0, 0]
            for j in 0..<3 {
                var z = net.b1[j]
                for k in 0..<2 { z += x[k] * net.w1[k][j] }
                h[j] = sigmoid(z)
            }
            var out = net.b2
            for j in 0..<3 { out += h[j] * net.w2[j] }
            let y = sigmoid(out)
            // backward: loss = mean over 4 samples of (y − t)²
            let dOut = 2 * (y - t) / 4 * y * (1 - y)
            dB2 += dOut
            for j in 0..<3 {
                dW2[j] += h[j] * dOut
                let dz = dOut * net.w2[j] * h[j] * (1 - h[j])
                dB1[j] += dz
                for k in 0..<2 { dW1[k][j] += x[k] * dz }
            }
        }
        // update
        for j in 0..<3 {
            net.w2[j] -= learningRate * dW2[j]
            net.b1[j] -= learningRate * dB1[j]
            for k in 0..<2 { net.w1[k][j] -= learningRate * dW1[k][j] }
        }
        net.b2 -= learningRate * dB2
    }
    return net
}
