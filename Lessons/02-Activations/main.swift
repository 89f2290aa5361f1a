// Lesson 2 · Activation functions
//
// The activation f is what makes a neuron more than a weighted sum. This lesson tabulates and
// draws ReLU, sigmoid and tanh, checks numerically that tanh is a stretched sigmoid, and compares
// each derivative with a finite-difference estimate (training needs those derivatives).
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 2, title: "Activation functions",
    summary: "ReLU, sigmoid and tanh: their values, their curves, and their derivatives.")

// MARK: - Step 1: a table of values

lesson.step("Three activation functions, in numbers")
lesson.say("  ReLU(x) = max(0, x)\n  σ(x) = eˣ / (1 + eˣ)\n  tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)\n")
var values = Table(["x", "ReLU(x)", "σ(x)", "tanh(x)"])
for x in [-3.0, -2, -1, -0.5, 0, 0.5, 1, 2, 3] {
    values.add([fixed(x, 1), fixed(relu(x), 4), fixed(sigmoid(x), 4), fixed(tanh(x), 4)])
}
values.print()
lesson.say("\nσ squeezes any number into (0, 1), tanh into (−1, 1); ReLU cuts negatives to 0.")

// MARK: - Step 2: the curves

lesson.step("The curves")
lesson.show(
    Chart(
        title: "ReLU, sigmoid and tanh", xLabel: "x", yLabel: "f(x)",
        series: [
            Series("ReLU", from: -4, to: 4, relu),
            Series("sigmoid σ", from: -4, to: 4, sigmoid),
            Series("tanh", from: -4, to: 4, tanh)
        ],
        yRange: -1...4),
    name: "activation-curves")

// MARK: - Step 3: tanh is a stretched sigmoid

lesson.step("tanh(x) = 2σ(2x) − 1")
lesson.say(
    """
    σ runs from 0 to 1. Squeeze it sideways (2x), stretch it to height 2 and move it down by 1, \
    and it runs from −1 to 1: that is tanh. Checked at a few points:\n
    """)
var stretch = Table(["x", "tanh(x)", "2σ(2x) − 1", "difference"])
for x in [-2.0, -0.5, 0, 0.5, 2] {
    let a = tanh(x)
    let b = 2 * sigmoid(2 * x) - 1
    stretch.add([fixed(x, 1), fixed(a, 6), fixed(b, 6), scientific(abs(a - b))])
}
stretch.print()
let grid = (0...1600).map { -8 + Double($0) / 100 }
let largestGap = grid.map { abs(tanh($0) - (2 * sigmoid(2 * $0) - 1)) }.max()!
switch agreement(largestDifference: largestGap) {
case .agree:
    lesson.say(
        """
        \nOver \(grid.count) points from −8 to 8 the largest difference is \(scientific(largestGap)): \
        rounding error only, the two formulas are the same function.
        """)
case .differ:
    lesson.say(
        """
        \nOver \(grid.count) points from −8 to 8 the largest difference is \(scientific(largestGap)): \
        more than rounding, so one of the two computations is off.
        """)
}

// MARK: - Step 4: derivatives

lesson.step("Derivatives, and a check by finite differences")
lesson.say("Training (lesson 5 on) needs f′. Each has a simple form:")
lesson.say("  ReLU′(x) = 1 if x > 0, else 0\n  σ′(x) = σ(x)(1 − σ(x))\n  tanh′(x) = 1 − tanh²(x)")
lesson.say("A finite difference estimates the slope without any formula, from a small step h:")
lesson.say("  f′(x) ≈ (f(x + h) − f(x − h)) / 2h,  h = \(scientific(defaultFiniteDifferenceStep, 0))\n")
var derivatives = Table(["f", "x", "formula f′(x)", "finite difference", "difference"])
for activation in [Activation.relu, .sigmoid, .tanh] {
    for x in [-1.5, 0.5, 2.0] {
        let formula = activation.derivative(x)
        let estimate = centralDifference(of: { activation($0) }, at: x)
        derivatives.add([
            activation.rawValue, fixed(x, 1), fixed(formula, 6), fixed(estimate, 6), scientific(abs(formula - estimate))
        ])
    }
}
derivatives.print()
var worst = 0.0
for activation in [Activation.relu, .sigmoid, .tanh] {
    for _ in 0..<1000 {
        var x = lesson.random.uniform(-5, 5)
        if abs(x) < 1e-3 { x += 0.01 }  // ReLU has a kink at 0 where no derivative exists
        worst = max(worst, abs(activation.derivative(x) - centralDifference(of: { activation($0) }, at: x)))
    }
}
// The estimate itself is off by about h²·f‴/6 ≈ 10⁻¹¹ (see FiniteDifference.swift): agreeing
// to 10⁻⁸ means the formulas are right; a wrong formula would miss by far more.
switch agreement(largestDifference: worst, tolerance: 1e-8) {
case .agree:
    lesson.say(
        """
        \nAt 3000 random points from −5 to 5 (seed \(lesson.seed)) the largest difference is \
        \(scientific(worst)), under the 1e-8 that the estimate's own error can leave: the \
        formulas are right.\n
        """)
case .differ:
    lesson.say(
        """
        \nAt 3000 random points from −5 to 5 (seed \(lesson.seed)) the largest difference is \
        \(scientific(worst)), far more than the estimate's own error: a formula is wrong.\n
        """)
}
lesson.show(
    Chart(
        title: "The derivatives", xLabel: "x", yLabel: "f′(x)",
        series: [
            Series("ReLU′", from: -4, to: 4, reluDerivative),
            Series("σ′", from: -4, to: 4, sigmoidDerivative),
            Series("tanh′", from: -4, to: 4, tanhDerivative)
        ]),
    name: "activation-derivatives")
