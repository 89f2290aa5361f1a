// Reference solution of exercise 36 · Max pooling 2×2, forward and backward (lesson 15).
// The task is in Exercises/Sources/Exercises/E36_MaxPooling.swift.
//
// Why it works: Each output is the maximum of its own 2×2 block; nudging the winner by a tiny h
//   moves the maximum by h, nudging any other pixel of the block moves it not at all, so the
//   block's gradient lands on the winner alone (the same rule as ReLU's "through or blocked").
// Common mistakes: averaging the block (that is average pooling), spreading the gradient over
//   all four pixels, or giving it to every tied pixel (then a tie counts the gradient twice).

/// The place (row, column) of the first largest pixel of block (y, x).
private func winner(_ map: [[Double]], _ y: Int, _ x: Int) -> (Int, Int) {
    var best = (2 * y, 2 * x)
    for (a, b) in [(2 * y, 2 * x + 1), (2 * y + 1, 2 * x), (2 * y + 1, 2 * x + 1)] where map[a][b] > map[best.0][best.1]
    {
        best = (a, b)
    }
    return best
}

public func maxPool(_ map: [[Double]]) -> [[Double]] {
    (0..<map.count / 2).map { y in
        (0..<map[0].count / 2).map { x in
            let (a, b) = winner(map, y, x)
            return map[a][b]
        }
    }
}

public func maxPoolBackward(_ map: [[Double]], gradOut: [[Double]]) -> [[Double]] {
    var grad = map.map { $0.map { _ in 0.0 } }
    for y in 0..<map.count / 2 {
        for x in 0..<map[0].count / 2 {
            let (a, b) = winner(map, y, x)
            grad[a][b] += gradOut[y][x]
        }
    }
    return grad
}
