// Lesson 8 · Multi-layer nets and backprop
//
// For a network the chain rule runs backwards from the loss through every layer: backprop.
// This lesson does it by hand on a 2-2-1 network, checks the core's version against finite
// differences, then trains networks on a curve no straight line can follow.
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 8, title: "Multi-layer nets and backprop",
    summary: "The chain rule, backwards from the loss through each layer, gives every weight's gradient.",
    options: [
        LessonOption("hidden", default: "16", .integer(1...512), help: "hidden units of the network that learns the curve"),
        .learningRate(default: "0.05"),
        .epochs(default: 3000, help: "passes through the 40 points"),
    ])

// MARK: - Step 1: a 2-2-1 network by hand

lesson.step("Backprop by hand on a 2-2-1 network")
let tiny = Network([
    Dense(weights: Matrix([[0.5, -1], [1, 0.5]]), bias: Matrix(row: [0, 0.25]), activation: .sigmoid),
    Dense(weights: Matrix([[1], [-2]]), bias: Matrix(row: [0.5]), activation: .identity),
])
let x = Matrix([[1, 0.5]]), target = Matrix([[1]])
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
lesson.say("backward, from the loss to the inputs")
lesson.say("  dy  = 2(y − 1)                 = \(fixed(dy[0, 0]))")
lesson.say("  dW₂ = hᵀ·dy                    = (\(fixed(dW2[0, 0])), \(fixed(dW2[1, 0])))      dB₂ = dy = \(fixed(dy[0, 0]))")
lesson.say("  dh  = dy·W₂ᵀ                   = (\(fixed(dh[0, 0])), \(fixed(dh[0, 1])))")
lesson.say("  dz₁ = dh ⊙ σ′(z₁), σ′ = σ(1 − σ) = (\(fixed(dz1[0, 0])), \(fixed(dz1[0, 1])))")
lesson.say("  dW₁ = xᵀ·dz₁                   = [[\(fixed(dW1[0, 0])), \(fixed(dW1[0, 1]))], [\(fixed(dW1[1, 0])), \(fixed(dW1[1, 1]))]]")
lesson.say("  dB₁ = dz₁                      = (\(fixed(dz1[0, 0])), \(fixed(dz1[0, 1])))")
lesson.say("""
    \nEach layer turns the gradient of its output into the gradients of its weights, its biases \
    and its input; the input's gradient is what the layer before it receives.
    """)

// MARK: - Step 2: the same numbers from the core

lesson.step("The core's backward pass gives the same numbers")
let (coreLoss, coreGradients) = tiny.lossAndGradients(input: x, target: target)
var same = Table(["", "by hand", "Network.backward", "difference"])
let pairs: [(String, Matrix, Matrix)] = [("dW₁", dW1, coreGradients[0].weights), ("dB₁", dz1, coreGradients[0].bias),
                                         ("dW₂", dW2, coreGradients[1].weights), ("dB₂", dy, coreGradients[1].bias)]
for (name, byHand, core) in pairs {
    same.add([name, byHand.values.map { fixed($0, 3) }.joined(separator: " "), core.values.map { fixed($0, 3) }.joined(separator: " "),
              scientific(byHand.largestDifference(from: core))])
}
same.print()
lesson.say("\nloss \(fixed(coreLoss)) both ways.")

// MARK: - Step 3: checking every gradient

lesson.step("Every gradient checked against finite differences")
let checked = Network(sizes: [3, 6, 4, 2], activations: [.tanh, .sigmoid, .identity], initialization: .standardNormal, using: &lesson.random)
let checkInputs = Matrix.random(rows: 5, columns: 3, using: &lesson.random)
let checkTargets = Matrix.random(rows: 5, columns: 2, using: &lesson.random)
let report = gradientCheck(checked, input: checkInputs, target: checkTargets)
lesson.say("""
    A 3-6-4-2 network (tanh, sigmoid, identity) with random weights, on 5 random samples. Each of \
    its \(report.parametersChecked) parameters is nudged both ways to estimate ∂loss/∂p, and \
    compared with backprop: relative difference |g − ĝ| / (|g| + |ĝ|).\n
    """)
let where_ = report.worstLocation
lesson.say("""
    worst relative difference: \(scientific(report.worstRelativeDifference)), at layer \
    \(where_.layer), \(where_.kind) (\(where_.row), \(where_.column))
    """)
lesson.say(report.worstRelativeDifference <= 1e-6 ? "Below 1e-6 everywhere: backprop is right." : "Above 1e-6: something is wrong in backprop!")
lesson.say("""
    \nThe check costs 4 loss evaluations per parameter; backprop costs about two forward passes \
    for all of them together. That is the whole point of backprop.
    """)

