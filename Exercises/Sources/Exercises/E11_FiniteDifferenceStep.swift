// Exercise 11 · One step downhill, slopes by nudging
// Lesson: 5 (swift run lesson-5; Lessons/05-FiniteDifferences/README.md)
//
// One step of gradient descent on a loss of two parameters a and b, as in lesson 5:
//
//   1. estimate each slope by nudging that parameter a little both ways, the other one kept:
//          ∂loss/∂a ≈ (loss(a + h, b) − loss(a − h, b)) / 2h
//          ∂loss/∂b ≈ (loss(a, b + h) − loss(a, b − h)) / 2h
//   2. move each parameter against its slope, by the learning rate lr times the slope:
//          new a = a − lr · ∂loss/∂a,    new b = b − lr · ∂loss/∂b
//
// Step 1 is written for you in `finiteDifferenceStep`, and so is `descend`, which repeats the
// step. Write the missing step 2: return the new a and b.
//
// Hint: A negative slope means the loss falls as the parameter grows, so the parameter must
//       grow: a − lr × (a negative number) does that, and a positive slope sends it back. Each
//       parameter moves by its own slope; return both new values as a pair, `(newA, newB)`.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E11 (in Exercises/).

/// One step of gradient descent from (a, b) on `loss`, the slopes estimated by central differences.
public func finiteDifferenceStep(
    a: Double, b: Double, learningRate: Double,
    loss: (Double, Double) -> Double
) -> (a: Double, b: Double) {
    let h = 1e-5
    // Step 1: the slopes. Nudge one parameter both ways, keep the other where it is.
    let slopeA = (loss(a + h, b) - loss(a - h, b)) / (2 * h)
    let slopeB = (loss(a, b + h) - loss(a, b - h)) / (2 * h)

    // Your step 2: move a and b against their slopes, and return the new (a, b).
    _ = (slopeA, slopeB)  // (remove this line when you use the slopes)
    return (a, b)
}

/// `steps` steps of gradient descent from (a, b).
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
