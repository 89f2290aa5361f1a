// Exercise 36 · Max pooling 2×2, forward and backward
// Lesson: 15 (swift run lesson-15; Lessons/15-Convolutions/README.md)
//
// 2×2 max pooling with stride 2 cuts a feature map into 2×2 blocks and keeps the largest value
// of each block:
//
//     out[y][x] = max(map[2y][2x], map[2y][2x + 1], map[2y + 1][2x], map[2y + 1][2x + 1])
//
// An H × W map (H and W even here) gives an H/2 × W/2 output. Backward, a maximum passes a small
// change of its winner through unchanged and ignores the other three, so the gradient of out[y][x]
// goes to the winning pixel of its block and every other pixel gets 0:
//
//     gradMap[a][b] = gradOut[a / 2][b / 2] if (a, b) won its block, else 0
//
// Write `maxPool` (the forward pass) and `maxPoolBackward` (given the map and the gradient of
// the output, the gradient of the map). When two values of a block tie, the first in reading
// order (top-left, top-right, bottom-left, bottom-right) wins.
//
// Hint: Loop over the output's y and x; look at the four pixels (2y, 2x), (2y, 2x + 1),
//       (2y + 1, 2x), (2y + 1, 2x + 1) in that order and keep the first with the largest value
//       (replace only when a pixel is strictly larger). Backward, start from a map of zeros of the
//       map's size and put gradOut[y][x] at the winner's place.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E36 (in Exercises/).

public func maxPool(_ map: [[Double]]) -> [[Double]] {
    // Your code here.
    return []
}

public func maxPoolBackward(_ map: [[Double]], gradOut: [[Double]]) -> [[Double]] {
    // Your code here.
    return []
}
