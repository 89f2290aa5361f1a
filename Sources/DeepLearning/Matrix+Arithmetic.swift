// MARK: - Element-wise arithmetic, broadcasting and reductions

extension Matrix {
    private func requireSameShape(as other: Matrix, for operation: String) {
        precondition(
            rows == other.rows && columns == other.columns,
            "\(operation) needs two matrices of the same shape, got \(shape) and \(other.shape)")
    }

    /// The matrix whose elements are `combine(aᵢⱼ, bᵢⱼ)`: the loop behind +, − and ⊙.
    @inline(__always)
    private func combined(with other: Matrix, _ combine: (Double, Double) -> Double) -> Matrix {
        var result = self
        result.values.withUnsafeMutableBufferPointer { out in
            other.values.withUnsafeBufferPointer { b in
                for k in 0..<out.count { out[k] = combine(out[k], b[k]) }
            }
        }
        return result
    }

    /// Element-wise sum, (A + B)ᵢⱼ = Aᵢⱼ + Bᵢⱼ. Both shapes must be equal.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.requireSameShape(as: rhs, for: "Adding")
        return lhs.combined(with: rhs, +)
    }

    /// Element-wise difference, (A − B)ᵢⱼ = Aᵢⱼ − Bᵢⱼ. Both shapes must be equal.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.requireSameShape(as: rhs, for: "Subtracting")
        return lhs.combined(with: rhs, -)
    }

    /// Scaling, (cA)ᵢⱼ = c · Aᵢⱼ.
    public static func * (scalar: Double, matrix: Matrix) -> Matrix {
        matrix.map { scalar * $0 }
    }

    /// The element-wise (Hadamard) product, (A ⊙ B)ᵢⱼ = Aᵢⱼ · Bᵢⱼ. Both shapes must be equal.
    public func multipliedElementwise(by other: Matrix) -> Matrix {
        requireSameShape(as: other, for: "The element-wise product")
        return combined(with: other, *)
    }

    /// Adds the 1 × n row vector `row` to every row of this m × n matrix: (A + B)ᵢⱼ = Aᵢⱼ + Bⱼ.
    /// This is the "+ B" of a layer's XW + B, where each sample gets the same biases.
    public func addingToEachRow(_ row: Matrix) -> Matrix {
        precondition(
            row.rows == 1 && row.columns == columns,
            "Adding a row to each row of a \(shape) matrix needs a 1×\(columns) row, got \(row.shape)")
        var result = self
        result.values.withUnsafeMutableBufferPointer { out in
            row.values.withUnsafeBufferPointer { b in
                for i in 0..<rows {
                    for j in 0..<columns { out[i * columns + j] += b[j] }
                }
            }
        }
        return result
    }

    /// Applies `transform` to every element: (f(A))ᵢⱼ = f(Aᵢⱼ).
    public func map(_ transform: (Double) -> Double) -> Matrix {
        Matrix(rows: rows, columns: columns, values: values.map(transform))
    }

    /// The sum of all elements, Σᵢⱼ Aᵢⱼ.
    public func sum() -> Double {
        values.reduce(0, +)
    }

    /// The mean of all elements, Σᵢⱼ Aᵢⱼ / (rows · columns).
    public func mean() -> Double {
        precondition(!values.isEmpty, "The mean of an empty \(shape) matrix is undefined")
        return sum() / Double(values.count)
    }

    /// The 1 × n row of column sums, Sⱼ = Σᵢ Aᵢⱼ (how a bias gradient adds up over a batch).
    public func columnSums() -> Matrix {
        var sums = [Double](repeating: 0, count: columns)
        let width = columns
        sums.withUnsafeMutableBufferPointer { s in
            values.withUnsafeBufferPointer { a in
                for i in 0..<rows {
                    for j in 0..<width { s[j] += a[i * width + j] }
                }
            }
        }
        return Matrix(row: sums)
    }

    /// The largest |Aᵢⱼ − Bᵢⱼ|, for comparing two computations of the same matrix.
    public func largestDifference(from other: Matrix) -> Double {
        requireSameShape(as: other, for: "Comparing")
        return zip(values, other.values).map { abs($0 - $1) }.max() ?? 0
    }
}
