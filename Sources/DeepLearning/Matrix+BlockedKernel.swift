// MARK: - A register-blocked kernel for the matrix products
//
// C (m × n) = L · R (+ a row added to every row of C), where L is m × k and element (i, l)
// of L sits at `left[i * leftRowStride + l * leftColumnStride]`: strides (k, 1) read L = A as
// stored, strides (1, m) read L = Aᵀ for A stored as k × m. R is k × n with its rows
// `rightRowStride` apart, and C is m × n, row-major.
//
// The idea: a 4 × 2w block of C (w numbers per vector V, see `ProductVector`; 8 × 2w where
// there are 32 vector registers) lives in registers for the whole sum over l. Each step loads 2w
// numbers of row l of R once and four numbers of L, and does 8w multiply-adds, instead of
// reading and writing C again for every l. When n is not a multiple of w, the last vector of columns is the one that ends at column n:
// it overlaps the one before, and writes the overlapped columns again with the very same
// numbers. (Only a product narrower than one vector is computed, padded with zeros, in a scratch
// block.) Rows that do not fill a block are done 4, 2 and then 1 at a time.
// `naiveProduct` is the reference these kernels are tested against.

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

/// Where one block of C comes from and goes to: rows i0… of L (element (i, l) at
/// `left[i * leftRowStride + l * leftColumnStride]`), R from its block's first column on (rows
/// `rightRowStride` apart), `corner` = element (i0, j0) of C (rows `cStride` apart), the block's
/// part of the row (if any), the weight step (if any), and `done`, how many of the block's first
/// columns an earlier block has written already.
private struct BlockOperands {
    var i0: Int
    var left: UnsafePointer<Double>, leftRowStride: Int, leftColumnStride: Int
    var right: UnsafePointer<Double>, rightRowStride: Int
    var corner: UnsafeMutablePointer<Double>, cStride: Int
    var k: Int
    var row: UnsafePointer<Double>?
    var step: WeightStep?
    var done: Int
}

