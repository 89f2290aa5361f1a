// Lesson 6 · Exact gradients
//
// The chain rule gives the exact slope of the line's loss in one pass over the data, for every
// parameter at once. This lesson derives it, checks it against the finite differences of
// lesson 5 (and says why they agree so well here), shows what the sign of a slope tells a step
// to do, and runs gradient descent with the exact slopes.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

/// The descent of step 3 costs one pass over the points per iteration; these limits keep the
/// slowest allowed run well under a second as a debug build.
let maximumSteps = 5_000
let lesson = Lesson(
    number: 6, title: "Exact gradients",
    summary: "The slope of the loss by the chain rule: exact, and one pass over the data for every parameter at once.",
    options: [
        .points(maximum: 5_000),
        .learningRate(default: "0.5", help: "the step size of the descent in step 3"),
        LessonOption("steps", default: "50", .integer(1...maximumSteps), help: "iterations of the descent in step 3")
    ])

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let loss: ([Double]) -> Double = { p in meanSquaredError(of: Line(parameters: p), on: data) }
let gradient: ([Double]) -> [Double] = { p in meanSquaredErrorGradient(of: Line(parameters: p), on: data) }
let exact = leastSquaresLine(data)
let lowestLoss = loss(exact.parameters)
let curvature = LineLossCurvature(data)
let limit = curvature.stableLimit

// MARK: - Step 1: the gradient by hand

lesson.step("The gradient by the chain rule")
lesson.say(
    """
    loss(a, b) = (1/N) Σ eₖ²  with  eₖ = a·xₖ + b − yₖ. The chain rule: ∂(eₖ²)/∂a = 2eₖ · ∂eₖ/∂a = \
    2eₖ·xₖ, and ∂(eₖ²)/∂b = 2eₖ · ∂eₖ/∂b = 2eₖ·1. So
    """)
lesson.say("")
lesson.say("    ∂loss/∂a = (1/N) Σ 2(a·xₖ + b − yₖ)·xₖ")
lesson.say("    ∂loss/∂b = (1/N) Σ 2(a·xₖ + b − yₖ)")
lesson.say("")
lesson.say(
    """
    One pass over the points gives both, however many parameters there are. Against the finite \
    differences of lesson 5:\n
    """)
var comparison = Table(["at (a, b)", "", "formula", "finite difference", "difference"])
comparison.blanksRepeatAbove(["at (a, b)"])  // the point is written on its ∂/∂a row only
var worstDifference = 0.0
for point in [[0.0, 0.0], [lesson.random.normal(), lesson.random.normal()], [3.0, 8.0]] {
    let formula = gradient(point)
    let estimate = centralDifferenceGradient(of: loss, at: point)
    for (k, name) in ["∂/∂a", "∂/∂b"].enumerated() {
        comparison.add([
            k == 0 ? "(\(fixed(point[0], 3)), \(fixed(point[1], 3)))" : "", name,
            fixed(formula[k], 8), fixed(estimate[k], 8), scientific(abs(formula[k] - estimate[k]))
        ])
        worstDifference = max(worstDifference, abs(formula[k] - estimate[k]))
    }
}
comparison.print()
let agreement =
    worstDifference <= 1e-6
    ? "the formula and the finite difference agree. The formula gets both slopes from one pass over the points; the finite difference needs two passes per parameter, four here"
    : "more than rounding alone should leave, so one of the two is wrong"
lesson.say(
    """
    \nThe largest difference is \(scientific(worstDifference)): \(agreement). On a quadratic loss \
    like this one the central difference has no truncation error at all (lesson 5 shows it \
    exact even at h = 1), so all that separates the two is rounding in the subtraction, about \
    1e-16 × loss / h.
    """)

// MARK: - Step 2: the sign of a slope

lesson.step("What the sign of a slope says")
let beyond = [exact.slope + 2, exact.intercept]
let before = [exact.slope - 2, exact.intercept]
let slopeBeyond = gradient(beyond)[0]
let slopeBefore = gradient(before)[0]
lesson.say(
    """
    Hold b at its best value \(fixed(exact.intercept, 3)) and look at a on either side of its best \
    value \(fixed(exact.slope, 3)):\n
    """)
