// Lesson 7 · Learning rates
//
// How big a step may be: on one parabola first, where one number decides everything, then on
// the line's loss, a bowl with a steep and a flat direction whose steepest curvature sets the
// largest stable rate 2/λ_max. Rates too small, right, too big and far too big, each named from
// its own numbers, and a schedule that changes the rate as it goes.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 7, title: "Learning rates",
    summary:
        "How big a step to take: too small crawls, too big zigzags or blows up, and the curvature of the loss sets the limit.",
    options: [.points(maximum: 5_000)])

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let loss: ([Double]) -> Double = { p in meanSquaredError(of: Line(parameters: p), on: data) }
let gradient: ([Double]) -> [Double] = { p in meanSquaredErrorGradient(of: Line(parameters: p), on: data) }
let exact = leastSquaresLine(data)
let lowestLoss = loss(exact.parameters)
let curvature = LineLossCurvature(data)
let limit = curvature.stableLimit

// MARK: - Step 1: one parabola

lesson.step("One parabola: the step multiplies the distance by 1 − lr·λ")
let lambda = 2.0
lesson.say(
    """
    Take the simplest loss with a bottom, loss(p) = (λ/2)·p² with λ = \(fixed(lambda, 0)): its slope \
    is λ·p and its curvature (how fast the slope changes) is λ everywhere. A step \
    p ← p − lr·λ·p = (1 − lr·λ)·p multiplies the distance to the bottom by 1 − lr·λ, whatever p \
    is. From p = 1, with each rate:\n
    """)
var parabola = Table(["lr", "1 − lr·λ", "p after 1", "2", "3", "5", "what happens"])
for rate in [0.1, 0.4, 0.5, 0.8, 1.1] {
    let factor = 1 - rate * lambda
    let after = [1, 2, 3, 5].map { fixed(Foundation.pow(factor, Double($0)), 4) }
    let what: String
    switch StepRegime(factor: factor) {
    case .lands: what = "on the bottom in one step"
    case .undershoots: what = "shrinks, same side"
    case .zigzagShrinks: what = "zigzags, shrinks"
    case .zigzagSameSize: what = "zigzags, same size"
    case .diverges: what = "zigzags, grows: diverges"
    case .neverCloser: what = "never gets closer"
    }
    parabola.add([fixed(rate, 1), fixed(factor, 1)] + after + [what])
}
parabola.print()
lesson.say(
    """
    \nBelow lr = 1/λ = \(fixed(1 / lambda, 2)) the steps undershoot, between 1/λ and 2/λ = \
    \(fixed(2 / lambda, 2)) they overshoot and still shrink, above 2/λ every landing is further \
    out than the last. The larger the curvature λ, the smaller the rates that are safe.
    """)

// MARK: - Step 2: the learning rate on the line

lesson.step("Learning rates, from tiny to twice the limit")
/// A rate rounded to 2 decimals, as the tables print it.
func rounded(_ rate: Double) -> Double { (rate * 100).rounded() / 100 }
let nearLimit = rounded(0.97 * limit)
let rates = [0.01, 0.3, nearLimit, rounded(1.12 * limit), rounded(2.1 * limit)]
let sweepSteps = 100
// How typical is this draw's limit? The same calculation for 200 other draws of as many points
// (from a generator of their own, so the rest of the lesson draws what it always does).
var other = SeededGenerator(seed: lesson.seed &+ 1)
let otherLimits = (0..<200).map { _ in
    LineLossCurvature(LineData.noisyLine(count: data.count, using: &other)).stableLimit
}.sorted()
let (low5, high95) = (otherLimits[10], otherLimits[189])
let typicality =
    limit < low5
    ? "lower than in 95 % of 200 other draws of \(data.count) points (their middle 90 % runs from \(fixed(low5, 3)) to \(fixed(high95, 3))): an unusual draw"
    : limit > high95
        ? "higher than in 95 % of 200 other draws of \(data.count) points (their middle 90 % runs from \(fixed(low5, 3)) to \(fixed(high95, 3))): an unusual draw"
        : "a typical value: 200 other draws of \(data.count) points have their middle 90 % between \(fixed(low5, 3)) and \(fixed(high95, 3))"
