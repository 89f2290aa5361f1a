// MARK: - A packed, cache-blocked matrix product (for the large products)
//
// C = L·R (+ a row added to every row of C), with L of m × k and R of k × n, each read through
// a row stride and a column stride, so that A, Aᵀ, B and Bᵀ are all read in place.
//
// The register-blocked kernel of Matrix+BlockedKernel.swift reads its operands where they lie.
// Once they outgrow the caches that costs more than the arithmetic, so this one follows the
// scheme of GotoBLAS and BLIS:
//
//   for each block of `columnBlock` columns of R (and C)
//     for each block of `depthBlock` steps of the sum (l)
//       copy R's block into micro-panels 8 columns wide          (lives in L2/L3, reused m times)
//       for each block of `rowBlock` rows of L
//         copy L's block into micro-panels 6 rows tall            (lives in L2, reused n times)
//         for each 8-column micro-panel of R                      (lives in L1)
//           for each 6-row micro-panel of L
//             C[6 × 8] (+)= micro-panel · micro-panel              (12 vector registers)
//
// A copied ("packed") micro-panel holds, for each l, the 6 (or 8) numbers the micro-kernel needs
// next to each other, so the kernel reads memory strictly in order. Panels at the edges are
// padded with zeros; their extra results go to a scratch tile and are dropped.
//
// The order of the sum is kept: element (i, j) is 0 + L[i,0]R[0,j] + L[i,1]R[1,j] + … in that
// order, continued across the blocks of l (a later block starts from the partial sums the
// earlier one left in C), and the row is added last. So this gives the very bits of
// `naiveProduct` (plus the row) whenever `multiplyAdd` is not fused; see Matrix+MultiplyAdd.swift.

/// How a matrix operand is laid out: element (i, j) is at `base[i * rowStride + j * columnStride]`.
struct StridedOperand {
    var base: UnsafePointer<Double>
    var rowStride: Int
    var columnStride: Int
}

/// Rows of a micro-panel of L, and of the tile of C the micro-kernel computes.
let microRows = 6
/// Columns of a micro-panel of R, and of the tile of C: two 4-wide vectors.
let microColumns = 8

/// The block sizes, chosen for 32–48 KB of L1 and 1–2 MB of L2 per core: a micro-panel of R
/// (256 × 8 numbers, 16 KB) stays in L1, a block of L (96 × 256, 192 KB) in L2.
let depthBlock = 256
let rowBlock = 96
let columnBlock = 2048

@inline(__always)
private func load4(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
}

@inline(__always)
private func store4(_ value: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Double>.self)
}

