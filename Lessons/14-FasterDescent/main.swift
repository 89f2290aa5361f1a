// Lesson 14 · Faster descent
//
// Two changes to the step that practitioners use instead of plain gradient descent: momentum,
// a ball that keeps some of its speed, and Adam, which gives every parameter a step of its own
// size. Both on lesson 7's line bowl, where the best settings can be computed, and on lesson
// 11's digits. Then how to choose a learning rate without guessing: the range test, and a
// one-cycle schedule that uses its pick.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 14, title: "Faster descent",
    summary:
        "Momentum and Adam against plain gradient descent, on the line and on the digits; the learning-rate range test and a one-cycle schedule.",
    options: [
        .points(maximum: 5_000),
        LessonOption(
            "momentum", default: "0.9", .number(0...0.99), help: "β, the share of the velocity each step keeps"),
        .epochs(default: 4, maximum: 5, help: "passes through the training digits for every run"),
        LessonOption("starts", default: "3", .integer(1...5), help: "random starts of every digits run"),
        LessonOption(
            "data", default: "", .path,
            help: "a folder holding optdigits.tra and optdigits.tes (default: the copy in the course)")
    ])

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let loss: ([Double]) -> Double = { p in meanSquaredError(of: Line(parameters: p), on: data) }
let gradient: ([Double]) -> [Double] = { p in meanSquaredErrorGradient(of: Line(parameters: p), on: data) }
let exact = leastSquaresLine(data)
let curvature = LineLossCurvature(data)
let beta = lesson.number("momentum")
let momentumRate = 0.1
/// A number with 3 decimals, or in scientific notation when it is small, or "0" when it is exactly
/// 0 (beside numbers like 1.99e-15, "0.000" would read as one more number rounded away).
func short(_ value: Double) -> String {
    if value == 0 { return "0" }
    return abs(value) >= 0.001 ? fixed(value, 3) : scientific(value, 2)
}

// MARK: - Step 1: momentum, one step at a time

lesson.step("Momentum: a ball that keeps its speed")
lesson.say(
    """
    Plain gradient descent forgets: each step looks only at the slope where it stands. A ball \
    rolling down lesson 7's bowl does not; it keeps its speed and adds the new slope to it. \
    Momentum gives the parameters p such a velocity v (zero at the start):
    """)
lesson.say(
    """
    \n  v ← β·v + ∇loss(p)\n  p ← p − lr·v\n
    """)
lesson.say(
    """
    β (here \(fixed(beta, 2))) is how much of the velocity survives a step. On a steady slope g the \
    velocity grows to g/(1 − β), so the steps become \(fixed(1 / (1 - beta), 1))× longer; across \
    a valley, where the slope flips sign at every step, old and new slopes cancel. The first \
    steps on lesson 5's \(data.count) points from (a, b) = (0, 0), with lr = \(fixed(momentumRate, 2)):\n
    """)
var firstSteps = Table(["step", "∇loss (a, b)", "v (a, b)", "p = (a, b)"])
var p = [0.0, 0.0]
var v = [0.0, 0.0]
for t in 1...3 {
    let g = gradient(p)
    (p, v) = momentumStep(parameters: p, velocity: v, gradient: g, learningRate: momentumRate, momentum: beta)
    firstSteps.add([
        "\(t)", "(\(short(g[0])), \(short(g[1])))", "(\(short(v[0])), \(short(v[1])))",
        "(\(short(p[0])), \(short(p[1])))"
    ])
}
firstSteps.print()
lesson.say(
    """
    \nStep 1 is a plain step (v starts at 0, so v = ∇). From step 2 on, v holds \(fixed(beta, 2)) \
    of the last velocity plus the new slope.
    """)

// MARK: - Step 2: the path in the bowl