lesson.say(
    """
    σ′ is at most 0.25 and tanh′ at most 1, both near 0 for large |x|: a saturated neuron learns \
    slowly. ReLU′ is 1 for every positive input.
    """)

// MARK: - Step 5: another activation, and a linear one

lesson.step("Another activation, and one that does not work")
lesson.say(
    """
    Any non-linear function with an easy derivative can serve. Softplus, softplus(x) = ln(1 + eˣ), \
    is a smooth ReLU, and its derivative is exactly σ(x). Checked against a central difference:\n
    """)
var softplusTable = Table(["x", "softplus(x)", "ReLU(x)", "σ(x)", "finite difference", "difference"])
var softplusWorst = 0.0
for x in [-3.0, -1, 0, 1, 3] {
    let estimate = centralDifference(of: softplus, at: x)
    softplusWorst = max(softplusWorst, abs(estimate - sigmoid(x)))
    softplusTable.add([
        fixed(x, 1), fixed(softplus(x), 4), fixed(relu(x), 4), fixed(sigmoid(x), 6), fixed(estimate, 6),
        scientific(abs(estimate - sigmoid(x)))
    ])
}
softplusTable.print()
lesson.say(
    softplusWorst < 1e-8
        ? "\nThe derivative is σ to \(scientific(softplusWorst)): softplus is as cheap to train as σ itself."
        : "\nThe finite difference and σ differ by \(scientific(softplusWorst)): more than rounding.")
// A linear "activation" keeps a layer linear: f(x) = 2x + 1 on two inputs and their midpoint.
func linear(_ x: Double) -> Double { 2 * x + 1 }
let (u, v) = (-1.0, 3.0)
let middle = (u + v) / 2
lesson.say(
    """
    \nA linear f, say f(x) = 2x + 1, is easy to differentiate too, but it adds nothing: it maps the \
    midpoint of two inputs to the midpoint of their outputs, f(\(fixed(middle, 0))) = \(fixed(linear(middle), 0)) \
    = (f(\(fixed(u, 0))) + f(\(fixed(v, 0))))/2 = (\(fixed(linear(u), 0)) + \(fixed(linear(v), 0)))/2, while \
    ReLU(\(fixed(middle, 0))) = \(fixed(relu(middle), 0)) but (ReLU(\(fixed(u, 0))) + ReLU(\(fixed(v, 0))))/2 = \
    \(fixed((relu(u) + relu(v)) / 2, 1)). Layers with a linear f stay one linear map however many \
    are stacked (lesson 3 shows it with numbers), so they can only ever fit straight lines and \
    flat planes.
    """)

// MARK: - Step 6: why these, and safe at the extremes

lesson.step("What an activation needs")
lesson.say(
    """
    Nothing is special about these three. A net needs f to be non-linear (lesson 3 shows why; to \
    approximate any curve it must also not be a polynomial) and f′ to be cheap, because training \
    evaluates it for every neuron at every step. An f must also behave at the extremes, where a \
    naive eˣ overflows:\n
    """)
var extremes = Table(["x", "σ(x)", "σ′(x)", "tanh(x)"])
for x in [-1000.0, -1, 0, 1, 1000] {
    extremes.add([fixed(x, 0), fixed(sigmoid(x), 4), fixed(sigmoidDerivative(x), 4), fixed(tanh(x), 4)])
}
extremes.print()
let safe = [-1000.0, 1000].allSatisfy { sigmoid($0).isFinite && sigmoidDerivative($0).isFinite && tanh($0).isFinite }
if safe {
    lesson.say(
        """
        \nσ(1000) = \(fixed(sigmoid(1000), 4)) and σ(−1000) = \(fixed(sigmoid(-1000), 4)), no NaN: the \
        core computes e⁻ˣ for x ≥ 0 and eˣ otherwise, so the exponential never overflows, and the \
        result is never the NaN of infinity divided by infinity.
        """)
} else {
    lesson.say("\nAt ±1000 a value is not a finite number: the exponential overflowed.")
}
if sigmoid(1000) == 1 {
    lesson.say(
        """
        In exact arithmetic σ stays below 1; the true σ(1000) falls short of 1 by about e⁻¹⁰⁰⁰, \
        far less than a double can tell from 1, so it rounds to exactly 1.
        """)
}
