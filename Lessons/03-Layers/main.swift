// Lesson 3 · Layers and networks
//
// Neurons side by side make a layer, Y = f(XW + B); layers one after the other make a network.
// This lesson follows the shapes through a layer and a three-layer network, and shows why the
// activation must be non-linear: two linear layers are one linear layer in disguise.
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 3, title: "Layers and networks",
    summary: "A layer computes Y = f(XW + B); a network feeds each layer's output to the next.")

// MARK: - Step 1: the matrix product, by hand

lesson.step("The matrix product, by hand")
let left = Matrix([[1, 2, 3], [4, 5, 6]])
let right = Matrix([[1, 0], [0, 1], [2, -1]])
lesson.say(
    """
    A layer is computed with one matrix product, so here it is by hand first. For A (2 × 3) and \
    B (3 × 2), the entry in row i, column j of AB is row i of A times column j of B, term by \
    term, added up: (AB)ᵢⱼ = Σₖ AᵢₖBₖⱼ. The inner sizes must agree (3 and 3); the result is 2 × 2.\n
    """)
lesson.show("A", left, decimals: 0)
lesson.show("B", right, decimals: 0)
let product = left * right
lesson.say("")
for i in 0..<left.rows {
    for j in 0..<right.columns {
        let terms = (0..<left.columns).map { k in left[i, k] * right[k, j] }
        // A negative factor in brackets, with a real minus sign: 3·(−1).
        func factor(_ value: Double) -> String { value < 0 ? "(−\(fixed(-value, 0)))" : fixed(value, 0) }
        let written = (0..<left.columns).map { k in "\(factor(left[i, k]))·\(factor(right[k, j]))" }.joined(
            separator: " + ")
        lesson.say(
            "  (AB)\(["₁", "₂"][i])\(["₁", "₂"][j]) = \(written) = \(sumText(terms, 0)) = \(signed(product[i, j], 0).replacingOccurrences(of: "+", with: ""))"
        )
    }
}
lesson.show("\nAB", product, decimals: 0)

// MARK: - Step 2: one layer

lesson.step("A layer: n_out neurons, each with n_in weights")
lesson.say(
    """
    A layer of 2 neurons reading 3 inputs has 2 × 3 weights. Put neuron i's weights in column i of \
    W (3 rows = n_in, 2 columns = n_out) and its bias in B (1 × 2). For an input row X (1 × 3), \
    the weighted sums of all neurons at once are the product XW.\n
    """)
let layer = Dense(
    inputSize: 3, outputSize: 2, activation: .sigmoid, initialization: .standardNormal, using: &lesson.random)
let x = Matrix([[0.5, -1.0, 2.0]])
lesson.show("X", x)
lesson.show("W", layer.weights)
let (z, y) = layer.forward(x)
lesson.show("XW + B  (B is zero to start)", z)
lesson.show("Y = σ(XW + B)", y)
lesson.say("\nShape rule: (1 × 3) · (3 × 2) = (1 × 2); the inner sizes must agree.")

// MARK: - Step 3: a batch

lesson.step("Many samples at once: one per row")
lesson.say(
    """
    Stack N inputs as the rows of X (N × n_in): XW is N × n_out, B is added to every row, and row \
    k of Y is the layer's answer for sample k.\n
    """)
let batch = Matrix.random(rows: 4, columns: 3, using: &lesson.random)
lesson.show("X (4 samples)", batch)
lesson.show("Y = σ(XW + B)", layer(batch))

// MARK: - Step 4: stacking layers

lesson.step("A network: X_l = f_l(X_{l−1} W_l + B_l)")
let network = Network(sizes: [3, 4, 4, 2], activations: [.relu, .relu, .sigmoid], using: &lesson.random)
lesson.say(
    """
    Three layers 3 → 4 → 4 → 2. Each W_l has as many rows as the previous layer has outputs; the \
    network checks this when it is built. Shapes for our batch of 4:\n
    """)
