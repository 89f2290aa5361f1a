// Reference solution of exercise 7 · Two linear layers collapse into one (lesson 3).
// The task is in Exercises/Sources/Exercises/E07_CollapseLinearLayers.swift.
//
// Why it works: The matrix product distributes over the sum, (XW₁ + B₁)W₂ = XW₁W₂ + B₁W₂, and
//   it is associative, XW₁W₂ = X(W₁W₂). What is left without X, B₁W₂ + B₂, is the same for every
//   input: it is the one layer's bias, 1 × n_hidden times n_hidden × n_out, a row of n_out
//   numbers like B₂. So stacking layers without a non-linearity between them buys nothing.
// Common mistakes: B₁ + B₂ (B₁ must go through W₂ like everything the first layer outputs; the
//   shapes 1 × n_hidden and 1 × n_out do not even match), forgetting B₂, writing W₂B₁ (the order
//   matters for matrices), and returning the bias as a flat list instead of one row.

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

public func collapse(w1: [[Double]], b1: [[Double]], w2: [[Double]], b2: [[Double]]) -> (w: [[Double]], b: [[Double]]) {
    let wPrime = matrixProduct(w1, w2)  // W′ = W₁W₂

    let product = matrixProduct(b1, w2)  // B₁W₂, one row of n_out numbers
    let bPrime = [zip(product[0], b2[0]).map { $0 + $1 }]

    return (wPrime, bPrime)
}
