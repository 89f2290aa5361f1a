// Lesson 13 · Classification done right
//
// Lesson 11 read digits with ten sigmoid outputs and the squared error. Practitioners do it
// differently: softmax turns the ten outputs into probabilities, cross-entropy is the loss, and
// the hidden layers use ReLU with He's initialisation. This lesson shows why, with numbers: the
// gradient p − y, the σ′ factor that slows a confidently wrong sigmoid, the signal's size layer
// after layer, and the same digits network trained both ways from several starts.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let validationCount = 500
let neededTrainingDigits = validationCount + 800

let lesson = Lesson(
    number: 13, title: "Classification done right",
    summary:
        "Softmax, cross-entropy and its gradient p − y, ReLU with He initialisation, and the digits trained both ways.",
    options: [
        .epochs(default: 6, maximum: 8, help: "passes through the training images, for both recipes"),
        LessonOption("starts", default: "3", .integer(1...4), help: "random starts of each recipe"),
        LessonOption("hidden", default: "48", .integer(1...64), help: "hidden units of the 64-h-10 network"),
        LessonOption(
            "sigmoid-rate", default: "30", .number(0.001...1000),
            help: "peak learning rate of sigmoid + squared error (lesson 11's 30)"),
        LessonOption(
            "softmax-rate", default: "0.5", .number(0.001...100),
            help: "peak learning rate of ReLU + softmax + cross-entropy"),
        LessonOption(
            "data", default: "", .path,
            help: "a folder holding optdigits.tra and optdigits.tes (default: the copy in the course)")
    ])

/// A learning rate as typed: 30, 0.5, 0.001.
func rateText(_ rate: Double) -> String {
    rate == rate.rounded() && abs(rate) < 1e9 ? "\(Int(rate))" : "\(rate)"
}

// MARK: - Step 1: softmax

lesson.step("Softmax: ten scores become ten probabilities")
let scores = [1.2, -0.3, 0.5, 3.1, -1.0, 0.0, 0.8, -0.5, 2.2, 0.4]
let label = 3
let probabilities = softmax(scores)
let maxScore = scores.max()!
lesson.say(
    """
    A network's last layer gives ten numbers, one per digit: scores of any size and sign. Softmax \
    turns them into probabilities, each positive and all ten summing to 1, keeping their order:
    """)
lesson.say("\n    pₖ = e^(zₖ) / Σⱼ e^(zⱼ)\n")
lesson.say("Here are ten scores for an image of a \(label), the largest \(fixed(maxScore, 1)):\n")
var softmaxTable = Table(["digit", "score z", "e^(z − max)", "p"])
for k in 0..<10 {
    softmaxTable.add(["\(k)", fixed(scores[k], 1), fixed(exp(scores[k] - maxScore), 4), fixed(probabilities[k], 4)])
}
softmaxTable.add([
    "sum", "", fixed(scores.reduce(0) { $0 + exp($1 - maxScore) }, 4), fixed(probabilities.reduce(0, +), 4)
])
softmaxTable.print()
let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
lesson.say(
    """
    \nThe largest score, digit \(best), gets the largest probability, \(fixed(100 * probabilities[best], 1)) %.
    """)
let shifted = scores.map { $0 + 1000 }
let naiveTop = exp(shifted.max()!)
let shiftedProbabilities = softmax(shifted)
let sameAfterShift = agreement(
    largestDifference: zip(shiftedProbabilities, probabilities).map { abs($0 - $1) }.max()!,
    tolerance: 1e-12)
