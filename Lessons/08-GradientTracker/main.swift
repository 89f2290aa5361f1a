// Lesson 8 · The gradient tracker, built in front of you
//
// PyTorch's `loss.backward()` fills every parameter's `.grad`. Nothing magic happens: each
// operation remembers its inputs and its local derivative, and backward() applies the chain rule
// from the loss back to the inputs, node by node, in an order where every node comes after all
// the nodes computed from it. This lesson builds that with the core's `Value`, one idea per step,
// and ends with the second post's training loop and a tiny network whose gradients equal the
// matrix backprop's.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 8, title: "The gradient tracker, built in front of you",
    summary:
        "How backward() finds every gradient: a graph of values, local derivatives, and the chain rule run backwards.",
    options: [
        LessonOption(
            "learning-rate", default: "0.5", .number(0.001...2), help: "the step size of the post's loop in step 6"),
        LessonOption("steps", default: "300", .integer(1...3000), help: "iterations of the post's loop in step 6")
    ])

/// A tracked value with a name, for the tables and drawings.
func named(_ value: Value, _ label: String) -> Value {
    value.label = label
    return value
}

// MARK: - Step 1: values that remember where they came from

lesson.step("A value that remembers how it was made")
let x1 = named(Value(1.5), "x₁")
let x2 = named(Value(-0.5), "x₂")
let w1 = named(Value(0.8), "w₁")
let w2 = named(Value(-1.2), "w₂")
let b = named(Value(-0.4), "b")
@MainActor func neuron() -> Value {
    let x1w1 = named(x1 * w1, "x₁w₁")
    let x2w2 = named(x2 * w2, "x₂w₂")
    let s = named(x1w1 + x2w2, "s")
    let n = named(s + b, "n")
    return named(n.tanh(), "o")
}
let o = neuron()
lesson.say(
    """
    The neuron of lesson 1 with two inputs and tanh: o = tanh(x₁w₁ + x₂w₂ + b), with x₁ = 1.5, \
    x₂ = −0.5, w₁ = 0.8, w₂ = −1.2, b = −0.4. Computed with tracked values, every intermediate \
    result is a Value that keeps its inputs and the operation that made it. Read from the \
    result back to the inputs, the computation is a tree:\n
    """)
let graph = diagram(of: o, title: "o = tanh(x₁w₁ + x₂w₂ + b), forward values")
lesson.show(graph, root: graph.nodes.count - 1, name: "neuron-graph")
lesson.say(
    """
    \nEach box is one Value; its data was computed on the way forward, from the inputs (the \
    leaves) to o = \(fixed(o.data, 4)).
    """)

// MARK: - Step 2: local derivatives

lesson.step("Each operation knows its own derivative")
lesson.say(
    """
    When an operation runs, it also writes down how its result moves when one input moves, the \
    other inputs held still: the local derivative ∂out/∂in. For a × b it is the other factor, \
    for a + b it is 1, for tanh(n) it is 1 − tanh²(n). Nothing about the rest of the graph is \
    needed.\n
    """)
/// Why an operation's local derivative has the value it has, in words.
func reason(_ operation: String) -> String {
    switch operation {
    case "×": return "the other factor"
    case "+": return "1 for each term"
    case "tanh": return "1 − tanh²(n)"
    default: return ""
    }
}
var locals = Table(["value", "made by", "input", "∂value/∂input", "because"])
// A value's name, operation and reason are written on its first input's row only.
locals.blanksRepeatAbove(["value", "made by", "because"])
for value in o.topologicalOrder() where !value.operation.isEmpty {
    for (k, (input, local)) in zip(value.inputs, value.localDerivatives).enumerated() {
        locals.add([
            k == 0 ? value.label : "", k == 0 ? value.operation : "",
            input.label.isEmpty ? name(of: input) : input.label, fixed(local, 4),
            k == 0 ? reason(value.operation) : ""
        ])
    }
}
locals.print()

// MARK: - Step 3: backward, node by node

lesson.step("Backward: the chain rule from o back to the inputs")
let order = o.topologicalOrder()
lesson.say(
    """
    The chain rule says ∂o/∂input = ∂o/∂value · ∂value/∂input, summed over every value the input \
    feeds. To use it, ∂o/∂value must be complete before a value passes it on, so the values are \
    visited in reverse topological order: a topological order lists each value after all its \
    inputs; reversed, each value comes after everything computed from it. Here it is
    """)
