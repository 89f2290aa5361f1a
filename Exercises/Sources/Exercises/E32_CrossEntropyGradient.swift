// Exercise 32 · The cross-entropy gradient p − y
// Lesson: 13 (swift run lesson-13; Lessons/13-SoftmaxCrossEntropy/README.md)
//
// A classifier gives K scores z; softmax makes them probabilities p, and the loss for the true
// class `label` is the cross-entropy
//
//     L = −log p_label = log Σⱼ e^(zⱼ) − z_label
//
// Its gradient with respect to the scores is
//
//     ∂L/∂zₖ = pₖ − yₖ,   with y one-hot: yₖ = 1 for k = label, else 0.
//
// The function below computes p already (the stable softmax of exercise 31). The last step is
// left out: return the gradient, one number per score.
//
// Hint: The derivative of log Σⱼ e^(zⱼ) by zₖ is pₖ, for every k; the derivative of −z_label
//       is −1 at the label and 0 everywhere else. So most entries of the answer are just pₖ:
//       which one differs, and by how much? (p is a `let`: copy it into a `var` to change it.)
//
// Check it: swift run exercises (from the course folder), or swift test --filter E32 (in Exercises/).
import Foundation

public func crossEntropyGradient(scores: [Double], label: Int) -> [Double] {
    let m = scores.max()!
    let exponentials = scores.map { exp($0 - m) }
    let sum = exponentials.reduce(0, +)
    let p = exponentials.map { $0 / sum }
    // Your code here: the gradient ∂L/∂zₖ for every k, from p and the label.
    _ = p
    return scores.map { _ in 0 }
}