lesson.say(
    """
    \nWhy subtract the maximum? Add 1000 to every score. The probabilities should not change, \
    since e^(zₖ + 1000) = e^1000 · e^(zₖ) and the factor e^1000 cancels between top and bottom. \
    But a Double holds at most about 1.8 × 10^308, and e^1000 is about 10^434: computed \
    directly, e^\(fixed(shifted.max()!, 1)) is \(naiveTop.isInfinite ? "infinity, and infinity / infinity is NaN" : scientific(naiveTop, 2)). \
    Subtracting the maximum first makes every exponent ≤ 0, so the largest term is exactly \
    e⁰ = 1 and nothing overflows. With the scores + 1000, the stable softmax gives \
    \(sameAfterShift == .agree ? "the same probabilities as above, to 12 decimals" : "probabilities that differ from those above (a bug)"): \
    p\(label) = \(fixed(shiftedProbabilities[label], 4)).
    """)

// MARK: - Step 2: cross-entropy

lesson.step("Cross-entropy: the loss of a probability")
let loss = softmaxCrossEntropy(scores: scores, target: oneHot([label], classes: 10).row(0))
lesson.say(
    """
    The target is the one-hot row y with a 1 at the true digit. Cross-entropy scores the \
    probability the network gave to the truth:
    """)
lesson.say("\n    L = −Σₖ yₖ log pₖ = −log p_label\n")
lesson.say(
    """
    For our \(label): L = −log \(fixed(probabilities[label], 4)) = \(fixed(loss, 4)). How it grows as \
    the truth's probability falls:\n
    """)
var lossTable = Table(["p of the true digit", "L = −log p"])
for p in [1.0, 0.9, 0.5, 0.1, 0.01, 0.001] {
    lossTable.add([fixed(p, 3), fixed(crossEntropy(probabilities: [p], target: [1]), 3)])
}
lossTable.print()
lesson.say(
    """
    \nA sure and right answer costs 0; an untrained network that spreads 1/10 on every digit \
    pays log 10 = \(fixed(log(10.0), 3)); a confident wrong answer pays without limit. The squared \
    error of the same probability is at most 1, however wrong.
    """)

// MARK: - Step 3: the gradient p − y

lesson.step("The gradient of cross-entropy is p − y")
let target = oneHot([label], classes: 10).row(0)
let exact = softmaxCrossEntropyGradient(scores: scores, target: target)
let estimated = centralDifferenceGradient(of: { softmaxCrossEntropy(scores: $0, target: target) }, at: scores)
let largestDifference = zip(exact, estimated).map { abs($0 - $1) }.max()!
lesson.say(
    """
    Write L = log Σⱼ e^(zⱼ) − z_label. The derivative of the first term by zₖ is \
    e^(zₖ) / Σⱼ e^(zⱼ) = pₖ, and of the second 1 when k is the label, else 0. So
    """)
lesson.say("\n    ∂L/∂zₖ = pₖ − yₖ\n")
lesson.say(
    """
    No exponentials left to differentiate, no σ′: each score is pushed by how much probability \
    it has too much (positive: push down) or too little (negative: push up). Checked against \
    central differences (lesson 5, h = 10⁻⁵):\n
    """)
var gradientTable = Table(["digit", "p − y", "central difference", "difference"])
for k in 0..<10 {
    gradientTable.add(["\(k)", fixed(exact[k], 6), fixed(estimated[k], 6), scientific(abs(exact[k] - estimated[k]), 1)])
}
gradientTable.print()
switch agreement(largestDifference: largestDifference, tolerance: 1e-8) {
case .agree:
    lesson.say(
        """
        \nThe largest difference is \(scientific(largestDifference, 1)), within the 10⁻⁸ that central \
        differences leave: p − y is the gradient. Note that the ten entries sum to 0 \
        (\(scientific(abs(exact.reduce(0, +)), 1)) here), because both p and y sum to 1.
        """)
case .differ:
    lesson.say(
        "\nThe largest difference is \(scientific(largestDifference, 1)), more than central differences explain: the formula and the loss disagree."
    )
}

// MARK: - Step 4: confidently wrong

lesson.step("Why sigmoid with squared error learns slowly when it is confidently wrong")
lesson.say(
    """
    Lesson 11's output unit is a = σ(z) with the loss (a − y)². The chain rule gives the score's \
    gradient 2(a − y) · σ′(z), and σ′(z) = a(1 − a) is tiny when a is near 0 or 1, right or \
    wrong. Take an output that should be 0 (not this digit) but says a:\n
    """)
