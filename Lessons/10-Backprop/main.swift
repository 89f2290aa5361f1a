// Lesson 10 · Multi-layer nets and backprop
//
// For a network the chain rule runs backwards from the loss through every layer: backprop.
// This lesson does it by hand on a 2-2-1 network, checks the core's version against finite
// differences, then trains networks on a curve no straight line can follow.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 10, title: "Multi-layer nets and backprop",
    summary: "The chain rule, backwards from the loss through each layer, gives every weight's gradient.",
    options: [
        LessonOption(
            "hidden", default: "16", .integer(1...64), help: "hidden units of the network that learns the curve"),
        .learningRate(default: "0.05"),
        .epochs(default: 3000, maximum: 5000, help: "passes through the 40 points")
    ])

// MARK: - Step 1: a 2-2-1 network by hand

lesson.step("Backprop by hand on a 2-2-1 network")
let tiny = Network([
    Dense(weights: Matrix([[0.5, -1], [1, 0.5]]), bias: Matrix(row: [0, 0.25]), activation: .sigmoid),
    Dense(weights: Matrix([[1], [-2]]), bias: Matrix(row: [0.5]), activation: .identity)
])
let x = Matrix([[1, 0.5]])
let target = Matrix([[1]])
lesson.say("Input x = (1, 0.5), target 1, loss = (y − 1)².")
lesson.say("  hidden layer  W₁ = [[0.5, −1], [1, 0.5]], B₁ = (0, 0.25), activation σ")
lesson.say("  output layer  W₂ = [[1], [−2]], B₂ = 0.5, no activation\n")
let z1 = (x * tiny.layers[0].weights).addingToEachRow(tiny.layers[0].bias)
let h = Activation.sigmoid(z1)
let y = (h * tiny.layers[1].weights).addingToEachRow(tiny.layers[1].bias)
let loss = meanSquaredError(predicted: y, expected: target)
lesson.say("forward")
lesson.say("  z₁ = xW₁ + B₁      = (\(fixed(z1[0, 0])), \(fixed(z1[0, 1])))")
lesson.say("  h  = σ(z₁)          = (\(fixed(h[0, 0])), \(fixed(h[0, 1])))")
lesson.say("  y  = hW₂ + B₂       = \(fixed(h[0, 0])) − 2 × \(fixed(h[0, 1])) + 0.5 = \(fixed(y[0, 0]))")
lesson.say("  loss = (y − 1)²     = \(fixed(loss))")
let dy = meanSquaredErrorGradient(predicted: y, expected: target)
let dW2 = h.transposed() * dy
let dh = dy * tiny.layers[1].weights.transposed()
let dz1 = dh.multipliedElementwise(by: Activation.sigmoid.derivative(z1))
let dW1 = x.transposed() * dz1
lesson.say(
    """
    \nWhere the backward formulas come from, by indices. z = hW₂ + B₂ means zⱼ = Σₖ hₖW₂ₖⱼ + B₂ⱼ, so \
    W₂ₖⱼ touches only zⱼ, with ∂zⱼ/∂W₂ₖⱼ = hₖ, and the chain rule gives \
    ∂loss/∂W₂ₖⱼ = hₖ · ∂loss/∂zⱼ. Entry (k, j) is hₖ times dzⱼ: the product hᵀ·dz of the column \
    hᵀ (the transpose: rows become columns) and the row dz (here y = z, so dz is the dy below). \
    The same holds for every layer: with its input X and its dZ, one row per sample, the \
    contributions of the N samples add up, dWₖⱼ = Σₙ XₙₖdZₙⱼ, which is the product\n
    """)
lesson.say("    dW = XᵀdZ\n")
lesson.say(
    """
    Going the other way, hₖ feeds every zⱼ, so \
    dhₖ = Σⱼ dzⱼW₂ₖⱼ, that is dh = dz·W₂ᵀ. And ⊙ multiplies two matrices entry by entry, which \
    is how σ′ enters: each hidden value has its own slope.\n
    """)
