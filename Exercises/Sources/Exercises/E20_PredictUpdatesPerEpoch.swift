// Exercise 20 · Updates per epoch: predict, then count
// Lesson: 9 (swift run lesson-9; Lessons/09-MiniBatches/README.md)
//
// An epoch cuts N shuffled points into consecutive batches of B and takes one step per batch.
// When B does not divide N, the last batch is smaller and is kept, so
//
//     updates per epoch = ⌈N/B⌉        (N/B rounded up)
//
// First predict, BEFORE running the lesson: with 100 points in batches of 16, how many updates
// does one epoch make, and how many points does its last batch hold? Replace the two `.nan`
// below by your numbers, then run `swift run lesson-9 --points 100` and read the end of step 2.
//
// Then write `updatesPerEpoch` and `lastBatchSize` for any N ≥ 1 and B ≥ 1 (50 points in batches
// of 8: 7 updates, the last batch holds 2 points).
//
// Hint: Six batches of 16 hold 96 points. With Ints, N / B rounds down; (N + B − 1) / B rounds up.
//       The last batch holds what the full batches before it leave: N − (updates − 1)·B, which is
//       B (not 0) when B divides N.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E20 (in Exercises/).

/// Your prediction: the number of updates in one epoch of 100 points in batches of 16.
public let predictedUpdates: Double = .nan
/// Your prediction: the number of points in that epoch's last batch.
public let predictedLastBatchSize: Double = .nan

public func updatesPerEpoch(points: Int, batchSize: Int) -> Int {
    // Your code here.
    return 0
}

public func lastBatchSize(points: Int, batchSize: Int) -> Int {
    // Your code here.
    return 0
}
