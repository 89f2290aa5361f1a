// Lesson 9 · Mini-batches and epochs
//
// With a million training samples, computing the loss on all of them before every step is too
// slow. The loss on a small random batch is a good enough stand-in. This lesson shows why, how
// an epoch walks through the data in non-overlapping batches, and what the batch size changes.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 9, title: "Mini-batches and epochs",
    summary: "Step after each small random batch; an epoch is one pass through all the batches.",
    options: [
        .points(maximum: 1000),
        .learningRate(default: "0.1", help: "the step size lr, the same for every batch size"),
        .epochs(default: 20, maximum: 1000)
    ],
    switches: [("timing", "also print the wall-clock time of each training run (it differs from run to run)")])
let timing = lesson.isOn("timing")

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let learningRate = lesson.number("learning-rate")
let epochs = lesson.integer("epochs")
let moments = LineLossMoments(data)
let loss: ([Double]) -> Double = { p in moments.loss(Line(parameters: p)) }
let batchGradient: ([Double], [Int]) -> [Double] = { p, batch in
    meanSquaredErrorGradient(of: Line(parameters: p), on: data.subset(batch))
}

/// "1 batch", "5 batches".
func count(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
}

// MARK: - Step 1: the loss on a mini-batch

lesson.step("A mini-batch's gradient stands in for the full one")
let batches = miniBatches(count: data.count, batchSize: 10, using: &lesson.random)
let shown = Array(batches.prefix(5))
let lastSize = batches.last!.count
let batchesOf = lastSize == 10 ? "batches of 10" : "batches of 10 (the last of \(lastSize))"
let whichBatches =
    batches.count == 1
    ? "the only batch, which holds all \(data.count) points"
    : shown.count == batches.count
        ? "all \(batches.count) \(batchesOf) of the \(data.count) points"
        : "the first \(shown.count) of the \(batches.count) \(batchesOf) of the \(data.count) points"
lesson.say(
    """
    The loss on a batch of m samples is the mean of their losses, (1/m) Σ loss_k. Its gradient is \
    a noisy estimate of the full gradient. At (a, b) = (0, 0), for \(whichBatches):\n
    """)