let pass = network.forward(batch)
var shapes = Table(["", "input", "W", "B", "output", "activation"])
for (l, layer) in network.layers.enumerated() {
    let output = l + 1 < network.layers.count ? pass.inputs[l + 1] : pass.output
    shapes.add([
        "layer \(l + 1)", pass.inputs[l].shape, layer.weights.shape, layer.bias.shape, output.shape,
        layer.activation.rawValue
    ])
}
shapes.print()
lesson.say(
    "\n\(network.parameterCount) parameters in all: "
        + network.layers.map { "\($0.inputSize)·\($0.outputSize) + \($0.outputSize)" }.joined(separator: " + ") + ".")
// The network as a picture: one box per neuron, one arrow per weight (written with --svg).
let sizes = network.sizes
let layerNames = ["x"] + (1..<sizes.count - 1).map { "h\(["₁", "₂", "₃", "₄"][$0 - 1])" } + ["y"]
var networkNodes: [GraphDiagram.Node] = []
var firstOfLayer: [Int] = []
for (l, size) in sizes.enumerated() {
    firstOfLayer.append(networkNodes.count)
    for unit in 0..<size {
        networkNodes.append(GraphDiagram.Node(["\(layerNames[l])\(unit + 1)"], highlighted: l == sizes.count - 1))
    }
}
var networkEdges: [GraphDiagram.Edge] = []
for l in 1..<sizes.count {
    for from in 0..<sizes[l - 1] {
        for to in 0..<sizes[l] {
            networkEdges.append(GraphDiagram.Edge(from: firstOfLayer[l - 1] + from, to: firstOfLayer[l] + to))
        }
    }
}
lesson.writePicture(
    GraphDiagram(title: "A 3 → 4 → 4 → 2 network: one arrow per weight", nodes: networkNodes, edges: networkEdges),
    name: "network")
lesson.say(
    """
    Drawn as a picture (--svg writes it) the network is \(sizes.count) columns of \
    \(sizes.map(String.init).joined(separator: ", ")) neurons with an arrow for each of the \
    \(networkEdges.count) weights between neighbouring columns; the biases are the other \
    \(network.parameterCount - networkEdges.count) parameters.
    """)

// MARK: - Step 5: random weights mean nothing

lesson.step("Random weights give meaningless answers")
lesson.say(
    """
    Fresh from the generator, the network answers something for every input, but nothing connects \
    the answers to what we would want. Training (lessons 5 to 12) fixes that.\n
    """)
lesson.show("network(X)", pass.output)

// MARK: - Step 6: two linear layers collapse into one

lesson.step("Two linear layers are one linear layer")
let first = Dense(
    inputSize: 3, outputSize: 4, activation: .identity, initialization: .standardNormal, using: &lesson.random)
var second = Dense(
    inputSize: 4, outputSize: 2, activation: .identity, initialization: .standardNormal, using: &lesson.random)
let firstWithBias = Dense(
    weights: first.weights, bias: .random(rows: 1, columns: 4, using: &lesson.random), activation: .identity)
second.bias = .random(rows: 1, columns: 2, using: &lesson.random)
lesson.say("With f(x) = x, the second layer computes")
lesson.say("  (XW₁ + B₁)W₂ + B₂ = X(W₁W₂) + (B₁W₂ + B₂)")
lesson.say("So W′ = W₁W₂ and B′ = B₁W₂ + B₂ make ONE layer that does the same:\n")
let wPrime = firstWithBias.weights * second.weights
let bPrime = firstWithBias.bias * second.weights + second.bias
lesson.show("W′ = W₁W₂", wPrime)
lesson.show("B′ = B₁W₂ + B₂", bPrime)
let twoLayers = Network([firstWithBias, second])
let oneLayer = Dense(weights: wPrime, bias: bPrime, activation: .identity)
let inputs = Matrix.random(rows: 5, columns: 3, using: &lesson.random)
let collapseGap = twoLayers(inputs).largestDifference(from: oneLayer(inputs))
let outputScale = twoLayers(inputs).values.map(abs).max() ?? 1
switch agreement(largestDifference: collapseGap, scale: outputScale) {
case .agree:
    lesson.say(
        """
        \nOn 5 random inputs, the largest difference between the two-layer and the one-layer \
        outputs is \(scientific(collapseGap)): the same function, up to rounding.
        """)
case .differ:
    lesson.say(
        """
        \nOn 5 random inputs, the largest difference between the two-layer and the one-layer \
        outputs is \(scientific(collapseGap)): more than rounding, so something in the \
        computation is off.
        """)
}

