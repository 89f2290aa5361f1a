// Reference solution of exercise 31 · Softmax stable against overflow (lesson 13).
// The task is in Exercises/Sources/Exercises/E31_StableSoftmax.swift.
//
// Why it works: e^(zₖ − m) / Σⱼ e^(zⱼ − m) = e^(−m)·e^(zₖ) / (e^(−m)·Σⱼ e^(zⱼ)): the same
//   probabilities. Every exponent zₖ − m is ≤ 0, so no exponential overflows, and the largest is
//   e⁰ = 1, so the sum is at least 1 and never 0 (which would happen for scores like −1000).
// Common mistakes: exp of the raw scores (NaN at 1000), subtracting the smallest score instead of
//   the largest (the others can still overflow), or dividing by the sum of the raw exponentials.
import Foundation

public func stableSoftmax(_ scores: [Double]) -> [Double] {
    guard let m = scores.max() else { return [] }
    let exponentials = scores.map { exp($0 - m) }
    let sum = exponentials.reduce(0, +)
    return exponentials.map { $0 / sum }
}