lesson.say(
    """
    The line's loss over (a, b) is a bowl, and a bowl curves differently in different directions. \
    Its curvatures are collected in a 2 × 2 matrix, the Hessian, \
    H = (2/N)[[Σx², Σx], [Σx, N]] for lesson 5's points; its two eigenvalues are the curvatures \
    along the bowl's two axes (the directions where the bowl is a plain parabola, as in step 1): \
    λ_max = \(fixed(curvature.steep, 3)) across the valley and λ_min = \(fixed(curvature.shallow, 3)) \
    along it. One step with rate lr multiplies the distance to the bottom by 1 − lr·λ in each \
    direction, so the factor ρ = max |1 − lr·λ| says how much of the distance a step keeps at \
    worst. It is below 1 only for lr < 2/λ_max = \(fixed(limit, 3)), the largest stable rate for \
    these points, \(typicality). A run "converges" here when its loss ends within 1 % of the lowest. The rates below are 0.01 and 0.3, then 0.97, 1.12 and 2.1 times that limit, each \
    run \(sweepSteps) steps from (0, 0); the lowest possible loss is \(fixed(lowestLoss, 6)).\n
    """)
/// The words for a verdict in the sweep's last column, with how far above the lowest loss a run
/// ended when it is still on its way.
func shortVerdict(_ verdict: DescentVerdict, finalLoss: Double = .nan) -> String {
    // With two points the best line passes through both (lowest loss 0): a percentage of 0 says nothing.
    let above =
        lowestLoss > 1e-9
        ? "\(fixed(100 * (finalLoss - lowestLoss) / lowestLoss, 1)) % above lowest"
        : "still at \(fixed(finalLoss, 6))"
    switch verdict {
    case .diverged(let step): return "diverges: stopped at step \(step)"
    case .climbing: return "climbs: the loss grows again"
    case .converged(zigzagging: false): return "converges"
    case .converged(zigzagging: true): return "converges, zigzagging"
    case .bouncing: return "zigzags: \(above)"
    case .crawling: return "crawls: \(above)"
    }
}
/// Whether a run crosses the valley at each of its last 10 steps (read across the valley, not
/// from b alone: a run still far along the floor can zigzag with b on one side of its best).
func zigzags(_ run: DescentHistory) -> Bool {
    run.zigzagsAcrossValley(curvature, bottom: exact.parameters, lastSteps: 10)
}
var sweep = Table(["lr", "ρ", "loss after \(sweepSteps) steps", "a", "b", "what happens"])
var curves: [Series] = []
var sweepVerdicts: [DescentVerdict] = []
var sweepLosses: [Double?] = []
/// log₁₀ of a loss for the chart, floored so a loss of exactly 0 (two points) stays drawable.
func logLoss(_ value: Double) -> Double { log10(max(value, 1e-12)) }
for rate in rates {
    let run = gradientDescent(
        start: [0, 0], steps: sweepSteps, learningRate: { _ in rate }, loss: loss, gradient: gradient)
    let verdict = run.verdict(lowestLoss: lowestLoss, curvature: curvature, bottom: exact.parameters)
    let last = run.parameters.last!
    let finished = run.outcome == .finished
    sweep.add([
        fixed(rate, 2), fixed(curvature.slowestFactor(learningRate: rate), 3),
        finished ? fixed(run.losses.last!, 6) : "—", finished ? fixed(last[0], 3) : "—",
        finished ? fixed(last[1], 3) : "—", shortVerdict(verdict, finalLoss: run.losses.last!)
    ])
    curves.append(Series("lr \(fixed(rate, 2))", y: run.losses.map(logLoss)))
    sweepVerdicts.append(verdict)
    sweepLosses.append(finished ? run.losses.last! : nil)
}
sweep.print()
let bestRun = rates.indices.filter { sweepLosses[$0] != nil }.min { sweepLosses[$0]! < sweepLosses[$1]! }!
let smallestFactorRun = rates.indices.min {
    curvature.slowestFactor(learningRate: rates[$0]) < curvature.slowestFactor(learningRate: rates[$1])
}!
/// When the next smallest ρ prints the same in the table's 3 decimals, the two in as many decimals as
/// it takes to tell them apart, so the claim "smallest" is visible in the numbers.
func closeFactors(_ run: Int) -> String {
    let factor = { curvature.slowestFactor(learningRate: rates[$0]) }
    guard let next = rates.indices.filter({ $0 != run }).min(by: { factor($0) < factor($1) }),
        fixed(factor(next), 3) == fixed(factor(run), 3)
    else { return "" }
    var decimals = 4
    while decimals < 9 && fixed(factor(next), decimals) == fixed(factor(run), decimals) { decimals += 1 }
    return " (\(fixed(factor(run), decimals)) against lr = \(fixed(rates[next], 2))'s \(fixed(factor(next), decimals)))"
}
let bestRunFactor =
    bestRun == smallestFactorRun
    ? "its ρ is also the smallest of the five\(closeFactors(bestRun)), so it keeps the least of the distance at each step"
    : "the smallest ρ is lr = \(fixed(rates[smallestFactorRun], 2))'s\(closeFactors(smallestFactorRun)), but ρ is only the factor of the worse direction: what is left after \(sweepSteps) steps also depends on how far the start was in each direction, and the loss counts a distance across the valley λ_max/λ_min = \(fixed(curvature.steep / curvature.shallow, 0)) times more than the same distance along it"