var wrongTable = Table(["output a (target 0)", "2(a − y)·a(1 − a)", "p − y", "cross-entropy pushes ×"])
var ratioAt99 = 0.0
for a in [0.5, 0.9, 0.99, 0.999] {
    let z = log(a / (1 - a))  // the score that gives σ(z) = a
    let squared = squaredErrorGradientThroughSigmoid(score: z, target: 0)
    let crossEntropyPush = a - 0  // p − y for a class given probability a with target 0
    if a == 0.99 { ratioAt99 = crossEntropyPush / squared }
    wrongTable.add([fixed(a, 3), fixed(squared, 5), fixed(crossEntropyPush, 3), fixed(crossEntropyPush / squared, 1)])
}
wrongTable.print()
lesson.say(
    """
    \nAt a = 0.99 the squared error's push is 2 · 0.99 · 0.99 · 0.01 = \
    \(fixed(squaredErrorGradientThroughSigmoid(score: log(99), target: 0), 4)), while cross-entropy's \
    is p − y = 0.99: \(fixed(ratioAt99, 1)) times \(ratioAt99 > 1 ? "stronger" : "weaker"). The more \
    wrong the sigmoid is, the less it learns from its mistake; cross-entropy's push grows with \
    the mistake. (Softmax also ties the ten outputs: raising one probability lowers the others.)
    """)

// MARK: - Step 5: ReLU and He initialisation

let digits = lesson.loadDigitsFolder(validationCount: validationCount, needed: neededTrainingDigits)
let (pool, validation, test) = (digits.pool, digits.validation, digits.test)
let depth = 10
let width = 256

lesson.step("ReLU layers and an initialisation that keeps the signal's size")
lesson.say(
    """
    Sigmoid's σ′ is at most ¼, so every sigmoid layer shrinks the gradient that passes back; \
    ReLU passes it unchanged where the unit is on. But ReLU needs the right weight scale. A unit's \
    sum z = Σᵢ wᵢxᵢ over n inputs, with independent weights of mean 0 and variance s², has
    """)
lesson.say("\n    Var(z) = n · s² · E[x²]\n")
lesson.say(
    """
    (a sum of n independent products: their variances add). ReLU keeps the positive half of z, so \
    E[relu(z)²] = Var(z)/2. Each layer multiplies E[x²] by n · s² / 2: s² = 2/n (He) keeps it; \
    s² = 1/n (lesson 11's scaled normal) halves it; s² = 1 multiplies it by n/2. The \
    \(validation.count) validation digits sent through \(depth) fresh ReLU layers of \(width) units \
    (n = 64 inputs for the first layer, \(width) after); the root mean square of each layer's output:\n
    """)
let schemes: [(name: String, initialization: Initialization)] = [
    ("s² = 1", .standardNormal), ("s² = 1/n", .scaledNormal), ("s² = 2/n (He)", .he)
]
let sizes = schemes.map {
    layerSizes(
        input: validation.images, width: width, depth: depth, activation: .relu,
        initialization: $0.initialization, using: &lesson.random)
}
var sizeTable = Table(["layer"] + schemes.map(\.name))
for l in 0...depth {
    sizeTable.add(
        [l == 0 ? "input" : "\(l)"]
            + sizes.map { $0[l] < 1e-3 || $0[l] >= 1e5 ? scientific($0[l], 2) : fixed($0[l], 3) })
}
sizeTable.print()
let verdicts = zip(schemes, sizes).map { scheme, size -> String in
    let ratio = size.last! / size.first!
    let times = ratio >= 1e5 || ratio < 1e-3 ? scientific(ratio, 1) : fixed(ratio, 2)
    switch signalScaleVerdict(size) {
    case .kept: return "\(scheme.name) keeps it within a factor of 2 (×\(times) after \(depth) layers)"
    case .shrank: return "\(scheme.name) lets it fade (×\(times))"
    case .grew: return "\(scheme.name) blows it up (×\(times))"
    }
}
lesson.say("\nFrom the input to layer \(depth): \(verdicts.joined(separator: "; ")).")
lesson.say(
    """
    The same factor multiplies the gradients on their way back, so a fading signal means vanishing \
    gradients and a growing one exploding gradients. With \(depth) layers the difference is \
    dramatic; with lesson 11's one hidden layer it is mild, but He is still the scale ReLU wants.
    """)

