import XCTest

/// The checks' helpers: every failure says what was checked, what was expected, what came, and
/// which lesson to re-read, in one line a student can act on.
struct Exercise {
    /// The lesson to re-read.
    let lesson: Int

    func fail(_ text: String, file: StaticString, line: UInt) {
        XCTFail("\(text) (re-read lesson \(lesson))", file: file, line: line)
    }

    /// |observed − expected| ≤ tolerance, or a message naming both.
    func expectClose(_ observed: Double, _ expected: Double, tolerance: Double = 1e-9, _ what: String,
                     nudge: String = "", file: StaticString = #filePath, line: UInt = #line) {
        if !(abs(observed - expected) <= tolerance) {
            fail("\(what): expected \(expected), got \(observed).\(nudge.isEmpty ? "" : " " + nudge)", file: file, line: line)
        }
    }

    /// Same length and every element close, or a message at the first difference.
    func expectClose(_ observed: [Double], _ expected: [Double], tolerance: Double = 1e-9, _ what: String,
                     nudge: String = "", file: StaticString = #filePath, line: UInt = #line) {
        guard observed.count == expected.count else {
            fail("\(what): expected \(expected.count) numbers, got \(observed.count).\(nudge.isEmpty ? "" : " " + nudge)", file: file, line: line)
            return
        }
        for k in expected.indices where !(abs(observed[k] - expected[k]) <= tolerance) {
            fail("\(what): at index \(k) expected \(expected[k]), got \(observed[k]).\(nudge.isEmpty ? "" : " " + nudge)", file: file, line: line)
            return
        }
    }

    /// Rows of numbers, each compared as above.
    func expectClose(_ observed: [[Double]], _ expected: [[Double]], tolerance: Double = 1e-9, _ what: String,
                     nudge: String = "", file: StaticString = #filePath, line: UInt = #line) {
        guard observed.count == expected.count else {
            fail("\(what): expected \(expected.count) rows, got \(observed.count).\(nudge.isEmpty ? "" : " " + nudge)", file: file, line: line)
            return
        }
        for k in expected.indices {
            expectClose(observed[k], expected[k], tolerance: tolerance, "\(what), row \(k)", nudge: nudge, file: file, line: line)
        }
    }

    /// Equality of anything printable.
    func expectEqual<T: Equatable>(_ observed: T, _ expected: T, _ what: String, nudge: String = "",
                                   file: StaticString = #filePath, line: UInt = #line) {
        if observed != expected {
            fail("\(what): expected \(expected), got \(observed).\(nudge.isEmpty ? "" : " " + nudge)", file: file, line: line)
        }
    }

    /// A condition, with its explanation.
    func expect(_ condition: Bool, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        if !condition { fail(what, file: file, line: line) }
    }
}

/// A small seeded generator for random test points (a 64-bit linear congruential generator,
/// Knuth's MMIX constants), so the checks are the same on every run.
struct TestRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A uniform number in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return low + (high - low) * Double(state >> 11) * 0x1.0p-53
    }
}

/// The slope of f at x by a central difference, for checking derivatives.
func slope(_ f: (Double) -> Double, at x: Double, h: Double = 1e-5) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}
