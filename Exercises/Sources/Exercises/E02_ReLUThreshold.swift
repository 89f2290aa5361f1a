// Exercise 2 · Predict a ReLU neuron's threshold
// Lesson: 1 (swift run lesson-1; Lessons/01-Neuron/README.md)
//
// A ReLU neuron outputs y = max(0, s + b), where s = w₁x₁ + ⋯ + wₙxₙ is its weighted sum and b its
// bias. It gives 0 until s passes a threshold, and s − threshold after it.
//
// Part 1, predict before you run the lesson. Step 3 of lesson 1 uses a neuron with weights (1, 1)
// and bias b = −1.5. Work out, on paper:
//   - `predictedThreshold`: the weighted sum s it must pass before its output is not 0;
//   - `predictedOutput`: its output y for the inputs (1.0, 1.0).
// Replace each `.nan` below with your number, then check it: `swift run lesson-1` shows both.
//
// Part 2, write the rule for any ReLU neuron:
//   - `reluThreshold(bias:)`: the threshold for the bias b;
//   - `fires(inputs:weights:bias:)`: true when the output is not 0.
//
// Hint: The output max(0, s + b) stays 0 while s + b ≤ 0: solve s + b > 0 for s. For the inputs
//       (1, 1), first compute s = w₁x₁ + w₂x₂, then add the bias before ReLU. A sum exactly at
//       the threshold gives max(0, 0) = 0: the neuron does not fire yet (> rather than >=).
//
// Check it: swift run exercises (from the course folder), or swift test --filter E02 (in Exercises/).

/// Your prediction: the least weighted sum at which lesson 1's neuron (weights (1, 1), bias −1.5)
/// stops giving 0.
public let predictedThreshold: Double = .nan

/// Your prediction: that neuron's output y for the inputs (1.0, 1.0).
public let predictedOutput: Double = .nan

public func reluThreshold(bias: Double) -> Double {
    // Your code here.
    return .nan
}

public func fires(inputs: [Double], weights: [Double], bias: Double) -> Bool {
    // Your code here.
    return false
}