// MARK: - Step 6: the race

let epochs = lesson.integer("epochs")
let starts = lesson.integer("starts")
let hidden = lesson.integer("hidden")
let sigmoidRate = lesson.number("sigmoid-rate")
let softmaxRate = lesson.number("softmax-rate")
let batchSize = 10
let training = pool
let targets = training.oneHotLabels

/// One recipe: the activations of the 64-h-10 network, its loss and peak learning rate.
struct Recipe {
    let name: String
    let activations: [Activation]
    let loss: TrainingLoss
    let peakRate: Double
}
let recipes = [
    Recipe(
        name: "sigmoid + squared error", activations: [.sigmoid, .sigmoid], loss: .meanSquaredError,
        peakRate: sigmoidRate),
    Recipe(
        name: "ReLU + softmax + cross-entropy", activations: [.relu, .identity], loss: .softmaxCrossEntropy,
        peakRate: softmaxRate)
]

/// Recipe r's learning rate in each epoch: lesson 7's cyclical schedule, from a tenth of its peak
/// rate up toward the peak and back down, one rate per epoch.
func epochRates(_ r: Int) -> [Double] {
    let schedule = LearningRateSchedule.cyclical(
        low: recipes[r].peakRate / 10, high: recipes[r].peakRate, steps: max(epochs - 1, 1))
    return (1...epochs).map { schedule.rate(at: $0 - 1) }
}
/// A rate in at most three significant digits (13.8, not 13.799999999999999).
func rateShort(_ rate: Double) -> String { String(format: "%.3g", rate) }
/// The largest rate used, as a fraction of the peak (below 1 when the top of the cycle falls
/// between two epochs, as it does for an even number of epochs).
let topOfCycle = epochRates(0).max()! / recipes[0].peakRate
let cycleNote =
    epochs <= 2
    ? " (with \(epochs == 1 ? "one epoch, only the first" : "two epochs, both are the first"): a tenth of the peak; the triangle needs three epochs to reach its top)"
    : topOfCycle < 1
        ? " (with \(epochs) epochs the top falls between two epochs, so the largest rate used is \(fixed(topOfCycle, 2)) of the peak)"
        : ""

lesson.step(
    "The digits, both ways: \(epochs) epoch\(epochs == 1 ? "" : "s"), \(starts) start\(starts == 1 ? "" : "s") each")
lesson.say(
    """
    The same 64-\(hidden)-10 network, the same \(training.count) training digits, batches of \
    \(batchSize), lesson 7's cyclical rate over the epochs: from a tenth of the recipe's peak rate \
    up toward the peak and back down, one rate per epoch\(cycleNote). \
    Recipe A is lesson 11's: sigmoid layers (scaled normal), squared error, peak rate \
    \(rateText(sigmoidRate)). Recipe B: ReLU hidden layer (He), ten plain scores out, softmax + \
    cross-entropy, peak rate \(rateText(softmaxRate)). Each recipe has its own rate, because the \
    two losses' gradients differ in size (the squared error also averages over the ten outputs). \
    Each start draws new weights and new shuffles; the table shows each epoch's rates and the \
    validation accuracy after it\(starts == 1 ? "" : ", mean over the starts and [lowest, highest]").\n
    """)

