import XCTest
import DeepLearning

final class MatrixTests: XCTestCase {
    func testCreationAndIndexing() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(m.rows, 2)
        XCTAssertEqual(m.columns, 3)
        XCTAssertEqual(m[1, 0], 4)
        XCTAssertEqual(m[0, 2], 3)
        XCTAssertEqual(m.row(1), [4, 5, 6])
        XCTAssertEqual(m.column(2), [3, 6])
        XCTAssertEqual(m.shape, "2×3")
        XCTAssertEqual(m.values, [1, 2, 3, 4, 5, 6], "storage is row-major")
    }

    func testProductAgainstHandComputedValues() {
        // [1 2; 3 4] · [5 6; 7 8] = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8] = [19 22; 43 50]
        let a = Matrix([[1, 2], [3, 4]])
        let b = Matrix([[5, 6], [7, 8]])
        XCTAssertEqual(a * b, Matrix([[19, 22], [43, 50]]))
        // A 1×3 row times a 3×2 matrix: [1 0 −1] · [[1 2] [3 4] [5 6]] = [1−5, 2−6] = [−4 −4]
        XCTAssertEqual(Matrix([[1, 0, -1]]) * Matrix([[1, 2], [3, 4], [5, 6]]), Matrix([[-4, -4]]))
        // Non-square: (2×3)(3×1)
        XCTAssertEqual(Matrix([[1, 2, 3], [4, 5, 6]]) * Matrix(column: [1, 1, 1]), Matrix(column: [6, 15]))
    }

    func testKernelMatchesTheNaiveProductOnRandomShapes() {
        var generator = SeededGenerator(seed: 77)
        for _ in 0..<40 {
            let m = 1 + generator.index(below: 40)
            let k = 1 + generator.index(below: 300)
            let n = 1 + generator.index(below: 300)
            let a = Matrix.random(rows: m, columns: k, using: &generator)
            let b = Matrix.random(rows: k, columns: n, using: &generator)
            let difference = (a * b).largestDifference(from: Matrix.naiveProduct(a, b))
            // Sums of k products of N(0,1) numbers reordered: rounding of order k·ε.
            XCTAssertLessThan(difference, 1e-11, "\(a.shape) × \(b.shape)")
        }
    }

    func testTransposedTimesMatchesTransposeThenProduct() {
        // By hand: [[1, 2], [3, 4]]ᵀ · [[5], [6]] = [[1·5 + 3·6], [2·5 + 4·6]] = [[23], [34]]
        XCTAssertEqual(Matrix([[1, 2], [3, 4]]).transposedTimes(Matrix([[5], [6]])), Matrix([[23], [34]]))
        var generator = SeededGenerator(seed: 78)
        for _ in 0..<40 {
            let k = 1 + generator.index(below: 30)
            let m = 1 + generator.index(below: 100)
            let n = 1 + generator.index(below: 60)
            let a = Matrix.random(rows: k, columns: m, using: &generator)
            let b = Matrix.random(rows: k, columns: n, using: &generator)
            XCTAssertLessThan(
                a.transposedTimes(b).largestDifference(from: Matrix.naiveProduct(a.transposed(), b)), 1e-11)
        }
    }

    func testProductPlusRowIsProductThenBroadcast() {
        // By hand: [[1, 2]]·[[1, 0], [0, 1]] + [10, 20] = [[11, 22]]
        XCTAssertEqual(
            Matrix([[1, 2]]).times(Matrix([[1, 0], [0, 1]]), plusRow: Matrix(row: [10, 20])), Matrix([[11, 22]]))
        var generator = SeededGenerator(seed: 79)
        for _ in 0..<30 {
            let m = 1 + generator.index(below: 20)
            let k = 1 + generator.index(below: 70)
            let n = 1 + generator.index(below: 40)
            let a = Matrix.random(rows: m, columns: k, using: &generator)
            let b = Matrix.random(rows: k, columns: n, using: &generator)
            let row = Matrix.random(rows: 1, columns: n, using: &generator)
            let fused = a.times(b, plusRow: row)
            let separate = Matrix.naiveProduct(a, b).addingToEachRow(row)
            XCTAssertLessThan(fused.largestDifference(from: separate), 1e-11)
        }
    }

    func testIdentityIsNeutral() {
        var generator = SeededGenerator(seed: 1)
        let a = Matrix.random(rows: 4, columns: 3, using: &generator)
        var identity = Matrix(rows: 3, columns: 3)
        for i in 0..<3 { identity[i, i] = 1 }
        XCTAssertEqual(a * identity, a)
    }

    func testTranspose() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(m.transposed(), Matrix([[1, 4], [2, 5], [3, 6]]))
        XCTAssertEqual(m.transposed().transposed(), m)
        // (AB)ᵀ = BᵀAᵀ
        let a = Matrix([[1, 2], [3, 4]])
        let b = Matrix([[0, 1], [1, 5]])
        XCTAssertEqual((a * b).transposed(), b.transposed() * a.transposed())
    }

    func testAddingARowVectorToEveryRow() {
        let m = Matrix([[1, 2], [3, 4], [5, 6]])
        XCTAssertEqual(m.addingToEachRow(Matrix(row: [10, 100])), Matrix([[11, 102], [13, 104], [15, 106]]))
    }

    func testElementwiseOperationsAndReductions() {
        let a = Matrix([[1, 2], [3, 4]])
        let b = Matrix([[4, 3], [2, 1]])
        XCTAssertEqual(a + b, Matrix([[5, 5], [5, 5]]))
        XCTAssertEqual(a - b, Matrix([[-3, -1], [1, 3]]))
        XCTAssertEqual(a.multipliedElementwise(by: b), Matrix([[4, 6], [6, 4]]))
        XCTAssertEqual(2 * a, Matrix([[2, 4], [6, 8]]))
        XCTAssertEqual(a.map { $0 * $0 }, Matrix([[1, 4], [9, 16]]))
        XCTAssertEqual(a.sum(), 10)
        XCTAssertEqual(a.mean(), 2.5)
        XCTAssertEqual(a.columnSums(), Matrix(row: [4, 6]))
        XCTAssertEqual(a.rows(at: [1, 0, 1]), Matrix([[3, 4], [1, 2], [3, 4]]))
    }

    func testEmptyProduct() {
        let a = Matrix(rows: 0, columns: 3)
        let b = Matrix(rows: 3, columns: 2)
        XCTAssertEqual((a * b).shape, "0×2")
    }
}
