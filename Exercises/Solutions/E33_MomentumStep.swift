// Reference solution of exercise 33 · One momentum step (lesson 14).
// The task is in Exercises/Sources/Exercises/E33_MomentumStep.swift.
//
// Why it works: The velocity is a running sum of past gradients, each older one weighed by one
//   more factor β; on a steady slope it grows to g/(1 − β), so the steps get longer, and where
//   the slope flips sign the old and new gradients cancel. The parameters move along the new
//   velocity, so a step from rest is the plain gradient step.
// Common mistakes: moving with the old velocity, forgetting the factor β on the old velocity,
//   or adding lr·gradient instead of the gradient to the velocity (another convention, but not
//   this formula's).

public func momentumStep(
    parameters: [Double], velocity: [Double], gradient: [Double],
    learningRate: Double, beta: Double
) -> (parameters: [Double], velocity: [Double]) {
    var newVelocity = velocity
    var newParameters = parameters
    for i in parameters.indices {
        newVelocity[i] = beta * velocity[i] + gradient[i]
        newParameters[i] = parameters[i] - learningRate * newVelocity[i]
    }
    return (newParameters, newVelocity)
}
