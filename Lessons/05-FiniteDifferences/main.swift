// Lesson 5 · Gradient descent with finite differences
//
// Instead of scanning every line, stand at one (a, b), find which way the loss goes down, take a
// small step that way, and repeat. The slope is estimated here the simplest possible way: nudge
// one parameter a little in each direction and see how the loss changes.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 5, title: "Gradient descent with finite differences",
    summary: "Walk downhill on the loss: nudge each parameter to estimate its slope, then step against it.",
    options: [
        .points(),
        .learningRate(default: "0.3"),
        LessonOption("steps", default: "200", .integer(1...100_000), help: "how many steps of gradient descent"),
    ])

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let learningRate = lesson.number("learning-rate")
let steps = lesson.integer("steps")
/// The loss as a function of the parameter vector p = [a, b].
let loss: ([Double]) -> Double = { p in meanSquaredError(of: Line(parameters: p), on: data) }

// MARK: - Step 1: the slope by nudging

lesson.step("Which way is down? Nudge and look")
let h = defaultFiniteDifferenceStep
let start = [0.0, 0.0]
lesson.say("""
    We stand at a = 0, b = 0 on the \(data.count) points of lesson 4 (seed \(lesson.seed)), where \
    the loss is \(fixed(loss(start), 4)). Nudge a by h = \(scientific(h)) either way and watch the \
    loss:\n
    """)
let up = loss([h, 0]), down = loss([-h, 0])
var nudges = Table(["a", "b", "loss"])
nudges.add([fixed(h, 5), "0", fixed(up, 8)])
nudges.add([fixed(-h, 5), "0", fixed(down, 8)])
nudges.print()
lesson.say("\n  ∂loss/∂a ≈ (loss(a + h) − loss(a − h)) / 2h")
lesson.say("           = (\(fixed(up, 8)) − \(fixed(down, 8))) / \(scientific(2 * h))")
let slope = centralDifferenceGradient(of: loss, at: start)
lesson.say("           = \(fixed(slope[0], 4))")
lesson.say("\nNudging b the same way gives ∂loss/∂b ≈ \(fixed(slope[1], 4)).")
lesson.say("""
    \nBoth slopes are negative: raising a or b lowers the loss. The gradient \
    (\(fixed(slope[0], 2)), \(fixed(slope[1], 2))) points uphill, the steepest way up; its \
    opposite is the steepest way down.
    """)

// MARK: - Step 2: the update rule

lesson.step("Step against the slope")
lesson.say("""
    new p = old p − lr × ∂loss/∂p, for each parameter p, with learning rate lr = \
    \(learningRate).\n
    """)
let first = gradientDescentStep(parameters: start, gradient: slope, learningRate: learningRate)
lesson.say("  a: 0 − \(learningRate) × (\(fixed(slope[0], 4))) = \(fixed(first[0], 4))")
lesson.say("  b: 0 − \(learningRate) × (\(fixed(slope[1], 4))) = \(fixed(first[1], 4))")
lesson.say("  loss: \(fixed(loss(start), 4)) → \(fixed(loss(first), 4))")

// MARK: - Step 3: repeat

lesson.step("Repeat \(steps) times")
var evaluations = 0
let history = gradientDescent(
    start: start, steps: steps, learningRate: { _ in learningRate },
    loss: loss,
    gradient: { p in
        evaluations += 2 * p.count
        return centralDifferenceGradient(of: loss, at: p)
    })
if case .diverged(let step) = history.outcome {
    lesson.say("""
        At step \(step) the loss passed \(scientific(divergenceFactor, 0)) × its starting value: \
        with lr = \(learningRate) each step overshoots the valley by more than it gained, and the \
        parameters fly off. The largest rate that works for these points is \
        \(fixed(largestStableLearningRate(data), 3)) (lesson 6 explains why).
        """)
    lesson.say("Try a smaller --learning-rate.")
    exit(0)
}
var progress = Table(["step", "a", "b", "loss"])
let shown = Set([0, 1, 2, 3, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, 2000, 5000, steps])
for t in history.parameters.indices where shown.contains(t) {
    progress.add(["\(t)", fixed(history.parameters[t][0], 4), fixed(history.parameters[t][1], 4), fixed(history.losses[t], 6)])
}
progress.print()
print("")
let frameSteps = Array(Set([0, 1, 2, 3, 4, 6, 8, 11, 15, 20, 30, 45, 70, 100, steps].filter { $0 <= steps })).sorted()
lesson.animate(
    frameSteps.map { t in
        let line = Line(parameters: history.parameters[t])
        return Chart(title: "Step \(t): y = \(fixed(line.slope, 2))x + \(fixed(line.intercept, 2))", xLabel: "x", yLabel: "y",
                     series: [Series("points", x: data.x, y: data.y, style: .points),
                              Series("the line after \(t) steps", from: 0, to: 1) { line($0) }],
                     yRange: 0...12)
    },
    name: "line-moves-onto-points")

// MARK: - Step 4: compare with the exact answer

lesson.step("How close did we get?")
let found = Line(parameters: history.parameters.last!)
let exact = leastSquaresLine(data)
lesson.say("""
    For a line, calculus gives the best (a, b) in closed form (least squares), so we can check:\n
    """)
var check = Table(["", "a", "b", "loss"])
check.add(["gradient descent", fixed(found.slope, 4), fixed(found.intercept, 4), fixed(meanSquaredError(of: found, on: data), 6)])
check.add(["least squares", fixed(exact.slope, 4), fixed(exact.intercept, 4), fixed(meanSquaredError(of: exact, on: data), 6)])
check.add(["the rule behind the data", "3.0000", "8.0000", fixed(meanSquaredError(of: Line(slope: 3, intercept: 8), on: data), 6)])
check.print()
let gap = max(abs(found.slope - exact.slope), abs(found.intercept - exact.intercept))
lesson.say("""
    \nGradient descent is within \(scientific(gap)) of the least-squares line. Neither is exactly \
    (3, 8): with only \(data.count) noisy points, another line fits these particular points a \
    little better.
    """)

// MARK: - Step 5: the cost

lesson.step("What it cost")
lesson.say("""
    Every slope estimate needs two loss evaluations per parameter: \(evaluations) evaluations for \
    \(steps) steps of 2 parameters, each a pass over all \(data.count) points. A network for \
    images has millions of parameters: two million passes over the data for ONE step. That is why \
    nobody trains networks this way. Lesson 6 computes the exact gradient with a single pass, by \
    the chain rule.
    """)
