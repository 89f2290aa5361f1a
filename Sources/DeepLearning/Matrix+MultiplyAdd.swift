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

/// acc + a·b, rounded once.
@inline(__always)
func multiplyAdd(_ acc: SIMD4<Double>, _ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
    acc.addingProduct(a, b)
}

/// acc + a·b, rounded once.
@inline(__always)
func multiplyAdd(_ acc: SIMD2<Double>, _ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> {
    acc.addingProduct(a, b)
}
#else
/// Whether the product kernels round acc + a·b once (fused) rather than twice.
let productUsesFusedMultiplyAdd = false

/// acc + a·b: the product rounded, then the sum, as `naiveProduct` does.
@inline(__always)
func multiplyAdd(_ acc: SIMD4<Double>, _ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
    acc + a * b
}

/// acc + a·b: the product rounded, then the sum, as `naiveProduct` does.
@inline(__always)
func multiplyAdd(_ acc: SIMD2<Double>, _ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> {
    acc + a * b
}
#endif
