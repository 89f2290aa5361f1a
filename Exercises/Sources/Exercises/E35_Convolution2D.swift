// Exercise 35 · A 2D convolution forward pass
// Lesson: 15 (swift run lesson-15; Lessons/15-Convolutions/README.md)
//
// Slide a k × k filter over an image, with no padding ("valid") and a step of 1. At every place
// where the filter fits wholly inside the image, multiply each weight by the pixel under it and
// add the products:
//
//     out[y][x] = Σᵢ Σⱼ filter[i][j] · image[y + i][x + j]     (i, j = 0 … k − 1)
//
// An H × W image and a k × k filter give an (H − k + 1) × (W − k + 1) output. (Deep-learning
// libraries call this a convolution although the filter is not flipped.)
//
// Write `convolve2D`. The image and the filter are lists of rows.
//
// Hint: Two loops over the output's rows y and columns x (0 ..< H − k + 1 and 0 ..< W − k + 1),
//       and inside two more over the filter's i and j adding filter[i][j] * image[y + i][x + j].
//       Lesson 15's step 1 prints the nine products and their sum at one position.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E35 (in Exercises/).

public func convolve2D(image: [[Double]], filter: [[Double]]) -> [[Double]] {
    // Your code here.
    return []
}
