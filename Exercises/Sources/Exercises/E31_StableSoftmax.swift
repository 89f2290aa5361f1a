// Exercise 31 · Softmax stable against overflow
// Lesson: 13 (swift run lesson-13; Lessons/13-SoftmaxCrossEntropy/README.md)
//
// Softmax turns K scores z₁ … z_K into K probabilities:
//
//     pₖ = e^(zₖ) / Σⱼ e^(zⱼ)
//
// Written like that it breaks on large scores: exp(1000) is infinity in a Double, and
// infinity / infinity is NaN. Subtracting m = the largest score from every score first gives the
// same probabilities (the factor e^(−m) cancels between top and bottom) and no overflow:
//
//     pₖ = e^(zₖ − m) / Σⱼ e^(zⱼ − m)
//
// Write `stableSoftmax`, returning the K probabilities; it must work for scores like 1000.
//
// Hint: let m = scores.max()!, then e = scores.map { exp($0 - m) }, then divide each e by the sum
//       of all of them. The largest term is exactly exp(0) = 1, so the sum is at least 1.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E31 (in Exercises/).
import Foundation

public func stableSoftmax(_ scores: [Double]) -> [Double] {
    // Your code here.
    return []
}
