// Lesson 5 · Gradient descent with finite differences
//
// Instead of scanning every line, stand at one (a, b), find which way the loss goes down, take a
// small step that way, and repeat. The slope is estimated here the simplest possible way: nudge
// one parameter a little in each direction and see how the loss changes.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let maximumSteps = 100_000
let lesson = Lesson(
    number: 5, title: "Gradient descent with finite differences",
    summary: "Walk downhill on the loss: nudge each parameter to estimate its slope, then step against it.",
    options: [
        .points(),
        .learningRate(default: "0.3"),
        LessonOption("steps", default: "200", .integer(1...maximumSteps), help: "how many steps of gradient descent")
    ])

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let learningRate = lesson.number("learning-rate")
let steps = lesson.integer("steps")
// Each step evaluates the loss over every point four times (two nudges per parameter): the most
// points at the most steps took about two minutes, so their product is bounded (measured at the
// bound: 4.6 s with 100000 points, 1.1 s with 500; either flag at its largest with the other at
// its default stays within it).
let largestPointSteps = 50_000_000
if data.count * steps > largestPointSteps {
    lesson.stop(
        "--points \(data.count) with --steps \(steps) is \(data.count * steps) point-steps, more than the \(largestPointSteps) this lesson allows (a few seconds): use fewer points or fewer steps"
    )
}
/// The loss as a function of the parameter vector p = [a, b].
let loss: ([Double]) -> Double = { p in meanSquaredError(of: Line(parameters: p), on: data) }

// MARK: - Step 1: the slope by nudging

lesson.step("Which way is down? Nudge and look")
let h = defaultFiniteDifferenceStep
let start = [0.0, 0.0]
lesson.say(
    """
    We stand at a = 0, b = 0 on the \(data.count) points of lesson 4 (seed \(lesson.seed)), where \
    the loss is \(fixed(loss(start), 4)). Nudge a by h = \(scientific(h)) either way and watch the \
    loss:\n
    """)
let up = loss([h, 0])
let down = loss([-h, 0])
var nudges = Table(["a", "b", "loss"])
nudges.add([fixed(h, 5), "0", fixed(up, 8)])
nudges.add([fixed(-h, 5), "0", fixed(down, 8)])
nudges.print()
lesson.say("\n  ∂loss/∂a ≈ (loss(a + h) − loss(a − h)) / 2h")
lesson.say("           = (\(fixed(up, 8)) − \(fixed(down, 8))) / \(scientific(2 * h))")
let slope = centralDifferenceGradient(of: loss, at: start)
lesson.say("           = \(fixed(slope[0], 4))")
lesson.say("\nNudging b the same way gives ∂loss/∂b ≈ \(fixed(slope[1], 4)).")
func direction(_ name: String, _ slope: Double) -> String {
    slope < 0
        ? "∂loss/∂\(name) < 0: raising \(name) lowers the loss, so increase \(name)"
        : "∂loss/∂\(name) > 0: raising \(name) raises the loss, so decrease \(name)"
}
lesson.say(
    """
    \n\(direction("a", slope[0])); \(direction("b", slope[1])). The gradient \
    (\(fixed(slope[0], 2)), \(fixed(slope[1], 2))) points uphill, the steepest way up; its \
    opposite is the steepest way down.
    """)
let exactSlope = meanSquaredErrorGradient(of: Line(parameters: start), on: data)[0]
lesson.say(
    """
    \nHow big should h be? Against the exact slope \(fixed(exactSlope, 10)) (lesson 6 derives its \
    formula), the estimate of ∂loss/∂a for several h:\n
    """)
var hTable = Table(["h", "estimate of ∂loss/∂a", "error"])
var errors: [Double: Double] = [:]
for step in [1.0, 0.1, 1e-5, 1e-10, 1e-13] {
    let estimate = centralDifferenceGradient(of: loss, at: start, step: step)[0]
    errors[step] = abs(estimate - exactSlope)
    hTable.add([scientific(step, 0), fixed(estimate, 10), scientific(abs(estimate - exactSlope))])
}
hTable.print()
let expError = { (h: Double) in abs(centralDifference(of: { Foundation.exp($0) }, at: 0, step: h) - 1) }
let bigStepExact = errors[1.0]! < 1e-9
lesson.say(
    """
    \n\(bigStepExact ? "Even h = 1 is exact to rounding" : "h = 1 is off by \(scientific(errors[1.0]!))"): this loss is a \
    quadratic in a, so loss(a ± h) = loss(a) ± h·loss′(a) + (h²/2)·loss″ with nothing left over, \
    and the difference over 2h is exactly loss′(a), whatever h. Only rounding grows as h \
    shrinks: the two losses agree in more and more digits, and their difference keeps fewer \
    (error \(scientific(errors[1e-13]!)) at h = 1e-13). On a loss that is not quadratic the \
    truncation error is real and shrinks like h²: for eˣ at x = 0, h = 0.1 is off by \
    \(scientific(expError(0.1))) and h = 0.01 by \(scientific(expError(0.01))). The course uses \
    h = \(scientific(h)), a balance of the two that works on any smooth loss.
    """)

