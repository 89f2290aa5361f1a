// Reference solution of exercise 15 · Predict three steps on a parabola (lesson 7).
// The task is in Exercises/Sources/Exercises/E15_PredictParabolaSteps.swift.
//
// Why it works: Each step multiplies p by the same factor 1 − lr·λ, so after t steps
//   p = (1 − lr·λ)ᵗ·p₀: (1 − 0.8·2)³ = (−0.6)³ = −0.216 and (1 − 1.1·2)³ = (−1.2)³ = −1.728.
//   The factor is negative, so p changes sign at every step, exactly when lr > 1/λ = 0.5: at
//   0.8 the size still shrinks (|−0.6| < 1), at 1.1 it grows (|−1.2| > 1), past 2/λ = 1.
// Common mistakes: dropping the sign of an odd power ((−0.6)³ is negative), counting lr = 0.5 as
//   a zigzag (its factor is 0: it lands on the bottom in one step and stays), or writing
//   p − lr·p in the loop, which leaves out the slope's λ.

public let predictedAfterThreeStepsAtPoint8: Double = -0.216

public let predictedAfterThreeStepsAt1Point1: Double = -1.728

public let predictedZigzagRates: [Double] = [0.8, 1.1]

public func parabolaAfter(steps: Int, learningRate: Double, lambda: Double, start: Double) -> Double {
    var p = start
    for _ in 0..<steps {
        p = p - learningRate * lambda * p
    }
    return p
}