lesson.step("The path across lesson 7's bowl")
let best = bestBowlSettings(steep: curvature.steep, shallow: curvature.shallow)
let kappa = curvature.steep / curvature.shallow
lesson.say(
    """
    The bowl curves λ_max = \(fixed(curvature.steep, 3)) across its valley and λ_min = \
    \(fixed(curvature.shallow, 3)) along it, κ = λ_max/λ_min = \(fixed(kappa, 1)). For a bowl \
    the best settings can be worked out (Polyak, 1964):
    """)
lesson.say(
    """
    \n  gradient descent: lr = 2/(λ_max + λ_min) = \(fixed(best.descentRate, 3)), each step keeps (κ − 1)/(κ + 1) = \(fixed(best.descentFactor, 3)) of the distance\n\
      momentum: lr = 4/(√λ_max + √λ_min)² = \(fixed(best.momentumRate, 3)), β = ((√κ − 1)/(√κ + 1))² = \(fixed(best.momentumBeta, 3)), each step keeps about \(fixed(best.momentumFactor, 3))\n
    """)
let pathSteps = 40
let pathRuns: [(name: String, optimizer: LineOptimizer)] = [
    ("gradient descent lr \(fixed(best.descentRate, 2))", .gradientDescent(learningRate: best.descentRate)),
    ("momentum β \(fixed(beta, 2)) lr \(fixed(momentumRate, 2))", .momentum(learningRate: momentumRate, beta: beta)),
    (
        "momentum β \(fixed(best.momentumBeta, 2)) lr \(fixed(best.momentumRate, 2))",
        .momentum(learningRate: best.momentumRate, beta: best.momentumBeta)
    )
]
let pathHistories = pathRuns.map {
    descend(start: [0, 0], steps: pathSteps, optimizer: $0.optimizer, loss: loss, gradient: gradient)
}
var paths: [Series] = zip(pathRuns, pathHistories).map { run, history in
    Series(run.name, x: history.parameters.map { $0[0] }, y: history.parameters.map { $0[1] })
}
/// How often b passes from one side of its best value to the other along a path.
func crossings(_ history: DescentHistory) -> Int {
    let b = history.parameters.map { $0[1] - exact.intercept }
    return zip(b, b.dropFirst()).filter { $0 * $1 < 0 }.count
}
paths.append(Series("least squares", x: [exact.slope], y: [exact.intercept], style: .points))
let everyPoint = paths.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
func span(_ values: [Double]) -> ClosedRange<Double> {
    let low = values.min()!
    let high = values.max()!
    let room = max(0.08 * (high - low), 0.1)
    return (low - room)...(high + room)
}
let lossMap = Field(name: "loss", x: span(everyPoint.map(\.x)), y: span(everyPoint.map(\.y)), samples: 81) { a, b in
    loss([a, b])
}
lesson.show(
    Chart(
        title: "The loss over (a, b) and the first \(pathSteps) steps", xLabel: "a", yLabel: "b",
        series: paths, background: lossMap), name: "momentum-paths")
let pathText = zip(pathRuns, pathHistories).map { run, history in
    let left =
        history.outcome == .finished
        ? "ends at a straight-line distance of \(short(euclideanDistance(history.parameters.last!, exact.parameters))) from least squares"
        : "diverges"
    return
        "\(run.name): b crosses its best value \(crossings(history)) time\(crossings(history) == 1 ? "" : "s"), \(left)"
}.joined(separator: ";\n")
lesson.say(
    """
    \nIn \(pathSteps) steps:\n\(pathText).\n\
    A gradient-descent step multiplies the distance across the valley by 1 − lr·λ_max = \
    \(fixed(1 - best.descentRate * curvature.steep, 3)) (negative: it lands on the other side) and \
    along it by 1 − lr·λ_min = \(fixed(1 - best.descentRate * curvature.shallow, 3)) (slow). A ball \
    with momentum gathers speed along the valley; a large β also carries it past the bottom, \
    and it rolls back.
    """)

// MARK: - Step 3: Adam's four lines

lesson.step("Adam: a step of its own size for every parameter")
let adamRate = 0.1
lesson.say(
    """
    Adam (Kingma and Ba, 2015) keeps two running averages for every parameter, m of the gradient \
    g and s of its square, and divides one by the root of the other:
    """)
