import XCTest

@testable import DeepLearning

/// The product kernels at both vector widths and both register blocks, called directly: 4 doubles
/// per vector with blocks of 4 rows (what AVX2 release builds run) and 8 doubles per vector with
/// blocks of up to 12 rows (what AVX-512 release builds run), whatever this build's own `ProductVector`.
/// Tests run debug builds, which do not fuse acc + a·b, so every kernel must give the bits of
/// `naiveProduct` exactly (plus the row, added last): that checks the order of every sum and
/// every edge (tails of rows, of columns narrower than a vector, of the blocks of the sum).
/// Release builds differ from this only in rounding each acc + a·b once, which
/// ProductKernelTests bounds.
final class ProductVectorWidthTests: XCTestCase {
    /// Shapes (m, k, n): narrower than a vector of 4 or of 8, tails of 8-, 4-, 2- and 1-row blocks,
    /// blocks of 12, 10 and 8 rows (m = 10, 18, 20, 26, 35: the last rows of an AVX-512 build),
    /// of the 6-row micro-panels and 2-vector micro-panels, of the packed kernel's blocks of the
    /// sum (192 and 256), and the course's layers.
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 2, 2), (5, 7, 3), (8, 5, 7), (9, 3, 9), (15, 4, 17), (7, 11, 31), (13, 6, 33),
        (64, 64, 32), (64, 32, 10), (32, 64, 10), (10, 784, 30), (784, 10, 30), (25, 300, 47),
        (30, 200, 40), (49, 257, 24), (97, 193, 33), (200, 130, 70), (6, 520, 16), (26, 40, 20), (18, 12, 9),
        (20, 9, 17), (35, 14, 24)
    ]

    /// C = L·R (+ row) by `multiply` with vectors of `width` numbers, L read as A (strides k, 1)
    /// or Aᵀ (strides 1, m), R as B or Bᵀ, against the loop.
    func check(width: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for (m, k, n) in Self.shapes {
            for (leftTransposed, rightTransposed, withRow) in [
                (false, false, false), (true, false, false), (false, true, false), (false, false, true)
            ] {
                let a = Matrix.random(rows: m, columns: k, using: &generator)
                let b = Matrix.random(rows: k, columns: n, using: &generator)
                let row = Matrix.random(rows: 1, columns: n, using: &generator)
                var expected = Matrix.naiveProduct(a, b)
                if withRow { expected = expected.addingToEachRow(row) }
                // The operands as stored: Aᵀ (k × m) or Bᵀ (n × k) when read transposed.
                let storedA = leftTransposed ? a.transposed() : a
                let storedB = rightTransposed ? b.transposed() : b
                var result = [Double](repeating: .nan, count: m * n)
                storedA.values.withUnsafeBufferPointer { pa in
                    storedB.values.withUnsafeBufferPointer { pb in
                        row.values.withUnsafeBufferPointer { pr in
                            result.withUnsafeMutableBufferPointer { pc in
                                multiply(
                                    leftTransposed
                                        ? StridedOperand(base: pa.baseAddress!, rowStride: 1, columnStride: m)
                                        : StridedOperand(base: pa.baseAddress!, rowStride: k, columnStride: 1),
                                    rightTransposed
                                        ? StridedOperand(base: pb.baseAddress!, rowStride: 1, columnStride: k)
                                        : StridedOperand(base: pb.baseAddress!, rowStride: n, columnStride: 1),
                                    into: pc.baseAddress!, m: m, n: n, k: k,
                                    row: withRow ? pr.baseAddress! : nil, vectorWidth: width)
                            }
                        }
                    }
                }
                let what =
                    "\(width)-wide, \(m)×\(k) times \(k)×\(n)\(leftTransposed ? ", Aᵀ" : "")\(rightTransposed ? ", Bᵀ" : "")\(withRow ? ", plus a row" : "")"
                if let index = result.indices.first(where: { result[$0] != expected.values[$0] }) {
                    XCTFail("\(what): element \(index) is \(result[index]), the loop gives \(expected.values[index])")
                }
            }
        }
    }

    /// Exact bits are expected only without fusion (debug builds); a release build skips.
    override func setUpWithError() throws {
        try XCTSkipIf(productUsesFusedMultiplyAdd, "this build fuses acc + a·b; ProductKernelTests bounds its results")
    }

    func testFourWideKernelsGiveTheLoopsBits() {
        check(width: 4, seed: 31)
    }

    func testEightWideKernelsGiveTheLoopsBits() {
        check(width: 8, seed: 32)
    }

    /// The register-blocked kernel alone, with its largest blocks of 12 rows (AVX-512) and of 4
    /// (AVX2), at both widths, including products the chooser would send to the packed kernel.
    func testBlockedKernelWithEitherLargestBlock() {
        var generator = SeededGenerator(seed: 33)
        for (m, k, n) in Self.shapes + [(64, 128, 128), (100, 40, 19)] {
            let a = Matrix.random(rows: m, columns: k, using: &generator)
            let b = Matrix.random(rows: k, columns: n, using: &generator)
            let row = Matrix.random(rows: 1, columns: n, using: &generator)
            let expected = Matrix.naiveProduct(a, b).addingToEachRow(row)
            for largestBlock in [12, 4] {
                for width in [4, 8] {
                    var result = [Double](repeating: .nan, count: m * n)
                    a.values.withUnsafeBufferPointer { pa in
                        b.values.withUnsafeBufferPointer { pb in
                            row.values.withUnsafeBufferPointer { pr in
                                result.withUnsafeMutableBufferPointer { pc in
                                    blockedMultiply(
                                        left: pa.baseAddress!, leftRowStride: k, leftColumnStride: 1,
                                        right: pb.baseAddress!, rightRowStride: n, into: pc.baseAddress!, m: m, n: n,
                                        k: k, row: pr.baseAddress!, vectorWidth: width, largestBlock: largestBlock)
                                }
                            }
                        }
                    }
                    XCTAssertEqual(
                        result, expected.values,
                        "blocked, \(width)-wide, blocks of \(largestBlock) rows, \(m)×\(k) times \(k)×\(n) plus a row")
                }
            }
        }
    }

    /// `multiply` with a weight step (plain SGD inside the product, as the training workspace
    /// runs it) at both widths and both largest blocks, with Aᵀ read in place as the workspace
    /// does, against the gradient stored first and `StochasticGradientDescent`'s loop.
    func testWeightStepInsideTheProductGivesTheLoopsBits() {
        var generator = SeededGenerator(seed: 36)
        for (m, k, n) in Self.shapes + [(31, 9, 30), (17, 5, 23), (784, 10, 30), (40, 30, 100)] {
            let a = Matrix.random(rows: k, columns: m, using: &generator)  // stored k × m, read as Aᵀ
            let g = Matrix.random(rows: k, columns: n, using: &generator)
            let weights = Matrix.random(rows: m, columns: n, using: &generator)
            let step = WeightStep(rate: 0.37, decay: m % 2 == 0 ? 0 : 0.01)
            let gradient = Matrix.naiveProduct(a.transposed(), g)
            var expected = weights.values
            for index in expected.indices {
                expected[index] -= step.rate * (gradient.values[index] + step.decay * expected[index])
            }
            for width in [4, 8] {
                var result = weights.values
                a.values.withUnsafeBufferPointer { pa in
                    g.values.withUnsafeBufferPointer { pg in
                        result.withUnsafeMutableBufferPointer { pw in
                            multiply(
                                StridedOperand(base: pa.baseAddress!, rowStride: 1, columnStride: m),
                                StridedOperand(base: pg.baseAddress!, rowStride: n, columnStride: 1),
                                into: pw.baseAddress!, m: m, n: n, k: k, step: step, vectorWidth: width)
                        }
                    }
                }
                XCTAssertEqual(result, expected, "weight step, \(width)-wide, \(m)×\(k)ᵀ times \(k)×\(n)")
                for largestBlock in [12, 4] {
                    var blocked = weights.values
                    a.values.withUnsafeBufferPointer { pa in
                        g.values.withUnsafeBufferPointer { pg in
                            blocked.withUnsafeMutableBufferPointer { pw in
                                blockedMultiply(
                                    left: pa.baseAddress!, leftRowStride: 1, leftColumnStride: m,
                                    right: pg.baseAddress!, rightRowStride: n, into: pw.baseAddress!, m: m, n: n,
                                    k: k, step: step, vectorWidth: width, largestBlock: largestBlock)
                            }
                        }
                    }
                    XCTAssertEqual(
                        blocked, expected,
                        "blocked weight step, \(width)-wide, blocks of \(largestBlock), \(m)×\(k)ᵀ times \(k)×\(n)")
                }
            }
        }
    }

    /// The packed kernel alone at both widths on products large enough for several blocks of rows,
    /// of the sum and of columns, with edges in every direction.
    func testPackedKernelAtBothWidths() {
        var generator = SeededGenerator(seed: 34)
        // Last panels of L of every height: 1, 4, 5, 8, 10 of 12 rows (1, 2, 4, 5 of 6).
        let shapes = [
            (6, 24, 8), (7, 25, 17), (97, 300, 41), (200, 450, 35), (193, 70, 9), (13, 260, 531), (28, 40, 50),
            (22, 100, 33)
        ]
        for (m, k, n) in shapes {
            let a = Matrix.random(rows: m, columns: k, using: &generator)
            let b = Matrix.random(rows: k, columns: n, using: &generator)
            let row = (0..<n).map { _ in generator.uniform(-1, 1) }
            let product = Matrix.naiveProduct(a, b).values
            let productPlusRow = product.indices.map { product[$0] + row[$0 % n] }
            for width in [4, 8] {
                for addsRow in [false, true] {
                    var result = [Double](repeating: .nan, count: m * n)
                    a.values.withUnsafeBufferPointer { pa in
                        b.values.withUnsafeBufferPointer { pb in
                            result.withUnsafeMutableBufferPointer { pc in
                                row.withUnsafeBufferPointer { pr in
                                    let left = StridedOperand(base: pa.baseAddress!, rowStride: k, columnStride: 1)
                                    let right = StridedOperand(base: pb.baseAddress!, rowStride: n, columnStride: 1)
                                    packedMultiply(
                                        left: left, right: right, into: pc.baseAddress!, m: m, n: n, k: k,
                                        row: addsRow ? pr.baseAddress! : nil, vectorWidth: width)
                                }
                            }
                        }
                    }
                    XCTAssertEqual(
                        result, addsRow ? productPlusRow : product,
                        "packed, \(width)-wide, \(m)×\(k) times \(k)×\(n)\(addsRow ? " plus a row" : "")")
                }
            }
        }
    }

    /// σ over a buffer eight at a time (AVX-512 release builds) gives the bits of four at a time
    /// (every other build), for every count, so the tail goes the same way too.
    func testSigmoidEightAtATimeGivesTheBitsOfFourAtATime() {
        var generator = SeededGenerator(seed: 35)
        let extremes: [Double] = [0, -0.0, 708.5, -708.5, 709, -745, -1000, 1000, .infinity, -.infinity, 37.5, -37.5]
        for count in Array(0...20) + [61, 1000] {
            let values = (0..<count).map { k in k < extremes.count ? extremes[k] : generator.uniform(-40, 40) }
            var four = values
            var eight = values
            four.withUnsafeMutableBufferPointer { sigmoidInPlace($0, vectorWidth: 4) }
            eight.withUnsafeMutableBufferPointer { sigmoidInPlace($0, vectorWidth: 8) }
            XCTAssertEqual(eight.map(\.bitPattern), four.map(\.bitPattern), "σ of \(count) numbers")
        }
    }
}
