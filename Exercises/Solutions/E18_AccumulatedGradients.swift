// Reference solution of exercise 18 · Zeroing the gradients that backward() adds up (lesson 8).
// The task is in Exercises/Sources/Exercises/E18_AccumulatedGradients.swift.
//
// Why it works: backward adds into grad, because a value used twice must collect both
//   contributions; the price is that the grad still holds the last iteration's gradient when the
//   next backward starts. Setting it to 0 after each update makes every update use only the
//   gradient at the current parameters, which is what gradient descent means.
// Common mistakes: a `for p in parameters` loop (it changes copies, not the array), zeroing
//   `data` as well (the parameters start over from 0), or zeroing before the update instead of
//   after it (the update then moves nothing).

import Foundation

/// A tracked number: its value (`data`) and ∂loss/∂(this number) as backward adds it up (`grad`).
public struct Tracked {
    public var data: Double
    public var grad: Double
    public init(_ data: Double, grad: Double = 0) {
        self.data = data
        self.grad = grad
    }
}

/// Forward and backward of lesson 8's neuron o = tanh(x₁w₁ + x₂w₂ + b), for p = [x₁, w₁, x₂, w₂, b]:
/// returns o and adds ∂o/∂(each input) into its grad.
public func neuronBackward(_ p: inout [Tracked]) -> Double {
    let n = p[0].data * p[1].data + p[2].data * p[3].data + p[4].data  // forward
    let o = tanh(n)
    let dn = 1 - o * o  // ∂o/∂n, tanh's local derivative
    p[0].grad += dn * p[1].data  // backward: ∂o/∂n × ∂n/∂input,
    p[1].grad += dn * p[0].data  // added (+=), never assigned
    p[2].grad += dn * p[3].data
    p[3].grad += dn * p[2].data
    p[4].grad += dn
    return o
}

/// Forward and backward of the line's loss (1/N) Σ (a·xₖ + b − yₖ)², for p = [a, b]: returns the
/// loss and adds ∂loss/∂a and ∂loss/∂b into the grads.
public func lineLossBackward(_ p: inout [Tracked], x: [Double], y: [Double]) -> Double {
    let n = Double(x.count)
    var loss = 0.0
    for k in x.indices {
        let error = p[0].data * x[k] + p[1].data - y[k]  // forward
        loss += error * error / n
        p[0].grad += 2 * error * x[k] / n  // backward, added
        p[1].grad += 2 * error / n
    }
    return loss
}

/// Step 4 of the loop: every gradient back to 0, every number kept.
public func zeroGradients(_ parameters: inout [Tracked]) {
    for k in parameters.indices {
        parameters[k].grad = 0
    }
}

/// The post's loop on the line from `start` = [a, b]: returns [a, b] after `iterations` iterations.
public func trainLine(x: [Double], y: [Double], start: [Double], learningRate: Double, iterations: Int) -> [Double] {
    var p = start.map { Tracked($0) }
    for _ in 0..<iterations {
        _ = lineLossBackward(&p, x: x, y: y)  // 1. forward, 2. backward
        for k in p.indices { p[k].data -= learningRate * p[k].grad }  // 3. update
        zeroGradients(&p)  // 4. zero
    }
    return p.map(\.data)
}
