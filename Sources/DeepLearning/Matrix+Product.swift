// MARK: - The matrix product

extension Matrix {
    /// The matrix product C = AB of an m × k and a k × n matrix, Cᵢⱼ = Σₗ Aᵢₗ Bₗⱼ.
    ///
    /// Cost: m·k·n multiply-adds. This runs the cache-friendly kernel `productKernel`; the
    /// tests check it against `naiveProduct`, the formula written as three loops.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(
            lhs.columns == rhs.rows,
            "A matrix product needs the left's columns to equal the right's rows, got \(lhs.shape) times \(rhs.shape)")
        return productKernel(lhs, rhs)
    }

    /// The reference product: Cᵢⱼ = Σₗ Aᵢₗ Bₗⱼ, written exactly as the formula reads.
    public static func naiveProduct(_ lhs: Matrix, _ rhs: Matrix) -> Matrix {
        precondition(
            lhs.columns == rhs.rows,
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

    /// The same product as `naiveProduct`, computed by the fast kernels (see `multiply`).
    static func productKernel(_ lhs: Matrix, _ rhs: Matrix) -> Matrix {
        let m = lhs.rows
        let k = lhs.columns
        let n = rhs.columns
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n) }
        // The kernels write every element once, so the result needs no zeroing first.
        let result = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            lhs.values.withUnsafeBufferPointer { a in
                rhs.values.withUnsafeBufferPointer { b in
                    multiply(
                        StridedOperand(base: a.baseAddress!, rowStride: k, columnStride: 1),
                        StridedOperand(base: b.baseAddress!, rowStride: n, columnStride: 1),
                        into: c.baseAddress!, m: m, n: n, k: k)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, values: result)
    }
}

// MARK: - Choosing a kernel

/// Products whose right factor R holds more than this many numbers (48 KB, the L1 cache of one
/// core), and that have at least a few rows, columns and steps of the sum, go to the packed
/// kernel (Matrix+PackedKernel.swift). Smaller ones go to the register-blocked kernel
/// (Matrix+BlockedKernel.swift), which reads the operands in place: while R stays in L1, copying
/// it costs more than it saves (as for a layer of a small network trained on batches of 64).
let packedMinimumRightCount = 6 * 1024
/// … and at least this many rows (each packed panel of R is reused once per 6 rows) and steps
/// of the sum (each tile of C is loaded and stored once per block of the sum).
let packedMinimumRows = 24
let packedMinimumDepth = 24

/// C = L·R (+ `row` added to every row), m × n from an m × k L and a k × n R, by the kernel
/// that suits the shape, computing with vectors of `vectorWidth` (4 or 8) numbers. Every kernel sums each element in the
/// same order and adds the row last, so neither the choice nor the vector type changes a single
/// bit of the result. `c` may start uninitialised.
func multiply(
    _ left: StridedOperand, _ right: StridedOperand, into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, row: UnsafePointer<Double>? = nil, vectorWidth: Int = ProductVector.scalarCount
) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        for i in 0..<m {
            if let row { (c + i * n).update(from: row, count: n) } else { (c + i * n).update(repeating: 0, count: n) }
        }
        return
    }
    if k * n > packedMinimumRightCount && m >= packedMinimumRows && k >= packedMinimumDepth
        && n >= 2 * vectorWidth
    {
        packedMultiply(left: left, right: right, into: c, m: m, n: n, k: k, row: row, vectorWidth: vectorWidth)
        return
    }
    @inline(__always) func blocked(_ right: UnsafePointer<Double>, _ rightRowStride: Int) {
        blockedMultiply(
            left: left.base, leftRowStride: left.rowStride, leftColumnStride: left.columnStride,
            right: right, rightRowStride: rightRowStride, into: c, m: m, n: n, k: k, row: row,
            vectorWidth: vectorWidth)
    }
    if right.columnStride == 1 {
        blocked(right.base, right.rowStride)
    } else {
        // The register-blocked kernel reads R row by row: copy a small strided R (such as Wᵀ) first.
        let copy = UnsafeMutablePointer<Double>.allocate(capacity: k * n)
        defer { copy.deallocate() }
        for l in 0..<k {
            for j in 0..<n { copy[l * n + j] = right.base[l * right.rowStride + j * right.columnStride] }
        }
        blocked(copy, n)
    }
}

// MARK: - The product plus a row, in one pass

extension Matrix {
    /// XW + B for a row B added to every row, as a layer computes it: the same numbers as
    /// `(self * other).addingToEachRow(row)`, in one pass (each row of the result starts as B
    /// and the products are added into it).
    public func times(_ other: Matrix, plusRow row: Matrix) -> Matrix {
        precondition(
            columns == other.rows,
            "A matrix product needs the left's columns to equal the right's rows, got \(shape) times \(other.shape)")
        precondition(
            row.rows == 1 && row.columns == other.columns,
            "Adding a row to each row of a \(rows)×\(other.columns) product needs a 1×\(other.columns) row, got \(row.shape)"
        )
        let m = rows
        let k = columns
        let n = other.columns
        let result = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            row.values.withUnsafeBufferPointer { bias in
                values.withUnsafeBufferPointer { a in
                    other.values.withUnsafeBufferPointer { b in
                        multiply(
                            StridedOperand(base: a.baseAddress!, rowStride: k, columnStride: 1),
                            StridedOperand(base: b.baseAddress!, rowStride: n, columnStride: 1),
                            into: c.baseAddress!, m: m, n: n, k: k, row: bias.baseAddress!)
                    }
                }
            }
            initialized = m * n
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
    /// This is the weight gradient Xᵀ·dZ of a layer. It runs the fast kernels with Aᵀ read in
    /// place through strides; the tests check it against `transposed()` then `naiveProduct`.
    public func transposedTimes(_ other: Matrix) -> Matrix {
        precondition(
            rows == other.rows,
            "AᵀB needs A and B with the same number of rows, got \(shape) and \(other.shape)")
        let k = rows
        let m = columns
        let n = other.columns
        guard k > 0, m > 0, n > 0 else { return Matrix(rows: m, columns: n) }
        let result = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    // Element (i, l) of Aᵀ is A[l][i], at l·m + i: row stride 1, column stride m.
                    multiply(
                        StridedOperand(base: a.baseAddress!, rowStride: 1, columnStride: m),
                        StridedOperand(base: b.baseAddress!, rowStride: n, columnStride: 1),
                        into: c.baseAddress!, m: m, n: n, k: k)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, values: result)
    }
}

// MARK: - The product with a transposed right factor

extension Matrix {
    /// ABᵀ without forming Bᵀ: for A of shape m × k and B of shape n × k, the m × n matrix
    ///
    ///     (ABᵀ)ᵢⱼ = Σₗ Aᵢₗ Bⱼₗ
    ///
    /// This is the input gradient dZ·Wᵀ of a layer. The tests check it against `transposed()`
    /// then `naiveProduct`.
    public func timesTransposed(_ other: Matrix) -> Matrix {
        precondition(
            columns == other.columns,
            "ABᵀ needs A and B with the same number of columns, got \(shape) and \(other.shape)")
        let m = rows
        let k = columns
        let n = other.rows
        guard k > 0, m > 0, n > 0 else { return Matrix(rows: m, columns: n) }
        let result = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    // Element (l, j) of Bᵀ is B[j][l], at j·k + l: row stride 1, column stride k.
                    multiply(
                        StridedOperand(base: a.baseAddress!, rowStride: k, columnStride: 1),
                        StridedOperand(base: b.baseAddress!, rowStride: 1, columnStride: k),
                        into: c.baseAddress!, m: m, n: n, k: k)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, values: result)
    }
}
