// Exercise 33 · One momentum step
// Lesson: 14 (swift run lesson-14; Lessons/14-FasterDescent/README.md)
//
// Momentum gives the parameters a velocity v that keeps a share β of its last value and adds
// the new gradient, then moves the parameters along it:
//
//     v ← β·v + ∇loss(p)
//     p ← p − lr·v
//
// for every parameter i (v is zero before the first step; β = 0 is plain gradient descent).
//
// Write `momentumStep`, returning the new parameters and the new velocity.
//
// Hint: First the new velocity, element by element: beta * velocity[i] + gradient[i]. Then the
//       parameters move by learningRate times that NEW velocity, not the old one.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E33 (in Exercises/).

public func momentumStep(
    parameters: [Double], velocity: [Double], gradient: [Double],
    learningRate: Double, beta: Double
) -> (parameters: [Double], velocity: [Double]) {
    // Your code here.
    return (parameters, velocity)
}
