import Foundation

/// A matrix of `Double`s, stored row by row.
///
/// The course writes a batch of inputs as a matrix X with one sample per row, a layer's weights
/// as W with n_in rows and n_out columns, and its biases B as a 1 × n_out row, so a layer computes
/// Y = f(XW + B). Element (i, j) sits at `values[i * columns + j]`.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements, row after row (row-major order); `values.count == rows * columns`.
    public var values: [Double]

    // MARK: - Creating matrices

    /// A `rows` × `columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "A matrix needs non-negative sizes, got \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = Array(repeating: value, count: rows * columns)
    }

    /// A `rows` × `columns` matrix from its elements in row-major order.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(
            values.count == rows * columns,
            "A \(rows)×\(columns) matrix needs \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from a list of rows, as written on paper: `Matrix([[1, 2], [3, 4]])`.
    public init(_ rowList: [[Double]]) {
        let columns = rowList.first?.count ?? 0
        for (i, row) in rowList.enumerated() {
            precondition(
                row.count == columns,
                "Every row needs \(columns) values like row 0; row \(i) has \(row.count)")
        }
        self.init(rows: rowList.count, columns: columns, values: rowList.flatMap { $0 })
    }

    /// A 1 × n matrix holding one row vector.
    public init(row: [Double]) {
        self.init(rows: 1, columns: row.count, values: row)
    }

    /// An n × 1 matrix holding one column vector.
    public init(column: [Double]) {
        self.init(rows: column.count, columns: 1, values: column)
    }

    /// A matrix whose elements are independent draws from N(0, standardDeviation²).
    public static func random(
        rows: Int, columns: Int, standardDeviation: Double = 1,
        using generator: inout SeededGenerator
    ) -> Matrix {
        var matrix = Matrix(rows: rows, columns: columns)
        for k in 0..<matrix.values.count {
            matrix.values[k] = generator.normal(standardDeviation: standardDeviation)
        }
        return matrix
    }

    // MARK: - Reading and writing elements

    /// The shape written as "rows×columns", as used in every error message.
    public var shape: String { "\(rows)×\(columns)" }

    /// Element (row, column), both counted from 0.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Index (\(row), \(column)) is outside a \(shape) matrix")
            return values[row * columns + column]
        }
        set {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Index (\(row), \(column)) is outside a \(shape) matrix")
            values[row * columns + column] = newValue
        }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "Row \(i) is outside a \(shape) matrix")
        return Array(values[(i * columns)..<((i + 1) * columns)])
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "Column \(j) is outside a \(shape) matrix")
        return (0..<rows).map { values[$0 * columns + j] }
    }

    /// The rows at `indices`, in that order, as a new matrix (how a mini-batch is cut out of a
    /// data set).
    public func rows(at indices: [Int]) -> Matrix {
        let width = columns
        let result = [Double](unsafeUninitializedCapacity: indices.count * width) { buffer, initialized in
            values.withUnsafeBufferPointer { source in
                for (k, i) in indices.enumerated() {
                    precondition(i >= 0 && i < rows, "Row \(i) is outside a \(shape) matrix")
                    (buffer.baseAddress! + k * width).initialize(from: source.baseAddress! + i * width, count: width)
                }
            }
            initialized = indices.count * width
        }
        return Matrix(rows: indices.count, columns: width, values: result)
    }

    /// The transpose Aᵀ, with (Aᵀ)ᵢⱼ = Aⱼᵢ: rows become columns.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                result.values[j * rows + i] = values[i * columns + j]
            }
        }
        return result
    }
}

extension Matrix: CustomStringConvertible {
    /// The rows, one per line, each element with four decimals.
    public var description: String {
        (0..<rows).map { i in
            "[" + row(i).map { String(format: "%.4f", $0) }.joined(separator: ", ") + "]"
        }.joined(separator: "\n")
    }
}
