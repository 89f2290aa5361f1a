// Lesson 12 · Generalisation
//
// A network is trained to do well on digits it has never seen. This lesson makes a big net
// overfit a small training set, watches it happen on the validation set, and compares three cures
// with everything else equal: stopping early on the validation set, more data, and weight decay
// (its λ chosen on the validation set). It ends with
// the practitioner's choices, each made on the validation set with the test set kept for the end.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

/// Digits held out from the training file as the validation set.
let validationCount = 500
/// The small training set of step 1, and the larger one it is compared with.
let fewCount = 200
let moreCount = 800
/// The training file must hold the validation digits and the larger training set.
let neededTrainingDigits = validationCount + moreCount

let lesson = Lesson(
    number: 12, title: "Generalisation: overfitting and its cures",
    summary:
        "A big net on few digits learns them by heart; the validation set shows it, and three cures are compared: early stopping, more data and weight decay.",
    options: [
        LessonOption(
            "data", default: "", .path,
            help: "a folder holding optdigits.tra and optdigits.tes (default: the copy in the course)")
    ])

// The data, as lesson 11 loads it

let digits = lesson.loadDigitsFolder(validationCount: validationCount, needed: neededTrainingDigits)
let (trainingFileDigits, pool, validation, test) = (digits.trainingFile, digits.pool, digits.validation, digits.test)

// MARK: - Step 1: overfitting

lesson.step("Overfitting: a big net on few examples")
let few = pool.prefix(fewCount)
let more = pool.prefix(moreCount)
let overfitEpochs = 60
let overfitRate = 8.0
let overfitHidden = 64
let patience = 15
let starts = 3
let bigOptimizer = StochasticGradientDescent(learningRate: overfitRate)
lesson.say(
    """
    Train a 64-\(overfitHidden)-10 net (\((64 + 1) * overfitHidden + (overfitHidden + 1) * 10) parameters) on only \(fewCount) digits for \(overfitEpochs) \
    epochs, lr \(fixed(overfitRate, 0)), batches of 10. The loss of the net after each epoch on \
    its \(fewCount) training digits and on the \(validationCount) validation digits:\n
    """)

