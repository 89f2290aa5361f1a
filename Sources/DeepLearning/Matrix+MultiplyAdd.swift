// MARK: - The one arithmetic step of every product kernel: acc + a·b
//
// Every fast product in the core adds the terms Aᵢₗ·Bₗⱼ of one element in the order
// l = 0, 1, …, k−1, starting from 0, exactly like `naiveProduct`, and adds a bias row (if any)
// at the end. They differ from the formula only in how one step acc + a·b is rounded:
//
// - by default, a multiplication then an addition, each rounded: the same bits as
//   `naiveProduct` on every machine. Debug builds, which the lessons and tests use, are always
//   this way, so the lessons print the same numbers everywhere.
// - in release builds on x86-64 hosts with AVX2 and FMA (Package.swift then defines
//   FUSED_MULTIPLY_ADD beside `-target-cpu haswell`), one fused multiply-add, rounded once:
//   the processor does a 4-wide fused multiply-add in one instruction, twice per cycle, which
//   is what a matrix product needs to reach the machine's peak. Each step is then at least as
//   accurate as before, but the last bits of a sum can differ from the debug build's.

#if FUSED_MULTIPLY_ADD
/// Whether the product kernels round acc + a·b once (fused) rather than twice.
let productUsesFusedMultiplyAdd = true
#else
/// Whether the product kernels round acc + a·b once (fused) rather than twice.
let productUsesFusedMultiplyAdd = false
#endif

/// A vector of doubles the product kernels compute with (`SIMD4<Double>` or `SIMD8<Double>`):
/// the kernels are generic over it.
///
/// Their one arithmetic step is `multiplyAdd(acc, a, b)`, acc + a·b for every lane: rounded once
/// with FUSED_MULTIPLY_ADD, else the product rounded, then the sum, as `naiveProduct` does. Each
/// file that computes with it writes that function out, privately (the same five lines below):
/// debug builds compile the files of this module one by one, and the optimiser cannot inline a
/// function that lives in another file, so a shared one was a call per step in the lessons
/// (a quarter of lesson 15's time, through this protocol's witness; an `@inlinable` shared function
/// was still called, 78 times in lesson 12's binary). Release builds see the whole module at once
/// and would not mind.
protocol ProductLanes: SIMD where Scalar == Double {}

extension SIMD4: ProductLanes where Scalar == Double {}
extension SIMD8: ProductLanes where Scalar == Double {}

/// acc + a·b for every lane (see `ProductLanes`).
@inline(__always)
private func multiplyAdd<V: ProductLanes>(_ acc: V, _ a: V, _ b: V) -> V {
    #if FUSED_MULTIPLY_ADD
    acc.addingProduct(a, b)
    #else
    acc + a * b
    #endif
}

// MARK: - The vector width and the cache blocks of this build
//
// Each lane of a vector computes its own element with the same steps in the same order, so the
// width changes the speed, never the numbers. Release builds on hosts with AVX-512 (Package.swift
// then defines WIDE_VECTORS beside `-target-cpu skylake-avx512`) use 8 doubles per vector and
// the 32 vector registers of AVX-512; every other build 4 doubles, which AVX2 holds in one
// register and other targets in two.
//
// Debug builds compile each file on its own, and the optimiser cannot specialise a generic
// function for a vector type across files: so each kernel file specialises its generic code
// itself, behind a plain function that takes the width as a number (`vectorWidth`, 4 or 8).

#if WIDE_VECTORS
/// The vector the product kernels compute with: 8 doubles, one AVX-512 register.
typealias ProductVector = SIMD8<Double>
#else
/// The vector the product kernels compute with: 4 doubles, one AVX2 register.
typealias ProductVector = SIMD4<Double>
#endif

/// The packed kernel's blocks (Matrix+PackedKernel.swift), measured on a processor with 48 KB
/// of L1 and 2 MB of L2 per core.
enum ProductBlocking {
    #if WIDE_VECTORS
    /// Steps of the sum per block: a micro-panel of L, 12 × 256 numbers (24 KB), stays in L1.
    /// (Against 192: 0–8 % faster at n = 512 and 1024, alternating the two in one process.)
    static let depth = 256
    /// Rows of L per block: 192 × 256 numbers (384 KB) stay in L2. (96 and 144: no difference.)
    static let rows = 192
    #else
    /// Steps of the sum per block: a micro-panel of L, 6 × 256 numbers (12 KB), stays in L1.
    static let depth = 256
    /// Rows of L per block: 96 × 256 numbers (192 KB) stay in L2.
    static let rows = 96
    #endif
    /// Columns of R per block: R's block, 256 × 512 numbers (1 MB), stays in L2 while every row
    /// of L passes it. (Against 2048 columns, which leaves it to L3: n = 1024 3–8 % faster.)
    static let columns = 512
}