/// Validation accuracies per start and epoch (nil once a start diverged), and test accuracies.
var curves: [[[Double]]] = recipes.map { _ in [] }
var testAccuracies: [[Double]] = recipes.map { _ in [] }
var divergences: [Int] = recipes.map { _ in 0 }
for start in 1...starts {
    for (r, recipe) in recipes.enumerated() {
        var network = Network(sizes: [64, hidden, 10], activations: recipe.activations, using: &lesson.random)
        let schedule = LearningRateSchedule.cyclical(
            low: recipe.peakRate / 10, high: recipe.peakRate, steps: max(epochs - 1, 1))
        var optimizer = StochasticGradientDescent(learningRate: recipe.peakRate)
        var curve: [Double] = []
        for epoch in 1...epochs {
            optimizer.learningRate = schedule.rate(at: epoch - 1)
            trainOneEpoch(
                &network, inputs: training.images, targets: targets, batchSize: batchSize,
                optimizer: optimizer, using: &lesson.random, loss: recipe.loss
            ) { done, total in
                lesson.progress(
                    "start \(start)/\(starts), \(r == 0 ? "A" : "B"), epoch \(epoch)/\(epochs)", done: done,
                    total: total)
            }
            lesson.endProgress()
            guard network.parameters.allSatisfy(\.isFinite) else { break }
            curve.append(
                score(network, images: validation.images, labels: validation.labels, loss: recipe.loss).accuracy)
        }
        if curve.count < epochs {
            divergences[r] += 1
        } else {
            curves[r].append(curve)
            testAccuracies[r].append(
                score(network, images: test.images, labels: test.labels, loss: recipe.loss).accuracy)
        }
    }
}

/// The accuracies of a recipe's finished starts after `epoch` (from 1), nil if none finished.
@MainActor func spread(_ r: Int, epoch: Int) -> Spread? {
    curves[r].isEmpty ? nil : Spread(curves[r].map { $0[epoch - 1] })
}
func text(_ s: Spread?) -> String {
    guard let s else { return "diverged" }
    if s.values.count == 1 { return "\(fixed(100 * s.mean, 1)) %" }
    return "\(fixed(100 * s.mean, 1)) % [\(fixed(100 * s.min, 1)), \(fixed(100 * s.max, 1))]"
}
var raceTable = Table(["epoch", "rate A, B", "A: sigmoid + squared error", "B: ReLU + softmax + CE"])
for epoch in 1...epochs {
    raceTable.add([
        "\(epoch)", "\(rateShort(epochRates(0)[epoch - 1])), \(rateShort(epochRates(1)[epoch - 1]))",
        text(spread(0, epoch: epoch)), text(spread(1, epoch: epoch))
    ])
}
raceTable.print(maxRows: 20)
print("")
let finished = recipes.indices.filter { !curves[$0].isEmpty }
if epochs >= 2 && !finished.isEmpty {
    let x = (1...epochs).map(Double.init)
    lesson.show(
        Chart(
            title: "Validation accuracy, mean over the starts", xLabel: "epoch", yLabel: "% right",
            series: finished.map { r in
                Series(
                    r == 0 ? "A: sigmoid + squared error" : "B: ReLU + softmax + CE", x: x,
                    y: (1...epochs).map { 100 * spread(r, epoch: $0)!.mean })
            }),
        name: "race")
}
for r in recipes.indices where divergences[r] > 0 {
    lesson.say(
        """
        Recipe \(r == 0 ? "A" : "B") diverged in \(divergences[r]) of \(starts) start\(starts == 1 ? "" : "s") \
        (the weights overflowed): its peak rate \(rateText(recipes[r].peakRate)) is too large. \
        \(curves[r].isEmpty ? "No start finished, so it has no numbers to compare." : "Only the others are shown.")
        """)
}

