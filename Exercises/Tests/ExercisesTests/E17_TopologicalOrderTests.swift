import XCTest
import Foundation
import ExerciseChecks
@testable import E17_TopologicalOrder

/// Checks of exercise 17 · The topological order of a graph.
final class E17_TopologicalOrderTests: XCTestCase {
    let exercise = Exercise(lesson: 8, failure: XCTFail)

    /// Lesson 8's neuron o = tanh(x₁w₁ + x₂w₂ + b), its nodes listed out of order (o first).
    private let neuronNames = ["o", "s", "x₁", "n", "w₂", "x₁w₁", "b", "x₂w₂", "w₁", "x₂"]
    private let neuronInputs = [[3], [5, 7], [], [1, 6], [], [2, 8], [], [9, 4], [], []]

    /// What is wrong with `order` as a topological order of the graph (or, with `backward`, as
    /// its reverse), or nil when nothing is.
    private func problem(_ order: [Int], _ inputs: [[Int]], names: [String]? = nil, backward: Bool = false) -> String? {
        func name(_ node: Int) -> String { names.map { $0[node] } ?? "node \(node)" }
        if order.count != inputs.count {
            if order.isEmpty { return "no entries" }
            let missing = inputs.count - Set(order).count
            return
                "\(order.count) entr\(order.count == 1 ? "y" : "ies")\(order.count <= 12 ? " " + listed(order, names: names) : "")"
                + (order.count < inputs.count ? " (\(missing) node\(missing == 1 ? "" : "s") never placed)" : "")
        }
        var position = Array(repeating: -1, count: inputs.count)
        for (place, node) in order.enumerated() {
            guard inputs.indices.contains(node) else { return "\(node) at place \(place), which is not a node" }
            guard position[node] < 0 else { return "\(name(node)) twice, at places \(position[node]) and \(place)" }
            position[node] = place
        }
        for node in order {
            for input in inputs[node] {
                if !backward, position[input] > position[node] {
                    return
                        "\(name(node)) at place \(position[node]), before its input \(name(input)) at place \(position[input])"
                }
                if backward, position[input] < position[node] {
                    return
                        "\(name(input)) at place \(position[input]), before \(name(node)) at place \(position[node]), which uses it"
                }
            }
        }
        return nil
    }

    private func listed(_ order: [Int], names: [String]?) -> String {
        "["
            + order.map { node in names.flatMap { $0.indices.contains(node) ? $0[node] : nil } ?? "\(node)" }.joined(
                separator: ", ") + "]"
    }

    /// Fails with expected and got when `order` is not a topological order, or with `backward`
    /// not the reverse of one.
    @discardableResult
    private func expectValid(
        _ order: [Int], _ inputs: [[Int]], names: [String]? = nil, backward: Bool = false, _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Bool {
        guard let found = problem(order, inputs, names: names, backward: backward) else { return true }
        let expected =
            backward
            ? "all \(inputs.count) nodes once, each before all of its inputs"
            : "all \(inputs.count) nodes once, each after all of its inputs"
        let got =
            order.count == inputs.count && order.count <= 12 ? "\(listed(order, names: names)), with \(found)" : found
        var text = "\(what): expected \(expected), got \(got)."
        if !order.isEmpty, problem(order, inputs, backward: !backward) == nil {
            text +=
                backward
                ? " That is the forward order: backward() walks it from the end."
                : " That is the backward order: here a node comes after its inputs."
        } else if !order.isEmpty, Set(order).count < order.count {
            text += " Keep a record of the nodes already placed: a value that feeds several others is placed once."
        }
        exercise.fail(text, file: file, line: line)
        return false
    }

    func testNeuronOfLesson8() {
        let order = topologicalOrder(inputs: neuronInputs)
        expectValid(order, neuronInputs, names: neuronNames, "topological order of lesson 8's neuron")
        let backward = backwardOrder(inputs: neuronInputs)
        expectValid(backward, neuronInputs, names: neuronNames, backward: true, "backward order of lesson 8's neuron")
        if !backward.isEmpty {
            exercise.expectEqual(
                neuronNames[backward[0]], "o", "first node of the backward order (∂o/∂o = 1 starts there)")
        }
    }

    func testValueUsedTwice() {
        // y = x·x + x listed as y, x·x, x: x·x uses x twice, and x feeds both x·x and y.
        let inputs = [[1, 2], [2, 2], []]
        let order = topologicalOrder(inputs: inputs)
        exercise.expectEqual(
            order, [2, 1, 0], "topological order of y = x·x + x listed as [y, x·x, x]",
            nudge: order.count > 3
                ? "x is used three times but is one node: place it once."
                : order == [0, 1, 2] ? "That is the backward order: here a node comes after its inputs." : "",
            untouched: order.isEmpty)
        exercise.expectEqual(
            backwardOrder(inputs: inputs), [0, 1, 2], "backward order of y = x·x + x listed as [y, x·x, x]",
            untouched: backwardOrder(inputs: inputs).isEmpty)
    }

    func testRandomGraphs() {
        // Random graphs without cycles: nodes made one after another from 0 to 3 earlier ones
        // (repeats allowed), then listed in a shuffled order.
        var random = TestRandom(seed: 17)
        for _ in 0..<30 {
            let count = 1 + Int(random.uniform(0, 30))
            var made: [[Int]] = []
            for k in 0..<count {
                let uses = k == 0 ? 0 : Int(random.uniform(0, 4))
                made.append((0..<uses).map { _ in Int(random.uniform(0, Double(k))) })
            }
            var listing = Array(0..<count)
            for k in stride(from: count - 1, to: 0, by: -1) { listing.swapAt(k, Int(random.uniform(0, Double(k + 1)))) }
            var place = Array(repeating: 0, count: count)
            for (index, node) in listing.enumerated() { place[node] = index }
            let inputs = listing.map { node in made[node].map { place[$0] } }
            let graph = "a random graph of \(count) node\(count == 1 ? "" : "s")" + (count <= 6 ? " \(inputs)" : "")
            guard expectValid(topologicalOrder(inputs: inputs), inputs, "topological order of \(graph)"),
                expectValid(backwardOrder(inputs: inputs), inputs, backward: true, "backward order of \(graph)")
            else { return }
        }
    }

    func testValueUsedTwiceAtEveryStep() {
        // v₀ = a leaf, vₖ = vₖ₋₁ × vₖ₋₁ up to v₂₀, listed from v₂₀ down to v₀. A walk that does not
        // remember what it has placed visits v₀ about a million times.
        let inputs = (0...20).map { k in k == 20 ? [] : [k + 1, k + 1] }
        let order = topologicalOrder(inputs: inputs)
        exercise.expectEqual(
            order.count, 21, "number of entries in the topological order of v₂₀ = (…((v₀²)²)…)² (21 nodes)",
            nudge: order.count > 21 ? "Keep a record of the nodes already placed: each is placed once." : "",
            untouched: order.isEmpty)
        if order.count == 21 { expectValid(order, inputs, "topological order of v₂₀ = (…((v₀²)²)…)²") }
    }

    func testVeryLongChain() {
        // A chain of 10,000 values, each made from the next one in the list: the order is the list reversed.
        let count = 10_000
        let inputs = (0..<count).map { k in k == count - 1 ? [] : [k + 1] }
        let order = topologicalOrder(inputs: inputs)
        expectValid(order, inputs, "topological order of a chain of \(count) values listed from the last to the first")
        if let first = order.first {
            exercise.expectEqual(first, count - 1, "first node of that chain's order (the only leaf)")
        }
    }
}
