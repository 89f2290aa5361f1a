/// One-hot rows: row k is all zeros except a 1 in column `labels[k]`.
public func oneHot(_ labels: [Int], classes: Int) -> Matrix {
    var matrix = Matrix(rows: labels.count, columns: classes)
    for (k, label) in labels.enumerated() {
        precondition(label >= 0 && label < classes, "Label \(label) is outside 0..<\(classes)")
        matrix[k, label] = 1
    }
    return matrix
}

/// The index of the largest element of each row: the class a network predicts when its output
/// row holds one score per class. Ties go to the first.
public func argmaxOfRows(_ scores: Matrix) -> [Int] {
    (0..<scores.rows).map { i in
        var best = 0
        for j in 1..<max(scores.columns, 1) where scores[i, j] > scores[i, best] { best = j }
        return best
    }
}

/// The fraction of predictions equal to their labels, (number right) / (number of samples).
public func accuracy(predicted: [Int], expected: [Int]) -> Double {
    precondition(
        predicted.count == expected.count,
        "Accuracy needs as many predictions as labels, got \(predicted.count) and \(expected.count)")
    precondition(!predicted.isEmpty, "The accuracy of no predictions is undefined")
    return Double(zip(predicted, expected).filter { $0 == $1 }.count) / Double(predicted.count)
}

/// The confusion matrix: entry [truth][prediction] counts the samples of class `truth` that were
/// predicted as `prediction`. The diagonal holds the right answers.
public func confusionMatrix(predicted: [Int], expected: [Int], classes: Int) -> [[Int]] {
    precondition(
        predicted.count == expected.count,
        "A confusion matrix needs as many predictions as labels, got \(predicted.count) and \(expected.count)")
    var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
    for (p, e) in zip(predicted, expected) { counts[e][p] += 1 }
    return counts
}