lesson.say(
    """
    \n  m ← β₁·m + (1 − β₁)·g           first moment: the recent direction\n\
      s ← β₂·s + (1 − β₂)·g²          second moment: the recent size, squared\n\
      m̂ = m/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ)  bias corrections: m and s start at 0\n\
      p ← p − lr·m̂/(√ŝ + ε)           the step\n
    """)
lesson.say(
    """
    with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and t the step count. Without the corrections the first \
    m would be 0.1·g, far too small; dividing by 1 − 0.9¹ = 0.1 undoes that. A steady gradient \
    gives m̂/√ŝ ≈ ±1, so each parameter moves about lr per step whether its slope is steep or \
    shallow: that is what fixes the narrow valley. The first steps from (0, 0), lr = \(fixed(adamRate, 2)):\n
    """)
var adamTable = Table(["step", "", "g", "m", "s", "m̂", "√ŝ", "step −lr·m̂/√ŝ"])
var adamMoments = AdamMoments(count: 2)
var q = [0.0, 0.0]
for t in 1...3 {
    let g = gradient(q)
    let before = q
    q = adamStep(parameters: q, moments: &adamMoments, gradient: g, learningRate: adamRate)
    for (k, name) in ["a", "b"].enumerated() {
        let mHat = adamMoments.first[k] / (1 - pow(0.9, Double(t)))
        let sHat = adamMoments.second[k] / (1 - pow(0.999, Double(t)))
        adamTable.add([
            "\(t)", name, short(g[k]), short(adamMoments.first[k]), short(adamMoments.second[k]),
            short(mHat), short(sHat.squareRoot()), short(q[k] - before[k])
        ])
    }
}
adamTable.print()
lesson.say(
    """
    \nAt step 1, m̂ = g and √ŝ = |g|, so both parameters move exactly lr = \(fixed(adamRate, 2)) \
    against the sign of their slope, although the slope of b is \
    \(fixed(abs(gradient([0, 0])[1] / gradient([0, 0])[0]), 2))× that of a.
    """)

// MARK: - Step 4: the race on the line

lesson.step("The race on the line: steps to come within 0.001 of least squares")
let raceSteps = 3000
let tolerance = 1e-3
let racers: [(name: String, optimizer: LineOptimizer)] = [
    ("gradient descent, best lr \(fixed(best.descentRate, 3))", .gradientDescent(learningRate: best.descentRate)),
    ("momentum β \(fixed(beta, 2)), lr \(fixed(momentumRate, 2))", .momentum(learningRate: momentumRate, beta: beta)),
    (
        "momentum, best β \(fixed(best.momentumBeta, 3)) lr \(fixed(best.momentumRate, 3))",
        .momentum(learningRate: best.momentumRate, beta: best.momentumBeta)
    ),
    ("Adam lr 0.1", .adam(learningRate: 0.1)),
    ("Adam lr 1", .adam(learningRate: 1))
]
lesson.say(
    """
    Each runs up to \(raceSteps) steps from (0, 0); a run counts from the first step after which \
    (a, b) stays within a straight-line distance \(tolerance) of least squares (\(fixed(exact.slope, 3)), \(fixed(exact.intercept, 3))):\n
    """)