// MARK: - Step 4: a curve no line can fit

lesson.step("A curve no straight line can fit")
let xs = (0..<40).map { Double($0) / 39 }
let inputs = Matrix(column: xs), targets = Matrix(column: xs.map { sin(2 * Double.pi * $0) })
let hidden = lesson.integer("hidden"), learningRate = lesson.number("learning-rate"), epochs = lesson.integer("epochs")
lesson.say("""
    40 points of y = sin(2πx) on [0, 1]. A 1-\(hidden)-1 network with tanh hidden units, trained \
    with mini-batches of 10 for \(epochs) epochs at lr = \(learningRate):\n
    """)

/// Trains a fresh 1-h-1 network on the sine points and returns it with its loss per epoch.
func trainCurve(hidden: Int, activation: Activation, generator: inout SeededGenerator) -> (Network, [Double]) {
    var network = Network(sizes: [1, hidden, 1], activations: [activation, .identity], using: &generator)
    var losses = [meanSquaredError(predicted: network(inputs), expected: targets)]
    for _ in 0..<epochs {
        trainOneEpoch(&network, inputs: inputs, targets: targets, batchSize: 10,
                      optimizer: StochasticGradientDescent(learningRate: learningRate), using: &generator)
        losses.append(meanSquaredError(predicted: network(inputs), expected: targets))
    }
    return (network, losses)
}
let (curveNet, curveLosses) = trainCurve(hidden: hidden, activation: .tanh, generator: &lesson.random)
if curveLosses.contains(where: { !$0.isFinite || $0 > divergenceFactor * max(curveLosses[0], 1) }) {
    lesson.stop("training diverged with lr = \(learningRate) (the loss grew past \(scientific(divergenceFactor, 0)) × its start); try a smaller --learning-rate")
}
var progress = Table(["epoch", "loss"])
for epoch in [0, 1, 10, 100, 500, 1000, 2000, epochs] where epoch <= epochs {
    progress.add(["\(epoch)", fixed(curveLosses[epoch], 5)])
}
progress.print()
let line = leastSquaresLine(LineData(x: xs, y: targets.values))
let fine = (0...200).map { Double($0) / 200 }
let fit = curveNet(Matrix(column: fine)).values
print("")
lesson.show(
    Chart(title: "What the 1-\(hidden)-1 network learned", xLabel: "x", yLabel: "y",
          series: [Series("points of sin 2πx", x: xs, y: targets.values, style: .points),
                   Series("network", x: fine, y: fit),
                   Series("best straight line", from: 0, to: 1) { line($0) }]),
    name: "curve-fit")

// MARK: - Step 5: without non-linearity

lesson.step("The same network without a non-linearity")
let (_, linearLosses) = trainCurve(hidden: hidden, activation: .identity, generator: &lesson.random)
let lineLoss = meanSquaredError(of: line, on: LineData(x: xs, y: targets.values))
var collapse = Table(["model", "final loss"])
collapse.add(["1-\(hidden)-1, tanh", fixed(curveLosses.last!, 5)])
collapse.add(["1-\(hidden)-1, identity", fixed(linearLosses.last!, 5)])
collapse.add(["best straight line", fixed(lineLoss, 5)])
collapse.print()
lesson.say("""
    \nWith f(x) = x the \(hidden) hidden units collapse into one linear layer (lesson 3): however \
    long it trains, it can do no better than the best straight line, and it gets there.
    """)

// MARK: - Step 6: more hidden units

lesson.step("More hidden units fit better")
let sizes = [1, 2, 4, 8, 16]
var bySize = Table(["hidden units", "parameters", "final loss"])
var finalLosses: [Double] = []
for size in sizes {
    let (network, losses) = trainCurve(hidden: size, activation: .tanh, generator: &lesson.random)
    finalLosses.append(losses.last!)
    bySize.add(["\(size)", "\(network.parameterCount)", fixed(losses.last!, 5)])
}
bySize.print()
print("")
lesson.show(BarChart(title: "Final loss by number of hidden units", labels: sizes.map { "\($0) hidden" }, values: finalLosses, decimals: 4),
            name: "hidden-units")
lesson.say("""
    \nOne tanh unit makes one S-shaped step; a wave needs a few of them, added up. The universal \
    approximation theorem says that enough hidden units can follow any continuous curve as closely \
    as we like; training still has to find the weights, which takes time.
    """)