lesson.say("backward, from the loss to the inputs")
lesson.say("  dy  = 2(y − 1)                 = \(fixed(dy[0, 0]))")
lesson.say(
    "  dW₂ = hᵀ·dy                    = (\(fixed(dW2[0, 0])), \(fixed(dW2[1, 0])))      dB₂ = dy = \(fixed(dy[0, 0]))")
lesson.say("  dh  = dy·W₂ᵀ                   = (\(fixed(dh[0, 0])), \(fixed(dh[0, 1])))")
lesson.say("  dz₁ = dh ⊙ σ′(z₁), σ′ = σ(1 − σ) = (\(fixed(dz1[0, 0])), \(fixed(dz1[0, 1])))")
lesson.say(
    "  dW₁ = xᵀ·dz₁                   = [[\(fixed(dW1[0, 0])), \(fixed(dW1[0, 1]))], [\(fixed(dW1[1, 0])), \(fixed(dW1[1, 1]))]]"
)
lesson.say("  dB₁ = dz₁                      = (\(fixed(dz1[0, 0])), \(fixed(dz1[0, 1])))")
lesson.say(
    """
    \nEach layer turns the gradient of its output into the gradients of its weights, its biases \
    and its input; the input's gradient is what the layer before it receives.
    """)

// MARK: - Step 2: the same numbers from the core

lesson.step("The core's backward pass gives the same numbers")
let (coreLoss, coreGradients) = tiny.lossAndGradients(input: x, target: target)
var same = Table(["", "by hand", "Network.backward", "difference"])
let pairs: [(String, Matrix, Matrix)] = [
    ("dW₁", dW1, coreGradients[0].weights), ("dB₁", dz1, coreGradients[0].bias),
    ("dW₂", dW2, coreGradients[1].weights), ("dB₂", dy, coreGradients[1].bias)
]
for (name, byHand, core) in pairs {
    same.add([
        name, byHand.values.map { fixed($0, 3) }.joined(separator: " "),
        core.values.map { fixed($0, 3) }.joined(separator: " "),
        scientific(byHand.largestDifference(from: core))
    ])
}
same.print()
lesson.say("\nloss \(fixed(coreLoss)) both ways.")

// MARK: - Step 3: checking every gradient

lesson.step("Every gradient checked against finite differences")
let checked = Network(
    sizes: [3, 6, 4, 2], activations: [.tanh, .sigmoid, .identity], initialization: .standardNormal,
    using: &lesson.random)
let checkInputs = Matrix.random(rows: 5, columns: 3, using: &lesson.random)
let checkTargets = Matrix.random(rows: 5, columns: 2, using: &lesson.random)
let report = gradientCheck(checked, input: checkInputs, target: checkTargets)
lesson.say(
    """
    A 3-6-4-2 network (tanh, sigmoid, identity) with random weights, on 5 random samples. Each of \
    its \(report.parametersChecked) parameters is nudged both ways to estimate ∂loss/∂p, and \
    compared with backprop's: with g the backprop gradient and ĝ the estimate, the relative \
    difference is |g − ĝ| / (|g| + |ĝ|).\n
    """)
let where_ = report.worstLocation
lesson.say(
    """
    worst relative difference: \(scientific(report.worstRelativeDifference)), at layer \
    \(where_.layer), \(where_.kind) (\(where_.row), \(where_.column))
    """)
lesson.say(
    report.worstRelativeDifference <= 1e-6
        ? "Below 1e-6 everywhere: backprop is right." : "Above 1e-6: something is wrong in backprop!")
lesson.say(
    """
    \nEach estimate is a fourth-order central difference, with h = 10⁻³:
    """)
lesson.say("  ∂loss/∂p ≈ [8·(L(p + h) − L(p − h)) − (L(p + 2h) − L(p − 2h))] / (12h)")
lesson.say(
    """
    Its error shrinks like h⁴, where the two-point difference of lesson 5 shrinks like h² in \
    general: accurate to about 10⁻¹², it lets even small gradients be compared to six digits. \
    It costs 4 loss evaluations per parameter, \(4 * report.parametersChecked) forward passes \
    here; backprop gets all \(report.parametersChecked) gradients from one forward and one \
    backward pass, about the cost of two forward passes. That is the whole point of backprop.
    """)