// MARK: - Step 2: the update rule

lesson.step("Step against the slope")
lesson.say(
    """
    new p = old p − lr × ∂loss/∂p, for each parameter p, with learning rate lr = \
    \(learningRate).\n
    """)
let first = gradientDescentStep(parameters: start, gradient: slope, learningRate: learningRate)
lesson.say("  a: 0 − \(learningRate) × (\(fixed(slope[0], 4))) = \(fixed(first[0], 4))")
lesson.say("  b: 0 − \(learningRate) × (\(fixed(slope[1], 4))) = \(fixed(first[1], 4))")
lesson.say("  loss: \(fixed(loss(start), 4)) → \(fixed(loss(first), 4))")
// Why a small step against the slope lowers the loss: to first order (Taylor),
// loss(p + Δ) ≈ loss(p) + Σ ∂loss/∂pᵢ · Δᵢ, and with Δ = −lr·∇loss the change is −lr·|∇loss|².
let squaredLength = slope.map { $0 * $0 }.reduce(0, +)
let tiny = 0.001
let tinyStep = gradientDescentStep(parameters: start, gradient: slope, learningRate: tiny)
let predictedChange = -tiny * squaredLength
let actualChange = loss(tinyStep) - loss(start)
lesson.say(
    """
    \nWhy does a step against the slope go down? Close to where we stand the loss is nearly a \
    plane: moving the parameters by a small Δ changes it by about Σ ∂loss/∂pᵢ · Δᵢ (the \
    first-order Taylor approximation). A step Δ = −lr·∇loss changes it by about \
    −lr·|∇loss|², never positive. With a small lr = \(tiny):
    """)
lesson.say("  predicted change −lr·|∇loss|² = −\(tiny) × \(fixed(squaredLength, 4)) = \(fixed(predictedChange, 4))")
lesson.say("  actual change                 = \(fixed(actualChange, 4))")
let relativeGap = abs(actualChange - predictedChange) / abs(predictedChange)
let taylorGap = relativeGap < 0.001 ? "less than 0.1 %" : "\(fixed(100 * relativeGap, 1)) %"
// The step taken above, with the lesson's own rate, against the same first-order prediction.
let bigPredicted = -learningRate * squaredLength
let bigActual = loss(first) - loss(start)
let bigGap = abs(bigActual - bigPredicted) / abs(bigPredicted)
let bigStepText =
    bigActual >= 0
    ? "The step above, with lr = \(learningRate), is not small: the plane predicts a change of \(fixed(bigPredicted, 2)), yet the loss went UP by \(fixed(bigActual, 2)): the step jumped over the bottom of the valley and landed higher."
    : bigGap <= 0.1
        ? "The step above, with lr = \(learningRate), is small enough too: the plane predicts a change of \(fixed(bigPredicted, 2)), and the loss changed by \(fixed(bigActual, 2))."
        : "The step above, with lr = \(learningRate), is not small: the plane predicts a change of \(fixed(bigPredicted, 2)), but the loss changed by only \(fixed(bigActual, 2)): still down, by much less than the plane promised."
lesson.say(
    relativeGap <= 0.05
        ? "\nThey differ by \(taylorGap): for a small step the plane is a good guide. \(bigStepText) The plane ignores how the loss curves (lesson 7), which is why lr cannot grow without limit."
        : "\nThey differ by \(taylorGap): even this step is too big for the plane to be a good guide here.")

// MARK: - Step 3: repeat

lesson.step("Repeat \(steps) time\(steps == 1 ? "" : "s")")
var evaluations = 0
let history = gradientDescent(
    start: start, steps: steps, learningRate: { _ in learningRate },
    loss: loss,
    gradient: { p in
        evaluations += 2 * p.count
        return centralDifferenceGradient(of: loss, at: p)
    })