lesson.say("\n    " + order.map(\.label).joined(separator: ", ") + "\n")
lesson.say("and backward() walks it from the end, starting with ∂o/∂o = 1:\n")
var walk = Table(["at", "∂o/∂(at)", "sends to", "∂o/∂(at) × local", "= contribution"])
walk.blanksRepeatAbove(["at", "∂o/∂(at)"])
for step in o.backwardSteps() {
    for (k, contribution) in step.contributions.enumerated() {
        walk.add([
            k == 0 ? step.value.label : "", k == 0 ? fixed(step.upstream, 4) : "", contribution.input.label,
            "\(fixed(step.upstream, 4)) × \(fixed(contribution.local, 4))", fixed(contribution.amount, 4)
        ])
    }
}
walk.print()
o.backward()
/// The neuron's output from plain numbers, to check the tracker by finite differences.
func plainNeuron(_ p: [Double]) -> Double { Foundation.tanh(p[0] * p[2] + p[1] * p[3] + p[4]) }
let leaves = [x1, x2, w1, w2, b]
let estimates = centralDifferenceGradient(of: plainNeuron, at: leaves.map(\.data))
var check = Table(["input", "gradient (tracker)", "finite difference", "difference"])
var worst = 0.0
for (leaf, estimate) in zip(leaves, estimates) {
    check.add([leaf.label, fixed(leaf.gradient, 8), fixed(estimate, 8), scientific(abs(leaf.gradient - estimate))])
    worst = max(worst, abs(leaf.gradient - estimate))
}
lesson.say("\nThe leaves' gradients after o.backward(), against central differences of lesson 5:\n")
check.print()
lesson.say(
    worst < 1e-8
        ? "\nThey agree to \(scientific(worst)): the difference is the finite difference's own error, not the tracker's."
        : "\nThey differ by up to \(scientific(worst)): more than a finite difference's error, so one of them is wrong."
)
lesson.say("\nThe whole graph with its gradients, each arrow labelled with its local derivative:\n")
let graphWithGradients = diagram(
    of: o, title: "o = tanh(x₁w₁ + x₂w₂ + b), after backward()", gradients: true,
    derivatives: true)
lesson.show(graphWithGradients, root: graphWithGradients.nodes.count - 1, name: "neuron-gradients")

// MARK: - Step 4: a value used twice

lesson.step("A value used twice gets a contribution from each use")
let x = named(Value(3), "x")
let squared = named(x * x, "x·x")
let y = named(squared + x, "y")
let steps = y.backwardSteps()
let toX = steps.flatMap { step in step.contributions.filter { $0.input === x }.map { (step.value.label, $0.amount) } }
lesson.say(
    """
    y = x·x + x at x = \(fixed(x.data, 0)). x feeds two values, and x·x takes it twice. Backward \
    sends x one contribution per use:\n
    """)
var uses = Table(["from", "contribution to ∂y/∂x"])
for (from, amount) in toX { uses.add([from, fixed(amount, 4)]) }
uses.print()
y.backward()
let exactSlope = 2 * x.data + 1
lesson.say(
    """
    \nAdded up (+=) they give ∂y/∂x = \(fixed(x.gradient, 4)); by hand, d(x² + x)/dx = 2x + 1 = \
    \(fixed(exactSlope, 4))\(abs(x.gradient - exactSlope) < 1e-12 ? ", the same" : ", which differs: a bug"). \
    Had each use replaced the gradient (=) instead of adding to it, x would keep only the last \
    contribution, \(fixed(toX.last!.1, 4)), which is \(abs(toX.last!.1 - exactSlope) < 1e-12 ? "right only by luck" : "wrong").
    """)

// MARK: - Step 5: forgetting to zero

lesson.step("Gradients add up: forgetting to zero them")
var after: [String] = [fixed(w1.gradient, 4)]
o.backward()
after.append(fixed(w1.gradient, 4))
o.backward()
after.append(fixed(w1.gradient, 4))
lesson.say(
    """
    backward() adds into .grad (that is what step 4 needs), so calling it again without zeroing \
    adds the same gradient again. ∂o/∂w₁ after one, two and three calls: \(after.joined(separator: ", ")). \
    In a training loop every iteration calls backward() once, so the loop must zero each \
    parameter's gradient after its update. What happens to the line of lesson 4 when it does not:\n
    """)