// MARK: - Step 4: a curve no line can fit

lesson.step("A curve no straight line can fit")
let xs = (0..<40).map { Double($0) / 39 }
let inputs = Matrix(column: xs)
let targets = Matrix(column: xs.map { sin(2 * Double.pi * $0) })
let hidden = lesson.integer("hidden")
let learningRate = lesson.number("learning-rate")
let epochs = lesson.integer("epochs")
let epochText = epochs == 1 ? "1 epoch" : "\(epochs) epochs"
lesson.say(
    """
    40 points of y = sin(2πx) on [0, 1]. A 1-\(hidden)-1 network with tanh hidden units, trained \
    with mini-batches of 10 for \(epochText) at lr = \(learningRate). It is the same method that fitted \
    the line in lessons 5 to 9 (a loss, its gradient, a step against it, batch after batch); only \
    the model changed, layers with a non-linearity on top, and backprop supplies its gradient:\n
    """)

/// Trains a fresh 1-h-1 network on the sine points, watching for divergence.
@MainActor func trainCurve(hidden: Int, activation: Activation) -> WatchedTraining {
    let network = Network(sizes: [1, hidden, 1], activations: [activation, .identity], using: &lesson.random)
    return trainWatchingForDivergence(
        network, inputs: inputs, targets: targets, batchSize: 10, epochs: epochs,
        learningRate: learningRate, using: &lesson.random)
}
/// "0.00061", or "diverged (epoch 12)".
func finalText(_ run: WatchedTraining) -> String {
    if case .diverged(let epoch) = run.outcome { return "diverged (epoch \(epoch))" }
    return fixed(run.finalLoss, 5)
}
let grewPast = divergenceFactor == 1e6 ? "a million times" : "\(scientific(divergenceFactor, 0)) times"

let curve = trainCurve(hidden: hidden, activation: .tanh)
var progress = Table(["epoch", "loss"])
for epoch in Set([0, 1, 10, 100, 500, 1000, 2000, epochs]).sorted() where epoch < curve.losses.count {
    progress.add(["\(epoch)", fixed(curve.losses[epoch], 5)])
}
if case .diverged(let epoch) = curve.outcome { progress.add(["\(epoch)", "diverged"]) }
progress.print()
if case .finished = curve.outcome, curve.losses.count > 2 {
    lesson.say("\nThe loss after every epoch, on a log scale:\n")
    lesson.show(
        Chart(
            title: "log₁₀(loss) after each epoch, 1-\(hidden)-1 network", xLabel: "epoch", yLabel: "log₁₀ loss",
            series: [Series("loss", y: curve.losses.map { log10(max($0, 1e-12)) })]),
        name: "training-loss")
}
let line = leastSquaresLine(LineData(x: xs, y: targets.values))
let lineLoss = meanSquaredError(of: line, on: LineData(x: xs, y: targets.values))
let variance = meanSquaredError(predicted: targets, expected: Matrix(column: xs.map { _ in mean(targets.values) }))
let curveVerdict = curveFitVerdict(
    outcome: curve.outcome, finalLoss: curve.finalLoss, lineLoss: lineLoss, targetVariance: variance)