let curvature = LineLossCurvature(data)
let limit = curvature.stableLimit
let exact = leastSquaresLine(data)
let lowestLoss = meanSquaredError(of: exact, on: data)
let verdict = history.verdict(lowestLoss: lowestLoss, curvature: curvature, bottom: exact.parameters)
let rateText = String(format: "%g", learningRate)
if case .diverged(let step) = verdict {
    lesson.say(
        """
        At step \(step) the loss passed \(scientific(divergenceFactor, 0)) × its starting value: \
        with lr = \(rateText) each step jumps across the valley and lands higher up the other \
        side than where it started, so the parameters fly further off at every step. The largest rate that works for these points is \
        \(fixed(limit, 3)) (lesson 7 explains why).
        """)
    lesson.say("Try a smaller --learning-rate.")
    exit(0)
}
var progress = Table(["step", "a", "b", "loss"])
let shown = Set([
    0, 1, 2, 3, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, steps
])
for t in history.parameters.indices where shown.contains(t) {
    progress.add([
        "\(t)", fixed(history.parameters[t][0], 4), fixed(history.parameters[t][1], 4), fixed(history.losses[t], 6)
    ])
}
progress.print()
print("")
/// "y = 2.84x + 8.13", with a proper minus sign for a negative intercept.
func equation(_ line: Line) -> String {
    "y = \(fixed(line.slope, 2))x \(line.intercept < 0 ? "−" : "+") \(fixed(abs(line.intercept), 2))"
}
if case .climbing(let lowest, let step) = verdict {
    let fall =
        step == 0
        ? "climbed from \(fixed(lowest, 4)) at the start" : "fell to \(fixed(lowest, 4)) at step \(step), then climbed"
    lesson.say(
        """
        The loss \(fall) to \(fixed(history.losses.last!, 4)): lr = \(rateText) is above the largest \
        stable rate for these points, \(fixed(limit, 3)) (lesson 7 explains why). Each step lands \
        on the other side of the valley a little higher than the last, and the line swings ever \
        further off the points, out of the picture. The loss instead, on a log scale:\n
        """)
    lesson.show(
        Chart(
            title: "log₁₀(loss) at each step, lr = \(rateText)", xLabel: "step", yLabel: "log₁₀ loss",
            series: [Series("loss", y: history.losses.map { log10(max($0, 1e-12)) })]),
        name: "loss-climbs")
} else {
    let frameSteps = Array(Set([0, 1, 2, 3, 4, 6, 8, 11, 15, 20, 30, 45, 70, 100, steps].filter { $0 <= steps }))
        .sorted()
    lesson.animate(
        frameSteps.map { t in
            let line = Line(parameters: history.parameters[t])
            return Chart(
                title: "Step \(t): \(equation(line))", xLabel: "x", yLabel: "y",
                series: [
                    Series("points", x: data.x, y: data.y, style: .points),
                    Series("the line after \(t) steps", from: 0, to: 1) { line($0) }
                ],
                yRange: 0...12)
        },
        name: "line-moves-onto-points")
    // For slides, the same movement in one still picture: the line at a few of those steps.
    let stillSteps = [0, 2, 5, 20, steps].filter { $0 <= steps }.reduce(into: [Int]()) {
        if !$0.contains($1) { $0.append($1) }
    }
    lesson.writePicture(
        Chart(
            title: "The line moving onto the points", xLabel: "x", yLabel: "y",
            series: [Series("points", x: data.x, y: data.y, style: .points)]
                + stillSteps.map { t in
                    let line = Line(parameters: history.parameters[t])
                    return Series("after \(t) steps", from: 0, to: 1) { line($0) }
                },
            yRange: 0...12),
        name: "line-moves-still")
    // The pace of the fall on the chart: log₁₀ loss per step over the first and the last tenth.
    let logLosses = history.losses.map { log10(max($0, 1e-12)) }
    let tenth = max(1, (logLosses.count - 1) / 10)
    let firstPace = (logLosses[0] - logLosses[tenth]) / Double(tenth)
    let lastPace = (logLosses[logLosses.count - 1 - tenth] - logLosses.last!) / Double(tenth)
    let pace =
        firstPace > 2 * lastPace
        ? "fast at first, then slower as the slopes shrink"
        : lastPace > 2 * firstPace
            ? "slow at first, then faster"
            : "falling at about the same pace from start to end"
    lesson.say("\nThe loss at each step, on a log scale: \(pace).\n")
    lesson.show(
        Chart(
            title: "log₁₀(loss) at each step, lr = \(rateText)", xLabel: "step", yLabel: "log₁₀ loss",
            series: [Series("loss", y: logLosses)]),
        name: "loss-falls")
}

// MARK: - Step 4: compare with the exact answer

lesson.step("How close did we get?")
let found = Line(parameters: history.parameters.last!)
lesson.say(
    """
    For a line, calculus gives the best (a, b) in closed form (least squares), so we can check:\n
    """)