lesson.say(
    """
    \nAfter \(sweepSteps) steps the lowest loss is that of lr = \(fixed(rates[bestRun], 2)): \
    \(bestRunFactor). A run whose loss rises again is above the limit: below it, the loss of \
    this bowl falls at every step. A diverging run is stopped as soon as its loss passes \
    \(scientific(divergenceFactor, 0)) × the start, before it can overflow. The losses on a log \
    scale (a stopped run ends early):\n
    """)
let lowestShown = min(-1.5, (logLoss(lowestLoss) - 0.5).rounded(.down))
lesson.show(
    Chart(
        title: "log₁₀(loss) against steps, one line per learning rate", xLabel: "step", yLabel: "log₁₀ loss",
        series: curves, yRange: lowestShown...8), name: "learning-rate-sweep")

// MARK: - Step 3: bouncing between two places

lesson.step("Why a rate near the limit zigzags")
let bounceSteps = 30
let bouncing = gradientDescent(
    start: [0, 0], steps: bounceSteps, learningRate: { _ in nearLimit }, loss: loss, gradient: gradient)
let bShown = bouncing.parameters.map { $0[1] }
let crossings = zip(bShown, bShown.dropFirst()).filter { ($0 - exact.intercept) * ($1 - exact.intercept) < 0 }.count
let steepFactor = curvature.steepFactor(learningRate: nearLimit)
lesson.say(
    """
    With lr = \(fixed(nearLimit, 2)), one step multiplies the distance across the valley by \
    1 − lr·λ_max = \(fixed(steepFactor, 3)): the step lands on the other side, keeping \
    \(Int((abs(steepFactor) * 100).rounded())) % of that distance. The intercept b crosses its best \
    value \(fixed(exact.intercept, 3)) at \(crossings) of the first \(bounceSteps) steps:\n
    """)
lesson.show(
    Chart(
        title: "b during the first \(bounceSteps) steps, lr = \(fixed(nearLimit, 2))", xLabel: "step", yLabel: "b",
        series: [
            Series("b", y: bShown),
            Series("best b", x: [0, Double(bounceSteps)], y: [exact.intercept, exact.intercept])
        ]),
    name: "bouncing")
lesson.say(
    """
    The factor 1 − lr·λ_max is negative once lr is above 1/λ_max = \(fixed(1 / curvature.steep, 3)): \
    each step then lands on the other side. Up to 2/λ_max it stays above −1 and the zigzag \
    shrinks; just under that limit it is close to −1, so each landing is nearly as high as the \
    last; above the limit it is below −1 and every landing is higher than the last. \
    Along the valley floor the factor 1 − lr·λ_min is positive and close to 1 \
    (\(fixed(curvature.shallowFactor(learningRate: nearLimit), 3)) here), which is why even a good rate \
    needs many steps to finish.
    """)

let pathSteps = 20
lesson.say(
    """
    \nThe same runs seen from above: the loss over (a, b) as a map, and the path each rate takes \
    from (0, 0) in its first \(pathSteps) steps. The valley is long and narrow: across it (mostly along b) \
    the loss rises fast, along it slowly.\n
    """)
