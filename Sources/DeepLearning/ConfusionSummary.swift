/// The classes a confusion matrix (entry [truth][prediction], see `confusionMatrix`) reads worst:
/// the rows with the smallest share right,
///
///     share(c) = counts[c][c] / Σⱼ counts[c][j]
///
/// over the classes that have at least one sample. Every class tied at that share is returned,
/// smallest first, so a lesson never names one "hardest" class when several share the place.
/// Nil when no class has a sample.
public func hardestClasses(in confusion: [[Int]]) -> (classes: [Int], share: Double)? {
    let shares = confusion.indices.compactMap { c -> (Int, Double)? in
        let total = confusion[c].reduce(0, +)
        return total == 0 ? nil : (c, Double(confusion[c][c]) / Double(total))
    }
    guard let lowest = shares.map(\.1).min() else { return nil }
    return (shares.filter { $0.1 == lowest }.map(\.0), lowest)
}

/// The most frequent mistakes in a confusion matrix: the off-diagonal entries [truth][said],
/// truth ≠ said, with the largest count. Every pair tied at that count is returned, in row order,
/// so a lesson never names one "most frequent confusion" when several share the place. Nil when
/// there is no mistake at all.
public func mostFrequentConfusions(in confusion: [[Int]]) -> (pairs: [(truth: Int, said: Int)], count: Int)? {
    var largest = 0
    var pairs: [(truth: Int, said: Int)] = []
    for truth in confusion.indices {
        for said in confusion[truth].indices where said != truth {
            let count = confusion[truth][said]
            if count > largest {
                largest = count
                pairs = [(truth, said)]
            } else if count == largest && count > 0 {
                pairs.append((truth, said))
            }
        }
    }
    return largest == 0 ? nil : (pairs, largest)
}
