// Reference solution of exercise 10 · A central finite difference (lesson 5).
// The task is in Exercises/Sources/Exercises/E10_CentralDifference.swift.
//
// Why it works: The central difference cancels the second-order term of the Taylor expansion, so
//   its error shrinks like h². For a gradient, nudging one parameter at a time and putting it back
//   gives one partial derivative per parameter.
// Common mistakes: dividing by h instead of 2h (twice the slope), nudging a copy but never
//   restoring it (the next partial sees two nudges), or nudging every parameter at once.

public func centralDifference(_ f: (Double) -> Double, at x: Double, h: Double = 1e-5) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}

public func centralDifferenceGradient(_ f: ([Double]) -> Double, at parameters: [Double], h: Double = 1e-5) -> [Double]
{
    var nudged = parameters
    var gradient: [Double] = []
    for i in parameters.indices {
        nudged[i] = parameters[i] + h
        let up = f(nudged)
        nudged[i] = parameters[i] - h
        let down = f(nudged)
        nudged[i] = parameters[i]
        gradient.append((up - down) / (2 * h))
    }
    return gradient
}
