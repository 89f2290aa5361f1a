// Exercise 18 · Zeroing the gradients that backward() adds up
// Lesson: 8 (swift run lesson-8; Lessons/08-GradientTracker/README.md)
//
// A worked example with one step left out. `Tracked` is a tiny gradient tracker: a number and
// the gradient that backward ADDS into (+=, so that a value used twice gets both contributions).
// Below, `neuronBackward` does the forward and backward pass of lesson 8's neuron, and
// `lineLossBackward` those of the line's loss (1/N) Σ (a·xₖ + b − yₖ)². `trainLine` is the
// second post's loop:
//
//     1. forward   2. backward   3. update p ← p − lr·p.grad   4. zero
//
// Step 4 is missing: write `zeroGradients`, which sets every gradient back to 0 and leaves the
// numbers themselves alone. Without it, each update uses the sum of every gradient so far (in
// lesson 8, ∂o/∂w₁ grows 0.3242, 0.6485, 0.9727 with each backward()).
//
// Hint: `parameters` is an array of structs: loop over `parameters.indices` and change each
//       element's grad through the array, `parameters[k].…`. A `for p in parameters` loop gives
//       you copies, and changing a copy changes nothing in the array.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E18 (in Exercises/).

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
    // Your code here.
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
