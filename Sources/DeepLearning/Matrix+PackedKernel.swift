// MARK: - A packed, cache-blocked matrix product (for the large products)
//
// C = L·R (+ a row added to every row of C), with L of m × k and R of k × n, each read through
// a row stride and a column stride, so that A, Aᵀ, B and Bᵀ are all read in place.
//
// The register-blocked kernel of Matrix+BlockedKernel.swift reads its operands where they lie.
// Once they outgrow the caches that costs more than the arithmetic, so this one follows the
// scheme of GotoBLAS and BLIS, with V the vector type of the build (`ProductVector`: 4 doubles
// with AVX2, 8 with AVX-512) and w = 2·(numbers in V):
//
//   for each block of `columnBlock` columns of R (and C)
//     for each block of `depthBlock` steps of the sum (l)
//       copy R's block into micro-panels w columns wide           (lives in L2, reused m times)
//       for each block of `rowBlock` rows of L
//         copy L's block into micro-panels h rows tall
//         for each h-row micro-panel of L                         (lives in L1, reused n times)
//           for each w-column micro-panel of R                    (streams from L2)
//             C[h × w] (+)= micro-panel · micro-panel              (2h vector registers)
//
// with h = 6 for vectors of 4 (AVX2 has 16 registers) and h = 12 for vectors of 8 (AVX-512 has 32).
//
// The tiles of C are visited along their rows, so the next one is the next w numbers of the
// same h rows, which the processor's prefetcher fetches before the micro-kernel asks for them.
// (Visiting them down the columns instead, with R's micro-panel in L1, made n = 1024 5–8 %
// slower: each tile's first loads waited for C to come from L3.)
//
// A copied ("packed") micro-panel holds, for each l, the h (or w) numbers the micro-kernel needs
// next to each other, so the kernel reads memory strictly in order. Panels at the edges are
// padded with zeros; their extra results go to a scratch tile and are dropped.
//
// The order of the sum is kept: element (i, j) is 0 + L[i,0]R[0,j] + L[i,1]R[1,j] + … in that
// order, continued across the blocks of l (a later block starts from the partial sums the
// earlier one left in C), and the row is added last. So this gives the very bits of
// `naiveProduct` (plus the row) whenever `multiplyAdd` is not fused, whatever the width of V;
// see Matrix+MultiplyAdd.swift.

/// How a matrix operand is laid out: element (i, j) is at `base[i * rowStride + j * columnStride]`.
struct StridedOperand {
    var base: UnsafePointer<Double>
    var rowStride: Int
    var columnStride: Int
}

/// Rows of a micro-panel of L, and of the tile of C the micro-kernel computes: 6 with vectors of 4
/// (12 accumulators of AVX2's 16 registers), 12 with vectors of 8 (24 of AVX-512's 32: each
/// vector of R loaded serves 12 rows, as in the register-blocked kernel).
@inline(__always)
func microRowCount(vectorWidth: Int) -> Int { vectorWidth == 8 ? 12 : 6 }
/// Columns of a micro-panel of R, and of the tile of C: two vectors of V (8 or 16).
@inline(__always)
private func microColumns<V: ProductLanes>(_: V.Type) -> Int { 2 * V.scalarCount }

/// The block sizes (see `ProductBlocking`), for 48 KB of L1 and 2 MB of L2 per core: a
/// micro-panel of R (`depthBlock` × w numbers) stays in L1, a block of L (`rowBlock` ×
/// `depthBlock`) in L2.
let depthBlock = ProductBlocking.depth
let rowBlock = ProductBlocking.rows
let columnBlock = ProductBlocking.columns

@inline(__always)
private func load<V: ProductLanes>(_ pointer: UnsafePointer<Double>, as _: V.Type = V.self) -> V {
    UnsafeRawPointer(pointer).loadUnaligned(as: V.self)
}

@inline(__always)
private func store<V: ProductLanes>(_ value: V, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: V.self)
}

/// acc + a·b for every lane, rounded as `ProductLanes` says (written in each file that uses it).
@inline(__always)
private func multiplyAdd<V: ProductLanes>(_ acc: V, _ a: V, _ b: V) -> V {
    #if FUSED_MULTIPLY_ADD
    acc.addingProduct(a, b)
    #else
    acc + a * b
    #endif
}

