// MARK: - The sigmoid over a whole matrix, four numbers at a time
//
// `sigmoid(_:)` in Activation.swift is the readable definition. Training applies it to every
// element of every layer's output, and the C library's `exp` handles one number per call, so
// this file computes eˣ for four numbers at once with plain arithmetic. The tests check it
// against `Foundation.exp` and `sigmoid(_:)` to within a couple of units in the last place.
// Being made of + − × and bit operations only, it also gives the same bits on every platform.

/// acc + a·b for every lane, rounded as `ProductLanes` says (written in each file that uses it).
@inline(__always)
private func multiplyAdd<V: ProductLanes>(_ acc: V, _ a: V, _ b: V) -> V {
    #if FUSED_MULTIPLY_ADD
    acc.addingProduct(a, b)
    #else
    acc + a * b
    #endif
}

/// eˣ for x in [−708, 709], for every lane of V (4 or 8 numbers):
///
///     n = round(x / ln 2),  r = x − n·ln 2  (so |r| ≤ ln 2 / 2),   eˣ = 2ⁿ · eʳ
///
/// eʳ comes from its Taylor series up to r¹³/13! (the next term is below 2·10⁻¹⁶ for |r| ≤ 0.35),
/// summed by Horner's rule; 2ⁿ is built directly in the exponent bits of a double. ln 2 is
/// split into a high part with trailing zero bits and a small correction, so n·ln 2 is subtracted
/// without rounding error. Every lane takes the same steps, so eight at once give the bits of two
/// fours (release builds on AVX-512 hosts use eight, one register).
@inline(__always)
func exponential<V: ProductLanes>(_ x: V) -> V {
    let log2e = V(repeating: 1.4426950408889634)
    let ln2High = V(repeating: 6.93147180369123816490e-01)
    let ln2Low = V(repeating: 1.90821492927058770002e-10)
    // Adding 1.5·2⁵² rounds x/ln 2 to an integer held in the low bits of the sum.
    let shifter = V(repeating: 0x1.8p52)
    let shifted = x * log2e + shifter
    let n = shifted - shifter
    let r = (x - n * ln2High) - n * ln2Low
    // Horner's rule, from 1/13! down to 1/0!: p = 1 + r(1 + r(1/2! + r(1/3! + …))).
    // One step is coefficient + p·r: rounded once in builds with fused multiply-add, as the
    // product kernels do (see Matrix+MultiplyAdd.swift), twice otherwise.
    @inline(__always) func step(_ p: V, _ coefficient: Double) -> V {
        multiplyAdd(V(repeating: coefficient), p, r)
    }
    var p = V(repeating: 1.0 / 6227020800.0)
    p = step(p, 1.0 / 479001600.0)
    p = step(p, 1.0 / 39916800.0)
    p = step(p, 1.0 / 3628800.0)
    p = step(p, 1.0 / 362880.0)
    p = step(p, 1.0 / 40320.0)
    p = step(p, 1.0 / 5040.0)
    p = step(p, 1.0 / 720.0)
    p = step(p, 1.0 / 120.0)
    p = step(p, 1.0 / 24.0)
    p = step(p, 1.0 / 6.0)
    p = step(p, 0.5)
    p = step(p, 1.0)
    p = step(p, 1.0)
    // 2ⁿ: the low bits of `shifted` hold n (plus 2⁵¹, which the shift by 52 pushes out); the
    // integers of the same width as the doubles (`MaskStorage`: Int64 lanes) carry the bits.
    let bits = unsafeBitCast(shifted, to: V.MaskStorage.self)
    let twoToTheN = unsafeBitCast((bits &+ 1023) &<< 52, to: V.self)
    return p * twoToTheN
}

/// σ applied to every element, four at a time: with e = e^(−|x|), σ(x) = 1/(1 + e) for x ≥ 0
/// and e/(1 + e) for x < 0, the same stable form as `sigmoid(_:)`. Where |x| > 708, e^(−|x|)
/// is taken as 0, so σ is exactly 1, or 0 where the true value is below 10⁻³⁰⁷.
func sigmoidOfEveryElement(_ z: Matrix) -> Matrix {
    var result = z
    result.values.withUnsafeMutableBufferPointer { sigmoidInPlace($0) }
    return result
}

/// x ← σ(x) for the four numbers at `pointer`.
@inline(__always)
private func sigmoidOfFour(at pointer: UnsafeMutablePointer<Double>) {
    let x = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    let magnitude = x.replacing(with: -x, where: x .< 0)
    let e = exponential((-magnitude).replacing(with: -708, where: magnitude .> 708))
        .replacing(with: 0, where: magnitude .> 708)
    // 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0: one division with the numerator chosen.
    let s = SIMD4<Double>(repeating: 1).replacing(with: e, where: x .< 0) / (1 + e)
    UnsafeMutableRawPointer(pointer).storeBytes(of: s, as: SIMD4<Double>.self)
}

/// x ← σ(x) for the eight numbers at `pointer`.
@inline(__always)
private func sigmoidOfEight(at pointer: UnsafeMutablePointer<Double>) {
    let x = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Double>.self)
    let magnitude = x.replacing(with: -x, where: x .< 0)
    let e = exponential((-magnitude).replacing(with: -708, where: magnitude .> 708))
        .replacing(with: 0, where: magnitude .> 708)
    // 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0: one division with the numerator chosen.
    let s = SIMD8<Double>(repeating: 1).replacing(with: e, where: x .< 0) / (1 + e)
    UnsafeMutableRawPointer(pointer).storeBytes(of: s, as: SIMD8<Double>.self)
}

/// x ← σ(x) for every number of `out`, as `sigmoidOfEveryElement` describes, four at a time
/// (two fours per turn of the loop, so that the processor works on both at once: each is a long
/// chain of dependent steps), or eight at a time when `vectorWidth` is 8 (release builds on
/// AVX-512 hosts), and the last 0–3 numbers by `sigmoid(_:)`. Either way every number gets the
/// same bits: the vector formula unless it is among the last count mod 4.
func sigmoidInPlace(_ out: UnsafeMutableBufferPointer<Double>, vectorWidth: Int = ProductVector.scalarCount) {
    let count = out.count
    guard let base = out.baseAddress else { return }
    var k = 0
    if vectorWidth == 8 {
        while k + 8 <= count {
            sigmoidOfEight(at: base + k)
            k += 8
        }
    } else {
        while k + 8 <= count {
            sigmoidOfFour(at: base + k)
            sigmoidOfFour(at: base + k + 4)
            k += 8
        }
    }
    if k + 4 <= count {
        sigmoidOfFour(at: base + k)
        k += 4
    }
    while k < count {
        out[k] = sigmoid(out[k])
        k += 1
    }
}