var estimates = Table(["batch", "∂loss/∂a", "∂loss/∂b"])
var weightedSum = [0.0, 0.0]
var angles: [Double] = []
let full = batchGradient([0, 0], Array(0..<data.count))
for (k, batch) in shown.enumerated() {
    let g = batchGradient([0, 0], batch)
    estimates.add(["\(k + 1)", fixed(g[0], 3), fixed(g[1], 3)])
    weightedSum = [weightedSum[0] + g[0] * Double(batch.count), weightedSum[1] + g[1] * Double(batch.count)]
    angles.append(angleInDegrees(between: g, and: full) ?? 0)
}
estimates.add(["all \(data.count) points", fixed(full[0], 3), fixed(full[1], 3)])
estimates.print()
let widestAngle = angles.max() ?? 0
lesson.say(
    batches.count == 1
        ? "\nWith only \(data.count) points the one batch is the whole data set, so its gradient is the full one; try more --points to see batches differ."
        : widestAngle < 30
            ? "\nEvery batch's gradient points within \(fixedUpperBound(widestAngle, 1))° of the full one: a small batch already knows which way is down."
            : "\nSome batch gradients point up to \(fixedUpperBound(widestAngle, 1))° away from the full one: a small batch is only a rough guide."
)
let covered = shown.map(\.count).reduce(0, +)
let weightedMean = weightedSum.map { $0 / Double(covered) }
if batches.count > 1 && covered == data.count
    && zip(weightedMean, full).allSatisfy({ abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
{
    lesson.say(
        """
        Their size-weighted mean, (\(fixed(weightedMean[0], 3)), \(fixed(weightedMean[1], 3))), is \
        exactly the full gradient, because together the batches hold every point once.
        """)
} else if batches.count > 1 {
    lesson.say(
        """
        These \(count(shown.count, "batch", "batches")) hold \(covered) of the \(data.count) points; \
        over a whole epoch the batches hold every point once, and their size-weighted mean is \
        exactly the full gradient.
        """)
}

// MARK: - Step 2: an epoch

lesson.step("An epoch: every sample once, in random batches")
let listed = 5
lesson.say(
    """
    Shuffle the indices 0…\(data.count - 1), cut them into consecutive pieces, step after each \
    piece. When the pieces run out, every sample has been used exactly once: one epoch. Then \
    shuffle again. The first two epochs with batches of 10:\n
    """)
let indexWidth = String(data.count - 1).count
for epoch in 1...2 {
    let epochBatches = miniBatches(count: data.count, batchSize: 10, using: &lesson.random)
    lesson.say("epoch \(epoch):")
    for (k, batch) in epochBatches.prefix(listed).enumerated() {
        lesson.say("  batch \(k + 1): " + batch.map { padLeft(String($0), indexWidth) }.joined(separator: " "))
    }
    if epochBatches.count > listed {
        lesson.say("  … \(count(epochBatches.count - listed, "more batch", "more batches")) not shown …")
    }
}
// A batch size that does not divide the count: 16 if it does not, else the first that does not.
if let uneven = ([16] + Array(3..<max(data.count, 3))).first(where: { $0 < data.count && data.count % $0 != 0 }) {
    let sizes = miniBatches(count: data.count, batchSize: uneven, using: &lesson.random).map(\.count)
    let described =
        sizes.count <= 6
        ? "sizes " + sizes.map(String.init).joined(separator: ", ")
        : "\(sizes.count - 1) batches of \(uneven) and a last one of \(sizes.last!)"
    lesson.say(
        """
        \nWith a batch size that does not divide the count, the last batch is smaller and is kept: \
        \(data.count) points in batches of \(uneven) give \(described).
        """)
}

// MARK: - Step 3: batch sizes 1, 10 and all

let sizes = Array(Set([1, min(10, data.count), data.count])).sorted()
let sizeNames = sizes.map(String.init).joined(separator: ", ").replacingLastComma(with: " and")
lesson.step("Batch sizes \(sizeNames), for \(count(epochs, "epoch")) at lr = \(learningRate)")
let lastEpochs = min(3, epochs)
let lastEpochsText = lastEpochs == 1 ? "the last epoch" : "the last \(lastEpochs) epochs"
var results = Table(
    timing
        ? ["batch size", "updates per epoch", "updates", "final loss", "a", "b", "wall time"]
        : ["batch size", "updates per epoch", "updates", "final loss", "a", "b"])
var runs: [(size: Int, history: MiniBatchHistory)] = []
// Where each run went, for the map in step 4: the descent evaluates the loss on all points at the
// start and after every update, so the points it is asked about are the path (an epoch's end asks
// again about the same point, which is left out).
var paths: [(a: [Double], b: [Double])] = []
for size in sizes {
    var path: (a: [Double], b: [Double]) = ([], [])
    let started = Date()
    let history = miniBatchGradientDescent(
        start: [0, 0], count: data.count, batchSize: size, epochs: epochs,
        learningRate: learningRate, updateLossEpochs: lastEpochs,
        loss: { p in
            if path.a.last != p[0] || path.b.last != p[1] {
                path.a.append(p[0])
                path.b.append(p[1])
            }
            return loss(p)
        }, batchGradient: batchGradient, using: &lesson.random)
    let seconds = Date().timeIntervalSince(started)
    runs.append((size, history))
    paths.append(path)
    var row = ["\(size)", "\(history.updatesPerEpoch)", "\(history.updates)"]
    if history.outcome == .finished {
        row += [
            lossText(history.epochLosses.last!), numberText(history.parameters[0]), numberText(history.parameters[1])
        ]
    } else {
        row += ["diverged", "—", "—"]
    }
    if timing { row.append(String(format: "%.2f ms", seconds * 1000)) }
    results.add(row)
}
results.print()

/// A loss in the table: 5 decimals, or scientific notation once it is large.
func lossText(_ value: Double) -> String { value < 1e4 ? fixed(value, 5) : scientific(value, 3) }
/// A parameter in the table: 3 decimals, or scientific notation once it is large.
func numberText(_ value: Double) -> String { abs(value) < 1e4 ? fixed(value, 3) : scientific(value, 3) }
/// "batch size 1", "batch sizes 1 and 10".
func batchSizesText(_ sizes: [Int]) -> String {
    (sizes.count == 1 ? "batch size " : "batch sizes ")
        + sizes.map(String.init).joined(separator: ", ").replacingLastComma(with: " and")
}
/// What one step of a batch of `size` follows.
func follows(_ size: Int) -> String {
    size == 1 ? "a single point" : size == data.count ? "all the points" : "\(size) points"
}

let startLoss = runs[0].history.epochLosses[0]
let best = leastSquaresLine(data)
let bestLoss = meanSquaredError(of: best, on: data)
let stableLimit = largestStableLearningRate(data)
let diverged = runs.compactMap { run -> (size: Int, epoch: Int)? in
    if case .diverged(let epoch) = run.history.outcome { return (run.size, epoch) } else { return nil }
}
let grewPast = divergenceFactor == 1e6 ? "a million times" : "\(scientific(divergenceFactor, 0)) times"
if diverged.isEmpty {
    lesson.say(
        """
        \nEvery run looked at each point \(epochs == 1 ? "once" : count(epochs, "time")), so each did \
        the same arithmetic: \(epochs * data.count) per-point gradients. Small batches turn that \
        work into many cheap, noisy steps; the full batch into a few careful ones.
        """)
} else {
    let list = diverged.map { "batch size \($0.size) in epoch \($0.epoch)" }.joined(separator: ", ")
    lesson.say(
        """
        \nDiverged: \(list). The loss on all points grew past \(grewPast) its start or stopped \
        being a number, so \(diverged.count == 1 ? "that run was" : "those runs were") stopped \
        there: at lr = \(learningRate) the steps are too big for \(diverged.count == 1 ? "that batch size" : "those batch sizes").
        """)
}
let finalLosses: [Double?] = runs.map { $0.history.outcome == .finished ? $0.history.epochLosses.last! : nil }
switch rankBatchSizes(finalLosses: finalLosses, startLoss: startLoss) {
case .allDiverged:
    lesson.say("Every batch size diverged: try a smaller --learning-rate, such as the default 0.1.")
case .noneImproved:
    lesson.say(
        "No run ended below the loss it started from, \(lossText(startLoss)): at lr = \(learningRate) none of them got anywhere."
    )
case .moreUpdatesGotFurther:
    lesson.say(
        """
        \nHere, with lr = \(learningRate), more updates got further: the smaller the batch, the \
        lower the loss after the same \(epochs == 1 ? "epoch" : count(epochs, "epoch")).
        """)
    let (leader, next) = (runs[0], runs[1])
    let recent = Array(leader.history.updateLosses.suffix(leader.history.updatesPerEpoch))
    let runnerUp = next.history.epochLosses.last!
    if wandersAcross(level: runnerUp, losses: recent) {
        lesson.say(
            """
            But during its last epoch batch size \(leader.size)'s loss went below batch size \
            \(next.size)'s final \(lossText(runnerUp)) and back above it (it ranged from \
            \(lossText(recent.min()!)) to \(lossText(recent.max()!))): where it stops depends on the \
            last \(leader.size == 1 ? "points" : "batches") it saw, so its lead is partly luck.
            """)
    }
case .lowestAt(let index, let behind):
    lesson.say(
        """
        \nHere, with lr = \(learningRate), more updates did not always get further: batch size \
        \(runs[index].size) ended lowest, at \(lossText(finalLosses[index]!)).
        """)
    let run = runs[behind]
    if run.history.outcome == .finished, run.history.updateLosses.count > 1 {
        let tail = run.history.updateLosses.suffix(run.history.updatesPerEpoch)
        lesson.say(
            """
            Batch size \(run.size) made more updates, but during its last epoch its loss ranged \
            from \(lossText(tail.min()!)) to \(lossText(tail.max()!)): each of its steps follows \
            \(follows(run.size)) and pulls the line towards \(run.size == 1 ? "it" : "them"), so where \
            it stops depends on the last \(run.size == 1 ? "points" : "batches") it saw.
            """)
    }
}
if learningRate > stableLimit, let fullBatch = runs.last, fullBatch.history.outcome == .finished {
    lesson.say(
        """
        lr = \(learningRate) is above the full batch's stable limit 2/λ_max = \(fixed(stableLimit, 3)) \
        (lesson 7): plain gradient descent on all \(data.count) points overshoots further at every \
        step, and its loss ended at \(lossText(fullBatch.history.epochLosses.last!)).
        """)
} else if learningRate > stableLimit {
    lesson.say(
        """
        lr = \(learningRate) is above the full batch's stable limit 2/λ_max = \(fixed(stableLimit, 3)) \
        (lesson 7): plain gradient descent on all \(data.count) points overshoots further at every step.
        """)
}
let nearness = nearnessToBest(finalLosses: finalLosses, best: bestLoss)
let sizesOf = { (indices: [Int]) in batchSizesText(indices.map { runs[$0].size }) }
var nearParts: [String] = []
if !nearness.far.isEmpty { nearParts.append("\(sizesOf(nearness.far)) finished further away") }
if !nearness.diverged.isEmpty { nearParts.append("\(sizesOf(nearness.diverged)) diverged") }
let nearText =
    nearness.diverged.count == runs.count
    ? "every run diverged, so none came near it."
    : nearness.near.count == runs.count
        ? "every run ended within 5 % of it."
        : nearness.far.count == runs.count
            ? "none of the runs ended within 5 % of it."
            : nearness.near.isEmpty
                ? "none of the runs ended within 5 % of it: \(nearParts.joined(separator: ", and "))."
                : "\(sizesOf(nearness.near)) ended within 5 % of it; \(nearParts.joined(separator: ", and "))."
lesson.say(
    """
    The best any line can do on these points (least squares, lesson 5) is a loss of \
    \(lossText(bestLoss)), at a = \(fixed(best.slope, 3)), b = \(fixed(best.intercept, 3)): \(nearText)
    """)
if !timing {
    lesson.say(
        """
        (Add --timing to see the wall-clock time of each run; it is left out by default so the \
        output is the same on every run.)
        """)
}
print("")
lesson.show(
    Chart(
        title: "Loss on all points after each epoch (log₁₀)", xLabel: "epoch", yLabel: "log₁₀ loss",
        series: runs.map { run in
            Series("batch \(run.size)", y: run.history.epochLosses.map { log10(max($0, 1e-300)) })
        }),
    name: "loss-per-epoch")

// MARK: - Step 4: noisy and smooth

lesson.step("Noisy steps and smooth steps")
let drawn = runs.filter { $0.history.outcome == .finished }
if drawn.isEmpty {
    lesson.say("Every run diverged, so there are no updates to draw.")
} else {
    lesson.say(
        """
        The loss on all points after every update during \(lastEpochsText) of each run that \
        finished:\n
        """)
    lesson.show(
        Chart(
            title: "Loss after each update, \(lastEpochsText)",
            xLabel: lastEpochs == 1 ? "epoch (the last)" : "epochs (the last \(lastEpochs))", yLabel: "loss",
            series: drawn.map { run in
                let tail = run.history.updateLosses
                return Series(
                    "batch \(run.size)", x: tail.indices.map { Double($0 + 1) / Double(run.history.updatesPerEpoch) },
                    y: tail)
            }),
        name: "loss-per-update")
    for run in drawn {
        let ups = rises(in: run.history.updateLosses)
        let steps = run.history.updateLosses.count - 1
        let what = "each step follows " + follows(run.size)
        lesson.say(
            steps < 1
                ? "Batch size \(run.size) (\(what)) made a single update in \(lastEpochs == 1 ? "that epoch" : "those epochs")."
                : ups == 0
                    ? "Batch size \(run.size) (\(what)): the loss went down at every one of these updates."
                    : "Batch size \(run.size) (\(what)): from one update to the next, the loss went up \(count(ups, "time")) out of \(steps)."
        )
    }
    lesson.say(
        """
        A step that helps the points in its batch can hurt the others. Plain gradient descent on \
        all the points with lr below its stable limit 2/λ_max never makes the loss go up: on this \
        bowl-shaped loss every such step lowers it (lesson 7).
        """)
    if learningRate > stableLimit {
        lesson.say(
            "Here lr = \(learningRate) is above that limit, \(fixed(stableLimit, 3)), so every full-batch step overshoots."
        )
    }
    // The noisy floor, read from the noisiest run that finished: is its loss still falling on the
    // whole over these last epochs (the mean of the last epoch against the first), or hovering?
    if let noisy = drawn.first(where: { rises(in: $0.history.updateLosses) > 0 }),
        noisy.history.updatesPerEpoch > 0, noisy.history.updateLosses.count >= 2 * noisy.history.updatesPerEpoch
    {
        let tail = noisy.history.updateLosses
        let perEpoch = noisy.history.updatesPerEpoch
        let firstMean = tail.prefix(perEpoch).reduce(0, +) / Double(perEpoch)
        let lastMean = tail.suffix(perEpoch).reduce(0, +) / Double(perEpoch)
        let range = "between \(fixed(tail.min()!, 5)) and \(fixed(tail.max()!, 5))"
        let compared =
            lastMean >= firstMean
            ? "no lower than" : lastMean >= 0.9 * firstMean ? "hardly lower than" : "only somewhat lower than"
        let stillFalling = lastMean < 0.5 * firstMean
        let swingsWildly = !stillFalling && tail.max()! > 10 * tail.min()!
        if data.count == 2 {
            // A line through every point (two points): every point's own gradient is 0 at the best
            // line, so a batch's gradient vanishes there too and there is no noisy floor.
            lesson.say(
                """
                \nWith \(data.count) points a line goes through all of them: the best line's loss is 0, \
                and there every batch's gradient is 0 too, so no noisy floor holds the loss up. Batch \
                size \(noisy.size)'s mean loss over the last of these epochs, \(scientific(lastMean, 2)), is \
                \(lastMean < firstMean ? "below" : "not below") that over the first, \(scientific(firstMean, 2)): \
                \(lastMean < firstMean ? "more epochs bring it closer to 0" : "it is not getting closer at this rate").
                """)
        } else if stillFalling || (!swingsWildly && lastMean < 0.9 * firstMean && lastMean > 1.5 * bestLoss) {
            lesson.say(
                """
                \nBatch size \(noisy.size)'s loss is still falling on the whole (mean \
                \(fixed(firstMean, 5)) over the first of these epochs, \(fixed(lastMean, 5)) over the \
                last; the best line's is \(fixed(bestLoss, 5))), with noise on top. With a constant \
                rate it will end on a noisy floor: near the bottom each batch's gradient still points \
                somewhere different from the full one, so the loss hovers instead of settling.
                """)
        } else if swingsWildly {
            lesson.say(
                """
                \nBatch size \(noisy.size)'s loss is not settling near the bottom at all: over these \
                updates it swung \(range), its mean over the last epoch \(fixed(lastMean, 5)) against \
                the best line's \(fixed(bestLoss, 5)). At lr = \(learningRate) each step that follows \
                \(follows(noisy.size)) is too big: a smaller rate or a larger batch is needed.
                """)
        } else {
            lesson.say(
                """
                \nThis is the noisy floor of stochastic gradient descent with a constant rate. Over \
                these updates batch size \(noisy.size)'s loss stayed \(range), its mean over the last \
                epoch (\(fixed(lastMean, 5))) \(compared) over the first of these epochs (\(fixed(firstMean, 5))), \
                while the best line's loss is \(fixed(bestLoss, 5)): near the bottom each batch's \
                gradient still points somewhere different from the full one, and a step of the same \
                size keeps following it, so the loss hovers instead of settling. Smaller steps at the \
                end (a rate that decays, as in lesson 7's schedule) or larger batches lower the floor.
                """)
        }
    }
    showPathsOnTheMap()
}
lesson.say(
    """
    \nIn practice batches of 32 to 256 are common: small enough to step often, large enough for the \
    computer to handle each batch as one matrix product (lesson 11).
    """)

/// The loss over (a, b) with the path of every run that finished, as lesson 7 drew the paths of
/// plain gradient descent, and what the noisiest path did at its end.
@MainActor func showPathsOnTheMap() {
    let finished = runs.indices.filter { runs[$0].history.outcome == .finished }
    // A path of more than `drawnPoints` updates is drawn through every k-th of them (and its last).
    let drawnPoints = 2000
    var series: [Series] = finished.map { index in
        let (a, b) = paths[index]
        let every = max(1, (a.count + drawnPoints - 1) / drawnPoints)
        let kept = Array(stride(from: 0, to: a.count, by: every)) + (a.count % every == 1 ? [] : [a.count - 1])
        return Series("batch \(runs[index].size)", x: kept.map { a[$0] }, y: kept.map { b[$0] })
    }
    series.append(Series("lowest loss", x: [best.slope], y: [best.intercept], style: .points))
    let everyPoint = series.flatMap(\.points)
    func span(_ values: [Double]) -> ClosedRange<Double> {
        let (low, high) = (values.min()!, values.max()!)
        let room = 0.08 * max(high - low, 1e-6)
        return (low - room)...(high + room)
    }
    let lossMap = Field(
        name: "loss", x: span(everyPoint.map(\.x)), y: span(everyPoint.map(\.y)), samples: 81
    ) { a, b in loss([a, b]) }
    lesson.say(
        """
        \nThe same runs seen from above, on lesson 7's map of the loss over (a, b): each path starts \
        at (0, 0) and has one corner per update.\n
        """)
    lesson.show(
        Chart(
            title: "The loss over (a, b) and the path of each batch size", xLabel: "a", yLabel: "b",
            series: series, background: lossMap),
        name: "loss-map-paths")

    // The smallest batch that finished has the noisiest path: how did it end?
    guard let index = finished.first, runs[index].history.updatesPerEpoch >= 2 else { return }
    let run = runs[index]
    let (a, b) = paths[index]
    // Its last epoch, or with a single epoch its second half (the first is the way down).
    let stretch = epochs == 1 ? run.history.updatesPerEpoch / 2 : run.history.updatesPerEpoch
    let during = epochs == 1 ? "over the second half of its only epoch" : "in its last epoch"
    let lastEpoch = Array(zip(a, b).suffix(stretch + 1)).map { [$0, $1] }
    let (length, net, farthest) = pathMeasures(lastEpoch, minimum: best.parameters)
    let measured =
        """
        \(during) batch size \(run.size)'s path travelled \(fixed(length, 3)) in (a, b) but ended \
        only \(fixed(net, 3)) from where \(epochs == 1 ? "that half" : "the epoch") began
        """
    switch pathEnding(lastEpoch, start: [a[0], b[0]], minimum: best.parameters) {
    case .wandersAroundMinimum:
        lesson.say(
            """
            \nLook at the end of the paths: \(measured), never more than \(fixed(farthest, 3)) from the \
            lowest point. It wanders around the minimum instead of settling on it: each step follows \
            \(follows(run.size)), and near the bottom those steps point every which way.
            """)
    case .wandersWide:
        lesson.say(
            """
            \nLook at the end of the paths: \(measured), so its steps mostly cancel, yet it strays up \
            to \(fixed(farthest, 3)) from the lowest point (it started \(fixed(hypot(best.slope - a[0], best.intercept - b[0]), 3)) \
            away): it is thrown about over a wide region rather than closing in on the bottom.
            """)
    case .zigzagsShort:
        lesson.say(
            """
            \nLook at the end of the paths: \(measured), so its steps mostly cancel, and all of them \
            together are shorter than its distance from the lowest point, \(fixed(farthest, 3)): it \
            zigzags in a small region short of the bottom.
            """)
    case .headsOn:
        lesson.say(
            """
            \nLook at the end of the paths: \(during) batch size \(run.size)'s path travelled \
            \(fixed(length, 3)) in (a, b) and moved \(fixed(net, 3)) on the whole, so it still heads \
            one way rather than wandering: it has not yet reached the bottom, \
            where the noise of its steps would take over.
            """)
    case .stopped:
        lesson.say(
            "\nLook at the end of the paths: \(during) batch size \(run.size)'s path hardly moved."
        )
    }
}

extension String {

    /// "1, 10, 50" → "1, 10 and 50".
    func replacingLastComma(with word: String) -> String {
        guard let range = range(of: ",", options: .backwards) else { return self }
        return replacingCharacters(in: range, with: word)
    }
}
