// Exercise 16 · Local derivatives of +, × and tanh
// Lesson: 8 (swift run lesson-8; Lessons/08-GradientTracker/README.md)
//
// When a tracked value is made, its operation writes down the result and, for each input, the
// local derivative ∂out/∂in: how the result moves when that input moves, the other held still.
//
//     out = a + b      ∂out/∂a = 1,   ∂out/∂b = 1
//     out = a × b      ∂out/∂a = b,   ∂out/∂b = a
//     out = tanh(a)    ∂out/∂a = 1 − tanh²(a)
//
// Write the three functions. Each returns the result and the local derivatives in the order of
// the inputs: `addWithLocals(2, -3)` returns (value: -1, locals: [1, 1]).
//
// Hint: The derivative of a × b with respect to a is the OTHER factor, b. For tanh, compute
//       t = tanh(a) once (Foundation's `tanh`) and reuse it: the local derivative is 1 − t·t.
//       At a = 1.4 (lesson 8's n) tanh is 0.8854 and its local derivative 0.2162.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E16 (in Exercises/).

import Foundation

public func addWithLocals(_ a: Double, _ b: Double) -> (value: Double, locals: [Double]) {
    // Your code here.
    return (0, [])
}

public func multiplyWithLocals(_ a: Double, _ b: Double) -> (value: Double, locals: [Double]) {
    // Your code here.
    return (0, [])
}

public func tanhWithLocals(_ a: Double) -> (value: Double, locals: [Double]) {
    // Your code here.
    return (0, [])
}