let data = LineData.noisyLine(count: 50, using: &lesson.random)
let best = leastSquaresLine(data)
let lowest = meanSquaredError(of: best, on: data)

/// The post's loop on the line: forward, backward, update, and zero unless `zeroing` is off.
/// Returns the loss before each iteration (stopping early if it explodes) and the final (a, b).
@MainActor func trainLine(from start: (Double, Double), learningRate: Double, iterations: Int, zeroing: Bool)
    -> (losses: [Double], a: Double, b: Double)
{
    let a = Value(start.0)
    let b = Value(start.1)
    var losses: [Double] = []
    for _ in 0..<iterations {
        let loss = trackedMeanSquaredError(slope: a, intercept: b, on: data)  // forward
        losses.append(loss.data)
        if !loss.data.isFinite || loss.data > divergenceFactor * max(losses[0], 1) { break }
        loss.backward()  // backward
        a.data -= learningRate * a.gradient  // update
        b.data -= learningRate * b.gradient
        if zeroing {  // zero
            a.zeroGradient()
            b.zeroGradient()
        }
    }
    return (losses, a.data, b.data)
}
let comparisonRate = 0.1
let comparisonSteps = 40
let zeroed = trainLine(from: (0, 0), learningRate: comparisonRate, iterations: comparisonSteps, zeroing: true)
let forgotten = trainLine(from: (0, 0), learningRate: comparisonRate, iterations: comparisonSteps, zeroing: false)
var zeroTable = Table(["iteration", "loss, zeroing", "loss, never zeroing"])
for t in stride(from: 0, to: comparisonSteps, by: 5) {
    zeroTable.add([
        "\(t)", fixed(zeroed.losses[t], 4),
        t < forgotten.losses.count && forgotten.losses[t].isFinite ? fixed(forgotten.losses[t], 4) : "—"
    ])
}
zeroTable.print()
let forgottenEnd = forgotten.losses.last!
let zeroedEnd = zeroed.losses.last!
if forgotten.losses.count < comparisonSteps || !forgottenEnd.isFinite {
    lesson.say(
        "\nWithout zeroing, the loss exploded and the loop was stopped at iteration \(forgotten.losses.count - 1).")
} else if forgottenEnd > zeroedEnd {
    lesson.say(
        """
        \nWithout zeroing, each step uses the sum of every gradient so far, so the parameters \
        overshoot and swing back: after \(comparisonSteps) iterations the loss is \
        \(fixed(forgottenEnd, 4)) instead of \(fixed(zeroedEnd, 4)) (lr \(comparisonRate)).
        """)
} else {
    lesson.say(
        """
        \nThis time the stale gradients happened to help: the loss is \(fixed(forgottenEnd, 4)) \
        against \(fixed(zeroedEnd, 4)) with zeroing. They still point where the parameters used \
        to be, not where they are, so on another draw or rate they can just as well make it worse.
        """)
}

// MARK: - Step 6: the post's loop

lesson.step("The second post's loop: forward, backward, update, zero")
let learningRate = lesson.number("learning-rate")
let iterations = lesson.integer("steps")
let start = (lesson.random.normal(), lesson.random.normal())
lesson.say(
    """
    As in the post: a and b start from N(0, 1) (here a = \(fixed(start.0, 4)), b = \
    \(fixed(start.1, 4))), lr = \(learningRate), \(iterations) iterations of forward (the loss \
    from tracked values), backward, update (p ← p − lr·p.grad) and zero. The least-squares line \
    of these 50 points is a = \(fixed(best.slope, 4)), b = \(fixed(best.intercept, 4)), with loss \
    \(fixed(lowest, 6)).\n
    """)
let run = trainLine(from: start, learningRate: learningRate, iterations: iterations, zeroing: true)
var loop = Table(["iteration", "loss before it"])
let every = max(1, iterations / 10)
for t in run.losses.indices where (t % every == 0 || t == run.losses.count - 1) && run.losses[t].isFinite {
    loop.add(["\(t)", fixed(run.losses[t], 6)])
}
let finalLoss = meanSquaredError(of: Line(slope: run.a, intercept: run.b), on: data)
if run.losses.count == iterations && finalLoss.isFinite {
    loop.add(["after \(iterations)", fixed(finalLoss, 6)])  // the loss after the last update
}
loop.print()
let stoppedEarly = run.losses.count < iterations || !(run.losses.last ?? .nan).isFinite
let verdict = descentVerdict(
    losses: run.losses + [finalLoss],
    outcome: stoppedEarly ? .diverged(step: run.losses.count - 1) : .finished,
    lowestLoss: lowest, alternates: false)