var signs = Table(["a", "∂loss/∂a", "sign", "a step −lr·∂loss/∂a moves a"])
for (point, slope) in [(before, slopeBefore), (beyond, slopeBeyond)] {
    signs.add([
        fixed(point[0], 3), fixed(slope, 4), slope < 0 ? "negative" : slope > 0 ? "positive" : "zero",
        slope < 0 ? "up: go on, towards the bottom" : slope > 0 ? "down: go back, to the bottom" : "nowhere"
    ])
}
signs.print()
let signsOpposite = slopeBefore < 0 && slopeBeyond > 0
lesson.say(
    signsOpposite
        ? """
        \nA negative slope means the loss falls as a grows: a has not reached the bottom yet, so the \
        step goes on, upwards. A positive slope means the loss rises as a grows: a is past the \
        bottom, so the step goes back. The update p ← p − lr·∂loss/∂p does both without a \
        special case, and the two slopes are equal and opposite because this loss is a parabola \
        in a, symmetric about its bottom.
        """
        : """
        \nHere both slopes have the same sign, \(fixed(slopeBefore, 4)) and \(fixed(slopeBeyond, 4)): \
        with b held fixed, the bottom along a is not where these two points lie on either side of.
        """)

// MARK: - Step 3: gradient descent with exact slopes

lesson.step("Gradient descent with exact slopes")
lesson.say(
    """
    The loop of lesson 5, with the slopes from the formulas instead of nudges: compute the loss, \
    the gradient in one pass, and step against it.\n
    """)
var a = lesson.random.normal()
var b = lesson.random.normal()
let learningRate = lesson.number("learning-rate")
let iterations = lesson.integer("steps")
let rateText = String(format: "%g", learningRate)
lesson.say(
    """
    As in the second post, a and b start from N(0, 1): a = \(fixed(a, 4)), b = \(fixed(b, 4)); \
    lr = \(rateText).\n
    """)
let start = [a, b]
var loop = Table(["iteration", "loss", "a", "b"])
// At most about a dozen rows whatever --steps is: every 10th iteration, or 20th, 50th, 100th, ...
var every = 10
for multiplier in [2, 5, 10, 20, 50, 100, 200, 500] where iterations > every * 12 { every = 10 * multiplier }
var path: [[Double]] = []
var losses: [Double] = []
var outcome = DescentOutcome.finished
for t in 0..<iterations {
    // the loss where we stand
    let current = loss([a, b])
    if t > 0 && (!current.isFinite || current > divergenceFactor * max(losses[0], 1)) {
        outcome = .diverged(step: t)
        if (t - 1) % every != 0 {
            loop.add(["\(t - 1)", fixed(losses[t - 1], 6), fixed(path[t - 1][0], 4), fixed(path[t - 1][1], 4)])
        }
        break
    }
    path.append([a, b])
    losses.append(current)
    if t % every == 0 { loop.add(["\(t)", fixed(current, 6), fixed(a, 4), fixed(b, 4)]) }
    // the gradient by the formulas of step 1, then a step against it
    let slopes = gradient([a, b])
    a -= learningRate * slopes[0]
    b -= learningRate * slopes[1]
}
if outcome == .finished {
    let final = loss([a, b])
    path.append([a, b])
    losses.append(final)
    loop.add(["\(iterations)", fixed(final, 6), fixed(a, 4), fixed(b, 4)])
}
loop.print(maxRows: 16)
let last = path.last!
let run = DescentHistory(parameters: path, losses: losses, outcome: outcome, lossEvaluations: losses.count)
let verdict = run.verdict(lowestLoss: lowestLoss, curvature: curvature, bottom: exact.parameters)
let offRule = largestParameterGap(last, [3, 8])
let ruleWords =
    offRule <= 0.2
    ? "each within \(fixed(offRule, 3)) of 3 and 8 (the larger of |a − 3| and |b − 8|), as in the post"
    : "not as close to 3 and 8 as in the post: the larger of |a − 3| and |b − 8| is \(fixed(offRule, 3))"
