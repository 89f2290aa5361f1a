// Reference solution of exercise 11 · One step downhill, slopes by nudging (lesson 5).
// The task is in Exercises/Sources/Exercises/E11_FiniteDifferenceStep.swift.
//
// Why it works: The slope (gradient) points the way the loss rises fastest, so its opposite is
//   the steepest way down: subtracting lr × slope moves each parameter downhill, up when its
//   slope is negative and back when it is positive. For a small enough lr the loss falls, by
//   about lr × (slope² summed) (a first-order Taylor step), and repeating the step walks to the
//   bottom of the valley, here the least-squares line.
// Common mistakes: adding lr × slope (a step uphill: the loss grows at every step), returning
//   the slopes or lr × slope instead of the new parameters, and using slopeA for both parameters.

public func finiteDifferenceStep(
    a: Double, b: Double, learningRate: Double,
    loss: (Double, Double) -> Double
) -> (a: Double, b: Double) {
    let h = 1e-5
    // Step 1: the slopes. Nudge one parameter both ways, keep the other where it is.
    let slopeA = (loss(a + h, b) - loss(a - h, b)) / (2 * h)
    let slopeB = (loss(a, b + h) - loss(a, b - h)) / (2 * h)

    // Step 2: against the slopes.
    return (a - learningRate * slopeA, b - learningRate * slopeB)
}

public func descend(
    a: Double, b: Double, learningRate: Double, steps: Int,
    loss: (Double, Double) -> Double
) -> (a: Double, b: Double) {
    var (a, b) = (a, b)
    for _ in 0..<steps {
        (a, b) = finiteDifferenceStep(a: a, b: b, learningRate: learningRate, loss: loss)
    }
    return (a, b)
}