let mapRates = [0.01, 0.3, nearLimit]
var paths: [Series] = mapRates.map { rate in
    let run = gradientDescent(
        start: [0, 0], steps: pathSteps, learningRate: { _ in rate }, loss: loss, gradient: gradient)
    return Series("lr \(fixed(rate, 2))", x: run.parameters.map { $0[0] }, y: run.parameters.map { $0[1] })
}
paths.append(Series("lowest loss", x: [exact.slope], y: [exact.intercept], style: .points))
// The map covers every path (and the lowest point), with a little room around them.
let everyPoint = paths.flatMap(\.points)
func span(_ values: [Double]) -> ClosedRange<Double> {
    let low = values.min()!
    let high = values.max()!
    let room = 0.08 * (high - low)
    return (low - room)...(high + room)
}
let aSpan = span(everyPoint.map(\.x))
let bSpan = span(everyPoint.map(\.y))
let lossMap = Field(name: "loss", x: aSpan, y: bSpan, samples: 81) { a, b in loss([a, b]) }
lesson.show(
    Chart(
        title: "The loss over (a, b) and the first \(pathSteps) steps of three rates", xLabel: "a", yLabel: "b",
        series: paths, background: lossMap),
    name: "loss-map-paths")
let crawlEnd = paths[0].points.last!
let safeEnd = paths[1].points.last!
// How lr 0.3 moves across the valley, from these points' λ_max: below 1/λ_max it never crosses.
let oneOverSteep = "1/λ_max = \(fixed(1 / curvature.steep, 3))"
let middleRate: String
switch StepRegime(learningRate: 0.3, curvature: curvature.steep) {
case .neverCloser, .undershoots, .lands:
    middleRate = "below \(oneOverSteep), it walks down into the valley without crossing it"
case .zigzagShrinks:
    middleRate =
        "above \(oneOverSteep) on these points, it too crosses the valley at every step, in a zigzag that shrinks"
case .zigzagSameSize, .diverges:
    middleRate =
        "at or above 2/λ_max = \(fixed(limit, 3)) on these points, it crosses the valley in a zigzag that does not shrink"
}
lesson.say(
    """
    \nAfter \(pathSteps) steps lr 0.01 has only reached (\(fixed(crawlEnd.x, 2)), \(fixed(crawlEnd.y, 2))); \
    lr 0.30 is at (\(fixed(safeEnd.x, 2)), \(fixed(safeEnd.y, 2))): \(middleRate); and lr \(fixed(nearLimit, 2)) \
    crosses the valley from side to side at every step while it slides along it.
    """)

// MARK: - Step 4: a cyclical schedule

lesson.step("Changing the rate as we go: the cyclical schedule")
let budget = 100
let overLimit = rates[3]
lesson.say(
    """
    A cyclical schedule starts small (0.05 here), rises to a big rate, then comes down: the big middle covers \
    ground quickly, the small end lets the parameters settle instead of zigzagging. Here its peak \
    is the near-limit rate \(fixed(nearLimit, 2)), which we could only pick because a line's loss \
    lets us compute its limit, or \(fixed(overLimit, 2)), above the limit. Each run gets \
    \(budget) steps; "0.1 % at" is the first step whose loss is within 0.1 % of the lowest:\n
    """)