let limit = largestStableLearningRate(data)
// How far from the least-squares line: the larger of |a − a*| and |b − b*|, named so in every sentence.
let gap = largestParameterGap([run.a, run.b], best.parameters)
switch verdict {
case .diverged:
    lesson.say(
        """
        \nThe loss exploded: lr = \(learningRate) is above this draw's stable limit \(fixed(limit, 3, apartFrom: learningRate)) \
        (lesson 7), so the loop was stopped.
        """)
case .climbing(let lowestSeen, let step):
    let history =
        step == 0
        ? "The loss never went below its start, \(fixed(lowestSeen, 6)), and climbed to"
        : "The loss fell to \(fixed(lowestSeen, 6)) at iteration \(step) and then climbed to"
    lesson.say(
        """
        \n\(history) \(fixed(finalLoss, 6)): lr = \(learningRate) is above this draw's stable limit \
        \(fixed(limit, 3, apartFrom: learningRate)) (lesson 7), so every step overshoots a little more, and more iterations \
        would only make it worse.
        """)
case _ where gap < 1e-3:
    lesson.say(
        """
        \nThe loop ends at a = \(fixed(run.a, 4)), b = \(fixed(run.b, 4)): each within \(scientific(gap)) of the \
        least-squares line's (the larger of the two gaps). Forward, backward, update, zero is every training loop of this \
        course, and of PyTorch.
        """)
default:
    lesson.say(
        """
        \nThe loop ends at a = \(fixed(run.a, 4)), b = \(fixed(run.b, 4)); the larger of their gaps \
        to the least-squares line's a and b is still \(fixed(gap, 4)) (loss \(fixed(finalLoss, 6)) against \(fixed(lowest, 6))): the \
        loss is still falling, so more iterations would get closer.
        """)
}

// MARK: - Step 7: a network from tracked values

lesson.step("A tiny network from tracked values, against the matrix backprop")
let tiny = Network(sizes: [2, 3, 1], activations: [.tanh, .identity], using: &lesson.random)
let inputs = Matrix.random(rows: 4, columns: 2, using: &lesson.random)
let targets = Matrix.random(rows: 4, columns: 1, using: &lesson.random)
// The same weights as tracked values, and the same loss built one operation at a time (the core's
// trackedMeanSquaredError(of:inputs:targets:) writes out each neuron's sum and activation).
let (trackedLoss, trackedParameters) = trackedMeanSquaredError(of: tiny, inputs: inputs, targets: targets)
trackedLoss.backward()
let matrixResult = tiny.lossAndGradients(input: inputs, target: targets)
let trackedGradients = trackedParameters.map(\.gradient)
let matrixGradients = Network.flatten(matrixResult.gradients)
let largest = zip(trackedGradients, matrixGradients).map { abs($0 - $1) }.max() ?? 0
lesson.say(
    """
    A 2-3-1 network (tanh, then identity) with random weights, four random samples, the mean \
    squared error. Built from tracked values, the loss is a graph of \
    \(trackedLoss.topologicalOrder().count) values; one backward() gives all \
    \(trackedGradients.count) parameter gradients. The matrix backprop of lesson 10 computes the \
    same gradients with matrix products:\n
    """)
var network = Table(["", "loss", "largest gradient", "largest difference"])
network.add(["tracked values", fixed(trackedLoss.data, 10), fixed(trackedGradients.map(abs).max() ?? 0, 6), ""])
network.add([
    "matrix backprop", fixed(matrixResult.loss, 10), fixed(matrixGradients.map(abs).max() ?? 0, 6), scientific(largest)
])
network.print()
if largest == 0 {
    lesson.say("\nThe two agree to the last bit: a tracker is backprop, done one number at a time.")
} else if largest <= 1e-12 {
    lesson.say(
        "\nThe two agree to \(scientific(largest)), rounding error: a tracker is backprop, done one number at a time.")
} else {
    lesson.say("\nThey differ by \(scientific(largest)), more than rounding: one of the two has a bug.")
}
