// MARK: - A register-blocked kernel for the matrix products
//
// C (m × n) += L · B (or C = L · B, with `accumulate: false`), where L is m × k and element (i, l) of L sits at
// `left[i * leftRowStride + l * leftColumnStride]`: strides (k, 1) read L = A as stored, strides
// (1, m) read L = Aᵀ for A stored as k × m. B is k × n and C is m × n, both row-major.
//
// The idea: a 4 × 8 block of C lives in eight 4-wide vector registers for the whole sum over
// l. Each step loads 8 numbers of row l of B once and four numbers of L, and does 32
// multiply-adds, instead of reading and writing C again for every l. Rows and columns that do
// not fill a whole block are done one number at a time. `naiveProduct` is the reference these
// kernels are tested against.

@inline(__always)
private func load4(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
}

@inline(__always)
private func store4(_ value: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Double>.self)
}

/// C[i0..<i0+rowCount, j0..<j0+4·vectors] += L·B over all l, with the block held in registers.
/// `rowCount` is 4, 2 or 1 and `vectors` (4-wide vectors across the columns) is 2 or 1: the six
/// shapes of block the kernel needs. The compiler specialises each call, since the counts are
/// constants at every call site.
@inline(__always)
private func multiplyAddBlock(
    _ rowCount: Int, _ vectors: Int, i0: Int, j0: Int,
    left: UnsafePointer<Double>, leftRowStride: Int, leftColumnStride: Int,
    right: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>, n: Int, k: Int,
    accumulate: Bool
) {
    var acc = (
        SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>(),
        SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>()
    )
    var a = left + i0 * leftRowStride
    var b = right + j0
    for _ in 0..<k {
        let b0 = load4(b)
        let b1 = vectors == 2 ? load4(b + 4) : SIMD4<Double>()
        let a0 = SIMD4(repeating: a[0])
        acc.0 = multiplyAdd(acc.0, a0, b0)
        if vectors == 2 { acc.1 = multiplyAdd(acc.1, a0, b1) }
        if rowCount >= 2 {
            let a1 = SIMD4(repeating: a[leftRowStride])
            acc.2 = multiplyAdd(acc.2, a1, b0)
            if vectors == 2 { acc.3 = multiplyAdd(acc.3, a1, b1) }
        }
        if rowCount == 4 {
            let a2 = SIMD4(repeating: a[2 * leftRowStride])
            let a3 = SIMD4(repeating: a[3 * leftRowStride])
            acc.4 = multiplyAdd(acc.4, a2, b0)
            acc.6 = multiplyAdd(acc.6, a3, b0)
            if vectors == 2 {
                acc.5 = multiplyAdd(acc.5, a2, b1)
                acc.7 = multiplyAdd(acc.7, a3, b1)
            }
        }
        a += leftColumnStride
        b += n
    }
    @inline(__always) func add(_ r: Int, _ first: SIMD4<Double>, _ second: SIMD4<Double>) {
        let row = c + (i0 + r) * n + j0
        store4(accumulate ? load4(row) + first : first, row)
        if vectors == 2 { store4(accumulate ? load4(row + 4) + second : second, row + 4) }
    }
    add(0, acc.0, acc.1)
    if rowCount >= 2 { add(1, acc.2, acc.3) }
    if rowCount == 4 {
        add(2, acc.4, acc.5)
        add(3, acc.6, acc.7)
    }
}

/// C += L·B for the layout described above, or C = L·B when `accumulate` is false (then C may
/// start uninitialised: every element is written exactly once). `c` must hold m·n numbers.
func blockedMultiplyAdd(
    left: UnsafePointer<Double>, leftRowStride: Int, leftColumnStride: Int,
    right: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, accumulate: Bool = true
) {
    let eights = n - n % 8  // columns covered by blocks 8 wide
    let fours = n - n % 4  // … and then by one block 4 wide
    func rowBlock(_ i0: Int, _ rowCount: Int) {
        var j0 = 0
        // Each count is spelled out as a constant so the compiler specialises every shape.
        @inline(__always) func block(_ vectors: Int, _ j0: Int) {
            switch rowCount {
            case 4:
                multiplyAddBlock(
                    4, vectors, i0: i0, j0: j0, left: left, leftRowStride: leftRowStride,
                    leftColumnStride: leftColumnStride, right: right, c: c, n: n, k: k, accumulate: accumulate)
            case 2:
                multiplyAddBlock(
                    2, vectors, i0: i0, j0: j0, left: left, leftRowStride: leftRowStride,
                    leftColumnStride: leftColumnStride, right: right, c: c, n: n, k: k, accumulate: accumulate)
            default:
                multiplyAddBlock(
                    1, vectors, i0: i0, j0: j0, left: left, leftRowStride: leftRowStride,
                    leftColumnStride: leftColumnStride, right: right, c: c, n: n, k: k, accumulate: accumulate)
            }
        }
        while j0 < eights {
            block(2, j0)
            j0 += 8
        }
        if j0 < fours { block(1, j0) }
        // The last 0–3 columns: two at a time in 2-wide vectors, then one.
        var j = fours
        while j < n {
            let width = min(2, n - j)
            var sums = (SIMD2<Double>(), SIMD2<Double>(), SIMD2<Double>(), SIMD2<Double>())
            var a = left + i0 * leftRowStride
            var b = right + j
            for _ in 0..<k {
                let bv = width == 2 ? UnsafeRawPointer(b).loadUnaligned(as: SIMD2<Double>.self) : SIMD2(b[0], 0)
                sums.0 = multiplyAdd(sums.0, SIMD2(repeating: a[0]), bv)
                if rowCount >= 2 { sums.1 = multiplyAdd(sums.1, SIMD2(repeating: a[leftRowStride]), bv) }
                if rowCount == 4 {
                    sums.2 = multiplyAdd(sums.2, SIMD2(repeating: a[2 * leftRowStride]), bv)
                    sums.3 = multiplyAdd(sums.3, SIMD2(repeating: a[3 * leftRowStride]), bv)
                }
                a += leftColumnStride
                b += n
            }
            for r in 0..<rowCount {
                let sum = r == 0 ? sums.0 : r == 1 ? sums.1 : r == 2 ? sums.2 : sums.3
                let cell = c + (i0 + r) * n + j
                cell[0] = accumulate ? cell[0] + sum[0] : sum[0]
                if width == 2 { cell[1] = accumulate ? cell[1] + sum[1] : sum[1] }
            }
            j += width
        }
    }
    var i0 = 0
    while i0 + 4 <= m {
        rowBlock(i0, 4)
        i0 += 4
    }
    if i0 + 2 <= m {
        rowBlock(i0, 2)
        i0 += 2
    }
    if i0 < m {
        rowBlock(i0, 1)
    }
}