if case .diverged(let epoch) = curveVerdict {
    lesson.say(
        """
        \nTraining diverged in epoch \(epoch): the loss grew past \(grewPast) its start or stopped \
        being a number, so it was stopped there and no fit is drawn. At lr = \(learningRate) the \
        steps are too big for this network; try a smaller --learning-rate, such as the default 0.05.
        """)
} else {
    let fine = (0...200).map { Double($0) / 200 }
    let fit = curve.network(Matrix(column: fine)).values
    print("")
    lesson.show(
        Chart(
            title: "What the 1-\(hidden)-1 network learned", xLabel: "x", yLabel: "y",
            series: [
                Series("points of sin 2πx", x: xs, y: targets.values, style: .points),
                Series("network", x: fine, y: fit),
                Series("best straight line", from: 0, to: 1) { line($0) }
            ]),
        name: "curve-fit")
    let shareOfVariance = 100 * curve.finalLoss / variance
    let shareText = fixed(shareOfVariance, shareOfVariance < 1 ? 2 : 1) + " %"
    let reference = """
        (Always answering the mean of the points would score \(fixed(variance, 5)), their \
        variance; the best straight line scores \(fixed(lineLoss, 5)).)
        """
    switch curveVerdict {
    case .followsCurve:
        lesson.say(
            """
            After \(epochText) the network follows the wave closely: its loss, \
            \(fixed(curve.finalLoss, 5)), is \(shareText) of the points' variance, under the 2 % this \
            lesson calls close. \(reference)
            """)
    case .betterThanLine:
        lesson.say(
            """
            After \(epochText) the network does better than the best straight line (its loss, \
            \(fixed(curve.finalLoss, 5)), is \(fixed(100 * curve.finalLoss / lineLoss, 0)) % of the \
            line's) but does not follow the wave closely: that loss is \(shareText) of the points' \
            variance, not under the 2 % this lesson calls close. \(reference)
            """)
    default:
        lesson.say(
            """
            After \(epochText) the network does no better than the best straight line (loss \
            \(fixed(curve.finalLoss, 5))): it has not found the wave yet. \(reference)
            """)
    }
    if let lowest = curve.losses.min(), let when = curve.losses.firstIndex(of: lowest), curve.finalLoss > 1.5 * lowest {
        lesson.say(
            """
            On the way its loss was as low as \(fixed(lowest, 5)) (after epoch \(when)) and did not \
            stay there: at lr = \(learningRate) the mini-batch steps are big enough to knock it away \
            from its best.
            """)
    }
}

// MARK: - Step 5: without non-linearity

lesson.step("The same network without a non-linearity")
let linear = trainCurve(hidden: hidden, activation: .identity)
var collapse = Table(["model", "final loss"])
collapse.add(["1-\(hidden)-1, tanh", finalText(curve)])
collapse.add(["1-\(hidden)-1, identity", finalText(linear)])
collapse.add(["best straight line", fixed(lineLoss, 5)])
collapse.print()
lesson.say(
    """
    \nWith f(x) = x the two layers of the 1-\(hidden)-1 network collapse into one linear layer \
    (lesson 3): however long it trains, it can do no better than the best straight line.
    """)
switch linearNetVerdict(outcome: linear.outcome, finalLoss: linear.finalLoss, lineLoss: lineLoss) {
case .reachedLine:
    lesson.say("After \(epochText) it is there, within 1 % of the line's loss.")
case .aboveLine:
    lesson.say("After \(epochText) it is still more than 1 % above the line's loss: it has not finished getting there.")
case .diverged(let epoch):
    lesson.say(
        """
        Here it diverged in epoch \(epoch) (the loss grew past \(grewPast) its start or stopped \
        being a number), so it cannot show that: lr = \(learningRate) is too big for it. A \
        smaller --learning-rate lets it train.
        """)
}
if curve.outcome == .finished {
    switch curveVerdict {
    case _ where curve.finalLoss < 0.5 * lineLoss:
        lesson.say(
            "With tanh, the same network ended far below the line, at \(fixed(curve.finalLoss, 5)): the non-linearity is what lets it bend."
        )
    case .noBetterThanLine:
        lesson.say(
            """
            With tanh it ended at \(fixed(curve.finalLoss, 5)), no better than the line either: in \
            \(epochText) at lr = \(learningRate) it has not yet found its bends.
            """)
    default:
        lesson.say(
            """
            With tanh it ended at \(fixed(curve.finalLoss, 5)), below the line but not far below: in \
            \(epochText) it has not yet made much use of its bends.
            """)
    }
}

// MARK: - Step 6: more hidden units

let widths = [1, 2, 4, 8, 16]
let starts = 3
lesson.step("How the fit depends on the number of hidden units")
lesson.say(
    """
    Each width is trained from \(starts) random starts (weights and batch order), every one for the \
    same \(epochText) at lr = \(learningRate), and the table gives the mean final loss and the \
    range of the starts:\n
    """)
