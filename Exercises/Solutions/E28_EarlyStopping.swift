// Reference solution of exercise 28 · Early stopping: which net to keep, when to stop (lesson 12).
// The task is in Exercises/Sources/Exercises/E28_EarlyStopping.swift.
//
// Why it works: Reading the epochs in order, as training produces them, the net to keep is the
//   first epoch with the highest accuracy seen so far, and the count of epochs since it says how
//   long the validation accuracy has not improved; returning when it reaches the patience leaves
//   the epochs that training never reached out of the choice.
// Common mistakes: >= instead of > (a tie moves the kept net to the later epoch), not resetting the
//   count at a new best, taking the best over all the epochs (including those after the stop), or
//   counting epochs from 0.

public func earlyStopping(validationAccuracies: [Double], patience: Int) -> (keep: Int, stop: Int) {
    var bestAccuracy = -Double.infinity
    var bestEpoch = 0
    var epochsWithoutBest = 0
    for (index, accuracy) in validationAccuracies.enumerated() {
        let epoch = index + 1
        if accuracy > bestAccuracy {
            bestAccuracy = accuracy
            bestEpoch = epoch
            epochsWithoutBest = 0
        } else {
            epochsWithoutBest += 1
            if epochsWithoutBest >= patience { return (bestEpoch, epoch) }
        }
    }
    return (bestEpoch, validationAccuracies.count)
}
