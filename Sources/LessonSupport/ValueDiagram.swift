import DeepLearning
import Plotting

/// The graph of tracked values behind `root` as a diagram: one box per value (its label and
/// operation, its data, and its gradient when `gradients` is on), one arrow per input, labelled
/// with the local derivative ∂value/∂input when `derivatives` is on. `root` is the last node.
public func diagram(
    of root: Value, title: String, gradients: Bool = false, derivatives: Bool = false,
    decimals: Int = 4
) -> GraphDiagram {
    let order = root.topologicalOrder()
    var index: [ObjectIdentifier: Int] = [:]
    for (k, value) in order.enumerated() { index[ObjectIdentifier(value)] = k }
    let nodes = order.map { value -> GraphDiagram.Node in
        var lines = [name(of: value)]
        lines.append("data " + fixed(value.data, decimals))
        if gradients { lines.append("grad " + fixed(value.gradient, decimals)) }
        return GraphDiagram.Node(lines, highlighted: value === root)
    }
    var edges: [GraphDiagram.Edge] = []
    for (k, value) in order.enumerated() {
        for (input, local) in zip(value.inputs, value.localDerivatives) {
            let derivative = value.label.isEmpty || input.label.isEmpty ? "local" : "∂\(value.label)/∂\(input.label) ="
            edges.append(
                GraphDiagram.Edge(
                    from: index[ObjectIdentifier(input)]!, to: k,
                    label: derivatives ? derivative + " " + fixed(local, 2) : ""))
        }
    }
    return GraphDiagram(title: title, nodes: nodes, edges: edges)
}

/// How a tracked value is named in tables and drawings: "n = +", "w₁", or the operation alone.
public func name(of value: Value) -> String {
    switch (value.label.isEmpty, value.operation.isEmpty) {
    case (false, false): return "\(value.label) = \(value.operation)"
    case (false, true): return value.label
    case (true, false): return value.operation
    case (true, true): return fixed(value.data, 2)  // a constant
    }
}
