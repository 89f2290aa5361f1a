// Exercise 14 · The largest stable learning rate of the line
// Lesson: 7 (swift run lesson-7; Lessons/07-LearningRates/README.md)
//
// The line's loss, (1/N) Σ (a·xₖ + b − yₖ)², is a bowl whose curvature (its Hessian) is the same
// everywhere and depends only on the x values:
//
//     H = (2/N)·[[Σx², Σx], [Σx, N]]
//
// Gradient descent shrinks the distance to the bottom in every direction only while
// lr < 2/λ_max, where λ_max is the largest eigenvalue of H. For a symmetric 2×2 matrix
// [[p, q], [q, r]] the eigenvalues are
//
//     λ = (p + r)/2 ± √( ((p − r)/2)² + q² )
//
// Write `largestCurvature` (λ_max for the given x values) and `largestStableRate` (2/λ_max).
//
// Hint: Add up Σx² and Σx in one loop and let n = Double(x.count); then p = 2·Σx²/n, q = 2·Σx/n,
//       r = 2·n/n = 2. λ_max takes the + sign (the square root is never negative). In
//       `largestStableRate`, call your `largestCurvature`. For x = [0, 1], λ_max = (3 + √5)/2.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E14 (in Exercises/).

import Foundation

public func largestCurvature(x: [Double]) -> Double {
    // Your code here.
    return 0
}

public func largestStableRate(x: [Double]) -> Double {
    // Your code here.
    return 0
}