/// Copies L[i0..<i0+rows, l0..<l0+depth] into micro-panels of `microRows` rows: panel p holds,
/// for each l, the numbers L[i0 + h·p + r, l0 + l] for r = 0…h−1 (0 beyond the last row).
@inline(__always)
private func packLeft(
    _ left: StridedOperand, i0: Int, rows: Int, l0: Int, depth: Int,
    into packed: UnsafeMutablePointer<Double>, microRows: Int
) {
    var destination = packed
    var i = 0
    while i < rows {
        let height = min(microRows, rows - i)
        let source = left.base + (i0 + i) * left.rowStride + l0 * left.columnStride
        if height == microRows && left.rowStride == 1 {
            // Aᵀ read in place: the numbers of one l are next to each other.
            for l in 0..<depth {
                let s = source + l * left.columnStride
                store(load(s, as: SIMD4<Double>.self), destination + l * microRows)
                if microRows == 12 {
                    store(load(s + 4, as: SIMD4<Double>.self), destination + l * microRows + 4)
                    store(load(s + 8, as: SIMD4<Double>.self), destination + l * microRows + 8)
                } else {
                    destination[l * microRows + 4] = s[4]
                    destination[l * microRows + 5] = s[5]
                }
            }
        } else if left.columnStride == 1 {
            // A read as stored: the h numbers of one l come from h rows. Four rows at a time, four
            // numbers of each are loaded as vectors and written transposed, as four numbers of four
            // consecutive l (at n = 128 9 % faster in all than a loop over l reading the h rows,
            // which the compiler turned into gathers; 1–3 % at n = 256 to 1024). The rows of an
            // edge panel beyond the last row of L are zeros.
            let rowStride = left.rowStride
            @inline(__always) func transposed(_ h: Int) {
                var l = 0
                while l + 4 <= depth {
                    var r = 0
                    while r + 4 <= height {
                        let s = source + r * rowStride + l
                        let a: SIMD4<Double> = load(s)
                        let b: SIMD4<Double> = load(s + rowStride)
                        let c: SIMD4<Double> = load(s + 2 * rowStride)
                        let e: SIMD4<Double> = load(s + 3 * rowStride)
                        let d = destination + l * h + r
                        store(SIMD4(a[0], b[0], c[0], e[0]), d)
                        store(SIMD4(a[1], b[1], c[1], e[1]), d + h)
                        store(SIMD4(a[2], b[2], c[2], e[2]), d + 2 * h)
                        store(SIMD4(a[3], b[3], c[3], e[3]), d + 3 * h)
                        r += 4
                    }
                    for r in r..<height {
                        for q in 0..<4 { destination[(l + q) * h + r] = source[r * rowStride + l + q] }
                    }
                    l += 4
                }
                for l in l..<depth {
                    for r in 0..<height { destination[l * h + r] = source[r * rowStride + l] }
                }
                if height < h {
                    for l in 0..<depth {
                        for r in height..<h { destination[l * h + r] = 0 }
                    }
                }
            }
            if microRows == 12 { transposed(12) } else { transposed(6) }
        } else {
            for r in 0..<microRows {
                if r < height {
                    let s = source + r * left.rowStride
                    for l in 0..<depth { destination[l * microRows + r] = s[l * left.columnStride] }
                } else {
                    for l in 0..<depth { destination[l * microRows + r] = 0 }
                }
            }
        }
        destination += depth * microRows
        i += microRows
    }
}

/// Copies R[l0..<l0+depth, j0..<j0+columns] into micro-panels of w = 2·(numbers in V) columns:
/// panel p holds, for each l, the numbers R[l0 + l, j0 + w·p + c] for c = 0…w−1 (0 beyond the
/// last column).
@inline(__always)
private func packRight<V: ProductLanes>(
    _ right: StridedOperand, l0: Int, depth: Int, j0: Int, columns: Int,
    into packed: UnsafeMutablePointer<Double>, vector: V.Type
) {
    let microColumns = microColumns(V.self)
    let lanes = V.scalarCount
    var destination = packed
    var j = 0
    while j < columns {
        let width = min(microColumns, columns - j)
        let source = right.base + l0 * right.rowStride + (j0 + j) * right.columnStride
        if width == microColumns && right.columnStride == 1 {
            for l in 0..<depth {
                let s = source + l * right.rowStride
                store(load(s, as: V.self), destination + l * microColumns)
                store(load(s + lanes, as: V.self), destination + l * microColumns + lanes)
            }
        } else {
            for c in 0..<microColumns {
                if c < width {
                    let s = source + c * right.columnStride
                    for l in 0..<depth { destination[l * microColumns + c] = s[l * right.rowStride] }
                } else {
                    for l in 0..<depth { destination[l * microColumns + c] = 0 }
                }
            }
        }
        destination += depth * microColumns
        j += microColumns
    }
}

