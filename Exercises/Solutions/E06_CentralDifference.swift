// Reference solution of exercise 6 · A central finite difference (lesson 5).
// The task is in Exercises/Sources/Exercises/E06_CentralDifference.swift.

public func centralDifference(_ f: (Double) -> Double, at x: Double, h: Double = 1e-5) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}

public func centralDifferenceGradient(_ f: ([Double]) -> Double, at parameters: [Double], h: Double = 1e-5) -> [Double] {
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
