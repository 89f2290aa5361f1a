// Reference solution of exercise 14 · The largest stable learning rate of the line (lesson 7).
// The task is in Exercises/Sources/Exercises/E14_StableLearningRate.swift.
//
// Why it works: Near its bottom a quadratic bowl changes along each eigenvector of H on its own:
//   one step multiplies that part of the distance by 1 − lr·λ. Every part shrinks only if
//   |1 − lr·λ| < 1 for every λ, and the largest λ is the first to break it, at lr = 2/λ_max.
//   The 2×2 formula comes from solving det(H − λI) = 0, a quadratic in λ.
// Common mistakes: forgetting the factor 2/N (the limit comes out N/2 times too small or too
//   big), taking the − sign (λ_min, which gives a rate far above the limit), forgetting the
//   square root, or returning 1/λ_max (the rate that lands on the bottom of the steepest
//   direction, half the limit).

import Foundation

public func largestCurvature(x: [Double]) -> Double {
    var sumSquares = 0.0
    var sum = 0.0
    for value in x {
        sumSquares += value * value
        sum += value
    }
    let n = Double(x.count)
    let p = 2 * sumSquares / n
    let q = 2 * sum / n
    let r = 2.0
    return (p + r) / 2 + ((p - r) / 2 * ((p - r) / 2) + q * q).squareRoot()
}

public func largestStableRate(x: [Double]) -> Double {
    2 / largestCurvature(x: x)
}
