// Reference solution of exercise 9 · Predict the expected loss (lesson 4).
// The task is in Exercises/Sources/Exercises/E09_PredictExpectedLoss.swift.
//
// Why it works: The loss is a mean of squared errors e = y − (ax + b), so its expected value is
//   E[e²] = (E[e])² + Var(e). With e = (3 − a)x + (8 − b) + noise, E[e] = (3 − a)/2 + (8 − b)
//   and, x and the noise being independent, Var(e) = (3 − a)²/12 + 0.09. For (0, 0):
//   9.5² + 9/12 + 0.09 = 91.09; for (1, 1): 8² + 4/12 + 0.09 = 64.42. Even the true line (3, 8)
//   keeps 0.09, the noise's variance: no line can explain the noise.
// Common mistakes: squaring the mean and forgetting the variance (90.25 and 64), taking 0.3 for
//   the noise's variance (it is the standard deviation; the variance is 0.09), predicting one
//   draw's loss (98.18 for seed 42, or the post's 92.67) instead of the average over all draws,
//   and (3 − a)/12 instead of (3 − a)²/12 (a variance scales with the square of the factor).

public let predictedLossFlat: Double = 91.09

public let predictedLossOne: Double = 64.42

public func expectedLoss(a: Double, b: Double) -> Double {
    let mean = (3 - a) * 0.5 + (8 - b)
    let variance = (3 - a) * (3 - a) / 12 + 0.3 * 0.3
    return mean * mean + variance
}
