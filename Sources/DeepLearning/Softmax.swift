import Foundation

/// Softmax: turns K scores (any real numbers) into K probabilities, positive and summing to 1,
///
///     pₖ = e^(zₖ) / Σⱼ e^(zⱼ)
///
/// Computed as pₖ = e^(zₖ − m) / Σⱼ e^(zⱼ − m) with m = maxⱼ zⱼ: the same numbers (the factor
/// e^(−m) cancels between top and bottom), but every exponent is ≤ 0, so no e^(zⱼ) overflows to
/// infinity (e^1000 would) and the largest term is exactly e⁰ = 1, so the sum is never 0.
public func softmax(_ scores: [Double]) -> [Double] {
    precondition(!scores.isEmpty, "Softmax needs at least one score")
    let m = scores.max()!
    let exponentials = scores.map { exp($0 - m) }
    let sum = exponentials.reduce(0, +)
    return exponentials.map { $0 / sum }
}

/// log Σⱼ e^(zⱼ), computed as m + log Σⱼ e^(zⱼ − m) with m = maxⱼ zⱼ (finite for any finite scores).
public func logSumExp(_ scores: [Double]) -> Double {
    precondition(!scores.isEmpty, "log-sum-exp needs at least one score")
    let m = scores.max()!
    return m + log(scores.reduce(0) { $0 + exp($1 - m) })
}

/// Softmax of every row of a matrix: row i of the result is `softmax(row i of scores)`.
public func softmaxOfRows(_ scores: Matrix) -> Matrix {
    var result = scores
    scores.values.withUnsafeBufferPointer { z in
        result.values.withUnsafeMutableBufferPointer { p in
            softmaxRows(z, into: p, rows: scores.rows, columns: scores.columns)
        }
    }
    return result
}

/// The stable softmax of each of `rows` rows of `columns` values, from z into p (the same
/// formula as `softmax`, on raw buffers; `z` and `p` may be the same memory).
func softmaxRows(_ z: UnsafeBufferPointer<Double>, into p: UnsafeMutableBufferPointer<Double>, rows: Int, columns: Int)
{
    guard columns > 0 else { return }
    for i in 0..<rows {
        let start = i * columns
        var m = z[start]
        for j in 1..<columns where z[start + j] > m { m = z[start + j] }
        var sum = 0.0
        for j in 0..<columns {
            let e = exp(z[start + j] - m)
            p[start + j] = e
            sum += e
        }
        for j in 0..<columns { p[start + j] /= sum }
    }
}