/// The sentence for one point of the race.
@MainActor func raceSentence(_ when: String, _ a: Spread?, _ b: Spread?) -> String {
    guard let a, let b else { return "\(when), the two cannot be compared: a recipe has no finished start." }
    if compareWithChance(accuracy: a.max, classes: 10) != .aboveChance
        && compareWithChance(accuracy: b.max, classes: 10) != .aboveChance
    {
        return
            "\(when), neither has learned anything yet: both are at about the 10 % of guessing (A \(text(a)), B \(text(b)))."
    }
    let single = a.values.count == 1 || b.values.count == 1 ? " in this single draw (one start is no proof)" : ""
    switch raceVerdict(first: b, second: a) {
    case .firstAhead:
        return
            "\(when), B is ahead\(single.isEmpty ? ": every start of B beats every start of A," : single + ":") \(fixed(100 * b.mean, 1)) % against \(fixed(100 * a.mean, 1)) %."
    case .secondAhead:
        return
            "\(when), A is ahead\(single.isEmpty ? ": every start of A beats every start of B," : single + ":") \(fixed(100 * a.mean, 1)) % against \(fixed(100 * b.mean, 1)) %."
    case .cannotTell:
        return "\(when), the starts overlap (A \(text(a)), B \(text(b))): these starts cannot tell the two apart."
    }
}
lesson.say("")
lesson.say(raceSentence("After epoch 1", spread(0, epoch: 1), spread(1, epoch: 1)))
if epochs > 1 {
    lesson.say(raceSentence("After epoch \(epochs)", spread(0, epoch: epochs), spread(1, epoch: epochs)))
}
/// "peak rate 30", or "rates up to 3, peak 30" when the cycle never reaches its peak.
func ratesText(_ r: Int) -> String {
    let top = epochRates(r).max()!
    return top == recipes[r].peakRate
        ? "peak rate \(rateText(recipes[r].peakRate))"
        : "rates up to \(rateShort(top)), peak \(rateText(recipes[r].peakRate))"
}
/// A recipe's mean validation accuracy after each epoch (its one start's, with --starts 1).
@MainActor func means(_ r: Int) -> [Double] { (1...epochs).map { spread(r, epoch: $0)!.mean } }
let meanWord = starts == 1 ? "accuracy" : "mean"
var fellBackToGuessing: Set<Int> = []
for r in recipes.indices where !curves[r].isEmpty {
    let means = means(r)
    let name = r == 0 ? "A" : "B"
    let verdict = guessingVerdict(
        accuracies: means, classes: 10, peakRate: recipes[r].peakRate, usualRate: r == 0 ? 30 : 0.5)
    let cause: String
    switch verdict {
    case nil: continue
    case .learnedThenFellBack(let epoch):
        fellBackToGuessing.insert(r)
        // The epoch of the largest fall after it had learned, and that epoch's rate.
        func drop(_ e: Int) -> Double { means[e - 2] - means[e - 1] }  // the fall in epoch e
        let fall = ((epoch + 1)..<(epochs + 1)).max { drop($0) < drop($1) }!
        lesson.say(
            """
            Recipe \(name) learned something by epoch \(epoch) (\(fixed(100 * means[epoch - 1], 1)) %) and then fell \
            back towards guessing, most of the way in epoch \(fall) (\(fixed(100 * means[fall - 2], 1)) → \
            \(fixed(100 * means[fall - 1], 1)) %): its rate there, \(rateShort(epochRates(r)[fall - 1])) (peak \
            \(rateText(recipes[r].peakRate))), throws the weights too far \
            \(r == 0 ? "(sigmoids pushed to their flat ends pass back almost no gradient)" : "(a ReLU unit pushed to be never positive passes back no gradient at all)").
            """)
        continue
    case .rateTooSmall:
        cause = "the steps are too small to move the weights in \(epochs) epoch\(epochs == 1 ? "" : "s")"
    case .rateTooBig:
        cause = "the steps are far too big"
    case .rateNotToBlame:
        cause =
            "\(hidden) hidden unit\(hidden == 1 ? " is" : "s are") too few, or \(epochs) epoch\(epochs == 1 ? " is" : "s are") too short"
    }
    lesson.say("Recipe \(name) never got beyond guessing (\(ratesText(r))): \(cause).")
}