/// The micro-kernel: a tile of `rows` × w numbers of C at `c` (rows `stride` apart) from a packed
/// micro-panel of L (`panelRows` numbers per l, of which the first `rows` are used) and of R (w
/// numbers per l, two vectors of V), over `depth` steps of l. `rows` is the panel's height h, or
/// at the last panel of an edge fewer (4 or 8 of 12, 2 or 4 of 6), so that an edge of 8 rows is
/// not computed as 12. The tile starts from 0, or from what C holds when `continuing` (the partial
/// sums of the earlier blocks of l); when `row` is given (w numbers), it is added to every row of
/// the finished sums. Every call passes constants for `rows` and `panelRows`, so each call compiles
/// to a kernel with only its own accumulators.
@inline(__always)
private func microKernel<V: ProductLanes>(
    rows: Int, panelRows: Int, depth: Int, left: UnsafePointer<Double>, right: UnsafePointer<Double>,
    c: UnsafeMutablePointer<Double>, stride: Int, continuing: Bool,
    row: UnsafePointer<Double>?, vector: V.Type
) {
    let w = V.scalarCount
    // Each row's two accumulators are written out by name in every part below. Measured against
    // this by alternating in one process (n = 128 to 1024): with a nested function per part called
    // once per row, as the register-blocked kernel does, the product ran at 0.88–0.96 of this
    // speed; with a closure that visits the rows, at 0.52–0.65 (its accumulators lived in memory).
    var c00 = V()
    var c01 = V()
    var c10 = V()
    var c11 = V()
    var c20 = V()
    var c21 = V()
    var c30 = V()
    var c31 = V()
    var c40 = V()
    var c41 = V()
    var c50 = V()
    var c51 = V()
    var c60 = V()
    var c61 = V()
    var c70 = V()
    var c71 = V()
    var c80 = V()
    var c81 = V()
    var c90 = V()
    var c91 = V()
    var c100 = V()
    var c101 = V()
    var c110 = V()
    var c111 = V()
    if continuing {
        c00 = load(c)
        c01 = load(c + w)
        c10 = load(c + stride)
        c11 = load(c + stride + w)
        if rows > 2 {
            c20 = load(c + 2 * stride)
            c21 = load(c + 2 * stride + w)
            c30 = load(c + 3 * stride)
            c31 = load(c + 3 * stride + w)
        }
        if rows > 4 {
            c40 = load(c + 4 * stride)
            c41 = load(c + 4 * stride + w)
            c50 = load(c + 5 * stride)
            c51 = load(c + 5 * stride + w)
        }
        if rows > 6 {
            c60 = load(c + 6 * stride)
            c61 = load(c + 6 * stride + w)
            c70 = load(c + 7 * stride)
            c71 = load(c + 7 * stride + w)
        }
        if rows > 8 {
            c80 = load(c + 8 * stride)
            c81 = load(c + 8 * stride + w)
            c90 = load(c + 9 * stride)
            c91 = load(c + 9 * stride + w)
            c100 = load(c + 10 * stride)
            c101 = load(c + 10 * stride + w)
            c110 = load(c + 11 * stride)
            c111 = load(c + 11 * stride + w)
        }
    }
    var a = left
    var b = right
    for _ in 0..<depth {
        let b0: V = load(b)
        let b1: V = load(b + w)
        var x = V(repeating: a[0])
        c00 = multiplyAdd(c00, x, b0)
        c01 = multiplyAdd(c01, x, b1)
        x = V(repeating: a[1])
        c10 = multiplyAdd(c10, x, b0)
        c11 = multiplyAdd(c11, x, b1)
        if rows > 2 {
            x = V(repeating: a[2])
            c20 = multiplyAdd(c20, x, b0)
            c21 = multiplyAdd(c21, x, b1)
            x = V(repeating: a[3])
            c30 = multiplyAdd(c30, x, b0)
            c31 = multiplyAdd(c31, x, b1)
        }
        if rows > 4 {
            x = V(repeating: a[4])
            c40 = multiplyAdd(c40, x, b0)
            c41 = multiplyAdd(c41, x, b1)
            x = V(repeating: a[5])
            c50 = multiplyAdd(c50, x, b0)
            c51 = multiplyAdd(c51, x, b1)
        }
        if rows > 6 {
            x = V(repeating: a[6])
            c60 = multiplyAdd(c60, x, b0)
            c61 = multiplyAdd(c61, x, b1)
            x = V(repeating: a[7])
            c70 = multiplyAdd(c70, x, b0)
            c71 = multiplyAdd(c71, x, b1)
        }
        if rows > 8 {
            x = V(repeating: a[8])
            c80 = multiplyAdd(c80, x, b0)
            c81 = multiplyAdd(c81, x, b1)
            x = V(repeating: a[9])
            c90 = multiplyAdd(c90, x, b0)
            c91 = multiplyAdd(c91, x, b1)
            x = V(repeating: a[10])
            c100 = multiplyAdd(c100, x, b0)
            c101 = multiplyAdd(c101, x, b1)
            x = V(repeating: a[11])
            c110 = multiplyAdd(c110, x, b0)
            c111 = multiplyAdd(c111, x, b1)
        }
        a += panelRows
        b += 2 * w
    }
    if let row {
        let r0: V = load(row)
        let r1: V = load(row + w)
        c00 += r0
        c01 += r1
        c10 += r0
        c11 += r1
        c20 += r0
        c21 += r1
        c30 += r0
        c31 += r1
        c40 += r0
        c41 += r1
        c50 += r0
        c51 += r1
        c60 += r0
        c61 += r1
        c70 += r0
        c71 += r1
        c80 += r0
        c81 += r1
        c90 += r0
        c91 += r1
        c100 += r0
        c101 += r1
        c110 += r0
        c111 += r1
    }
    store(c00, c)
    store(c01, c + w)
    store(c10, c + stride)
    store(c11, c + stride + w)
    if rows > 2 {
        store(c20, c + 2 * stride)
        store(c21, c + 2 * stride + w)
        store(c30, c + 3 * stride)
        store(c31, c + 3 * stride + w)
    }
    if rows > 4 {
        store(c40, c + 4 * stride)
        store(c41, c + 4 * stride + w)
        store(c50, c + 5 * stride)
        store(c51, c + 5 * stride + w)
    }
    if rows > 6 {
        store(c60, c + 6 * stride)
        store(c61, c + 6 * stride + w)
        store(c70, c + 7 * stride)
        store(c71, c + 7 * stride + w)
    }
    if rows > 8 {
        store(c80, c + 8 * stride)
        store(c81, c + 8 * stride + w)
        store(c90, c + 9 * stride)
        store(c91, c + 9 * stride + w)
        store(c100, c + 10 * stride)
        store(c101, c + 10 * stride + w)
        store(c110, c + 11 * stride)
        store(c111, c + 11 * stride + w)
    }
}

