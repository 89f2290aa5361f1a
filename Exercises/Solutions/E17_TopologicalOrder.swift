// Reference solution of exercise 17 · The topological order of a graph (lesson 8).
// The task is in Exercises/Sources/Exercises/E17_TopologicalOrder.swift.
//
// Why it works: A node is placed only when all of its inputs have been placed (its count of
//   missing inputs is 0), so each node comes after its inputs; every node is placed once,
//   because its count reaches 0 exactly once. In a graph without cycles some node is always
//   ready, so every node gets placed. The list of ready nodes needs no recursion, so no chain is
//   too long. Reversed, the order puts each node after everything computed from it, as
//   backward() needs. (micrograd's recursive walk with a `visited` set works too.)
// Common mistakes: returning the backward order as the forward one, placing a node used by two
//   values twice (no record of what is placed: on a value used twice at every step the walk
//   doubles with each step), or lowering a count once for an input used twice (that node never
//   becomes ready).

public func topologicalOrder(inputs: [[Int]]) -> [Int] {
    var missing = inputs.map(\.count)
    var users = Array(repeating: [Int](), count: inputs.count)
    for (node, nodeInputs) in inputs.enumerated() {
        for input in nodeInputs { users[input].append(node) }
    }
    var ready = inputs.indices.filter { missing[$0] == 0 }
    var order: [Int] = []
    while let node = ready.popLast() {
        order.append(node)
        for user in users[node] {
            missing[user] -= 1
            if missing[user] == 0 { ready.append(user) }
        }
    }
    return order
}

public func backwardOrder(inputs: [[Int]]) -> [Int] {
    topologicalOrder(inputs: inputs).reversed()
}
