// Lesson 1 · A single neuron
//
// A neuron multiplies each input by a weight, adds the products and a bias, and passes the
// sum through an activation function: y = f(w₁x₁ + ⋯ + wₙxₙ + b). This lesson computes one
// by hand, step by step, then shows what the bias means for a ReLU neuron.
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 1, title: "A single neuron",
    summary: "A neuron weighs its inputs, adds a bias, and applies an activation f:\n  y = f(Σ wᵢxᵢ + b)")

// MARK: - Step 1: inputs, weights, products

lesson.step("Inputs meet weights")
let inputs = [0.5, -1.0, 2.0]
let neuron = Neuron(weights: [0.8, 0.2, 0.4], bias: 0.3, activation: .relu)
lesson.say(
    """
    Our neuron has three inputs x₁…x₃ and one weight per input. Each input is multiplied by its \
    weight:\n
    """)
var products = Table(["i", "input xᵢ", "weight wᵢ", "product wᵢxᵢ"])
let productList = neuron.products(inputs)
for i in inputs.indices {
    products.add(["\(i + 1)", fixed(inputs[i], 2), fixed(neuron.weights[i], 2), fixed(productList[i], 2)])
}
products.print()

// MARK: - Step 2: the sum, the bias, the activation

lesson.step("Add them up, add the bias, activate")
let weightedSum = neuron.products(inputs).reduce(0, +)
let z = neuron.preactivation(inputs)
lesson.say("  weighted sum   Σ wᵢxᵢ = \(sumText(neuron.products(inputs))) = \(fixed(weightedSum, 2))")
lesson.say("  plus the bias  z = \(fixed(weightedSum, 2)) + \(fixed(neuron.bias, 2)) = \(fixed(z, 2))")
lesson.say("  activation     y = ReLU(z) = max(0, \(fixed(z, 2))) = \(fixed(neuron(inputs), 2))")
lesson.say("\nReLU passes a positive sum through unchanged; a negative one would give 0. The neuron as a picture:\n")
// The neuron drawn as a small graph: each input enters the sum with its weight, the bias is added,
// the activation gives y.
let subscripts = ["₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
var neuronNodes = inputs.indices.map { GraphDiagram.Node(["x\(subscripts[$0]) = \(fixed(inputs[$0], 2))"]) }
neuronNodes.append(GraphDiagram.Node(["b = \(fixed(neuron.bias, 2))"]))
neuronNodes.append(GraphDiagram.Node(["z = Σ wᵢxᵢ + b = \(fixed(z, 2))"]))
neuronNodes.append(GraphDiagram.Node(["y = ReLU(z) = \(fixed(neuron(inputs), 2))"], highlighted: true))
let sumNode = inputs.count + 1
let outputNode = inputs.count + 2
let neuronEdges =
    inputs.indices.map {
        GraphDiagram.Edge(from: $0, to: sumNode, label: "× w\(subscripts[$0]) = \(fixed(neuron.weights[$0], 2))")
    }
    + [
        GraphDiagram.Edge(from: inputs.count, to: sumNode, label: "+ b"),
        GraphDiagram.Edge(from: sumNode, to: outputNode)
    ]
lesson.show(
    GraphDiagram(title: "One neuron: y = f(Σ wᵢxᵢ + b)", nodes: neuronNodes, edges: neuronEdges),
    root: outputNode, name: "neuron")
lesson.say("\nThe same weighted sum through other activation functions:")
var activations = Table(["activation f", "f(z)"])
for activation in Activation.allCases {
    let other = Neuron(weights: neuron.weights, bias: neuron.bias, activation: activation)
    activations.add([activation.rawValue, fixed(other(inputs), 4)])
}
activations.print()

// MARK: - Step 3: the bias as a threshold

lesson.step("For ReLU, −b is the threshold")
let gate = Neuron(weights: [1.0, 1.0], bias: -1.5, activation: .relu)
lesson.say(
    """
    A ReLU neuron with weights (1, 1) and bias b = \(fixed(gate.bias, 1)) outputs max(0, s + b), \
    where s is the weighted sum. It stays at 0 until s passes −b = \(fixed(-gate.bias, 1)).\n
    """)
var gateTable = Table(["inputs", "weighted sum s", "s + b", "output y"])
for pair in [[0.0, 0.0], [1.0, 0.0], [0.5, 1.0], [1.0, 1.0], [2.0, 1.0]] {
    let s = gate.products(pair).reduce(0, +)
    gateTable.add([
        "(\(fixed(pair[0], 1)), \(fixed(pair[1], 1)))", fixed(s, 2), fixed(gate.preactivation(pair), 2),
        fixed(gate(pair), 2)
    ])
}
gateTable.print()
print("")
lesson.show(
    Chart(
        title: "Output of the ReLU neuron against its weighted sum", xLabel: "weighted sum s", yLabel: "output y",
        series: [Series("y = max(0, s − 1.5)", from: 0, to: 4) { s in relu(s + gate.bias) }]),
    name: "relu-threshold")

// MARK: - Step 4: a neuron with random weights

lesson.step("A neuron with random weights")
lesson.say("Training starts from random weights. With seed \(lesson.seed), N(0, 1) draws give:")
let randomNeuron = Neuron(
    weights: (0..<3).map { _ in lesson.random.normal() }, bias: lesson.random.normal(), activation: .sigmoid)
lesson.say(
    "  weights \(randomNeuron.weights.map { signed($0, 4) }.joined(separator: ", ")), bias \(signed(randomNeuron.bias, 4))"
)
lesson.say(
    "  on the inputs above: y = σ(\(fixed(randomNeuron.preactivation(inputs), 4))) = \(fixed(randomNeuron(inputs), 4))")
lesson.say(
    """
    \nThis output means nothing yet: learning the weights is what the next lessons build up to.
    """)
lesson.say("Try another seed: swift run lesson-1 --seed 7")