// MARK: - Step 7: a non-linearity breaks the collapse

lesson.step("Put ReLU between them")
var bent = twoLayers
bent.layers[0].activation = .relu
let bentGap = bent(inputs).largestDifference(from: oneLayer(inputs))
switch agreement(largestDifference: bentGap, scale: outputScale) {
case .differ:
    lesson.say(
        """
        Same weights, ReLU on the first layer: the W′, B′ of step 6 now miss by up to \
        \(fixed(bentGap, 3)) on the same 5 inputs.
        """)
case .agree:
    lesson.say(
        """
        Same weights, ReLU on the first layer: on these 5 inputs the W′, B′ of step 6 still \
        match (difference \(scientific(bentGap))), because every ReLU unit passes its input \
        unchanged here.
        """)
}
lesson.say(
    """
    Could some other W′, B′ copy the bent network? Any single layer without activation, \
    g(X) = XW′ + B′, maps the midpoint of two inputs u, v to the midpoint of their outputs, \
    whatever W′ and B′ are:
    """)
lesson.say("  g((u + v)/2) = (g(u) + g(v))/2")
let pairs = Matrix.random(rows: 8, columns: 3, using: &lesson.random)
let straightTest = MidpointTest(of: { twoLayers($0) }, on: pairs)
let bentTest = MidpointTest(of: { bent($0) }, on: pairs)
lesson.say(
    """
    Test both networks on the \(bentTest.pairCount) pairs of 8 random inputs, by the largest gap \
    between the two sides:\n
    """)
var midpoints = Table(["network", "largest gap |g(mid) − mean|"])
midpoints.add(["two linear layers", scientific(straightTest.largestGap)])
midpoints.add(["ReLU in between", fixed(bentTest.largestGap, 4)])
midpoints.print()
print("")
let (i, j) = bentTest.worstPair
let u = pairs.rows(at: [i])
let v = pairs.rows(at: [j])
lesson.say("The ReLU network's worst pair, inputs \(i + 1) and \(j + 1):")
lesson.show("u", u)
lesson.show("v", v)
lesson.show("network((u + v)/2)", bent(0.5 * (u + v)))
lesson.show("(network(u) + network(v))/2", 0.5 * (bent(u) + bent(v)))
print("")
let bentScale = bent(pairs).values.map(abs).max() ?? 1
switch (straightTest.keepsMidpoints(scale: outputScale), bentTest.keepsMidpoints(scale: bentScale)) {
case (.agree, .differ):
    lesson.say(
        """
        The linear pair keeps every midpoint up to rounding, as it must. The ReLU network breaks \
        the rule by \(fixed(bentTest.largestGap, 3)) on inputs \(i + 1) and \(j + 1), so no W′, B′ \
        whatsoever can copy it: the non-linearity made something one linear layer cannot be.
        """)
case (.agree, .agree):
    lesson.say(
        """
        Both keep every midpoint on these inputs, so these inputs cannot tell the bent network \
        from one linear layer (a ReLU unit that stays on one side of 0 for all of them acts \
        linearly). Other inputs may still break the rule.
        """)
case (.differ, _):
    lesson.say(
        """
        The linear pair breaks the rule by more than rounding, which no linear layers can do: \
        something in the computation is off.
        """)
}
lesson.say(
    """
    \nThis is why a network needs non-linear activations. The universal approximation theorem \
    says how much they buy: a network with one hidden layer whose activation is continuous and \
    not a polynomial (ReLU, σ and tanh qualify; x² does not) can approximate any continuous \
    function on a closed, bounded region as closely as we like, provided the hidden layer is \
    wide enough. It is a statement about width, and it only says that such weights exist: not \
    how many neurons it takes, nor that training will find them. Lesson 10 trains a small \
    network on a curve no line can fit.
    """)