/// Copies L[i0..<i0+rows, l0..<l0+depth] into micro-panels of `microRows` rows: panel p holds,
/// for each l, the numbers L[i0 + 6p + r, l0 + l] for r = 0…5 (0 beyond the last row).
private func packLeft(
    _ left: StridedOperand, i0: Int, rows: Int, l0: Int, depth: Int,
    into packed: UnsafeMutablePointer<Double>
) {
    var destination = packed
    var i = 0
    while i < rows {
        let height = min(microRows, rows - i)
        let source = left.base + (i0 + i) * left.rowStride + l0 * left.columnStride
        if height == microRows && left.rowStride == 1 {
            // Aᵀ read in place: the six numbers are next to each other.
            for l in 0..<depth {
                let s = source + l * left.columnStride
                store4(load4(s), destination + l * microRows)
                destination[l * microRows + 4] = s[4]
                destination[l * microRows + 5] = s[5]
            }
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

/// Copies R[l0..<l0+depth, j0..<j0+columns] into micro-panels of `microColumns` columns: panel
/// p holds, for each l, the numbers R[l0 + l, j0 + 8p + c] for c = 0…7 (0 beyond the last column).
private func packRight(
    _ right: StridedOperand, l0: Int, depth: Int, j0: Int, columns: Int,
    into packed: UnsafeMutablePointer<Double>
) {
    var destination = packed
    var j = 0
    while j < columns {
        let width = min(microColumns, columns - j)
        let source = right.base + l0 * right.rowStride + (j0 + j) * right.columnStride
        if width == microColumns && right.columnStride == 1 {
            for l in 0..<depth {
                let s = source + l * right.rowStride
                store4(load4(s), destination + l * microColumns)
                store4(load4(s + 4), destination + l * microColumns + 4)
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

/// The micro-kernel: a 6 × 8 tile of C at `c` (rows `stride` apart) from a packed micro-panel
/// of L (6 numbers per l) and of R (8 numbers per l), over `depth` steps of l. The tile starts
/// from 0, or from what C holds when `continuing` (the partial sums of the earlier blocks of l);
/// when `row` is given (8 numbers), it is added to every row of the finished sums.
@inline(__always)
private func microKernel(
    depth: Int, left: UnsafePointer<Double>, right: UnsafePointer<Double>,
    c: UnsafeMutablePointer<Double>, stride: Int, continuing: Bool,
    row: UnsafePointer<Double>?
) {
    var c00 = SIMD4<Double>()
    var c01 = SIMD4<Double>()
    var c10 = SIMD4<Double>()
    var c11 = SIMD4<Double>()
    var c20 = SIMD4<Double>()
    var c21 = SIMD4<Double>()
    var c30 = SIMD4<Double>()
    var c31 = SIMD4<Double>()
    var c40 = SIMD4<Double>()
    var c41 = SIMD4<Double>()
    var c50 = SIMD4<Double>()
    var c51 = SIMD4<Double>()
    if continuing {
        c00 = load4(c)
        c01 = load4(c + 4)
        c10 = load4(c + stride)
        c11 = load4(c + stride + 4)
        c20 = load4(c + 2 * stride)
        c21 = load4(c + 2 * stride + 4)
        c30 = load4(c + 3 * stride)
        c31 = load4(c + 3 * stride + 4)
        c40 = load4(c + 4 * stride)
        c41 = load4(c + 4 * stride + 4)
        c50 = load4(c + 5 * stride)
        c51 = load4(c + 5 * stride + 4)
    }
    var a = left
    var b = right
    for _ in 0..<depth {
        let b0 = load4(b)
        let b1 = load4(b + 4)
        var x = SIMD4<Double>(repeating: a[0])
        c00 = multiplyAdd(c00, x, b0)
        c01 = multiplyAdd(c01, x, b1)
        x = SIMD4<Double>(repeating: a[1])
        c10 = multiplyAdd(c10, x, b0)
        c11 = multiplyAdd(c11, x, b1)
        x = SIMD4<Double>(repeating: a[2])
        c20 = multiplyAdd(c20, x, b0)
        c21 = multiplyAdd(c21, x, b1)
        x = SIMD4<Double>(repeating: a[3])
        c30 = multiplyAdd(c30, x, b0)
        c31 = multiplyAdd(c31, x, b1)
        x = SIMD4<Double>(repeating: a[4])
        c40 = multiplyAdd(c40, x, b0)
        c41 = multiplyAdd(c41, x, b1)
        x = SIMD4<Double>(repeating: a[5])
        c50 = multiplyAdd(c50, x, b0)
        c51 = multiplyAdd(c51, x, b1)
        a += microRows
        b += microColumns
    }
    if let row {
        let r0 = load4(row)
        let r1 = load4(row + 4)
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
    }
    store4(c00, c)
    store4(c01, c + 4)
    store4(c10, c + stride)
    store4(c11, c + stride + 4)
    store4(c20, c + 2 * stride)
    store4(c21, c + 2 * stride + 4)
    store4(c30, c + 3 * stride)
    store4(c31, c + 3 * stride + 4)
    store4(c40, c + 4 * stride)
    store4(c41, c + 4 * stride + 4)
    store4(c50, c + 5 * stride)
    store4(c51, c + 5 * stride + 4)
}

/// C = L·R, plus `row` (n numbers) added to every row when given. `c` holds m·n numbers, row
/// after row, and may start uninitialised: every element is written. m, n, k > 0.
func packedMultiply(
    left: StridedOperand, right: StridedOperand, into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, row: UnsafePointer<Double>? = nil
) {
    @inline(__always) func roundedUp(_ x: Int, _ multiple: Int) -> Int { (x + multiple - 1) / multiple * multiple }
    let depthMax = min(depthBlock, k)
    let rowsMax = roundedUp(min(rowBlock, m), microRows)
    let columnsMax = roundedUp(min(columnBlock, n), microColumns)
    // One allocation for the two packed blocks, a scratch tile for the edges and a padded row.
    let leftCount = rowsMax * depthMax
    let rightCount = depthMax * columnsMax
    let tileCount = microRows * microColumns
    let buffer = UnsafeMutablePointer<Double>.allocate(capacity: leftCount + rightCount + tileCount + microColumns)
    defer { buffer.deallocate() }
    let packedLeft = buffer
    let packedRight = buffer + leftCount
    let tile = packedRight + rightCount
    let paddedRow = tile + tileCount

    var j0 = 0
    while j0 < n {
        let columns = min(columnBlock, n - j0)
        var l0 = 0
        while l0 < k {
            let depth = min(depthBlock, k - l0)
            let continuing = l0 > 0
            let finishing = l0 + depth == k
            packRight(right, l0: l0, depth: depth, j0: j0, columns: columns, into: packedRight)
            var i0 = 0
            while i0 < m {
                let rows = min(rowBlock, m - i0)
                packLeft(left, i0: i0, rows: rows, l0: l0, depth: depth, into: packedLeft)
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
                    var i = 0
                    while i < rows {
                        let height = min(microRows, rows - i)
                        let leftPanel = packedLeft + (i / microRows) * depth * microRows
                        let corner = c + (i0 + i) * n + j0 + j
                        if height == microRows && width == microColumns {
                            microKernel(
                                depth: depth, left: leftPanel, right: rightPanel, c: corner, stride: n,
                                continuing: continuing, row: tileRow)
                        } else {
                            // An edge: compute the whole tile in scratch, keep the part inside C.
                            if continuing {
                                for r in 0..<height {
                                    for s in 0..<width { tile[r * microColumns + s] = corner[r * n + s] }
                                }
                            }
                            microKernel(
                                depth: depth, left: leftPanel, right: rightPanel, c: tile, stride: microColumns,
                                continuing: continuing, row: tileRow)
                            for r in 0..<height {
                                for s in 0..<width { corner[r * n + s] = tile[r * microColumns + s] }
                            }
                        }
                        i += microRows
                    }
                    j += microColumns
                }
                i0 += rows
            }
            l0 += depth
        }
        j0 += columns
    }
}