let factor = curvature.slowestFactor(learningRate: learningRate)
switch verdict {
case .diverged(let step):
    lesson.say(
        """
        \nAt iteration \(step) the loss passed \(scientific(divergenceFactor, 0)) × its start: lr = \
        \(rateText) is above the largest stable rate \(fixed(limit, 3)) for these points (lesson 7 \
        explains where that limit comes from). Across \
        the valley every step multiplies the distance by \
        1 − lr·λ_max = \(fixed(curvature.steepFactor(learningRate: learningRate), 3)), so the loop \
        stops here instead of overflowing.
        """)
case .climbing(let lowest, let step):
    let fall =
        step == 0
        ? "The loss climbed from \(fixed(lowest, 6)) at the start"
        : "The loss fell to \(fixed(lowest, 6)) at iteration \(step), then climbed"
    lesson.say(
        """
        \n\(fall) to \(fixed(losses.last!, 6)): lr = \(rateText) is above the largest stable rate \
        \(fixed(limit, 3)) for these points (lesson 7). Across the valley each step multiplies the distance by \
        1 − lr·λ_max = \(fixed(curvature.steepFactor(learningRate: learningRate), 3)), so every \
        landing is higher than the last, and more iterations would only take it further. It \
        ends at a = \(fixed(last[0], 3)), b = \(fixed(last[1], 3)), \(ruleWords).
        """)
case .converged:
    // With two points the lowest loss is 0 (the line goes through both): a percentage of it says nothing.
    let withinWords =
        lowestLoss >= 1e-6 ? "within 1 % of" : "\(scientific(losses.last! - lowestLoss)) above"
    let fromBest = euclideanDistance(last, exact.parameters)
    let parts = curvature.split(zip(last, exact.parameters).map { $0 - $1 })
    let whereFromBest =
        fromBest < 0.0005
        ? "(at a straight-line distance under 0.0005 from it)"
        : abs(parts.along) >= abs(parts.across)
            ? "(at a straight-line distance of \(fixed(fromBest, 3)), mostly along the valley's flat floor, where the loss hardly changes)"
            : "(at a straight-line distance of \(fixed(fromBest, 3)), mostly across the valley: there each step multiplies the distance by 1 − lr·λ_max = \(fixed(curvature.steepFactor(learningRate: learningRate), 3)), so that part dies out slowly)"
    lesson.say(
        """
        \nAfter \(iterations) iteration\(iterations == 1 ? "" : "s") a = \(fixed(last[0], 3)), b = \(fixed(last[1], 3)), \
        \(ruleWords). The loss is \(withinWords) the lowest possible, that of the best line for \
        these very points, a = \(fixed(exact.slope, 3)), b = \(fixed(exact.intercept, 3)) \
        \(whereFromBest). The rule behind the data is (3, 8), but \(data.count) noisy points pull their \
        best line away from it.
        """)
case .bouncing, .crawling:
    let distance = euclideanDistance(last, exact.parameters)
    let needed = curvature.stepsToReach(
        distance: 0.001, from: euclideanDistance(start, exact.parameters),
        learningRate: learningRate)
    let more: String
    if factor >= 1 {
        more = """
            But lr = \(rateText) is above the largest stable rate \(fixed(limit, 3)): across the \
            valley each step multiplies the distance by \
            1 − lr·λ_max = \(fixed(curvature.steepFactor(learningRate: learningRate), 3)), so with more \
            iterations the loss will turn and climb.
            """
    } else if let needed, needed <= maximumSteps {
        let suggestion = ((needed + 99) / 100) * 100
        more = """
            Each step keeps at most ρ = \(factorText(factor)) of that distance, so \(needed) iterations \
            in all are sure to bring it under 0.001 (try --steps \(min(suggestion, maximumSteps))).
            """
    } else {
        more = """
            Each step keeps up to ρ = \(factorText(factor)) of that distance, so bringing it under 0.001 \
            would take more than the \(maximumSteps) iterations this lesson allows: a bigger rate, \
            still under \(fixed(limit, 3)), gets there sooner.
            """
    }
    lesson.say(
        """
        \nAfter \(iterations) iteration\(iterations == 1 ? "" : "s") a = \(fixed(last[0], 3)), b = \(fixed(last[1], 3)), \
        \(ruleWords). The run is not finished: the best line for these very points is a* = \
        \(fixed(exact.slope, 3)), b* = \(fixed(exact.intercept, 3)), and (a, b) is still at a \
        straight-line distance √((a − a*)² + (b − b*)²) = \(fixed(distance, 3)) from it. \
        \(more)
        """)
}
lesson.say(
    """
    \nLoss, gradient, step: lesson 7 looks at how big the step may be, and lesson 8 lets the \
    computer find the gradient by itself, as PyTorch's backward() does.
    """)
