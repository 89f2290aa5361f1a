// Exercise 7 · Two linear layers collapse into one
// Lesson: 3 (swift run lesson-3; Lessons/03-Layers/README.md)
//
// Step 6 of lesson 3: two layers without activation (f(x) = x), the first with weights W₁ and
// biases B₁, the second with W₂ and B₂, compute for an input row X
//
//     Y = (XW₁ + B₁)W₂ + B₂
//       = XW₁W₂ + B₁W₂ + B₂          (multiply out the bracket)
//       = X(W₁W₂) + (B₁W₂ + B₂)      (group what does not depend on X)
//
// so ONE layer with W′ = W₁W₂ and B′ = B₁W₂ + B₂ gives the same Y for every X.
//
// `collapse` below does this for matrices stored as rows ([[Double]], a bias is one row: B₁ is
// 1 × n_hidden, B₂ is 1 × n_out). The product helper (step 1's (AB)ᵢⱼ = Σₖ AᵢₖBₖⱼ) and W′ are
// written for you. Write the missing step: B′, a matrix of one row and n_out numbers.
//
// Hint: B₁ is a matrix of one row, so `matrixProduct(b1, w2)` is B₁W₂, one row of n_out numbers.
//       Add B₂'s numbers to that row one by one, and return the result as a matrix of one row,
//       `[row]`.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E07 (in Exercises/).

/// The matrix product AB: A is n × m, B is m × p, the result n × p, element [i][j] = Σₖ A[i][k]·B[k][j].
public func matrixProduct(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    let columns = b.first?.count ?? 0
    return a.map { row in
        (0..<columns).map { j in
            var sum = 0.0
            for k in row.indices {
                sum += row[k] * b[k][j]
            }
            return sum
        }
    }
}

/// The one layer (W′, B′) that computes the same as the layer (W₁, B₁) followed by (W₂, B₂).
public func collapse(w1: [[Double]], b1: [[Double]], w2: [[Double]], b2: [[Double]]) -> (w: [[Double]], b: [[Double]]) {
    let wPrime = matrixProduct(w1, w2)  // W′ = W₁W₂

    // Your step: B′ = B₁W₂ + B₂.
    let bPrime: [[Double]] = []

    return (wPrime, bPrime)
}
