/// 2 × 2 max pooling with stride 2 of maps in the one-row-per-pixel layout of
/// `ConvolutionGeometry`: each output pixel is the largest of a 2 × 2 block,
///
///     Y[n, y, x, c] = max(X[n, 2y, 2x, c], X[n, 2y, 2x + 1, c], X[n, 2y + 1, 2x, c], X[n, 2y + 1, 2x + 1, c])
///
/// For an odd height or width the last row or column is dropped (H/2 rounded down). `winners[m]`
/// is the index in `maps.values` of the input that gave output value m (the first of equal ones):
/// the backward pass sends each gradient there.
public func maxPool2x2(_ maps: Matrix, height: Int, width: Int) -> (pooled: Matrix, winners: [Int]) {
    precondition(
        height >= 2 && width >= 2 && maps.rows % (height * width) == 0,
        "2×2 pooling of \(height)×\(width) maps needs (N·\(height * width)) rows and maps at least 2×2, got \(maps.shape)"
    )
    let count = maps.rows / (height * width)
    let c = maps.columns
    let outH = height / 2
    let outW = width / 2
    var pooled = [Double](repeating: 0, count: count * outH * outW * c)
    var winners = [Int](repeating: 0, count: pooled.count)
    maps.values.withUnsafeBufferPointer { x in
        for n in 0..<count {
            for y in 0..<outH {
                for xo in 0..<outW {
                    let out = ((n * outH + y) * outW + xo) * c
                    let topLeft = ((n * height + 2 * y) * width + 2 * xo) * c
                    let candidates = [topLeft, topLeft + c, topLeft + width * c, topLeft + width * c + c]
                    for ch in 0..<c {
                        var best = candidates[0] + ch
                        for candidate in candidates.dropFirst() where x[candidate + ch] > x[best] {
                            best = candidate + ch
                        }
                        pooled[out + ch] = x[best]
                        winners[out + ch] = best
                    }
                }
            }
        }
    }
    return (Matrix(rows: count * outH * outW, columns: c, values: pooled), winners)
}

/// The gradient of 2 × 2 max pooling: each output's gradient goes to the input that won its
/// block, every other input gets 0,
///
///     ∂L/∂X[w] = Σ over outputs m with winners[m] = w of ∂L/∂Y[m]
///
/// (a maximum passes small changes of its winner through unchanged and ignores the others).
/// `inputRows` × `gradient.columns` is the shape of the pooled maps' input.
public func maxPool2x2Backward(_ gradient: Matrix, winners: [Int], inputRows: Int) -> Matrix {
    precondition(
        winners.count == gradient.values.count,
        "One winner per pooled value: \(gradient.values.count) values, \(winners.count) winners")
    var result = Matrix(rows: inputRows, columns: gradient.columns)
    for (m, w) in winners.enumerated() { result.values[w] += gradient.values[m] }
    return result
}