/// One run of this lesson: a 64-64-10 net trained on `set` for `overfitEpochs` epochs. With
/// `watching`, the validation set is scored after every epoch, early stopping picks the best net,
/// and the losses are kept for the table and chart.
struct OverfitRun {
    var final: Network
    var earlyStopped: Network
    var bestEpoch = 0
    var stoppedAt: Int?
    var trainingLosses: [Double] = [], validationLosses: [Double] = [], validationAccuracies: [Double] = []
}
@MainActor func overfitRun(
    on set: DigitSet, watching: Bool, label: String,
    optimizer: StochasticGradientDescent = bigOptimizer
) -> OverfitRun {
    var net = Network(sizes: [64, overfitHidden, 10], activations: [.sigmoid, .sigmoid], using: &lesson.random)
    var run = OverfitRun(final: net, earlyStopped: net)
    var stopping = EarlyStopping(patience: patience)
    let targets = set.oneHotLabels
    for epoch in 1...overfitEpochs {
        trainOneEpoch(
            &net, inputs: set.images, targets: targets, batchSize: 10, optimizer: optimizer,
            using: &lesson.random
        ) { done, total in lesson.progress("\(label): epoch \(epoch)/\(overfitEpochs)", done: done, total: total) }
        guard watching else { continue }
        let onValidation = score(net, images: validation.images, labels: validation.labels)
        run.trainingLosses.append(score(net, images: set.images, labels: set.labels).loss)
        run.validationLosses.append(onValidation.loss)
        run.validationAccuracies.append(onValidation.accuracy)
        // Early stopping looks only at the validation digits, never at the test set.
        if run.stoppedAt == nil {
            if stopping.shouldStop(epoch: epoch, score: onValidation.accuracy) { run.stoppedAt = epoch }
            if stopping.lastWasBest(epoch: epoch) {
                run.earlyStopped = net
                run.bestEpoch = epoch
            }
        }
    }
    lesson.endProgress()
    run.final = net
    return run
}
var fewRuns: [OverfitRun] = []
var moreRuns: [OverfitRun] = []
for start in 1...starts {
    fewRuns.append(overfitRun(on: few, watching: true, label: "\(fewCount) digits, start \(start)"))
}
let shown = fewRuns[0]
var lossTable = Table(["epoch", "training loss", "validation loss", "validation accuracy"])
for epoch in 1...overfitEpochs where epoch == 1 || epoch % 10 == 0 {
    lossTable.add([
        "\(epoch)", fixed(shown.trainingLosses[epoch - 1], 5), fixed(shown.validationLosses[epoch - 1], 5),
        fixed(100 * shown.validationAccuracies[epoch - 1], 2) + " %"
    ])
}
lossTable.print()
lesson.say("")
let lossEpochs = (1...overfitEpochs).map(Double.init)
let verdict = overfittingVerdict(trainingLosses: shown.trainingLosses, validationLosses: shown.validationLosses)
if verdict != .diverged {
    lesson.show(
        Chart(
            title: "Loss on the \(fewCount) training digits and on the validation digits", xLabel: "epoch",
            yLabel: "log₁₀ loss",
            series: [
                Series("training", x: lossEpochs, y: shown.trainingLosses.map { log10($0) }),
                Series("validation", x: lossEpochs, y: shown.validationLosses.map { log10($0) })
            ]
                + (shown.bestEpoch > 0
                    ? [
                        Series(
                            "net early stopping keeps (epoch \(shown.bestEpoch))", x: [Double(shown.bestEpoch)],
                            y: [log10(shown.validationLosses[shown.bestEpoch - 1])], style: .points)
                    ]
                    : [])),
        name: "overfitting")
}
let (middle, last) = secondHalf(of: overfitEpochs)
/// "fell by 69 %" or "rose by 3 %": the relative change of a loss from the middle to the end.
func lossChange(of losses: [Double]) -> String {
    let ratio = losses[last] / losses[middle]
    return ratio <= 1 ? "fell by \(fixed(100 * (1 - ratio), 0)) %" : "rose by \(fixed(100 * (ratio - 1), 0)) %"
}
let secondHalfText = """
    Over the second half (epochs \(middle + 1) → \(last + 1)) the training loss \(lossChange(of: shown.trainingLosses)) \
    and the validation loss \(lossChange(of: shown.validationLosses))
    """
/// Whether the validation loss has begun to rise, read from every epoch, for a net that overfits
/// while its validation loss still falls over the second half as a whole.
let validationNote: String = {
    let losses = shown.validationLosses
    let lowest = losses.indices.min { losses[$0] < losses[$1] }!
    if lowest == losses.count - 1 {
        return
            " Its validation loss has not begun to rise yet: so far the overfitting shows in the widening gap between the two losses; a rising validation loss may come with more epochs."
    }
    let above = losses.last! / losses[lowest] - 1
    let lowestText =
        "lowest after epoch \(lowest + 1), \(fixed(losses[lowest], 5)), and \(fixed(100 * above, 1)) % above that at the end"
    // A few per cent up from the lowest epoch is within the epoch-to-epoch wobble of these losses.
    return above < 0.05
        ? " Its validation loss has not risen by more than its wobble from epoch to epoch (\(lowestText)): so far the overfitting shows in the widening gap between the two losses; a rising validation loss may come with more epochs."
        : " Its validation loss has begun to rise (\(lowestText))."
}()
switch verdict {
case .overfits(let validationRose):
    lesson.say(
        """
        \(secondHalfText)\(validationRose ? "" : " only"); the validation loss went from \
        \(fixed(shown.validationLosses[middle] / shown.trainingLosses[middle], 1))× the training loss to \
        \(fixed(shown.validationLosses[last] / shown.trainingLosses[last], 1))×. \
        \(validationRose ? "The net is now learning these \(fewCount) images rather than digits" : "Most of what the net still learns fits these \(fewCount) images and not digits in general"): \
        it overfits.\(validationRose ? "" : validationNote)\n
        """)
case .stillLearning:
    lesson.say(
        """
        \(secondHalfText): both still fall alike, so in \(overfitEpochs) epochs this run shows no \
        overfitting yet.\n
        """)
case .stalled:
    lesson.say(
        """
        \(secondHalfText): the training loss hardly moves any more, so training stalled rather \
        than overfitted.\n
        """)
case .diverged:
    lesson.say("The loss became NaN in this run: it diverged, so it shows nothing about overfitting.\n")
}
// MARK: - Step 2: three cures