var race = Table(["method", "steps to 0.001", "distance after \(raceSteps)"])
var raceSteps_: [Int?] = []
var finalDistances: [Double] = []  // of the runs that finished
for racer in racers {
    let run = descend(start: [0, 0], steps: raceSteps, optimizer: racer.optimizer, loss: loss, gradient: gradient)
    let reached = run.firstStep(stayingWithin: tolerance, of: exact.parameters)
    raceSteps_.append(reached)
    if run.outcome == .finished { finalDistances.append(euclideanDistance(run.parameters.last!, exact.parameters)) }
    race.add([
        racer.name, reached.map(String.init) ?? (run.outcome == .finished ? "not in \(raceSteps)" : "diverged"),
        run.outcome == .finished ? short(euclideanDistance(run.parameters.last!, exact.parameters)) : "—"
    ])
}
race.print()
let lineWinner: String
switch fewestSteps(raceSteps_) {
case .none: lineWinner = "None of them came within \(tolerance) in \(raceSteps) steps."
case .single(let i): lineWinner = "Fewest steps: \(racers[i].name), \(raceSteps_[i]!)."
case .tie(let list):
    lineWinner =
        "Fewest steps, tied: " + list.map { racers[$0].name }.joined(separator: " and ") + ", \(raceSteps_[list[0]]!)."
}
let gdSteps = raceSteps_[0]
let tunedSteps = raceSteps_[2]
var speedup = ""
if let gdSteps, let tunedSteps, tunedSteps > 0 {
    if tunedSteps < gdSteps {
        let promised = longRunStepRatio(slow: best.descentFactor, fast: best.momentumFactor)
        speedup =
            " Momentum with the β and lr worked out from the curvatures needs \(fixed(Double(gdSteps) / Double(tunedSteps), 1))× fewer steps than the best plain descent."
            + " The factors each step keeps (plain descent \(fixed(best.descentFactor, 3)), momentum \(fixed(best.momentumFactor, 3))) promise about \(fixed(promised, 1))× in a long run: momentum's step count grows with √κ, plain descent's with κ."
    } else {
        speedup =
            " Momentum with the β and lr worked out from the curvatures needed \(tunedSteps) steps against plain descent's \(gdSteps): on this draw no gain."
    }
}
// Distances of about 1e-15 are the rounding error of numbers the size of a and b: least squares itself.
let roundingOnly = finalDistances.contains { $0 > 0 && $0 < 1e-12 }
let roundingNote =
    roundingOnly
    ? " Distances below 1e-12 are rounding error in numbers the size of a and b: those runs have reached least squares."
    : ""
lesson.say("\n" + lineWinner + speedup + roundingNote)
lesson.say(
    """
    Momentum with β = \(fixed(beta, 2)) and Adam were not tuned to this bowl; on a real network nobody knows λ_max \
    and λ_min, which is what the rest of the lesson is about.
    """)

// MARK: - Step 5: the digits

let digits = lesson.loadDigitsFolder(validationCount: 500, needed: 1300)
let training = digits.pool
let trainingTargets = training.oneHotLabels
let epochs = lesson.integer("epochs")
let starts = lesson.integer("starts")
let batchSize = 10
let hidden = 32
lesson.step("On the digits: \(epochs) epoch\(epochs == 1 ? "" : "s") of a 64-\(hidden)-10 network")
/// The result of one digits run: its final training loss and test accuracy, or nil if it diverged.
struct DigitsResult {
    var loss: Double
    var validation: Double
    var test: Double
}
/// Trains a fresh 64-32-10 sigmoid network (lesson 11's, MSE loss, batches of 10) from `seed`
/// with `optimizer`, the rate of batch k set by `schedule` when given.
@MainActor func trainDigits<O: NetworkOptimizer>(_ optimizer: O, seed: UInt64, schedule: ((Int) -> Double)? = nil)
    -> DigitsResult?
{
    var generator = SeededGenerator(seed: seed)
    var network = Network(sizes: [64, hidden, 10], activations: [.sigmoid, .sigmoid], using: &generator)
    var optimizer = optimizer
    let perEpoch = miniBatchCount(count: training.count, batchSize: batchSize)
    for epoch in 0..<epochs {
        _ = trainOneEpoch(
            &network, inputs: training.images, targets: trainingTargets, batchSize: batchSize, optimizer: &optimizer,
            learningRate: schedule.map { rate in { rate(epoch * perEpoch + $0) } }, using: &generator)
    }
    let trainingScore = score(network, images: training.images, labels: training.labels)
    guard trainingScore.loss.isFinite, network.parameters.allSatisfy(\.isFinite) else { return nil }
    return DigitsResult(
        loss: trainingScore.loss,
        validation: score(network, images: digits.validation.images, labels: digits.validation.labels).accuracy,
        test: score(network, images: digits.test.images, labels: digits.test.labels).accuracy)
}
let sweep: [(name: String, rates: [Double])] = [
    ("SGD", [3, 10, 30]), ("momentum β \(fixed(beta, 2))", [0.3, 1, 3]), ("Adam", [0.003, 0.01, 0.03])
]
@MainActor func run(_ method: Int, rate: Double, seed: UInt64, schedule: ((Int) -> Double)? = nil) -> DigitsResult? {
    switch method {
    case 0: return trainDigits(StochasticGradientDescent(learningRate: rate), seed: seed, schedule: schedule)
    case 1: return trainDigits(Momentum(learningRate: rate, momentum: beta), seed: seed, schedule: schedule)
    default: return trainDigits(Adam(learningRate: rate), seed: seed, schedule: schedule)
    }
}
lesson.say(
    """
    Lesson 11's network (sigmoid units, squared error, batches of \(batchSize)) on the \
    \(training.count) training digits. Each method needs its own rate, so first each tries three, \
    from one start, and keeps the one with the best validation accuracy (the test digits are \
    not looked at to choose):\n
    """)
