// Exercise 9 · Predict the expected loss
// Lesson: 4 (swift run lesson-4; Lessons/04-Loss/README.md)
//
// Lesson 4's points: x is drawn uniformly from [0, 1), and y = 3x + 8 + noise, the noise normal
// with mean 0 and standard deviation 0.3. Each draw of 50 points gives a line a different loss
//
//     loss(a, b) = (1/N) Σ (a·xₖ + b − yₖ)²
//
// but averaged over all possible draws it has one expected value. Three facts give it:
//
//     E[v²] = (E[v])² + Var(v)                          for any random number v
//     E[c·x + d] = c·E[x] + d,   Var(c·x + d) = c²·Var(x)   (c, d fixed numbers)
//     variances add for independent parts: Var(x + noise) = Var(x) + Var(noise)
//
// and x has mean ½ and variance 1/12, the noise mean 0 and variance 0.3² = 0.09.
//
// Part 1, predict before you run the lesson. Work out on paper the expected loss of the line
// a = 0, b = 0 (then the loss is the mean of y²) and of the line a = 1, b = 1 (its error is
// y − x − 1 = 2x + 7 + noise). Replace each `.nan` below with your number (two decimals are
// enough), then compare with the column "expected value" of step 2 of `swift run lesson-4`.
//
// Part 2: write `expectedLoss(a:b:)` for any line y = ax + b on these points.
//
// Hint: The error y − (ax + b) is (3 − a)·x + (8 − b) + noise: the second fact with c = 3 − a
//       and d = 8 − b gives its mean and variance, the noise adds 0 to the mean and 0.09 to the
//       variance, and the first fact turns them into the expected squared error. 0.3 is the
//       noise's standard deviation, not its variance.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E09 (in Exercises/).

/// Your prediction: the expected loss of the line a = 0, b = 0 (two decimals).
public let predictedLossFlat: Double = .nan

/// Your prediction: the expected loss of the line a = 1, b = 1 (two decimals).
public let predictedLossOne: Double = .nan

public func expectedLoss(a: Double, b: Double) -> Double {
    // Your code here.
    return .nan
}
