// Reference solution of exercise 13 · Gradient descent onto y = 3x + 8 (lesson 6).
// The task is in Exercises/Sources/Exercises/E13_GradientDescent.swift.
//
// Why it works: The gradient points uphill, so a small step against it lowers the loss; repeated
//   steps with a learning rate small enough for the curvature walk a and b to the minimum, (3, 8)
//   for points on y = 3x + 8.
// Common mistakes: adding the gradient instead of subtracting it, starting fitLine somewhere other
//   than (0, 0), or discarding descentStep's result instead of assigning it back.

import E12_LineGradient

public func descentStep(a: Double, b: Double, x: [Double], y: [Double], learningRate: Double) -> (a: Double, b: Double)
{
    let gradient = lineLossGradient(a: a, b: b, x: x, y: y)
    return (a - learningRate * gradient.da, b - learningRate * gradient.db)
}

public func fitLine(x: [Double], y: [Double], learningRate: Double, steps: Int) -> (a: Double, b: Double) {
    var a = 0.0
    var b = 0.0
    for _ in 0..<steps {
        (a, b) = descentStep(a: a, b: b, x: x, y: y, learningRate: learningRate)
    }
    return (a, b)
}
