// Reference solution of exercise 20 · Updates per epoch: predict, then count (lesson 9).
// The task is in Exercises/Sources/Exercises/E20_PredictUpdatesPerEpoch.swift.
//
// Why it works: Six full batches of 16 hold 96 of the 100 points; the 4 left over make a seventh,
//   smaller batch, which is kept: 7 updates. (N + B − 1) / B is ⌈N/B⌉ in integer arithmetic,
//   and the last batch holds what the ⌈N/B⌉ − 1 full batches leave, between 1 and B points.
// Common mistakes: N / B with Ints (it rounds down and forgets the last, smaller batch), and N % B
//   for the last batch (0 when B divides N, where the last batch is a full one of B).

public let predictedUpdates: Double = 7
public let predictedLastBatchSize: Double = 4

public func updatesPerEpoch(points: Int, batchSize: Int) -> Int {
    (points + batchSize - 1) / batchSize
}

public func lastBatchSize(points: Int, batchSize: Int) -> Int {
    points - (updatesPerEpoch(points: points, batchSize: batchSize) - 1) * batchSize
}