let foundLoss = meanSquaredError(of: found, on: data)
let ruleLoss = meanSquaredError(of: Line(slope: 3, intercept: 8), on: data)
var check = Table(["", "a", "b", "loss"])
check.add(["gradient descent", fixed(found.slope, 4), fixed(found.intercept, 4), fixed(foundLoss, 6)])
check.add(["least squares", fixed(exact.slope, 4), fixed(exact.intercept, 4), fixed(lowestLoss, 6)])
check.add(["the rule behind the data", "3.0000", "8.0000", fixed(ruleLoss, 6)])
check.print()
// One measure for every sentence below, the one the step factor ρ bounds: the straight-line
// distance √((a − a*)² + (b − b*)²) from the least-squares (a*, b*).
let gap = euclideanDistance(found.parameters, exact.parameters)
let gapText = gap < 0.00005 ? "less than 0.0001" : fixed(gap, 4)
/// A factor such as ρ in 4 decimals, or with as many more as it takes not to print 1.0000 for a
/// factor just under 1 (a tiny rate keeps 0.9999999 of the distance, not all of it).
func factorText(_ value: Double) -> String {
    var decimals = 4
    while decimals < 9 && value < 1 && fixed(value, decimals) == fixed(1, decimals) { decimals += 1 }
    return fixed(value, decimals)
}
/// How far `value` is above the lowest loss: in per cent, or plainly when the lowest is about 0
/// (a line through two points fits them exactly).
func aboveLowest(_ value: Double) -> String {
    guard lowestLoss >= 1e-6 else { return "\(scientific(value - lowestLoss)) above" }
    let percent = 100 * (value - lowestLoss) / lowestLoss
    return "\(percent < 0.1 ? fixed(percent, 3) : fixed(percent, 1)) % above"
}
let descentWords: String
switch verdict {
case .converged:
    descentWords = """
        Gradient descent ended at a straight-line distance of \(gapText) from the least-squares \
        (a, b), its loss \(lowestLoss >= 1e-6 ? "within 1 % of the lowest" : "\(aboveLowest(history.losses.last!)) the lowest, \(data.count == 2 ? "0: the line goes through both points" : scientific(lowestLoss))").
        """
case .climbing:
    descentWords = """
        Gradient descent ended at a straight-line distance of \(fixed(gap, 1)) from the \
        least-squares (a, b) and moving further away: lr = \(rateText) is too big for these points.
        """
default:
    let needed = curvature.stepsToReach(
        distance: 0.001, from: euclideanDistance(start, exact.parameters),
        learningRate: learningRate)
    let more: String
    if curvature.slowestFactor(learningRate: learningRate) >= 1 {
        more =
            "but lr = \(rateText) is above the largest stable rate \(fixed(limit, 3)), so the loss will turn and climb"
    } else if let needed, needed <= maximumSteps {
        more = "\(needed) steps in all are sure to bring it under 0.001"
    } else {
        more =
            "bringing it under 0.001 would take more than the \(maximumSteps) steps this lesson allows; a bigger rate, still under \(fixed(limit, 3)), gets there sooner"
    }
    descentWords = """
        Gradient descent is still at a straight-line distance of \(gapText) from the least-squares \
        (a, b) after \(steps) \
        step\(steps == 1 ? "" : "s"), its loss \(aboveLowest(foundLoss)) the lowest. Each step keeps at most \(factorText(curvature.slowestFactor(learningRate: learningRate))) \
        of that distance: \(more).
        """
}
let descentAgainstRule =
    foundLoss <= ruleLoss
    ? "The gradient-descent line fits them better than the rule too."
    : verdict.isUnstable
        ? "The gradient-descent line fits them far worse than the rule, and gets worse at every step."
        : "The gradient-descent line does not fit them as well as the rule yet."
lesson.say(
    """
    \n\(descentWords) The rule behind the data, (3, 8), is not the best line for these \
    \(data.count) noisy points: its loss, \(fixed(ruleLoss, 6)), is \(aboveLowest(ruleLoss)) the \
    least-squares line's. \(descentAgainstRule)
    """)

// MARK: - Step 5: the cost

lesson.step("What it cost")
lesson.say(
    """
    Every slope estimate needs two loss evaluations per parameter: \(evaluations) evaluations for \
    \(steps) steps of 2 parameters, each a pass over all \(data.count) points. A network for \
    images easily has a million parameters: two million passes over the data for ONE step. That is why \
    nobody trains networks this way. Lesson 6 computes the exact gradient with a single pass, by \
    the chain rule.
    """)