/// C[i0..<i0+rowCount, j0..<j0+w·vectors] = L·R over all l, with the block held in registers,
/// plus `row[0..<w·vectors]` when given, for a block of `Rows` × `Vectors`: `rowCount` is 12, 10 or 8 (only
/// where there are 32 vector registers), 4, 2 or 1 and `vectors` (vectors of V across the columns)
/// is 2 or 1, both constants of the types, so each shape is compiled on its own (see `BlockCount`).
@inline(__always)
private func multiplyAddBlock<V: ProductLanes, Rows: BlockCount, Vectors: BlockCount>(
    _: Rows.Type, _: Vectors.Type, _ operands: BlockOperands, vector: V.Type
) {
    let rowCount = Rows.value
    let vectors = Vectors.value
    let (i0, left, leftRowStride, leftColumnStride) = (
        operands.i0, operands.left, operands.leftRowStride, operands.leftColumnStride
    )
    let (right, rightRowStride, corner, cStride) = (
        operands.right, operands.rightRowStride, operands.corner, operands.cStride
    )
    let (k, row, step, done) = (operands.k, operands.row, operands.step, operands.done)
    let w = V.scalarCount
    var acc = (V(), V(), V(), V(), V(), V(), V(), V(), V(), V(), V(), V(), V(), V(), V(), V())
    var last = (V(), V(), V(), V())  // rows 8 and 9 of a block of 10 or 12
    var more = (V(), V(), V(), V())  // rows 10 and 11 of a block of 12
    // L[i0 + r, l] is read from one of three pointers, to rows 0, 4 and 8 of the block. (From one
    // pointer, the compiler stepped it from row to row: a chain of 12 additions per l, each
    // waiting for the one before, as long as the 24 multiply-adds they feed.)
    var a = left + i0 * leftRowStride
    var a4 = a + 4 * leftRowStride
    var a8 = a + 8 * leftRowStride
    var b = right
    for _ in 0..<k {
        let b0: V = load(b)
        let b1: V = vectors == 2 ? load(b + w) : V()
        // Row r of the block: its two accumulators take L[i0 + r, l] times the two vectors of R.
        @inline(__always) func row(_ r: Int, _ first: inout V, _ second: inout V) {
            let x = V(repeating: (r < 4 ? a : r < 8 ? a4 : a8)[(r % 4) * leftRowStride])
            first = multiplyAdd(first, x, b0)
            if vectors == 2 { second = multiplyAdd(second, x, b1) }
        }
        row(0, &acc.0, &acc.1)
        if rowCount >= 2 { row(1, &acc.2, &acc.3) }
        if rowCount >= 4 {
            row(2, &acc.4, &acc.5)
            row(3, &acc.6, &acc.7)
        }
        if rowCount >= 8 {
            row(4, &acc.8, &acc.9)
            row(5, &acc.10, &acc.11)
            row(6, &acc.12, &acc.13)
            row(7, &acc.14, &acc.15)
        }
        if rowCount >= 10 {
            row(8, &last.0, &last.1)
            row(9, &last.2, &last.3)
        }
        if rowCount == 12 {
            row(10, &more.0, &more.1)
            row(11, &more.2, &more.3)
        }
        a += leftColumnStride
        a4 += leftColumnStride
        a8 += leftColumnStride
        b += rightRowStride
    }
    // The row, if any, is added to the finished sums.
    let row0: V = row.map { load($0) } ?? V()
    let row1: V = vectors == 2 ? row.map { load($0 + w) } ?? V() : V()
    // The lanes of the two vectors that no earlier block has stepped (all of them, but for the
    // first `done` columns of a block that overlaps the one before it).
    let notDone =
        step != nil && done > 0
        ? (lanes(from: done, V.self), lanes(from: done - w, V.self))
        : (SIMDMask(repeating: true), SIMDMask(repeating: true))
    @inline(__always) func add(_ r: Int, _ first: V, _ second: V) {
        let cells = corner + r * cStride
        if let step {
            stepWeights(step, gradient: first, at: cells, where: notDone.0)
            if vectors == 2 { stepWeights(step, gradient: second, at: cells + w, where: notDone.1) }
            return
        }
        store(row == nil ? first : row0 + first, cells)
        if vectors == 2 { store(row == nil ? second : row1 + second, cells + w) }
    }
    add(0, acc.0, acc.1)
    if rowCount >= 2 { add(1, acc.2, acc.3) }
    if rowCount >= 4 {
        add(2, acc.4, acc.5)
        add(3, acc.6, acc.7)
    }
    if rowCount >= 8 {
        add(4, acc.8, acc.9)
        add(5, acc.10, acc.11)
        add(6, acc.12, acc.13)
        add(7, acc.14, acc.15)
    }
    if rowCount >= 10 {
        add(8, last.0, last.1)
        add(9, last.2, last.3)
    }
    if rowCount == 12 {
        add(10, more.0, more.1)
        add(11, more.2, more.3)
    }
}

/// A block two vectors wide, of `rowCount` rows (12, 10, 8, 4, 2 or 1). A function of its own, apart from
/// `blockOfOneVector`: when both were inlined into one caller, the optimiser merged their loops
/// into one that tested the number of vectors at every step (measured: a branch per row per step
/// in the hot loop of the digits' training).
@inline(never)
private func blockOfTwoVectors<V: ProductLanes>(_ rowCount: Int, _ operands: BlockOperands, vector: V.Type) {
    switch rowCount {
    case 12: multiplyAddBlock(Rows12.self, TwoVectors.self, operands, vector: V.self)
    case 10: multiplyAddBlock(Rows10.self, TwoVectors.self, operands, vector: V.self)
    case 8: multiplyAddBlock(Rows8.self, TwoVectors.self, operands, vector: V.self)
    case 4: multiplyAddBlock(Rows4.self, TwoVectors.self, operands, vector: V.self)
    case 2: multiplyAddBlock(Rows2.self, TwoVectors.self, operands, vector: V.self)
    default: multiplyAddBlock(Rows1.self, TwoVectors.self, operands, vector: V.self)
    }
}

/// A block one vector wide, of `rowCount` rows (see `blockOfTwoVectors`).
@inline(never)
private func blockOfOneVector<V: ProductLanes>(_ rowCount: Int, _ operands: BlockOperands, vector: V.Type) {
    switch rowCount {
    case 12: multiplyAddBlock(Rows12.self, OneVector.self, operands, vector: V.self)
    case 10: multiplyAddBlock(Rows10.self, OneVector.self, operands, vector: V.self)
    case 8: multiplyAddBlock(Rows8.self, OneVector.self, operands, vector: V.self)
    case 4: multiplyAddBlock(Rows4.self, OneVector.self, operands, vector: V.self)
    case 2: multiplyAddBlock(Rows2.self, OneVector.self, operands, vector: V.self)
    default: multiplyAddBlock(Rows1.self, OneVector.self, operands, vector: V.self)
    }
}

