// Reference solution of exercise 2 · Sigmoid, tanh through sigmoid, ReLU (lesson 2).
// The task is in Exercises/Sources/Exercises/E02_Activations.swift.

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
