// Reference solution of exercise 32 · The cross-entropy gradient p − y (lesson 13).
// The task is in Exercises/Sources/Exercises/E32_CrossEntropyGradient.swift.
//
// Why it works: L = log Σⱼ e^(zⱼ) − z_label. The first term's derivative by zₖ is
//   e^(zₖ) / Σⱼ e^(zⱼ) = pₖ; the second's is −1 when k is the label and 0 otherwise. So the
//   gradient is p with 1 taken off at the label: p − y.
// Common mistakes: y − p (the sign flipped: a descent step would then climb), returning p alone
//   (forgetting −y), or subtracting 1 from every entry instead of only the label's.
import Foundation

public func crossEntropyGradient(scores: [Double], label: Int) -> [Double] {
    let m = scores.max()!
    let exponentials = scores.map { exp($0 - m) }
    let sum = exponentials.reduce(0, +)
    var gradient = exponentials.map { $0 / sum }
    gradient[label] -= 1
    return gradient
}