lesson.step("Three cures, all else equal")
lesson.say(
    """
    Three cures, each compared with all else equal (same net, rate, batches and \(overfitEpochs) \
    epochs), and each run from \(starts) random starts, because one start can be lucky:
    """)
lesson.say(
    """
    1. Early stopping: after each epoch, measure the validation accuracy, keep the best net so far, \
    and stop after \(patience) epochs without a new best.
    """)
lesson.say(
    """
    2. More data: the same training on \(moreCount) digits instead of \(fewCount) (which also means \
    \(moreCount / fewCount)× as many steps per epoch).
    """)
for start in 1...starts {
    moreRuns.append(overfitRun(on: more, watching: false, label: "\(moreCount) digits, start \(start)"))
}
/// "mean (min–max)" of a spread, in the table's fixed decimals.
func summary(_ spread: Spread, _ unit: String = "") -> String {
    "\(fixed(spread.mean, 1))\(unit) (\(fixed(spread.min, 1))–\(fixed(spread.max, 1)))"
}
// λ is chosen like every other setting: on the validation digits, one start per candidate.
let decayCandidates = [0.00001, 0.0001, 0.001]
let decayScores = decayCandidates.map { candidate -> Double in
    let trial = overfitRun(
        on: few, watching: false, label: "choosing λ = \(candidate)",
        optimizer: StochasticGradientDescent(learningRate: overfitRate, weightDecay: candidate))
    return score(trial.final, images: validation.images, labels: validation.labels).accuracy
}
let decay = decayCandidates[decayScores.indices.max { decayScores[$0] < decayScores[$1] }!]
let withoutDecay = Spread(fewRuns.map { 100 * $0.validationAccuracies.last! })
lesson.say(
    """
    3. Weight decay: the same training on the \(fewCount) digits, with every step also pulling each \
    weight towards 0, W ← W − lr·(dW + λW). It penalises large weights, which a net needs to \
    memorise single examples. λ is chosen on the validation digits among \
    \(decayCandidates.map { scientific($0, 0) }.joined(separator: ", ")) (validation accuracy \
    \(decayScores.map { fixed(100 * $0, 1) + " %" }.joined(separator: ", "))): λ = \(scientific(decay, 0)). \
    Without decay the \(starts) starts of the \(fewCount)-digit training end at \(summary(withoutDecay, " %")) on the validation \
    digits; each candidate λ was tried from one start only, so a difference of a point or two \
    may be that start's luck.
    """)
var decayRuns: [OverfitRun] = []
for start in 1...starts {
    decayRuns.append(
        overfitRun(
            on: few, watching: false, label: "weight decay, start \(start)",
            optimizer: StochasticGradientDescent(learningRate: overfitRate, weightDecay: decay)))
}
/// Accuracy in percent of a net on a set.
func percentRight(_ net: Network, _ set: DigitSet) -> Double {
    100 * accuracy(predicted: argmaxOfRows(net(set.images)), expected: set.labels)
}
let earlyStops = fewRuns.compactMap(\.stoppedAt)
let stopText =
    earlyStops.isEmpty
    ? "none stopped early: each found a new best within every \(patience) epochs"
    : "\(earlyStops.count == starts ? "all \(starts)" : "\(earlyStops.count) of the \(starts)") stopped early, at epoch\(earlyStops.count == 1 ? "" : "s") \(earlyStops.map(String.init).joined(separator: ", "))"
lesson.say(
    """
    \nEarly stopping kept the nets of epochs \(fewRuns.map { String($0.bestEpoch) }.joined(separator: ", ")); \
    \(stopText). The test set, used once here at the end: mean and range (smallest–largest) over \
    the \(starts) starts; gap = training accuracy − test accuracy, in points.\n
    """)
