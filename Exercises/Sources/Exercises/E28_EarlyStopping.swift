// Exercise 28 · Early stopping: which net to keep, when to stop
// Lesson: 12 (swift run lesson-12; Lessons/12-Generalisation/README.md)
//
// After every epoch the network is scored on the validation set. Early stopping, the course's
// rule (the core's EarlyStopping, used in lesson 12), reads these accuracies one epoch at a time:
//
//     an epoch is a new best only if its accuracy is strictly higher than the best so far
//     (a tie is not: the earlier net is kept); the first epoch is the first best
//     a new best is the net to keep, and the count of epochs without a new best goes back to 0
//     otherwise the count goes up by 1; when it reaches `patience`, training stops there
//
// Epochs are numbered from 1: validationAccuracies[0] is epoch 1's. Write `earlyStopping`,
// returning the epoch whose net to keep and the epoch training stops after: the epoch where the
// count reaches `patience`, or the last epoch if it never does. Epochs after the stop are never
// trained, so their accuracies must not count. With patience 2, (0.5, 0.6, 0.55, 0.58, 0.9) keeps
// epoch 2 and stops after epoch 4.
//
// Hint: Keep three variables, `bestAccuracy`, `bestEpoch` and `epochsWithoutBest`, and loop over
//       the epochs in order. Return as soon as epochsWithoutBest reaches patience; after the loop,
//       the stop is validationAccuracies.count.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E28 (in Exercises/).

public func earlyStopping(validationAccuracies: [Double], patience: Int) -> (keep: Int, stop: Int) {
    // Your code here.
    return (0, 0)
}