/// A number of a register block's shape (rows, or vectors of V across), as a type. Each shape is
/// a pair of types so that each call of `multiplyAddBlock` is a specialisation of its own,
/// compiled with the two numbers as constants. (Passed as plain numbers, the optimiser merged the
/// calls for 10, 8, 4 and 2 rows into one call of a copy that tested the numbers at every step:
/// measured, the forward product of a batch of 10 digits-sized rows took 1.3–1.5 times as long.)
private protocol BlockCount { static var value: Int { get } }
private enum Rows12: BlockCount { static var value: Int { 12 } }
private enum Rows10: BlockCount { static var value: Int { 10 } }
private enum Rows8: BlockCount { static var value: Int { 8 } }
private enum Rows4: BlockCount { static var value: Int { 4 } }
private enum Rows2: BlockCount { static var value: Int { 2 } }
private enum Rows1: BlockCount { static var value: Int { 1 } }
private enum TwoVectors: BlockCount { static var value: Int { 2 } }
private enum OneVector: BlockCount { static var value: Int { 1 } }

/// Rows of the register-blocked kernel's largest block: 12 with AVX-512's 32 vector registers
/// (24 accumulators, two vectors of R and the broadcast number), 4 with AVX2's 16.
#if WIDE_VECTORS
let registerRows = 12
#else
let registerRows = 4
#endif

/// A step of plain SGD, W ← W − lr·(G + λW), applied by the kernel to the weights W it finds in C
/// as soon as it has the gradient G = L·R of a block in registers (`StochasticGradientDescent`'s
/// formula, element by element, in the same order of operations: the same bits).
struct WeightStep {
    /// lr and λ.
    var rate: Double, decay: Double
}

/// W ← W − lr·(G + λW) for the lanes `notDone` of one vector at `cells`; the other lanes keep
/// what they hold. (One blend and a whole store, the same every time: written lane by lane, the
/// steps of the overlapping blocks took as long as their products.)
@inline(__always)
private func stepWeights<V: ProductLanes>(
    _ step: WeightStep, gradient: V, at cells: UnsafeMutablePointer<Double>, where notDone: SIMDMask<V.MaskStorage>
) {
    let old: V = load(UnsafePointer(cells))
    let new = old - V(repeating: step.rate) * (gradient + V(repeating: step.decay) * old)
    store(old.replacing(with: new, where: notDone), cells)
}

/// The mask of the lanes from `first` on: lane i is set when i ≥ first. (Compared as the concrete
/// vector type: the generic comparison compiled to a test and a branch per lane.)
@inline(__always)
private func lanes<V: ProductLanes>(from first: Int, _: V.Type) -> SIMDMask<V.MaskStorage> {
    if V.scalarCount == 8 {
        let mask = SIMD8<Double>(0, 1, 2, 3, 4, 5, 6, 7) .>= SIMD8(repeating: Double(first))
        return unsafeBitCast(mask, to: SIMDMask<V.MaskStorage>.self)
    }
    let mask = SIMD4<Double>(0, 1, 2, 3) .>= SIMD4(repeating: Double(first))
    return unsafeBitCast(mask, to: SIMDMask<V.MaskStorage>.self)
}

/// C = L·R (+ `row`, n numbers, added to every row) for the layout described above, with vectors
/// of `vectorWidth` (4 or 8) numbers and blocks of at most `largestBlock` (12 or 4) rows. C may
/// start uninitialised: every element is written. With `step` (and no row), C holds weights W
/// instead and takes the step W ← W − lr·(L·R + λW) (see `WeightStep`).
func blockedMultiply(
    left: UnsafePointer<Double>, leftRowStride: Int, leftColumnStride: Int,
    right: UnsafePointer<Double>, rightRowStride: Int, into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, row: UnsafePointer<Double>? = nil, step: WeightStep? = nil,
    vectorWidth: Int = ProductVector.scalarCount, largestBlock: Int = registerRows
) {
    precondition(row == nil || step == nil, "A weight step takes no row")
    if vectorWidth == 8 {
        blockedMultiply(
            left: left, leftRowStride: leftRowStride, leftColumnStride: leftColumnStride, right: right,
            rightRowStride: rightRowStride, into: c, m: m, n: n, k: k, row: row, step: step, vector: SIMD8<Double>.self,
            largestBlock: largestBlock)
    } else {
        blockedMultiply(
            left: left, leftRowStride: leftRowStride, leftColumnStride: leftColumnStride, right: right,
            rightRowStride: rightRowStride, into: c, m: m, n: n, k: k, row: row, step: step, vector: SIMD4<Double>.self,
            largestBlock: largestBlock)
    }
}

