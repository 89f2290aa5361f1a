/// The size of a square filter slid over an image with zero padding and stride 1.
///
/// Feature maps are stored "one row per pixel": a batch of N images of height H and width W with
/// C channels is an (N·H·W) × C matrix whose row n·H·W + y·W + x holds pixel (y, x) of image n,
/// one column per channel. A batch of 8×8 grey digits (N × 64, one row per image) is already that
/// matrix with C = 1, read with a different row count.
public struct ConvolutionGeometry: Sendable, Equatable {
    /// Height and width of the input maps.
    public var height: Int, width: Int
    /// Channels of the input maps (1 for grey images, the number of filters after a convolution).
    public var channels: Int
    /// The filter is kernel × kernel pixels.
    public var kernel: Int
    /// Rings of zeros added around the image: 0 is "valid", (kernel − 1)/2 keeps the size ("same").
    public var padding: Int

    /// A geometry; the padded image must be at least as large as the filter.
    public init(height: Int, width: Int, channels: Int = 1, kernel: Int, padding: Int) {
        precondition(
            height > 0 && width > 0 && channels > 0 && kernel > 0 && padding >= 0,
            "A convolution needs positive sizes and padding ≥ 0")
        precondition(
            height + 2 * padding >= kernel && width + 2 * padding >= kernel,
            "A \(kernel)×\(kernel) filter does not fit a \(height)×\(width) image padded by \(padding)")
        self.height = height
        self.width = width
        self.channels = channels
        self.kernel = kernel
        self.padding = padding
    }

    /// Output height H′ = H + 2p − k + 1 (stride 1).
    public var outputHeight: Int { height + 2 * padding - kernel + 1 }
    /// Output width W′ = W + 2p − k + 1 (stride 1).
    public var outputWidth: Int { width + 2 * padding - kernel + 1 }
    /// Numbers in one patch, k·k·C: the rows of the filter matrix.
    public var patchSize: Int { kernel * kernel * channels }
}

/// The patch matrix ("im2col"): one row per output position, holding the k × k × C input values
/// the filter sees there, so that a convolution becomes one matrix product.
///
/// Row n·H′·W′ + y·W′ + x, column (i·k + j)·C + c holds
///
///     P[(n, y, x), (i, j, c)] = X[n, y + i − p, x + j − p, c]   (0 outside the image)
///
/// `maps` is (N·H·W) × C (see `ConvolutionGeometry`); the result is (N·H′·W′) × (k·k·C).
public func patchMatrix(_ maps: Matrix, geometry g: ConvolutionGeometry) -> Matrix {
    let pixels = g.height * g.width
    precondition(
        maps.columns == g.channels && maps.rows % pixels == 0,
        "Maps of \(g.height)×\(g.width) pixels with \(g.channels) channels need (N·\(pixels))×\(g.channels), got \(maps.shape)"
    )
    let count = maps.rows / pixels
    let (c, k, p) = (g.channels, g.kernel, g.padding)
    let (outH, outW) = (g.outputHeight, g.outputWidth)
    var result = [Double](repeating: 0, count: count * outH * outW * g.patchSize)
    maps.values.withUnsafeBufferPointer { x in
        result.withUnsafeMutableBufferPointer { out in
            // For one position (n, y, x) and filter row i, the offsets j that fall inside the image
            // are a run, and so are their entries in the patch row and their pixels in the maps:
            // one copy of (j₁ − j₀)·C numbers.
            for n in 0..<count {
                for y in 0..<outH {
                    for xo in 0..<outW {
                        let row = out.baseAddress! + ((n * outH + y) * outW + xo) * g.patchSize
                        let j0 = max(0, p - xo)
                        let j1 = min(k, g.width + p - xo)
                        guard j0 < j1 else { continue }
                        for i in 0..<k {
                            let yi = y + i - p
                            guard yi >= 0 && yi < g.height else { continue }
                            let source = x.baseAddress! + ((n * g.height + yi) * g.width + xo + j0 - p) * c
                            let target = row + (i * k + j0) * c
                            let run = (j1 - j0) * c
                            for e in 0..<run { target[e] = source[e] }
                        }
                    }
                }
            }
        }
    }
    return Matrix(rows: count * outH * outW, columns: g.patchSize, values: result)
}