let seedBase = lesson.seed &* 1000
var chosenRates: [Double] = []
var tiedAtBest: [Int] = []  // methods whose best score is shared by another of their rates
var sweepTable = Table(["method"] + (0..<3).map { "lr \($0 + 1)" } + ["chosen"])
for (m, method) in sweep.enumerated() {
    let results = method.rates.map { run(m, rate: $0, seed: seedBase) }
    let scores = results.map { $0?.validation ?? -1 }
    let bestIndex = scores.indices.max { scores[$0] < scores[$1] }!
    chosenRates.append(method.rates[bestIndex])
    if scores.filter({ $0 == scores[bestIndex] }).count > 1 { tiedAtBest.append(m) }
    sweepTable.add(
        [method.name]
            + zip(method.rates, results).map {
                "\(short($0)): " + ($1.map { fixed(100 * $0.validation, 1) + " %" } ?? "diverged")
            }
            + [short(method.rates[bestIndex])])
}
sweepTable.print()
let atEdge = sweep.indices.filter {
    !tiedAtBest.contains($0)
        && (chosenRates[$0] == sweep[$0].rates.first! || chosenRates[$0] == sweep[$0].rates.last!)
}
if !tiedAtBest.isEmpty {
    lesson.say(
        """
        \n\(listed(tiedAtBest.map { sweep[$0].name })) scored the same at more than one of \
        \(tiedAtBest.count == 1 ? "its" : "their") rates, so \(tiedAtBest.count == 1 ? "its" : "their") \
        chosen rate is only the first of the tied ones: a tie-break, not a choice.
        """)
}
if !atEdge.isEmpty {
    lesson.say(
        """
        \n\(atEdge.map { sweep[$0].name }.joined(separator: " and ")) chose the \(atEdge.count == 1 ? "rate" : "rates") at the \
        edge of \(atEdge.count == 1 ? "its" : "their") three: a rate beyond might be better still, which a sweep of three cannot tell.
        """)
}
lesson.say(
    "\nStep 7 trains each method at its chosen rate from \(starts) start\(starts == 1 ? "" : "s") (other seeds than the sweep's), next to the one-cycle runs."
)
let seeds = (1...starts).map { seedBase &+ UInt64($0) }
var names: [String] = []
var lossSpreads: [Spread] = []
var testSpreads: [Spread] = []
var comparison = Table(["method", "lr", "training loss mean", "range", "test accuracy mean", "range"])
@MainActor func addRow(_ name: String, _ rate: String, _ results: [DigitsResult?]) {
    let finished = results.compactMap { $0 }
    names.append(name)
    guard finished.count == results.count else {
        comparison.add([name, rate, "diverged in \(results.count - finished.count) of \(results.count)", "—", "—", "—"])
        lossSpreads.append(Spread([.infinity]))
        testSpreads.append(Spread([0]))
        return
    }
    let l = Spread(finished.map(\.loss))
    let a = Spread(finished.map { 100 * $0.test })
    lossSpreads.append(l)
    testSpreads.append(a)
    comparison.add([
        name, rate, fixed(l.mean, 4), "\(fixed(l.min, 4))–\(fixed(l.max, 4))",
        fixed(a.mean, 2) + " %", "\(fixed(a.min, 2))–\(fixed(a.max, 2)) %"
    ])
}
for (m, method) in sweep.enumerated() {
    addRow(method.name, short(chosenRates[m]), seeds.map { run(m, rate: chosenRates[m], seed: $0) })
}