// Step 4's network is the first start of its own width.
let widthRuns = widths.map { width in
    (0..<starts).map { start in start == 0 && width == hidden ? curve : trainCurve(hidden: width, activation: .tanh) }
}
let summaries = widthRuns.map { StartsSummary($0.map(\.finishedLoss)) }
let finishedRuns = widthRuns.joined().filter { $0.outcome == .finished }
let barelyMoved =
    !finishedRuns.isEmpty
    && finishedRuns.allSatisfy { trainingBarelyMoved(startLoss: $0.losses[0], finalLoss: $0.finalLoss) }
let divergedRuns = summaries.map(\.divergedCount).reduce(0, +)
var bySize = Table(
    ["hidden units", "parameters", "mean loss", "lowest", "highest"] + (divergedRuns > 0 ? ["diverged"] : []))
for (width, summary) in zip(widths, summaries) {
    var row = ["\(width)", "\(3 * width + 1)"]
    if let mean = summary.mean, let lowest = summary.lowest, let highest = summary.highest {
        row += [fixed(mean, 5), fixed(lowest, 5), fixed(highest, 5)]
    } else {
        row += ["—", "—", "—"]
    }
    if divergedRuns > 0 { row.append("\(summary.divergedCount) of \(starts)") }
    bySize.add(row)
}
bySize.print()
let charted = widths.indices.filter { summaries[$0].mean != nil }
if !charted.isEmpty {
    print("")
    lesson.show(
        BarChart(
            title: "Mean final loss by number of hidden units (\(starts) starts each)",
            labels: charted.map { "\(widths[$0]) hidden" }, values: charted.map { summaries[$0].mean! }, decimals: 4),
        name: "hidden-units")
}
if divergedRuns == widths.count * starts {
    lesson.say(
        """
        \nAll \(divergedRuns) runs diverged at lr = \(learningRate): each was stopped when its loss grew \
        past \(grewPast) its start or stopped being a number, so there is nothing to compare. Try a \
        smaller --learning-rate, such as the default 0.05.
        """)
} else if divergedRuns > 0 {
    lesson.say(
        """
        \n\(divergedRuns) of the \(widths.count * starts) runs diverged at lr = \(learningRate) and \
        \(divergedRuns == 1 ? "was" : "were") stopped; the means and ranges are over the runs that finished.
        """)
}
if divergedRuns < widths.count * starts { print("") }
for i in widths.indices.dropFirst() where divergedRuns < widths.count * starts {
    let (a, b) = (summaries[i - 1], summaries[i])
    let pair = "\(widths[i - 1]) → \(widths[i]) units:"
    switch compareWidths(narrower: a, wider: b) {
    case .clearlyLower:
        lesson.say(
            "\(pair) the mean fell from \(fixed(a.mean!, 5)) to \(fixed(b.mean!, 5)), and every start of \(widths[i]) beat every start of \(widths[i - 1])."
        )
    case .lowerOnAverage:
        lesson.say(
            "\(pair) the mean fell from \(fixed(a.mean!, 5)) to \(fixed(b.mean!, 5)), but the ranges of the starts overlap."
        )
    case .notLower:
        lesson.say(
            "\(pair) the mean did not fall (\(fixed(a.mean!, 5)) → \(fixed(b.mean!, 5))), and the ranges of the starts overlap."
        )
    case .clearlyHigher:
        lesson.say(
            "\(pair) the mean rose from \(fixed(a.mean!, 5)) to \(fixed(b.mean!, 5)), and every start of \(widths[i]) ended above every start of \(widths[i - 1])."
        )
    case .cannotCompare:
        lesson.say("\(pair) cannot be compared: every run of one of them diverged.")
    }
}
if barelyMoved {
    lesson.say(
        """
        \nAt lr = \(learningRate), \(epochText) of training removed less than 10 % of any run's \
        starting loss: the networks barely moved, so these differences are those of their random \
        starts, not of what training made of each width.
        """)
}
switch widthTrend(summaries) {
case _ where barelyMoved:
    break
case .fallsAtEveryStep(let overlapAt) where overlapAt.isEmpty:
    lesson.say(
        """
        \nSo here more hidden units fit better at every doubling, after the same \(epochText): \
        every start of each width beat every start of the one before.
        """)
case .fallsAtEveryStep(let overlapAt):
    let steps = overlapAt.map { "\(widths[$0 - 1]) → \(widths[$0])" }.joined(separator: ", ").replacingLastComma(
        with: " and")
    lesson.say(
        """
        \nSo here the mean loss fell at every doubling, after the same \(epochText). Where the \
        ranges overlap (\(steps) units), \(starts) starts are too few to call the gain sure.
        """)
case .fallsOverall(let notAt):
    if let i = notAt.first(where: { compareWidths(narrower: summaries[$0 - 1], wider: summaries[$0]) == .clearlyHigher }
    ) {
        lesson.say(
            """
            \nSo more hidden units fit better on the whole, but not at every doubling: at lr = \
            \(learningRate), after \(epochText), every start of \(widths[i]) units ended above every \
            start of \(widths[i - 1]). Training made less of the wider network here, though it could \
            do at least as well.
            """)
    } else {
        lesson.say(
            """
            \nSo more hidden units fit better on the whole, but not at every doubling: after \
            \(epochText), which start a network had can matter as much as a few more units.
            """)
    }
case .noClearGain:
    let ends = summaries.indices.filter { summaries[$0].mean != nil }
    let (first, last) = (ends.first!, ends.last!)
    lesson.say(
        """
        \nSo after \(epochText) these starts do not show the widest network fitting better than the \
        narrowest: \(widths[last]) units end lower than \(widths[first]) on average \
        (\(fixed(summaries[last].mean!, 5)) against \(fixed(summaries[first].mean!, 5))), but the \
        ranges of their starts overlap, and the mean did not fall at every doubling.
        """)
case .doesNotFall:
    lesson.say(
        """
        \nSo in \(epochText) at lr = \(learningRate), more hidden units did not fit better: \
        the wider networks had the capacity, but training did not use it.
        """)
case .cannotCompare where divergedRuns < widths.count * starts:
    lesson.say("\nToo few widths finished training to compare them: try a smaller --learning-rate.")
case .cannotCompare:
    break
}
if let row = widths.firstIndex(of: hidden), curve.outcome == .finished, let low = summaries[row].lowest,
    let high = summaries[row].highest
{
    let finished = summaries[row].finished.count
    let which = finished == starts ? "the \(starts) starts" : "the \(finished) of its \(starts) starts that finished"
    lesson.say(
        startsSpreadWidely(summaries[row])
            ? """
            Step 4's 1-\(hidden)-1 network, loss \(fixed(curve.finalLoss, 5)), is the first of the \
            \(hidden)-unit starts here; \(which) ended between \(fixed(low, 5)) and \(fixed(high, 5)), \
            so one run alone says little about a width.
            """
            : """
            Step 4's 1-\(hidden)-1 network, loss \(fixed(curve.finalLoss, 5)), is the first of the \
            \(hidden)-unit starts here; \(which) ended close together, between \(fixed(low, 5)) and \
            \(fixed(high, 5)), so at this width one run was a fair sample.
            """)
}
lesson.say(
    """
    \nOne tanh unit is a single S-shaped step: it can rise or fall only once, so it cannot follow a \
    wave that goes up and then down. A few units, added up, can. The universal approximation \
    theorem says that one hidden layer of enough units with a non-polynomial activation such as \
    tanh can follow any continuous curve on a closed interval as closely as we like; it does not \
    say that training will find those weights in a given number of epochs.
    """)

extension String {

    /// "1 → 2, 2 → 4, 4 → 8" → "1 → 2, 2 → 4 and 4 → 8".
    func replacingLastComma(with word: String) -> String {
        guard let range = range(of: ",", options: .backwards) else { return self }
        return replacingCharacters(in: range, with: word)
    }
}
