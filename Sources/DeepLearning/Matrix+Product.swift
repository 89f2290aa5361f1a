// MARK: - The matrix product

extension Matrix {
    /// The matrix product C = AB of an m × k and a k × n matrix, Cᵢⱼ = Σₗ Aᵢₗ Bₗⱼ.
    ///
    /// Cost: m·k·n multiply-adds. This runs the cache-friendly kernel `productKernel`; the
    /// tests check it against `naiveProduct`, the formula written as three loops.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows,
                     "A matrix product needs the left's columns to equal the right's rows, got \(lhs.shape) times \(rhs.shape)")
        return productKernel(lhs, rhs)
    }

    /// The reference product: Cᵢⱼ = Σₗ Aᵢₗ Bₗⱼ, written exactly as the formula reads.
    public static func naiveProduct(_ lhs: Matrix, _ rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows,
                     "A matrix product needs the left's columns to equal the right's rows, got \(lhs.shape) times \(rhs.shape)")
        var result = Matrix(rows: lhs.rows, columns: rhs.columns)
        for i in 0..<lhs.rows {
            for j in 0..<rhs.columns {
                var sum = 0.0
                for l in 0..<lhs.columns { sum += lhs[i, l] * rhs[l, j] }
                result[i, j] = sum
            }
        }
        return result
    }

    /// The same product as `naiveProduct`, reordered for speed: for each row i of A and each l,
    /// row l of B scaled by Aᵢₗ is added into row i of C. Memory is read in the order it is
    /// stored, and the inner loop is a plain "y += a·x" that the compiler vectorises. Columns of
    /// B are taken in blocks so the part of C being built stays in the processor's cache.
    static func productKernel(_ lhs: Matrix, _ rhs: Matrix) -> Matrix {
        let m = lhs.rows, k = lhs.columns, n = rhs.columns
        var result = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n, values: result) }
        let blockWidth = 256
        result.withUnsafeMutableBufferPointer { c in
            lhs.values.withUnsafeBufferPointer { a in
                rhs.values.withUnsafeBufferPointer { b in
                    var jStart = 0
                    while jStart < n {
                        let jEnd = min(jStart + blockWidth, n)
                        for i in 0..<m {
                            let cRow = c.baseAddress! + i * n
                            for l in 0..<k {
                                let ail = a[i * k + l]
                                let bRow = b.baseAddress! + l * n
                                for j in jStart..<jEnd { cRow[j] += ail * bRow[j] }
                            }
                        }
                        jStart = jEnd
                    }
                }
            }
        }
        return Matrix(rows: m, columns: n, values: result)
    }
}
