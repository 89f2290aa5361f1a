// Exercise 29 · The generalisation gap: predict, then measure
// Lesson: 12 (swift run lesson-12; Lessons/12-Generalisation/README.md)
//
// A net's gap is how much better it reads its own training digits than digits it never saw,
// in percentage points:
//
//     gap = 100 · (training accuracy − test accuracy)      (accuracies as fractions, 0 … 1)
//
// Lesson 12 trains a 64-64-10 net on only 200 digits (a training accuracy of 100 %, a big gap)
// and tries two cures, all else equal: early stopping on the validation set, and 800 training
// digits instead of 200. Predict, BEFORE running step 2 of the lesson:
//
//   1. which cure narrows the gap more: replace `.notChosenYet` by `.earlyStopping` or `.moreData`;
//   2. the gap, in points, of the net trained on 800 digits (within 3 points): replace the `.nan`.
//
// Then run `swift run lesson-12` and find both in step 2's table. Last, write `gap`.
//
// Hint: For the prediction, lesson 11 trained on 3323 digits and its test accuracy was a few
//       points below its training accuracy, while step 1 of lesson 12 shows the 200-digit net's
//       validation accuracy near 90 %. For `gap`, subtract test from training, then multiply by 100.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E29 (in Exercises/).

/// The cures of lesson 12's step 2.
public enum Cure: Sendable {
    case notChosenYet, earlyStopping, moreData
}

/// Your prediction: the cure that narrows the gap more.
public let predictedNarrowerGap: Cure = .notChosenYet
/// Your prediction: the gap in points of the net trained on 800 digits.
public let predictedGapWith800Digits: Double = .nan

public func gap(trainingAccuracy: Double, testAccuracy: Double) -> Double {
    // Your code here.
    return .nan
}
