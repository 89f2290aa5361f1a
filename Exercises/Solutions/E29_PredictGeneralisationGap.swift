// Reference solution of exercise 29 · The generalisation gap: predict, then measure (lesson 12).
// The task is in Exercises/Sources/Exercises/E29_PredictGeneralisationGap.swift.
//
// Why it works: Lesson 12's step 2 gives gaps of 10.4 points (200 digits), 9.0 (early-stopped)
//   and 5.7 (800 digits): early stopping only picks an earlier net of the same 200 digits, which
//   has partly learned them by heart already, while four times the data is harder to memorise and
//   teaches more of what digits have in common. The gap is a difference of two fractions, times
//   100 to read in points.
// Common mistakes: leaving the gap as a fraction (0.104 instead of 10.4 points), test minus
//   training (a negative gap for a net that overfits), or expecting early stopping to win because
//   it was made for overfitting.

/// The cures of lesson 12's step 2.
public enum Cure: Sendable {
    case notChosenYet, earlyStopping, moreData
}

public let predictedNarrowerGap: Cure = .moreData
public let predictedGapWith800Digits: Double = 6

public func gap(trainingAccuracy: Double, testAccuracy: Double) -> Double {
    100 * (trainingAccuracy - testAccuracy)
}
