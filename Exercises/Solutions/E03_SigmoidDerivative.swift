// Reference solution of exercise 3 · The sigmoid's derivative (lesson 2).
// The task is in Exercises/Sources/Exercises/E03_SigmoidDerivative.swift.

public func sigmoidDerivative(_ x: Double) -> Double {
    let s = sigmoid(x)
    return s * (1 - s)
}
