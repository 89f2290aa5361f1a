import XCTest
import DeepLearning

/// The fast products (`*`, `transposedTimes`, `timesTransposed`, `times(_:plusRow:)`) against
/// `naiveProduct`, the formula as three loops, on shapes chosen to reach every path of the
/// kernels: tiny products (register-blocked kernel), large ones (packed kernel), sizes that are
/// not multiples of the 6 × 8 tile or of the blocks (96 rows, 256 steps of the sum, 2048
/// columns), and the same with a transposed operand or a bias row.
///
/// How close they must be: every kernel sums the terms of an element in the formula's order.
/// - Without fused multiply-add (debug builds, which `swift test` makes) each step rounds
///   exactly as the loop does, so the results must be equal, bit for bit.
/// - With it (release builds on AVX2 machines), each step rounds once instead of twice. Both
///   sums are then within γₖ·Σₗ|AᵢₗBₗⱼ| of the exact value, γₖ = k·u/(1 − k·u) with u = 2⁻⁵³
///   (the classical bound for a recursive sum of k products), so they are within twice that
///   of each other; one more term for a bias row.
final class ProductKernelTests: XCTestCase {
    /// Whether this build fuses acc + a·b: 0 + (−1)(1 + 2⁻²⁹) + (1 + 2⁻³⁰)² is 0 when the square is
    /// rounded before it is added (to 1 + 2⁻²⁹), and 2⁻⁶⁰ when it is not.
    static let fused: Bool = {
        let a = Matrix([[-1, 1 + 0x1p-30]])
        let b = Matrix(column: [1 + 0x1p-29, 1 + 0x1p-30])
        return (a * b)[0, 0] != 0
    }()

    /// Checks `fast` against `reference` (the loop's result, with `row` already added) element by
    /// element: equal without fusion, within the bound above with it. `magnitudes` holds
    /// Σₗ|AᵢₗBₗⱼ| (+ |row_j|) for each element.
    func assertMatches(
        _ fast: Matrix, _ reference: Matrix, magnitudes: @autoclosure () -> Matrix, terms: Int, _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(fast.shape, reference.shape, what, file: file, line: line)
        guard fast.shape == reference.shape else { return }
        if !Self.fused {
            if let k = fast.values.indices.first(where: { fast.values[$0] != reference.values[$0] }) {
                XCTFail(
                    "\(what): element \(k) is \(fast.values[k]), the loop gives \(reference.values[k]) (they must be equal without fused multiply-add)",
                    file: file, line: line)
            }
            return
        }
        let u = 0x1p-53
        let n = Double(terms)
        let gamma = n * u / (1 - n * u)
        let magnitudes = magnitudes()
        for k in fast.values.indices {
            let allowed = 2 * gamma * magnitudes.values[k]
            if !(abs(fast.values[k] - reference.values[k]) <= allowed) {
                XCTFail(
                    "\(what): element \(k) is \(fast.values[k]), the loop gives \(reference.values[k]) (allowed difference \(allowed))",
                    file: file, line: line)
                return
            }
        }
    }

    /// |A|·|B|, element by element: Σₗ|Aᵢₗ||Bₗⱼ|.
    func magnitudes(_ a: Matrix, _ b: Matrix) -> Matrix {
        Matrix.naiveProduct(a.map(abs), b.map(abs))
    }

