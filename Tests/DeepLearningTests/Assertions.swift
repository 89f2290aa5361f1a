import XCTest
import DeepLearning

/// Tolerances used across the core's tests, each with its reason.
enum Tolerance {
    /// Results that differ only by rounding in a few operations: about 13 of the 16 digits.
    static let rounding = 1e-12
    /// A central difference with h = 1e−5 against an exact derivative: truncation h² ≈ 1e−10
    /// plus rounding ε/h ≈ 1e−11, with room for the size of the values.
    static let finiteDifference = 1e-6
}

/// Fails with expected and observed values when |expected − observed| > tolerance.
func assertClose(
    _ expected: Double, _ observed: Double, tolerance: Double, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    if !(abs(expected - observed) <= tolerance) {
        XCTFail(
            "expected \(expected), observed \(observed) (difference \(abs(expected - observed)) > \(tolerance)) \(message)",
            file: file, line: line)
    }
}

/// Element by element.
func assertClose(
    _ expected: [Double], _ observed: [Double], tolerance: Double, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(expected.count, observed.count, "lengths differ \(message)", file: file, line: line)
    for (k, (e, o)) in zip(expected, observed).enumerated() {
        assertClose(e, o, tolerance: tolerance, "at index \(k) \(message)", file: file, line: line)
    }
}

/// A relative comparison for gradients of any size: |a − b| ≤ tolerance · max(1, |a|, |b|).
func assertGradientsAgree(
    _ analytic: [Double], _ numeric: [Double], tolerance: Double = Tolerance.finiteDifference,
    _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(analytic.count, numeric.count, file: file, line: line)
    for (k, (a, n)) in zip(analytic, numeric).enumerated() {
        let scale = max(1, abs(a), abs(n))
        if !(abs(a - n) <= tolerance * scale) {
            XCTFail("gradient \(k): analytic \(a), finite difference \(n) \(message)", file: file, line: line)
        }
    }
}
