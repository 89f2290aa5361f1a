// Exercise 17 · The topological order of a graph
// Lesson: 8 (swift run lesson-8; Lessons/08-GradientTracker/README.md)
//
// backward() may pass ∂o/∂v on from a value v only once it is complete, that is after every value
// computed from v has sent its contribution. So it visits the values in the reverse of a
// topological order: a list of all the nodes where every node comes after all of its inputs.
//
// Here a graph is given as a list of nodes, `inputs[k]` holding the indices of node k's inputs
// (empty for a leaf), in no particular order. y = x·x + x, listed as y, x·x, x, is
//
//     [[1, 2], [2, 2], []]        (y = node 1 + node 2, node 1 = node 2 × node 2, node 2 = x)
//
// and its only topological order is [2, 1, 0]. Write `topologicalOrder`, which returns every
// node exactly once, each after all of its inputs, and `backwardOrder`, the order backward()
// walks (the reverse). A node may use the same input twice, and a value may feed many others:
// remember which nodes are placed, so that none is placed (or visited) twice. The checks include
// a chain of 10,000 values and a value used twice at each of 20 steps.
//
// Hint: Count for each node how many of its inputs are not yet placed (an input used twice
//       counts twice). Place every node whose count is 0 (the leaves first), and each time you
//       place a node, lower the count of every node that uses it, once per use: a node whose
//       count reaches 0 is ready. For that, first build `users[k]`, the nodes that use node k.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E17 (in Exercises/).

public func topologicalOrder(inputs: [[Int]]) -> [Int] {
    // Your code here.
    return []
}

public func backwardOrder(inputs: [[Int]]) -> [Int] {
    // Your code here.
    return []
}