/// `patchMatrix` entry by entry, as the formula reads (the reference the tests compare it with).
func patchMatrixByWalk(_ maps: Matrix, geometry g: ConvolutionGeometry) -> Matrix {
    let count = maps.rows / (g.height * g.width)
    let c = g.channels
    var result = [Double](repeating: 0, count: count * g.outputHeight * g.outputWidth * g.patchSize)
    maps.values.withUnsafeBufferPointer { x in
        result.withUnsafeMutableBufferPointer { out in
            forEachPatchEntry(count: count, geometry: g) { patch, pixel in
                for ch in 0..<c { out[patch + ch] = x[pixel + ch] }
            }
        }
    }
    return Matrix(rows: count * g.outputHeight * g.outputWidth, columns: g.patchSize, values: result)
}

/// The adjoint of `patchMatrix` ("col2im"): adds every patch entry back onto the input pixel it
/// was copied from, so a gradient with respect to the patches becomes one with respect to the maps:
///
///     ∂L/∂X[n, a, b, c] = Σ over (y, x, i, j) with y + i − p = a, x + j − p = b of ∂L/∂P[(n, y, x), (i, j, c)]
///
/// `patches` is (N·H′·W′) × (k·k·C); the result is (N·H·W) × C.
///
/// Computed pixel by pixel: each input pixel gathers its k·k entries (fewer at the borders) and
/// sums them in the order in which a walk over the patches, position after position, would add
/// them: (i, j) from the last offset to the first. `addPatchesBackByScatter` is that walk, and the
/// tests check that the two agree to the bit.
public func addPatchesBack(_ patches: Matrix, geometry g: ConvolutionGeometry) -> Matrix {
    let positions = g.outputHeight * g.outputWidth
    precondition(
        patches.columns == g.patchSize && patches.rows % positions == 0,
        "Patches of this geometry need (N·\(positions))×\(g.patchSize), got \(patches.shape)")
    let count = patches.rows / positions
    let (c, k, p) = (g.channels, g.kernel, g.padding)
    let (outH, outW) = (g.outputHeight, g.outputWidth)
    var result = [Double](repeating: 0, count: count * g.height * g.width * c)
    patches.values.withUnsafeBufferPointer { d in
        result.withUnsafeMutableBufferPointer { out in
            for n in 0..<count {
                for a in 0..<g.height {
                    for b in 0..<g.width {
                        let pixel = ((n * g.height + a) * g.width + b) * c
                        // Output position (y, x) = (a − i + p, b − j + p) saw this pixel at offset (i, j).
                        var sum = 0.0  // one channel: the sum stays in a register
                        for i in stride(from: k - 1, through: 0, by: -1) {
                            let y = a - i + p
                            guard y >= 0 && y < outH else { continue }
                            for j in stride(from: k - 1, through: 0, by: -1) {
                                let x = b - j + p
                                guard x >= 0 && x < outW else { continue }
                                let patch = ((n * outH + y) * outW + x) * g.patchSize + (i * k + j) * c
                                if c == 1 {
                                    sum += d[patch]
                                } else {
                                    addChannels(c, from: d.baseAddress! + patch, onto: out.baseAddress! + pixel)
                                }
                            }
                        }
                        if c == 1 { out[pixel] = sum }
                    }
                }
            }
        }
    }
    return Matrix(rows: count * g.height * g.width, columns: c, values: result)
}

/// target[ch] += source[ch] for ch = 0…count−1, four channels at a time (each lane the same one
/// addition).
@inline(__always)
private func addChannels(_ count: Int, from source: UnsafePointer<Double>, onto target: UnsafeMutablePointer<Double>) {
    var ch = 0
    while ch &+ 4 <= count {
        let sum =
            UnsafeRawPointer(target + ch).loadUnaligned(as: SIMD4<Double>.self)
            + UnsafeRawPointer(source + ch).loadUnaligned(as: SIMD4<Double>.self)
        UnsafeMutableRawPointer(target + ch).storeBytes(of: sum, as: SIMD4<Double>.self)
        ch &+= 4
    }
    while ch < count {
        target[ch] += source[ch]
        ch &+= 1
    }
}

/// `addPatchesBack` as the formula's walk reads: every patch entry, position after position, added
/// onto its pixel (the reference the tests compare the pixel-by-pixel form with).
func addPatchesBackByScatter(_ patches: Matrix, geometry g: ConvolutionGeometry) -> Matrix {
    let count = patches.rows / (g.outputHeight * g.outputWidth)
    let c = g.channels
    var result = [Double](repeating: 0, count: count * g.height * g.width * c)
    patches.values.withUnsafeBufferPointer { d in
        result.withUnsafeMutableBufferPointer { out in
            forEachPatchEntry(count: count, geometry: g) { patch, pixel in
                for ch in 0..<c { out[pixel + ch] += d[patch + ch] }
            }
        }
    }
    return Matrix(rows: count * g.height * g.width, columns: c, values: result)
}