/// `blockedMultiply` with vectors of V.
private func blockedMultiply<V: ProductLanes>(
    left: UnsafePointer<Double>, leftRowStride: Int, leftColumnStride: Int,
    right: UnsafePointer<Double>, rightRowStride: Int, into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, row: UnsafePointer<Double>?, step: WeightStep?, vector: V.Type, largestBlock: Int
) {
    let w = V.scalarCount
    if n < w && w > 4 && n >= 4 {
        // Narrower than one wide vector but not than four numbers: vectors of four.
        blockedMultiply(
            left: left, leftRowStride: leftRowStride, leftColumnStride: leftColumnStride, right: right,
            rightRowStride: rightRowStride, into: c, m: m, n: n, k: k, row: row, step: step, vector: SIMD4<Double>.self,
            largestBlock: largestBlock)
        return
    }
    if n < w {
        // Narrower than one vector: R and the row padded with zeros to w columns, C in scratch.
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: k * w + w + m * w)
        defer { scratch.deallocate() }
        let paddedRow = scratch + k * w
        let paddedC = paddedRow + w
        for l in 0..<k {
            for s in 0..<w { scratch[l * w + s] = s < n ? right[l * rightRowStride + s] : 0 }
        }
        for s in 0..<w { paddedRow[s] = s < n ? row?[s] ?? 0 : 0 }
        blockedMultiply(
            left: left, leftRowStride: leftRowStride, leftColumnStride: leftColumnStride, right: scratch,
            rightRowStride: w, into: paddedC, m: m, n: w, k: k, row: row == nil ? nil : UnsafePointer(paddedRow),
            step: nil, vector: V.self, largestBlock: largestBlock)
        if let step {
            for i in 0..<m {
                for j in 0..<n { c[i * n + j] -= step.rate * (paddedC[i * w + j] + step.decay * c[i * n + j]) }
            }
        } else {
            for i in 0..<m { (c + i * n).update(from: paddedC + i * w, count: n) }
        }
        return
    }
    let pairs = n - n % (2 * w)  // columns covered by blocks of two vectors
    func rowBlock(_ i0: Int, _ rowCount: Int) {
        // `done`: how many of the block's first columns an earlier block has written already.
        @inline(__always) func block(_ vectors: Int, _ j0: Int, done: Int = 0) {
            let operands = BlockOperands(
                i0: i0, left: left, leftRowStride: leftRowStride, leftColumnStride: leftColumnStride,
                right: right + j0, rightRowStride: rightRowStride, corner: c + i0 * n + j0, cStride: n, k: k,
                row: row.map { $0 + j0 }, step: step, done: done)
            if vectors == 2 {
                blockOfTwoVectors(rowCount, operands, vector: V.self)
            } else {
                blockOfOneVector(rowCount, operands, vector: V.self)
            }
        }
        var j0 = 0
        while j0 < pairs {
            block(2, j0)
            j0 += 2 * w
        }
        if j0 + w < n && n >= 2 * w {
            // More than one vector left: the two vectors that end at column n, one pass over R.
            block(2, n - 2 * w, done: j0 - (n - 2 * w))
            return
        }
        if j0 + w <= n {
            block(1, j0)
            j0 += w
        }
        // The last 1 to w − 1 columns: the vector that ends at column n.
        if j0 < n { block(1, n - w, done: j0 - (n - w)) }
    }
    var i0 = 0
    // Blocks of 12, 10 and 8 rows need 24, 20 and 16 accumulators: only with the 32 vector
    // registers of AVX-512. The more rows share each vector of R loaded, the faster: measured
    // alternately in one process, blocks of 12 took 0.52–0.68 of the time of blocks of 8 on the
    // digits' and mnist-shape's products, and a batch of 10 as one block 0.6 of the time of 8 + 2.
    if largestBlock == 12 {
        while i0 + 12 <= m {
            rowBlock(i0, 12)
            i0 += 12
        }
        if i0 + 10 <= m {
            rowBlock(i0, 10)
            i0 += 10
        } else if i0 + 8 <= m {
            rowBlock(i0, 8)
            i0 += 8
        }
    }
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