// MARK: - Step 6: the learning-rate range test

lesson.step("The learning-rate range test")
let rangeOptimizer = 1  // momentum, the optimiser the one-cycle schedule is usually paired with
let rangeBatches = miniBatchCount(count: training.count, batchSize: batchSize)
let rangeRates = LearningRateRangeTest.rates(from: 1e-3, to: 100, count: rangeBatches)
var rangeGenerator = SeededGenerator(seed: seedBase &+ 999)
var rangeNetwork = Network(sizes: [64, hidden, 10], activations: [.sigmoid, .sigmoid], using: &rangeGenerator)
var rangeMomentum = Momentum(learningRate: rangeRates[0], momentum: beta)
let rangeLosses = trainOneEpoch(
    &rangeNetwork, inputs: training.images, targets: trainingTargets, batchSize: batchSize,
    optimizer: &rangeMomentum, learningRate: { rangeRates[$0] }, using: &rangeGenerator)
let rangeTest = LearningRateRangeTest(rates: rangeRates, losses: rangeLosses)
lesson.say(
    """
    Guessing three rates per method, as above, costs three runs each. Smith's range test costs \
    one short run: one epoch (\(rangeBatches) batches) of momentum whose rate grows by the same \
    factor at every batch, from 0.001 to 100, lr_k = 0.001·(10⁵)^(k/\(rangeBatches - 1)). The batch \
    losses are noisy, so they are smoothed by a running average; the rule, computed:
    """)
lesson.say(
    """
    \n  lowest = the batch with the lowest smoothed loss before it turns up (rises above 1.5× its lowest so far)\n\
      pick = rate at lowest / 10\n
    """)
let shownRange = (0..<rangeTest.smoothed.count).filter { rangeTest.smoothed[$0].isFinite && rangeTest.smoothed[$0] < 1 }
lesson.show(
    Chart(
        title: "Smoothed batch loss against log₁₀(learning rate)", xLabel: "log₁₀ lr", yLabel: "loss",
        series: [
            Series(
                "smoothed loss", x: shownRange.map { log10(rangeRates[$0]) },
                y: shownRange.map { rangeTest.smoothed[$0] }),
            Series("pick", x: [log10(rangeTest.pickedRate)], y: [rangeTest.smoothed[rangeTest.lowest]], style: .points)
        ]),
    name: "range-test")
let turnText =
    rangeTest.turn.map { "The smoothed loss turns up at lr \(short(rangeRates[$0])) (batch \($0 + 1))" }
    ?? (rangeTest.lowestIsNearTheEnd
        ? "The smoothed loss never rises 1.5× above its lowest inside the range, so the turn lies beyond 100"
        : "The smoothed loss never rises 1.5× above its lowest inside the range (up to 100)")
let pastLowest =
    rangeTest.turn != nil
    ? "past the lowest point the steps are too big"
    : rangeTest.lowestIsNearTheEnd
        ? "this run never reached a rate big enough to make it turn up"
        : """
        past its lowest, at batch \(rangeTest.lowest + 1) of \(rangeTest.smoothed.count), the loss stops falling \
        without rising 1.5× above it: bigger steps stopped helping without blowing up, so this run \
        gives no clear turn and its pick is a guess
        """