// A dip: the largest fall of a recipe's mean accuracy over consecutive epochs of falling, from
// the last high point to the lowest, when it is two points or more (a recipe that fell back to
// guessing has been spoken of already).
for r in recipes.indices where epochs > 1 && !curves[r].isEmpty && !fellBackToGuessing.contains(r) {
    let means = means(r)
    var dips: [(high: Int, low: Int)] = []  // epochs: the mean falls at every epoch from high + 1 to low
    var epoch = 2
    while epoch <= epochs {
        if means[epoch - 1] < means[epoch - 2] {
            let high = epoch - 1
            while epoch + 1 <= epochs && means[epoch] < means[epoch - 1] { epoch += 1 }
            dips.append((high, epoch))
        }
        epoch += 1
    }
    func depth(_ dip: (high: Int, low: Int)) -> Double { means[dip.high - 1] - means[dip.low - 1] }
    guard let dip = dips.max(by: { depth($0) < depth($1) }), depth(dip) >= 0.02 else { continue }
    let before = means[dip.high - 1]
    let rates = epochRates(r)
    let top = rates.max()!
    let cycleRises = top != rates.min()!
    let dipRates = ((dip.high + 1)...dip.low).map { rates[$0 - 1] }
    let reachesTop = dipRates.contains(top)
    let lowest = starts > 1 ? ", and its lowest start to \(fixed(100 * spread(r, epoch: dip.low)!.min, 1)) %," : ","
    // "falls most" when it also falls by two points or more elsewhere.
    let most = dips.filter { depth($0) >= 0.02 }.count > 1 ? " most" : ""
    let rateList = dipRates.map(rateShort)
    let ratesText = listed(rateList)
    let epochsText =
        dip.low == dip.high + 1
        ? "in an epoch at rate \(ratesText)" : "over epochs \(dip.high + 1)–\(dip.low), at rates \(ratesText)"
    let why: String
    if !cycleRises {
        why = ", the same rate as every epoch of this run: the descent can stumble at any rate"
    } else if reachesTop {
        why =
            dip.low == dip.high + 1
            ? ", the largest of its cycle: steps that large can overshoot the floor of the valley for a while"
            : ", which reach the largest of its cycle: steps that large can overshoot the floor of the valley for a while"
    } else {
        why = ", below the largest of its cycle (\(rateShort(top))): the descent can stumble below its top rate too"
    }
    var after: String
    if let back = ((dip.low + 1)..<(epochs + 1)).first(where: { means[$0 - 1] > before }) {
        after = "It is back above \(fixed(100 * before, 1)) % by epoch \(back)"
        after +=
            rates[back - 1] < rates[dip.low - 1]
            ? ", as the rate comes down." : "."
    } else if dip.low == epochs {
        after = "That was its last epoch."
    } else {
        after = "It does not climb back above \(fixed(100 * before, 1)) % in the epochs left."
    }
    lesson.say(
        """
        \(r == 0 ? "A" : "B")'s \(meanWord) falls\(most) from \(fixed(100 * before, 1)) % after epoch \(dip.high) to \
        \(fixed(100 * means[dip.low - 1], 1)) % after epoch \(dip.low)\(lowest) \(epochsText)\(why). \(after)
        """)
}
/// "2–5", "2 and 4" or "1, 3 and 5–7": epochs in order, runs of three or more written as a range.
func epochList(_ list: [Int]) -> String {
    var parts: [String] = []
    var k = 0
    while k < list.count {
        var end = k
        while end + 1 < list.count && list[end + 1] == list[end] + 1 { end += 1 }
        parts += end - k >= 2 ? ["\(list[k])–\(list[end])"] : list[k...end].map(String.init)
        k = end + 1
    }
    return listed(parts)
}
// When the lead by the means changes hands between the epochs, say where (unless a recipe fell
// back to guessing, which has been said).
if epochs > 2 && !curves[0].isEmpty && !curves[1].isEmpty && fellBackToGuessing.isEmpty {
    // Compared as the table shows them (one decimal of a percent): a lead that rounds away is none.
    func shown(_ r: Int, _ epoch: Int) -> Double { (1000 * spread(r, epoch: epoch)!.mean).rounded() }
    let aLeads = (1...epochs).filter { shown(0, $0) > shown(1, $0) }
    let bLeads = (1...epochs).filter { shown(1, $0) > shown(0, $0) }
    if !aLeads.isEmpty && !bLeads.isEmpty {
        let word = starts == 1 ? "accuracies" : "means"
        lesson.say(
            "By the \(word), the lead changes hands: A is ahead after epoch\(aLeads.count == 1 ? "" : "s") \(epochList(aLeads)), B after epoch\(bLeads.count == 1 ? "" : "s") \(epochList(bLeads))."
        )
    }
}
let level = 0.9
let reach = recipes.indices.map { r -> String in
    guard !curves[r].isEmpty else { return "\(r == 0 ? "A" : "B"): no finished start" }
    let firsts = curves[r].map { firstEpoch(reaching: level, in: $0) }
    let reached = firsts.compactMap { $0 }
    let name = r == 0 ? "A" : "B"
    if reached.isEmpty { return "\(name) never did" }
    let list = firsts.map { $0.map { "\($0)" } ?? "never" }.joined(separator: ", ")
    return "\(name) at epoch\(firsts.count == 1 ? "" : "s") \(list)"
}
lesson.say(
    "Epoch at which each start first reached \(fixed(100 * level, 0)) % validation accuracy: \(reach.joined(separator: "; "))."
)
let fasterVerdict = raceVerdict(first: spread(1, epoch: 1) ?? Spread([-1]), second: spread(0, epoch: 1) ?? Spread([-1]))
let bothAtChance = [0, 1].allSatisfy { r in
    spread(r, epoch: 1).map { compareWithChance(accuracy: $0.max, classes: 10) != .aboveChance } ?? true
}
let named: String
switch (
    curves[0].isEmpty || curves[1].isEmpty,
    fasterLearner(
        afterFirstEpoch: fasterVerdict, firstFellBack: fellBackToGuessing.contains(1),
        secondFellBack: fellBackToGuessing.contains(0))
) {
case (true, _): named = "cannot tell which learns faster: a recipe has no finished start"
case (false, _) where bothAtChance: named = "cannot tell which learns faster: neither learned anything in epoch 1"
case (false, _) where starts == 1: named = "cannot tell which learns faster from a single start each (try --starts 3)"
case (false, .first): named = "the faster learner here is B, ReLU + softmax + cross-entropy"
case (false, .second): named = "the faster learner here is A, sigmoid + squared error"
case (false, .firstAheadThenFellBack):
    named = "B started faster but did not keep what it learned, so its head start counts for nothing"
case (false, .secondAheadThenFellBack):
    named = "A started faster but did not keep what it learned, so its head start counts for nothing"
case (false, .cannotTell): named = "cannot tell which learns faster from these starts"
}
lesson.say("Read from epoch 1: \(named).")
if !curves[0].isEmpty && !curves[1].isEmpty {
    let a = Spread(testAccuracies[0])
    let b = Spread(testAccuracies[1])
    lesson.say(
        """
        \nOnce, at the end, the test set: A \(text(a)), B \(text(b)). \
        \(raceVerdict(first: b, second: a) == .firstAhead ? (starts == 1 ? "B reads strangers' digits better in this single draw (one start is no proof)." : "Every start of B reads strangers' digits better than every start of A.") : raceVerdict(first: b, second: a) == .secondAhead ? (starts == 1 ? "A reads strangers' digits better in this single draw (one start is no proof)." : "Every start of A reads strangers' digits better than every start of B.") : "On the test set the starts overlap: no winner at this length of training.")
        """)
}
lesson.say(
    """
    \nLesson 14 makes the descent itself faster: momentum, Adam, and how to pick a learning rate.
    """)