/// C = L·R, plus `row` (n numbers) added to every row when given, with micro-tiles of 6 or 12 rows
/// and 2 vectors of `vectorWidth` (4 or 8) numbers. `c` holds m·n numbers, row after row, and
/// may start uninitialised: every element is written. m, n, k > 0.
func packedMultiply(
    left: StridedOperand, right: StridedOperand, into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, row: UnsafePointer<Double>? = nil, vectorWidth: Int = ProductVector.scalarCount
) {
    if vectorWidth == 8 {
        packedMultiply(left: left, right: right, into: c, m: m, n: n, k: k, row: row, vector: SIMD8<Double>.self)
    } else {
        packedMultiply(left: left, right: right, into: c, m: m, n: n, k: k, row: row, vector: SIMD4<Double>.self)
    }
}

/// `packedMultiply` with vectors of V.
private func packedMultiply<V: ProductLanes>(
    left: StridedOperand, right: StridedOperand, into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, row: UnsafePointer<Double>?, vector: V.Type
) {
    @inline(__always) func roundedUp(_ x: Int, _ multiple: Int) -> Int { (x + multiple - 1) / multiple * multiple }
    let microColumns = microColumns(V.self)
    let microRows = microRowCount(vectorWidth: V.scalarCount)
    let depthMax = min(depthBlock, k)
    let rowsMax = roundedUp(min(rowBlock, m), microRows)
    let columnsMax = roundedUp(min(columnBlock, n), microColumns)
    // One allocation for the two packed blocks, a scratch tile for the edges and a padded row.
    let leftCount = rowsMax * depthMax
    let rightCount = depthMax * columnsMax
    let tileCount = microRows * microColumns
    // Aligned to 64 bytes, a cache line: R's panels first (each a whole number of lines), so no
    // vector load of the micro-kernel straddles two lines.
    let raw = UnsafeMutableRawPointer.allocate(
        byteCount: (leftCount + rightCount + tileCount + microColumns) * MemoryLayout<Double>.stride, alignment: 64)
    defer { raw.deallocate() }
    let buffer = raw.bindMemory(to: Double.self, capacity: leftCount + rightCount + tileCount + microColumns)
    let packedRight = buffer
    let packedLeft = buffer + rightCount
    let tile = packedLeft + leftCount
    let paddedRow = tile + tileCount

    var j0 = 0
    while j0 < n {
        let columns = min(columnBlock, n - j0)
        var l0 = 0
        while l0 < k {
            let depth = min(depthBlock, k - l0)
            let continuing = l0 > 0
            let finishing = l0 + depth == k
            packRight(right, l0: l0, depth: depth, j0: j0, columns: columns, into: packedRight, vector: V.self)
            var i0 = 0
            while i0 < m {
                let rows = min(rowBlock, m - i0)
                packLeft(left, i0: i0, rows: rows, l0: l0, depth: depth, into: packedLeft, microRows: microRows)
                var i = 0
                while i < rows {
                    let height = min(microRows, rows - i)
                    // The last panel of L may have fewer rows: computed as 4 or 8 of 12 (2 or 4 of 6).
                    let kernelRows = roundedUp(height, microRows / 3)
                    let leftPanel = packedLeft + (i / microRows) * depth * microRows
                    var j = 0
                    while j < columns {
                        let width = min(microColumns, columns - j)
                        let rightPanel = packedRight + (j / microColumns) * depth * microColumns
                        var tileRow: UnsafePointer<Double>? = nil
                        if finishing, let row {
                            if width == microColumns {
                                tileRow = row + j0 + j
                            } else {
                                for c in 0..<microColumns { paddedRow[c] = c < width ? row[j0 + j + c] : 0 }
                                tileRow = UnsafePointer(paddedRow)
                            }
                        }
                        let corner = c + (i0 + i) * n + j0 + j
                        // A tile that fits C is computed in place; an edge is computed in scratch,
                        // and the part inside C kept.
                        let inPlace = height == kernelRows && width == microColumns
                        let target = inPlace ? corner : tile
                        let targetStride = inPlace ? n : microColumns
                        if !inPlace && continuing {
                            for r in 0..<height {
                                for s in 0..<width { tile[r * microColumns + s] = corner[r * n + s] }
                            }
                        }
                        @inline(__always) func kernel(rows: Int) {
                            microKernel(
                                rows: rows, panelRows: microRows, depth: depth, left: leftPanel, right: rightPanel,
                                c: target, stride: targetStride, continuing: continuing, row: tileRow, vector: V.self)
                        }
                        if kernelRows == microRows {
                            kernel(rows: microRows)
                        } else if kernelRows == 2 * microRows / 3 {
                            kernel(rows: 2 * microRows / 3)
                        } else {
                            kernel(rows: microRows / 3)
                        }
                        if !inPlace {
                            for r in 0..<height {
                                for s in 0..<width { corner[r * n + s] = tile[r * microColumns + s] }
                            }
                        }
                        j += microColumns
                    }
                    i += microRows
                }
                i0 += rows
            }
            l0 += depth
        }
        j0 += columns
    }
}
