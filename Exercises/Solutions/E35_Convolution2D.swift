// Reference solution of exercise 35 · A 2D convolution forward pass (lesson 15).
// The task is in Exercises/Sources/Exercises/E35_Convolution2D.swift.
//
// Why it works: Output (y, x) is the filter laid with its top-left corner on pixel (y, x); it
//   fits while y + k − 1 ≤ H − 1, so y runs over H − k + 1 rows (and x over W − k + 1 columns),
//   and each output is the sum of the k·k products of a weight and the pixel under it.
// Common mistakes: an output as large as the image (running y up to H reads outside it), the
//   filter flipped (filter[k − 1 − i][k − 1 − j], the mathematicians' convolution), or
//   image[y + j][x + i] with rows and columns swapped.

public func convolve2D(image: [[Double]], filter: [[Double]]) -> [[Double]] {
    let k = filter.count
    let outHeight = image.count - k + 1
    let outWidth = image[0].count - k + 1
    guard outHeight > 0, outWidth > 0 else { return [] }
    var out = Array(repeating: Array(repeating: 0.0, count: outWidth), count: outHeight)
    for y in 0..<outHeight {
        for x in 0..<outWidth {
            var sum = 0.0
            for i in 0..<k {
                for j in 0..<k {
                    sum += filter[i][j] * image[y + i][x + j]
                }
            }
            out[y][x] = sum
        }
    }
    return out
}