// MARK: - What this build's products run on, for the benchmark's report

extension Matrix {
    /// The number of doubles in one vector of the product kernels: 8 in release builds on
    /// AVX-512 hosts, 4 otherwise.
    public static var productVectorWidth: Int { ProductVector.scalarCount }

    /// One line naming the vector instructions the product kernels were compiled for.
    public static var productInstructions: String {
        #if WIDE_VECTORS
        return "AVX-512 (8 doubles per vector, fused multiply-add)"
        #elseif FUSED_MULTIPLY_ADD
        return "AVX2 + FMA (4 doubles per vector, fused multiply-add)"
        #elseif arch(x86_64)
        return "SSE2 (the default x86-64 target; multiply, then add)"
        #elseif arch(arm64)
        return "NEON (2 doubles per vector; multiply, then add)"
        #else
        return "the compiler's default vectors (multiply, then add)"
        #endif
    }

    /// One line naming the product kernels' tiles and blocks in this build, e.g. "packed 12 × 16
    /// micro-kernel (blocks of 192 rows, 256 steps, 512 columns), register blocks up to 12 × 16".
    public static var productKernels: String {
        let w = 2 * ProductVector.scalarCount
        return
            "packed \(microRowCount(vectorWidth: ProductVector.scalarCount)) × \(w) micro-kernel (blocks of \(rowBlock) rows, \(depthBlock) steps, \(columnBlock) columns), register blocks up to \(registerRows) × \(w)"
    }

    /// The rate of the products' arithmetic alone, in GFLOP/s: twelve independent chains of
    /// acc + a·b on the products' vectors (`productVectorWidth` doubles wide), no memory traffic, for about `seconds` — the most any product kernel
    /// of this build can reach on this machine right now (2 flops per multiply-add).
    public static func arithmeticPeak(seconds: Double = 0.05) -> Double {
        @inline(never) func run(_ iterations: Int, _ seed: Double) -> Double {
            let a = ProductVector(repeating: 0.999_999_9)
            let b = ProductVector(repeating: 1e-9)
            var c0 = ProductVector(repeating: seed)
            var c1 = c0 + 1
            var c2 = c0 + 2
            var c3 = c0 + 3
            var c4 = c0 + 4
            var c5 = c0 + 5
            var c6 = c0 + 6
            var c7 = c0 + 7
            var c8 = c0 + 8
            var c9 = c0 + 9
            var c10 = c0 + 10
            var c11 = c0 + 11
            for _ in 0..<iterations {
                c0 = multiplyAdd(b, c0, a)
                c1 = multiplyAdd(b, c1, a)
                c2 = multiplyAdd(b, c2, a)
                c3 = multiplyAdd(b, c3, a)
                c4 = multiplyAdd(b, c4, a)
                c5 = multiplyAdd(b, c5, a)
                c6 = multiplyAdd(b, c6, a)
                c7 = multiplyAdd(b, c7, a)
                c8 = multiplyAdd(b, c8, a)
                c9 = multiplyAdd(b, c9, a)
                c10 = multiplyAdd(b, c10, a)
                c11 = multiplyAdd(b, c11, a)
            }
            return (c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11).sum()
        }
        let clock = ContinuousClock()
        var iterations = 1 << 16
        var best = 0.0
        var sink = 0.0
        var spent = Duration.zero
        while spent < .seconds(seconds) {
            let elapsed = clock.measure { sink += run(iterations, Double(iterations & 7)) }
            spent += elapsed
            let t = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if t > 0.002 {
                best = max(best, Double(iterations * 12 * ProductVector.scalarCount * 2) / t / 1e9)
            } else {
                iterations *= 2
            }
        }
        return sink.isNaN ? 0 : best
    }
}
