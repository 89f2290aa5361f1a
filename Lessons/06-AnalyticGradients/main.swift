// Lesson 6 · Analytic gradients, learning rates, and a gradient tracker
//
// The chain rule gives the exact slope of the loss in one pass over the data. With exact slopes
// in hand, this lesson studies the learning rate (too small, right, too big, far too big), tries
// a schedule that changes it over time, and finally lets the computer apply the chain rule for
// us, as PyTorch does in the second post's training loop.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 6, title: "Analytic gradients, learning rates, tracking gradients",
    summary: "Exact slopes by the chain rule, how big a step to take, and a computer that does the chain rule for us.",
    options: [
        .points(),
        .learningRate(default: "0.5", help: "the step size of the final training loop"),
        LessonOption("steps", default: "50", .integer(1...100_000), help: "iterations of the final training loop"),
    ])

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let loss: ([Double]) -> Double = { p in meanSquaredError(of: Line(parameters: p), on: data) }
let gradient: ([Double]) -> [Double] = { p in meanSquaredErrorGradient(of: Line(parameters: p), on: data) }
let exact = leastSquaresLine(data)
let lowestLoss = loss(exact.parameters)

// MARK: - Step 1: the gradient by hand

lesson.step("The gradient by the chain rule")
lesson.say("""
    loss(a, b) = (1/N) Σ eₖ²  with  eₖ = a·xₖ + b − yₖ. The chain rule: ∂(eₖ²)/∂a = 2eₖ · ∂eₖ/∂a = \
    2eₖ·xₖ, and ∂(eₖ²)/∂b = 2eₖ · ∂eₖ/∂b = 2eₖ·1. So
    """)
lesson.say("")
lesson.say("    ∂loss/∂a = (1/N) Σ 2(a·xₖ + b − yₖ)·xₖ")
lesson.say("    ∂loss/∂b = (1/N) Σ 2(a·xₖ + b − yₖ)")
lesson.say("")
lesson.say("""
    One pass over the points gives both, however many parameters there are. Against the finite \
    differences of lesson 5:\n
    """)
var comparison = Table(["at (a, b)", "", "formula", "finite difference", "difference"])
var worstDifference = 0.0
for point in [[0.0, 0.0], [lesson.random.normal(), lesson.random.normal()], [3.0, 8.0]] {
    let formula = gradient(point), estimate = centralDifferenceGradient(of: loss, at: point)
    for (k, name) in ["∂/∂a", "∂/∂b"].enumerated() {
        comparison.add([k == 0 ? "(\(fixed(point[0], 3)), \(fixed(point[1], 3)))" : "", name,
                        fixed(formula[k], 8), fixed(estimate[k], 8), scientific(abs(formula[k] - estimate[k]))])
        worstDifference = max(worstDifference, abs(formula[k] - estimate[k]))
    }
}
comparison.print()
lesson.say("""
    \nThe largest difference is \(scientific(worstDifference)) (at most 1e-6): the formula is \
    right, and the finite difference was a good estimate, at twice the cost per parameter.
    """)

// MARK: - Step 2: the learning rate

lesson.step("Learning rates: too small, right, too big, far too big")
let limit = largestStableLearningRate(data)
let rates = [0.01, 0.3, (0.97 * limit * 100).rounded() / 100, 0.8, 1.5]
let sweepSteps = 100
lesson.say("""
    \(sweepSteps) steps from (0, 0) with each rate; the lowest possible loss is \
    \(fixed(lowestLoss, 6)).\n
    """)
var sweep = Table(["lr", "loss after \(sweepSteps) steps", "a", "b", "what happens"])
var curves: [Series] = []
for rate in rates {
    let run = gradientDescent(start: [0, 0], steps: sweepSteps, learningRate: { _ in rate }, loss: loss, gradient: gradient)
    let last = run.parameters.last!
    let verdict: String
    switch run.outcome {
    case .diverged(let step):
        verdict = "diverges: stopped at step \(step)"
    case .finished where run.alternates(parameter: 1, around: exact.intercept, lastSteps: 10):
        verdict = "bounces from side to side"
    case .finished where run.losses.last! > lowestLoss * 1.01:
        verdict = "crawls: still far"
    case .finished:
        verdict = "converges"
    }
    let finalLoss = run.outcome == .finished ? fixed(run.losses.last!, 6) : "—"
    sweep.add([fixed(rate, 2), finalLoss, run.outcome == .finished ? fixed(last[0], 3) : "—",
               run.outcome == .finished ? fixed(last[1], 3) : "—", verdict])
    curves.append(Series("lr \(fixed(rate, 2))", y: run.losses.map { log10($0) }))
}
sweep.print()
lesson.say("""
    \nA diverging run is stopped as soon as its loss passes \(scientific(divergenceFactor, 0)) × \
    the start, instead of carrying on into inf and nan. The losses on a log scale (a diverging run \
    ends early):\n
    """)
lesson.show(Chart(title: "log₁₀(loss) against steps, one line per learning rate", xLabel: "step", yLabel: "log₁₀ loss",
                  series: curves, yRange: -1.5...8), name: "learning-rate-sweep")

// MARK: - Step 3: bouncing between two places

lesson.step("Why a big rate bounces")
let bouncing = gradientDescent(start: [0, 0], steps: 30, learningRate: { _ in rates[2] }, loss: loss, gradient: gradient)
lesson.say("""
    With lr = \(fixed(rates[2], 2)) the intercept b jumps over the best value \
    \(fixed(exact.intercept, 3)) at every step:\n
    """)
lesson.show(Chart(title: "b during the first 30 steps, lr = \(fixed(rates[2], 2))", xLabel: "step", yLabel: "b",
                  series: [Series("b", y: bouncing.parameters.map { $0[1] }),
                           Series("best b", x: [0, 30], y: [exact.intercept, exact.intercept])]),
            name: "bouncing")
