// Reference solution of exercise 16 · Local derivatives of +, × and tanh (lesson 8).
// The task is in Exercises/Sources/Exercises/E16_LocalDerivatives.swift.
//
// Why it works: A local derivative looks at one operation only. Moving a by h moves a + b by h
//   (slope 1) and a × b by h·b (slope b, the other factor); tanh′ = 1 − tanh², so the value
//   computed on the way forward already gives the derivative. The chain rule of backward() then
//   only multiplies these numbers along the graph.
// Common mistakes: returning a as ∂(a × b)/∂a (the factors swapped), 1 − a² instead of
//   1 − tanh²(a) (squaring the input, not the output), 1 − tanh(a) (forgetting the square), or
//   computing tanh through exp(2a), which overflows to NaN for large a.

import Foundation

public func addWithLocals(_ a: Double, _ b: Double) -> (value: Double, locals: [Double]) {
    (a + b, [1, 1])
}

public func multiplyWithLocals(_ a: Double, _ b: Double) -> (value: Double, locals: [Double]) {
    (a * b, [b, a])
}

public func tanhWithLocals(_ a: Double) -> (value: Double, locals: [Double]) {
    let t = tanh(a)
    return (t, [1 - t * t])
}