lesson.say(
    """
    \nThe lowest smoothed loss, \(fixed(rangeTest.smoothed[rangeTest.lowest], 4)), comes at lr \
    \(short(rangeTest.rateAtLowest)) (batch \(rangeTest.lowest + 1)). \(turnText). Pick: \
    \(short(rangeTest.rateAtLowest)) / 10 = \(short(rangeTest.pickedRate)). The flat start is steps \
    too small to matter; the loss then falls while the rate grows; \(pastLowest). One caveat: the run also learns as it goes, so later (larger) rates start from \
    a better network.
    """)

// MARK: - Step 7: one cycle

lesson.step("One cycle with the picked peak")
let cycleSteps = epochs * rangeBatches
let cycle = OneCycleSchedule(peak: rangeTest.pickedRate, steps: cycleSteps)
lesson.say(
    """
    The one-cycle schedule rises from peak/10 to the peak over the first 30 % of the \
    \(cycleSteps) batches, then falls to peak/1000: unlike lesson 7's cycle it ends far below \
    where it started, so the last steps settle. Momentum with peak \(short(rangeTest.pickedRate)), \
    the same \(starts) start\(starts == 1 ? "" : "s") and \(epochs) epoch\(epochs == 1 ? "" : "s"), \
    next to each method of step 5 at its chosen rate:\n
    """)
addRow(
    "one-cycle momentum", "≤ " + short(rangeTest.pickedRate),
    seeds.map { run(1, rate: rangeTest.pickedRate, seed: $0, schedule: { cycle.rate(at: $0) }) })
comparison.print()

// MARK: - Step 8: which to pick

lesson.step("Which would a practitioner pick?")
let verdict = bestSetting(testSpreads, higherIsBetter: true)
let lossVerdict = bestSetting(lossSpreads, higherIsBetter: false)
let oneCycleIndex = names.count - 1
switch verdict {
case .clear(let i) where starts == 1:
    lesson.say(
        """
        On test accuracy \(names[i]) is best (\(fixed(testSpreads[i].mean, 2)) %), but from one \
        start each that is a single draw: a practitioner would run more starts before choosing.
        """)
case .clear(let i):
    lesson.say(
        """
        On test accuracy \(names[i]) wins clearly: its worst start (\(fixed(testSpreads[i].min, 2)) %) \
        beats every other method's best. From these numbers a practitioner would pick it\
        \(i == oneCycleIndex ? ", and its peak came from one range-test run instead of three guesses" : "").
        """)
case .aheadOnAverage(let i, let overlapping):
    lesson.say(
        """
        On test accuracy \(names[i]) is ahead on average (\(fixed(testSpreads[i].mean, 2)) %), but \
        its range overlaps with \(listed(overlapping.map { names[$0] })): with \
        \(starts) start\(starts == 1 ? "" : "s") these cannot be told apart. A practitioner would \
        pick among them by cost: \(i == oneCycleIndex || overlapping.contains(oneCycleIndex)
            ? "the one-cycle run got its rate from one short range-test run, the others from a sweep of three runs each"
            : "each needed a sweep of three runs to find its rate, so the cost is the same; more starts would have to decide").
        """)
}
switch lossVerdict {
case .clear(let i):
    lesson.say("On training loss, \(names[i]) is clearly lowest (\(fixed(lossSpreads[i].mean, 4)) on average).")
case .aheadOnAverage(let i, let overlapping):
    lesson.say(
        "On training loss, \(names[i]) is lowest on average (\(fixed(lossSpreads[i].mean, 4))), overlapping with \(listed(overlapping.map { names[$0] }))."
    )
}
let moreStarts =
    starts < 5
    ? "Try more starts (swift run lesson-14 --starts 5) before trusting a small difference."
    : "Even 5 starts, the most this lesson runs, leave a small difference uncertain."
lesson.say(
    """
    \nThe rates themselves are not comparable between methods: momentum's steps are up to \
    1/(1 − β) times lr long, Adam's about lr whatever the gradient. \(moreStarts)
    """)