lesson.say("""
    The loss is a bowl, steeper in one direction than the other. Its curvature is the matrix H = \
    (2/N)[[Σx², Σx], [Σx, N]], and along its steepest direction (curvature λ_max) one step \
    multiplies the distance to the bottom by (1 − lr·λ_max). Below lr = 2/λ_max that factor is \
    between −1 and 1 and the distance shrinks; near 2/λ_max it is close to −1, so we land on the \
    other side at almost the same height, again and again; above it the factor is below −1 and \
    every step lands higher than the last. For these points 2/λ_max = \(fixed(limit, 4)).
    """)

// MARK: - Step 4: a cyclical schedule

lesson.step("Changing the rate as we go: the cyclical schedule")
let budget = 100
let nearLimit = rates[2]
let cycle = LearningRateSchedule.cyclical(low: 0.05, high: nearLimit, steps: budget)
lesson.say("""
    A safe constant rate is slow; one near the limit is fast but bounces. A cyclical schedule \
    starts small, rises to the big rate, then comes down: the big middle crosses the long valley \
    quickly, the small end lets the parameters settle. Each gets \(budget) steps:\n
    """)
var schedules = Table(["schedule", "loss at \(budget)", "off best by", "0.1 % reached at"])
var scheduleCurves: [Series] = []
for (name, schedule) in [("constant \(fixed(0.3, 2))", LearningRateSchedule.constant(0.3)),
                         ("constant \(fixed(nearLimit, 2))", LearningRateSchedule.constant(nearLimit)),
                         ("cyclical 0.05 → \(fixed(nearLimit, 2)) → 0.05", cycle)] {
    let run = gradientDescent(start: [0, 0], steps: budget, learningRate: { schedule.rate(at: $0) }, loss: loss, gradient: gradient)
    let last = run.parameters.last!
    let distance = ((last[0] - exact.slope) * (last[0] - exact.slope) + (last[1] - exact.intercept) * (last[1] - exact.intercept)).squareRoot()
    schedules.add([name, fixed(run.losses.last!, 6), fixed(distance, 4),
                   run.firstStep(reachingLoss: lowestLoss * 1.001).map(String.init) ?? "—"])
    scheduleCurves.append(Series(name, y: (0...budget).map { schedule.rate(at: $0) }))
}
schedules.print()
lesson.say("""
    \nOn this simple bowl the rate just under the limit wins, but we only know that limit because \
    a line's loss lets us compute it. The cyclical schedule gets much closer than the safe rate \
    without knowing it, and its last steps are small, so it ends still instead of bouncing. On a \
    network, whose limit nobody can compute, that is why the schedule is popular.\n
    """)
lesson.show(Chart(title: "Learning rate at each step", xLabel: "step", yLabel: "learning rate", series: scheduleCurves),
            name: "schedules")

// MARK: - Step 5: let the computer do the chain rule

lesson.step("The post's loop: a gradient tracker does the chain rule")
lesson.say("""
    Each tracked Value remembers the operation that made it and its local derivative. \
    loss.backward() walks the computation backwards and adds ∂loss/∂v into every v.gradient.
    """)
let a = Value(lesson.random.normal()), b = Value(lesson.random.normal())
let learningRate = lesson.number("learning-rate"), iterations = lesson.integer("steps")
lesson.say("""
    a and b start from N(0, 1): a = \(fixed(a.data, 4)), b = \(fixed(b.data, 4)); lr = \
    \(learningRate).\n
    """)
let check = trackedMeanSquaredError(slope: a, intercept: b, on: data)
check.backward()
let byHand = gradient([a.data, b.data])
lesson.say("First gradients: tracker (\(fixed(a.gradient, 6)), \(fixed(b.gradient, 6))),")
lesson.say("                 formula (\(fixed(byHand[0], 6)), \(fixed(byHand[1], 6))), largest difference \(scientific(max(abs(a.gradient - byHand[0]), abs(b.gradient - byHand[1])))).\n")
a.zeroGradient()
b.zeroGradient()
var loop = Table(["iteration", "loss", "a", "b"])
var diverged = false
var startingLoss = Double.nan
for t in 0..<iterations {
    // forward: compute the loss from a and b, remembering every operation
    let loss = trackedMeanSquaredError(slope: a, intercept: b, on: data)
    if t == 0 { startingLoss = loss.data }
    if !loss.data.isFinite || loss.data > divergenceFactor * max(startingLoss, 1) {
        lesson.say("""
            At iteration \(t) the loss has grown to \(scientific(loss.data)): lr = \(learningRate) \
            is too big for these points (the largest stable rate is \(fixed(limit, 3))), so the \
            loop stops here.
            """)
        diverged = true
        break
    }
    if t % 10 == 0 || t == iterations - 1 { loop.add(["\(t)", fixed(loss.data, 6), fixed(a.data, 4), fixed(b.data, 4)]) }
    // backward: the chain rule fills a.gradient and b.gradient
    loss.backward()
    // update: a step against the gradient
    a.data -= learningRate * a.gradient
    b.data -= learningRate * b.gradient
    // zero the gradients, or the next backward would add to them
    a.zeroGradient()
    b.zeroGradient()
}
if !diverged {
    loop.print()
    lesson.say("""
        \nAfter \(iterations) iterations: a = \(fixed(a.data, 3)), b = \(fixed(b.data, 3)), close \
        to 3 and 8 as in the post. The best line for these very points is a = \
        \(fixed(exact.slope, 3)), b = \(fixed(exact.intercept, 3)); more iterations walk on to it \
        (try --steps 300). Forward, backward, update, zero: every training loop in this course, \
        and in PyTorch, has these four parts.
        """)
}
