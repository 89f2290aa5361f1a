// Reference solution of exercise 26 · One-hot rows and back (lesson 11).
// The task is in Exercises/Sources/Exercises/E26_OneHot.swift.
//
// Why it works: Column j of a row stands for class j, so label k's row has its single 1 at index
//   k; its largest entry is then at k, and argmax recovers the label. Moving the best index only
//   on a strictly larger entry keeps the first of equal entries.
// Common mistakes: rows of 9 numbers for the classes 0 … 9 (there are 10), the 1 at label + 1 (as
//   if class 1 were column 0), starting the best value at 0 (wrong when every entry is negative),
//   and >= instead of > (the last of a tie).

public func oneHot(_ labels: [Int], classes: Int) -> [[Double]] {
    var rows: [[Double]] = []
    for label in labels {
        var row = Array(repeating: 0.0, count: classes)
        row[label] = 1
        rows.append(row)
    }
    return rows
}

public func argmaxOfRow(_ row: [Double]) -> Int {
    var best = 0
    for j in row.indices where row[j] > row[best] {
        best = j
    }
    return best
}