var schedules = Table(["schedule", "loss at \(budget)", "from best (a, b)", "0.1 % at", "last steps"])
var scheduleCurves: [Series] = []
var scheduleResults: [(name: String, distance: Double, loss: Double, verdict: DescentVerdict, zigzags: Bool)] = []
for (name, schedule) in [
    ("constant \(fixed(0.3, 2))", LearningRateSchedule.constant(0.3)),
    ("constant \(fixed(nearLimit, 2))", LearningRateSchedule.constant(nearLimit)),
    ("cyclical, peak \(fixed(nearLimit, 2))", .cyclical(low: 0.05, high: nearLimit, steps: budget)),
    ("cyclical, peak \(fixed(overLimit, 2))", .cyclical(low: 0.05, high: overLimit, steps: budget))
] {
    let run = gradientDescent(
        start: [0, 0], steps: budget, learningRate: { schedule.rate(at: $0) }, loss: loss, gradient: gradient)
    let verdict = run.verdict(lowestLoss: lowestLoss, curvature: curvature, bottom: exact.parameters)
    let finished = run.outcome == .finished
    let distance = finished ? euclideanDistance(run.parameters.last!, exact.parameters) : .infinity
    schedules.add([
        name, finished ? fixed(run.losses.last!, 6) : "—", finished ? fixed(distance, 4) : "—",
        run.firstStep(reachingLoss: lowestLoss * 1.001).map(String.init) ?? "—",
        !finished
            ? "diverged" : zigzags(run) ? "zigzag" : "steady"
    ])
    scheduleCurves.append(Series(name, y: (0...budget).map { schedule.rate(at: $0) }))
    scheduleResults.append(
        (
            name, distance, finished ? run.losses.last! : .infinity, verdict,
            zigzags(run)
        ))
}
schedules.print()
let ranking = scheduleResults.filter { $0.distance.isFinite }.sorted { $0.distance < $1.distance }
let winner = scheduleResults.firstIndex { $0.name == ranking[0].name }!
let how: String
switch winner {
case 0:
    // Whether 0.3 crosses the valley at each step depends on these points' λ_max.
    let across = curvature.steepFactor(learningRate: 0.3)
    let versus = "1 − lr·λ_max = \(fixed(across, 3)) against the near-limit rate's \(fixed(steepFactor, 3))"
    switch StepRegime(factor: across) {
    case .neverCloser, .undershoots, .lands:
        how = """
            The constant rate 0.30 ends closest this time: it is below 1/λ_max = \
            \(fixed(1 / curvature.steep, 3)) on these points, so it never zigzags across the valley \
            (\(versus)).
            """
    case .zigzagShrinks:
        how = """
            The constant rate 0.30 ends closest this time: it is above 1/λ_max = \
            \(fixed(1 / curvature.steep, 3)) on these points, so it zigzags across the valley too, \
            but its zigzag shrinks faster than the near-limit rate's (\(versus)).
            """
    case .zigzagSameSize, .diverges:
        how = """
            The constant rate 0.30 ends closest this time although it is at or above the limit \
            2/λ_max = \(fixed(limit, 3)) on these points: its zigzag across the valley does not \
            shrink, it just had not grown past the others' distances within \(budget) steps.
            """
    }
case 1:
    how =
        scheduleResults[1].zigzags
        ? """
        The constant rate just under the limit ends closest this time: its zigzag across the \
        valley shrinks a little at every step, and its big steps cover the valley floor fastest.
        """
        : """
        The constant rate just under the limit ends closest this time: its big steps cover the \
        valley floor fastest, and its last steps no longer swing across the valley.
        """
case 2:
    how = """
        The cyclical schedule ends closest this time: its big middle covers the valley floor, \
        and its small last steps remove the zigzag.
        """
default:
    how = """
        The schedule that peaks above the limit ends closest this time: its biggest steps cover \
        the valley floor fastest, and its small last steps undo the growth of the zigzag.
        """
}
let rankingText = ranking.map { "\($0.name) (\(fixed($0.distance, 4)))" }.joined(separator: ", ")
// Closest in (a, b) and lowest in loss can be different runs when the valley is long and flat.
let lowestByLoss = ranking.min { $0.loss < $1.loss }!
let byLoss =
    lowestByLoss.name == ranking[0].name
    ? ""
    : " By loss the order differs: \(lowestByLoss.name) ends lowest (\(fixed(lowestByLoss.loss, 6))), the closest run at \(fixed(ranking[0].loss, 6)); along the valley floor the loss hardly changes."
let overRun = scheduleResults[3]
let overLimitAsConstant: String
switch sweepVerdicts[3] {
case .diverged: overLimitAsConstant = "diverged"
case .climbing: overLimitAsConstant = "climbed"
default: overLimitAsConstant = "was \(shortVerdict(sweepVerdicts[3]))"
}
let forgiving: String
if overRun.verdict.isUnstable {
    forgiving = """
        Even the schedule cannot survive a peak of \(fixed(overLimit, 2)) on these points: too \
        many of its steps are above the limit.
        """
} else {
    forgiving = """
        As a constant rate in the table of step 2 above, \(fixed(overLimit, 2)) \(overLimitAsConstant); \
        as the peak of a schedule it ends \(fixed(overRun.distance, 4)) from the best, \
        \(overRun.zigzags ? "still zigzagging" : "with steady steps"). That is the schedule's \
        real value on a network, whose limit is not known before training: a peak a little too high is \
        forgiven, because the steps above the limit are few and the last ones are small.
        """
}
lesson.say(
    """
    \nStraight-line distances from the best (a, b) after \(budget) steps, closest first: \(rankingText). \
    \(how)\(byLoss) \(forgiving)\n
    """)
lesson.show(
    Chart(title: "Learning rate at each step", xLabel: "step", yLabel: "learning rate", series: scheduleCurves),
    name: "schedules")