/// The index walk `patchMatrix` and `addPatchesBack` share: for every output position (n, y, x)
/// and filter offset (i, j) whose input pixel (y + i − p, x + j − p) lies inside the image, calls
/// `visit` with the first index of that entry's C channels in the patch matrix and in the maps.
/// (Offsets over the padding are skipped: their patch entries stay 0.)
@inline(__always)
private func forEachPatchEntry(
    count: Int, geometry g: ConvolutionGeometry, _ visit: (_ patch: Int, _ pixel: Int) -> Void
) {
    let outH = g.outputHeight
    let outW = g.outputWidth
    let k = g.kernel
    let c = g.channels
    let p = g.padding
    for n in 0..<count {
        for y in 0..<outH {
            for xo in 0..<outW {
                let row = ((n * outH + y) * outW + xo) * g.patchSize
                for i in 0..<k {
                    let yi = y + i - p
                    guard yi >= 0 && yi < g.height else { continue }
                    for j in 0..<k {
                        let xj = xo + j - p
                        guard xj >= 0 && xj < g.width else { continue }
                        visit(row + (i * k + j) * c, ((n * g.height + yi) * g.width + xj) * c)
                    }
                }
            }
        }
    }
}

/// A 2D convolution (strictly a cross-correlation, as every deep-learning library computes it)
/// of a batch of maps with F filters, as one matrix product over the patches:
///
///     Z[n, y, x, f] = b_f + Σᵢ Σⱼ Σ_c K[i, j, c, f] · X[n, y + i − p, x + j − p, c]
///     Z = P·K + b        with P = patchMatrix(X), K of shape (k·k·C) × F, b of shape 1 × F
///
/// Row (i·k + j)·C + c of `filters` is the filter weight at (i, j) for channel c; column f is one
/// filter. The result is (N·H′·W′) × F: F feature maps in the one-row-per-pixel layout.
public func convolve(_ maps: Matrix, filters: Matrix, bias: Matrix, geometry: ConvolutionGeometry) -> Matrix {
    precondition(
        filters.rows == geometry.patchSize,
        "Filters for \(geometry.kernel)×\(geometry.kernel) patches of \(geometry.channels) channels need \(geometry.patchSize) rows, got \(filters.shape)"
    )
    return patchMatrix(maps, geometry: geometry).times(filters, plusRow: bias)
}

/// The gradients of a convolution Z = P·K + b, given G = ∂L/∂Z of shape (N·H′·W′) × F:
///
///     ∂L/∂K = Pᵀ·G        ∂L/∂b = Σ_rows G        ∂L/∂X = addPatchesBack(G·Kᵀ)
///
/// the same three lines as a dense layer's backward pass, with the patches in place of the inputs.
public func convolutionBackward(
    _ gradient: Matrix, maps: Matrix, filters: Matrix,
    geometry: ConvolutionGeometry
) -> (filters: Matrix, bias: Matrix, maps: Matrix) {
    convolutionBackward(gradient, patches: patchMatrix(maps, geometry: geometry), filters: filters, geometry: geometry)
}

/// The same gradients from the patch matrix P = patchMatrix(X) that the forward pass built
/// already (a training step builds it once, not twice):
///
///     ∂L/∂K = Pᵀ·G        ∂L/∂b = Σ_rows G        ∂L/∂X = addPatchesBack(G·Kᵀ)
public func convolutionBackward(
    _ gradient: Matrix, patches: Matrix, filters: Matrix,
    geometry: ConvolutionGeometry
) -> (filters: Matrix, bias: Matrix, maps: Matrix) {
    precondition(
        patches.columns == geometry.patchSize,
        "Patches of this geometry have \(geometry.patchSize) columns, got \(patches.shape)")
    precondition(
        gradient.rows == patches.rows && gradient.columns == filters.columns,
        "The gradient must be (N·H′·W′)×F = \(patches.rows)×\(filters.columns), got \(gradient.shape)")
    return (
        patches.transposedTimes(gradient), gradient.columnSums(),
        addPatchesBack(gradient.timesTransposed(filters), geometry: geometry)
    )
}