var cures = Table(["trained on", "training acc.", "test accuracy", "gap"])
var testSpread: [Spread] = []
var gapSpread: [Spread] = []
for (name, nets, set) in [
    ("\(fewCount) digits", fewRuns.map(\.final), few),
    ("\(fewCount), early-stopped", fewRuns.map(\.earlyStopped), few),
    ("\(moreCount) digits", moreRuns.map(\.final), more),
    ("\(fewCount), λ = \(scientific(decay, 0))", decayRuns.map(\.final), few)
] {
    let trainPercent = Spread(nets.map { percentRight($0, set) })
    let testPercent = Spread(nets.map { percentRight($0, test) })
    let gap = Spread(zip(trainPercent.values, testPercent.values).map { $0 - $1 })
    testSpread.append(testPercent)
    gapSpread.append(gap)
    cures.add([name, fixed(trainPercent.mean, 1) + " %", summary(testPercent, " %"), summary(gap)])
}
cures.print()
/// A sentence on how `cure` changed a measure against the plain 200-digit run, from the ranges.
func change(_ cure: Spread, against plain: Spread, _ what: String, higherIsBetter: Bool) -> String {
    let numbers = "\(fixed(plain.mean, 1)) → \(fixed(cure.mean, 1))"
    switch compare(cure, plain) {
    case .clearlyLower:
        return "\(higherIsBetter ? "lowers" : "narrows") the \(what) by more than the starts differ (\(numbers))"
    case .clearlyHigher:
        return "\(higherIsBetter ? "raises" : "widens") the \(what) by more than the starts differ (\(numbers))"
    case .overlapping: return "changes the \(what) by less than the starts differ (\(numbers))"
    }
}
lesson.say(
    """
    \nEarly stopping \(change(gapSpread[1], against: gapSpread[0], "gap", higherIsBetter: false)) and \
    \(change(testSpread[1], against: testSpread[0], "test accuracy", higherIsBetter: true)). \
    \(moreCount / fewCount)× the data \(change(gapSpread[2], against: gapSpread[0], "gap", higherIsBetter: false)) \
    and \(change(testSpread[2], against: testSpread[0], "test accuracy", higherIsBetter: true)). \
    Weight decay \(change(gapSpread[3], against: gapSpread[0], "gap", higherIsBetter: false)) and \
    \(change(testSpread[3], against: testSpread[0], "test accuracy", higherIsBetter: true)).
    """)
// The cure whose test accuracy is best on average, and whether its worst start beats every other cure's best.
let cureNames = ["early stopping", "more data", "weight decay"]
let bestCure = (1...3).max { testSpread[$0].mean < testSpread[$1].mean }!
let clearlyBest = (1...3).filter { $0 != bestCure }.allSatisfy {
    compare(testSpread[bestCure], testSpread[$0]) == .clearlyHigher
}
lesson.say(
    clearlyBest
        ? "Here \(cureNames[bestCure - 1]) is clearly the best cure: its worst start reads the test digits better than any other cure's best."
        : "\(cureNames[bestCure - 1].prefix(1).uppercased() + cureNames[bestCure - 1].dropFirst()) has the best mean test accuracy, but its starts overlap another cure's, so these \(starts) starts cannot name a clear winner."
)

// MARK: - Step 3: the practitioner's choices

lesson.step("The practitioner's choices")
lesson.say("Everything in this course, on one screen (the flags are lesson 11's):")
lesson.say("  architecture   how many layers, how many units, which activations (--hidden)")
lesson.say("  learning rate  too small crawls, too big diverges (--learning-rate, lesson 7)")
lesson.say("  batch size     many noisy steps or few smooth ones (--batch-size, lesson 9)")
lesson.say("  epochs         until the validation accuracy stops improving (--epochs)")
lesson.say("  data           more of it, or a net that cannot memorise it (--train-size)")
lesson.say("Every choice is made on the validation set; the test set is touched once, at the end.")
lesson.say("Try:")
lesson.say("  swift run lesson-11 --hidden 8")
lesson.say("  swift run lesson-11 --hidden 128")
lesson.say("  swift run lesson-11 --train-size 500")
lesson.say("  swift run lesson-11 --learning-rate 400")