    /// Shapes (m, k, n): tiny, tails of the 6 × 8 tile in every direction, the packed threshold
    /// (32³) on both sides, more than one block of rows (96) and of the sum (256).
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (1, 7, 1), (2, 3, 5), (3, 1, 9), (5, 17, 3), (4, 64, 8), (6, 8, 8), (7, 9, 11),
        (10, 784, 30), (64, 64, 32), (64, 10, 32), (31, 33, 32), (32, 32, 32), (33, 31, 35),
        (6, 1000, 8), (7, 600, 9), (13, 257, 17), (97, 300, 41), (100, 513, 23), (193, 70, 9),
        (128, 128, 128), (99, 255, 101)
    ]

    func testProductMatchesTheLoop() {
        var generator = SeededGenerator(seed: 17)
        for (m, k, n) in Self.shapes {
            let a = Matrix.random(rows: m, columns: k, using: &generator)
            let b = Matrix.random(rows: k, columns: n, using: &generator)
            assertMatches(
                a * b, Matrix.naiveProduct(a, b), magnitudes: magnitudes(a, b), terms: k,
                "AB for \(a.shape) × \(b.shape)")
        }
    }

    func testTransposedTimesMatchesTheLoop() {
        var generator = SeededGenerator(seed: 18)
        for (m, k, n) in Self.shapes {
            let a = Matrix.random(rows: k, columns: m, using: &generator)  // Aᵀ is m × k
            let b = Matrix.random(rows: k, columns: n, using: &generator)
            let at = a.transposed()
            assertMatches(
                a.transposedTimes(b), Matrix.naiveProduct(at, b), magnitudes: magnitudes(at, b), terms: k,
                "AᵀB for A \(a.shape), B \(b.shape)")
        }
    }

    func testTimesTransposedMatchesTheLoop() {
        var generator = SeededGenerator(seed: 19)
        XCTAssertEqual(Matrix([[1, 2]]).timesTransposed(Matrix([[3, 4], [5, 6]])), Matrix([[11, 17]]))  // by hand
        for (m, k, n) in Self.shapes {
            let a = Matrix.random(rows: m, columns: k, using: &generator)
            let b = Matrix.random(rows: n, columns: k, using: &generator)  // Bᵀ is k × n
            let bt = b.transposed()
            assertMatches(
                a.timesTransposed(b), Matrix.naiveProduct(a, bt), magnitudes: magnitudes(a, bt), terms: k,
                "ABᵀ for A \(a.shape), B \(b.shape)")
        }
    }

    func testProductPlusRowMatchesTheLoopThenTheRow() {
        var generator = SeededGenerator(seed: 20)
        for (m, k, n) in Self.shapes {
            let a = Matrix.random(rows: m, columns: k, using: &generator)
            let b = Matrix.random(rows: k, columns: n, using: &generator)
            let row = Matrix.random(rows: 1, columns: n, using: &generator)
            // The row is added after the sum, as the loop then `addingToEachRow` does: one more term.
            assertMatches(
                a.times(b, plusRow: row), Matrix.naiveProduct(a, b).addingToEachRow(row),
                magnitudes: magnitudes(a, b).addingToEachRow(row.map(abs)), terms: k + 1,
                "AB + row for \(a.shape) × \(b.shape)")
        }
    }

    /// More than 2048 columns: the packed kernel's block of columns ends inside the matrix.
    func testManyColumns() {
        var generator = SeededGenerator(seed: 21)
        let a = Matrix.random(rows: 7, columns: 5, using: &generator)
        let b = Matrix.random(rows: 5, columns: 2053, using: &generator)
        let row = Matrix.random(rows: 1, columns: 2053, using: &generator)
        assertMatches(
            a.times(b, plusRow: row), Matrix.naiveProduct(a, b).addingToEachRow(row),
            magnitudes: magnitudes(a, b).addingToEachRow(row.map(abs)), terms: 6, "AB + row, 2053 columns")
    }

    /// A large square product (two blocks of the sum, five of rows), checked at 500 random
    /// elements against a plain dot product, so the test stays quick.
    func testLargeSquareProductAtSampledElements() {
        var generator = SeededGenerator(seed: 22)
        let n = 400
        let a = Matrix.random(rows: n, columns: n, using: &generator)
        let b = Matrix.random(rows: n, columns: n, using: &generator)
        let c = a * b
        for _ in 0..<500 {
            let i = generator.index(below: n)
            let j = generator.index(below: n)
            var sum = 0.0
            var magnitude = 0.0
            for l in 0..<n {
                sum += a.values[i * n + l] * b.values[l * n + j]
                magnitude += abs(a.values[i * n + l] * b.values[l * n + j])
            }
            assertMatches(
                Matrix([[c[i, j]]]), Matrix([[sum]]), magnitudes: Matrix([[magnitude]]), terms: n,
                "element (\(i), \(j)) of a \(n)×\(n) product")
        }
    }

    func testEmptySumGivesZerosOrTheRow() {
        let a = Matrix(rows: 3, columns: 0)
        let b = Matrix(rows: 0, columns: 2)
        XCTAssertEqual(a * b, Matrix(rows: 3, columns: 2))
        XCTAssertEqual(a.times(b, plusRow: Matrix(row: [1, 2])), Matrix([[1, 2], [1, 2], [1, 2]]))
        XCTAssertEqual(
            Matrix(rows: 0, columns: 4).transposedTimes(Matrix(rows: 0, columns: 3)), Matrix(rows: 4, columns: 3))
        XCTAssertEqual(
            Matrix(rows: 2, columns: 0).timesTransposed(Matrix(rows: 5, columns: 0)), Matrix(rows: 2, columns: 5))
    }
}
