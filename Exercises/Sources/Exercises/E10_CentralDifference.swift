// Exercise 10 · A central finite difference
// Lesson: 5 (swift run lesson-5; Lessons/05-FiniteDifferences/README.md)
//
// Estimate the slope of f at x by nudging x both ways:
//
//     f′(x) ≈ (f(x + h) − f(x − h)) / (2h)
//
// Then use it on each parameter of a function of several parameters, to estimate the gradient:
//
//     ∂f/∂pᵢ ≈ (f(p with pᵢ + h) − f(p with pᵢ − h)) / (2h)
//
// Hint: For the gradient, copy the parameters into a `var`, change element i to p[i] + h, call f,
//       change it to p[i] − h, call f again, and put it back before moving to i + 1.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E10 (in Exercises/).

public func centralDifference(_ f: (Double) -> Double, at x: Double, h: Double = 1e-5) -> Double {
    // Your code here.
    return 0
}

public func centralDifferenceGradient(_ f: ([Double]) -> Double, at parameters: [Double], h: Double = 1e-5) -> [Double]
{
    // Your code here.
    return []
}
