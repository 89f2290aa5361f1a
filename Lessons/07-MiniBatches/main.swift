// Lesson 7 · Mini-batches and epochs
//
// With a million training samples, computing the loss on all of them before every step is too
// slow. The loss on a small random batch is a good enough stand-in. This lesson shows why, how
// an epoch walks through the data in non-overlapping batches, and what the batch size changes.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 7, title: "Mini-batches and epochs",
    summary: "Step after each small random batch; an epoch is one pass through all the batches.",
    options: [
        .points(),
        .learningRate(default: "0.1", help: "the step size lr, the same for every batch size"),
        .epochs(default: 20),
    ],
    switches: [("timing", "also print the wall-clock time of each training run (it differs from run to run)")])
let timing = lesson.isOn("timing")

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let learningRate = lesson.number("learning-rate"), epochs = lesson.integer("epochs")
let loss: ([Double]) -> Double = { p in meanSquaredError(of: Line(parameters: p), on: data) }
let batchGradient: ([Double], [Int]) -> [Double] = { p, batch in
    meanSquaredErrorGradient(of: Line(parameters: p), on: data.subset(batch))
}

// MARK: - Step 1: the loss on a mini-batch

lesson.step("A mini-batch's gradient stands in for the full one")
lesson.say("""
    The loss on a batch of m samples is the mean of their losses, (1/m) Σ loss_k. Its gradient is \
    a noisy estimate of the full gradient. At (a, b) = (0, 0), for five batches of 10 points:\n
    """)
var estimates = Table(["batch", "∂loss/∂a", "∂loss/∂b"])
let batches = miniBatches(count: data.count, batchSize: 10, using: &lesson.random)
var sum = [0.0, 0.0]
for (k, batch) in batches.prefix(5).enumerated() {
    let g = batchGradient([0, 0], batch)
    estimates.add(["\(k + 1)", fixed(g[0], 3), fixed(g[1], 3)])
    sum = [sum[0] + g[0] * Double(batch.count), sum[1] + g[1] * Double(batch.count)]
}
let full = batchGradient([0, 0], Array(0..<data.count))
estimates.add(["all \(data.count) points", fixed(full[0], 3), fixed(full[1], 3)])
estimates.print()
let covered = batches.prefix(5).map(\.count).reduce(0, +)
if covered == data.count {
    lesson.say("""
        \nEach batch points roughly the same way; their size-weighted mean, \
        (\(fixed(sum[0] / Double(covered), 3)), \(fixed(sum[1] / Double(covered), 3))), is exactly \
        the full gradient, because together the batches hold every point once.
        """)
} else {
    lesson.say("""
        \nEach batch points roughly the same way as the full gradient, at a fraction of the cost.
        """)
}

// MARK: - Step 2: an epoch

lesson.step("An epoch: every sample once, in random batches")
lesson.say("""
    Shuffle the indices 0…\(data.count - 1), cut them into consecutive pieces, step after each \
    piece. When the pieces run out, every sample has been used exactly once: one epoch. Then \
    shuffle again. The first two epochs with batches of 10:\n
    """)
for epoch in 1...2 {
    lesson.say("epoch \(epoch):")
    for (k, batch) in miniBatches(count: data.count, batchSize: 10, using: &lesson.random).enumerated() {
        lesson.say("  batch \(k + 1): " + batch.map { padLeft(String($0), 2) }.joined(separator: " "))
    }
}
let unevenSizes = miniBatches(count: data.count, batchSize: 16, using: &lesson.random).map { String($0.count) }
lesson.say("""
    \nWith a batch size that does not divide the count, the last batch is smaller and is kept: \
    \(data.count) points in batches of 16 give sizes \(unevenSizes.joined(separator: ", ")).
    """)

// MARK: - Step 3: batch sizes 1, 10 and 50

lesson.step("Batch size 1, 10 and \(data.count), for \(epochs) epochs at lr = \(learningRate)")
let sizes = [1, 10, data.count]
var results = Table(timing ? ["batch size", "updates per epoch", "updates", "final loss", "a", "b", "wall time"]
                           : ["batch size", "updates per epoch", "updates", "final loss", "a", "b"])
var runs: [(size: Int, history: MiniBatchHistory)] = []
for size in sizes {
    let started = Date()
    let history = miniBatchGradientDescent(start: [0, 0], count: data.count, batchSize: size, epochs: epochs,
                                           learningRate: learningRate, loss: loss, batchGradient: batchGradient,
                                           using: &lesson.random)
    let seconds = Date().timeIntervalSince(started)
    if history.epochLosses.contains(where: { !$0.isFinite || $0 > divergenceFactor * history.epochLosses[0] }) {
        lesson.stop("with batch size \(size), lr = \(learningRate) diverges (the loss grew past \(scientific(divergenceFactor, 0)) × its start); try a smaller --learning-rate")
    }
    runs.append((size, history))
    var row = ["\(size)", "\(history.batchesPerEpoch[0].count)", "\(history.updateLosses.count)",
               fixed(history.epochLosses.last!, 5), fixed(history.parameters[0], 3), fixed(history.parameters[1], 3)]
    if timing { row.append(String(format: "%.2f ms", seconds * 1000)) }
    results.add(row)
}
results.print()
lesson.say("""
    \nEvery run looked at each point \(epochs) times, so each did the same arithmetic: \
    \(epochs * data.count) per-point gradients. Small batches turn that work into many small, \
    noisy steps; the full batch into a few careful ones. With the same lr, more steps get further \
    per epoch.
    """)
if !timing {
    lesson.say("""
        (Add --timing to see the wall-clock time of each run; it is left out by default so the \
        output is the same on every run.)
        """)
}
print("")
lesson.show(
    Chart(title: "Loss on all points after each epoch (log₁₀)", xLabel: "epoch", yLabel: "log₁₀ loss",
          series: runs.map { Series("batch \($0.size)", y: $0.history.epochLosses.map { log10($0) }) }),
    name: "loss-per-epoch")

// MARK: - Step 4: noisy and smooth

lesson.step("Noisy steps and smooth steps")
let lastEpochs = 3
lesson.say("""
    The loss after every update during the last \(lastEpochs) epochs. Each step of batch size 1 \
    follows a single point, so the loss jitters; the full batch moves smoothly but rarely.\n
    """)
lesson.show(
    Chart(title: "Loss after each update, last \(lastEpochs) epochs", xLabel: "epochs (the last \(lastEpochs))", yLabel: "loss",
          series: runs.map { run in
              let perEpoch = run.history.batchesPerEpoch[0].count
              let tail = Array(run.history.updateLosses.suffix(perEpoch * lastEpochs))
              return Series("batch \(run.size)", x: tail.indices.map { Double($0 + 1) / Double(perEpoch) }, y: tail)
          }),
    name: "loss-per-update")
lesson.say("""
    In practice batches of 32 to 256 are common: small enough to step often, large enough for the \
    computer to handle each batch as one matrix product (lesson 9).
    """)
