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

    /// The same product as `naiveProduct`, computed by the register-blocked kernel in
    /// Matrix+BlockedKernel.swift.
    static func productKernel(_ lhs: Matrix, _ rhs: Matrix) -> Matrix {
        let m = lhs.rows, k = lhs.columns, n = rhs.columns
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n) }
        // The kernel writes every element once, so the result needs no zeroing first.
        let result = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            lhs.values.withUnsafeBufferPointer { a in
                rhs.values.withUnsafeBufferPointer { b in
                    blockedMultiplyAdd(left: a.baseAddress!, leftRowStride: k, leftColumnStride: 1,
                                       right: b.baseAddress!, into: c.baseAddress!, m: m, n: n, k: k, accumulate: false)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, values: result)
    }
}

// MARK: - The product plus a row, in one pass

extension Matrix {
    /// XW + B for a row B added to every row, as a layer computes it: the same numbers as
    /// `(self * other).addingToEachRow(row)`, in one pass (each row of the result starts as B
    /// and the products are added into it).
    public func times(_ other: Matrix, plusRow row: Matrix) -> Matrix {
        precondition(columns == other.rows,
                     "A matrix product needs the left's columns to equal the right's rows, got \(shape) times \(other.shape)")
        precondition(row.rows == 1 && row.columns == other.columns,
                     "Adding a row to each row of a \(rows)×\(other.columns) product needs a 1×\(other.columns) row, got \(row.shape)")
        let m = rows, k = columns, n = other.columns
        let result = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            row.values.withUnsafeBufferPointer { bias in
                for i in 0..<m { (c.baseAddress! + i * n).initialize(from: bias.baseAddress!, count: n) }
            }
            initialized = m * n
            guard m > 0, n > 0, k > 0 else { return }
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    blockedMultiplyAdd(left: a.baseAddress!, leftRowStride: k, leftColumnStride: 1,
                                       right: b.baseAddress!, into: c.baseAddress!, m: m, n: n, k: k)
                }
            }
        }
        return Matrix(rows: m, columns: n, values: result)
    }
}

// MARK: - The product with a transposed left factor

extension Matrix {
    /// AᵀB without forming Aᵀ: for A of shape k × m and B of shape k × n, the m × n matrix
    ///
    ///     (AᵀB)ᵢⱼ = Σₗ Aₗᵢ Bₗⱼ
    ///
    /// This is the weight gradient Xᵀ·dZ of a layer. It runs the blocked kernel with Aᵀ read in
    /// place through strides; the tests check it against `transposed()` then `naiveProduct`.
    public func transposedTimes(_ other: Matrix) -> Matrix {
        precondition(rows == other.rows,
                     "AᵀB needs A and B with the same number of rows, got \(shape) and \(other.shape)")
        let k = rows, m = columns, n = other.columns
        guard k > 0, m > 0, n > 0 else { return Matrix(rows: m, columns: n) }
        let result = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    // Element (i, l) of Aᵀ is A[l][i], at l·m + i: row stride 1, column stride m.
                    blockedMultiplyAdd(left: a.baseAddress!, leftRowStride: 1, leftColumnStride: m,
                                       right: b.baseAddress!, into: c.baseAddress!, m: m, n: n, k: k, accumulate: false)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, values: result)
    }
}
