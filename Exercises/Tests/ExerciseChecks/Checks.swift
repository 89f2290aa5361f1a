import Foundation

/// The checks' helpers: every failure says what was checked, what was expected, what came, and
/// which lesson to re-read, in one line a student can act on.
///
/// This module does not import XCTest (so that the course's `swift build` needs none): each test
/// class hands it `XCTFail` to report with, `Exercise(lesson: 4, placeholders: [-1], failure: XCTFail)`.
public struct Exercise {
    /// The lesson to re-read.
    public let lesson: Int
    /// The numbers the untouched stub returns. A nudge names one particular mistake, so it is left
    /// out while the answer is still the placeholder (or an empty array): then only expected and
    /// got are shown.
    public let placeholders: [Double]
    private let failure: (String, StaticString, UInt) -> Void

    public init(lesson: Int, placeholders: [Double] = [], failure: @escaping (String, StaticString, UInt) -> Void) {
        self.lesson = lesson
        self.placeholders = placeholders
        self.failure = failure
    }

    /// Reports a failed check.
    public func fail(_ text: String, file: StaticString, line: UInt) {
        failure("\(text) (re-read lesson \(lesson))", file, line)
    }

    func isPlaceholder(_ value: Double) -> Bool {
        placeholders.contains { $0 == value || ($0.isNaN && value.isNaN) }
    }

    func isPlaceholder(_ values: [Double]) -> Bool {
        values.isEmpty || values.allSatisfy(isPlaceholder)
    }

    private func withNudge(_ text: String, _ nudge: String, untouched: Bool) -> String {
        nudge.isEmpty || untouched ? text : text + " " + nudge
    }

    /// |observed − expected| ≤ tolerance, or a message naming both.
    public func expectClose(
        _ observed: Double, _ expected: Double, tolerance: Double = 1e-9, _ what: String,
        nudge: String = "", file: StaticString = #filePath, line: UInt = #line
    ) {
        if !(abs(observed - expected) <= tolerance) {
            let (got, wanted) = shownPair(observed, expected)
            fail(
                withNudge("\(what): expected \(wanted), got \(got).", nudge, untouched: isPlaceholder(observed)),
                file: file, line: line)
        }
    }

    /// Same length and every element close, or a message at the first difference.
    public func expectClose(
        _ observed: [Double], _ expected: [Double], tolerance: Double = 1e-9, _ what: String,
        nudge: String = "", file: StaticString = #filePath, line: UInt = #line
    ) {
        let untouched = isPlaceholder(observed)
        guard observed.count == expected.count else {
            fail(
                withNudge(
                    "\(what): expected \(expected.count) numbers, got \(observed.count).", nudge, untouched: untouched),
                file: file, line: line)
            return
        }
        for k in expected.indices where !(abs(observed[k] - expected[k]) <= tolerance) {
            let (got, wanted) = shownPair(observed[k], expected[k])
            fail(
                withNudge("\(what): at index \(k) expected \(wanted), got \(got).", nudge, untouched: untouched),
                file: file, line: line)
            return
        }
    }

    /// Rows of numbers, each compared as above.
    public func expectClose(
        _ observed: [[Double]], _ expected: [[Double]], tolerance: Double = 1e-9, _ what: String,
        nudge: String = "", file: StaticString = #filePath, line: UInt = #line
    ) {
        guard observed.count == expected.count else {
            fail(
                withNudge(
                    "\(what): expected \(expected.count) rows, got \(observed.count).", nudge,
                    untouched: observed.isEmpty),
                file: file, line: line)
            return
        }
        for k in expected.indices {
            expectClose(
                observed[k], expected[k], tolerance: tolerance, "\(what), row \(k)", nudge: nudge, file: file,
                line: line)
        }
    }

    /// Equality of anything printable. `untouched` says the answer is still the stub's.
    public func expectEqual<T: Equatable>(
        _ observed: T, _ expected: T, _ what: String, nudge: String = "",
        untouched: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) {
        if observed != expected {
            fail(
                withNudge("\(what): expected \(expected), got \(observed).", nudge, untouched: untouched), file: file,
                line: line)
        }
    }

    /// A condition, with what it expected and what came.
    public func expect(
        _ condition: Bool, _ what: String, expected: String, got: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        if !condition { fail("\(what): expected \(expected), got \(got).", file: file, line: line) }
    }
}

/// A number for a message, rounded to `digits` significant digits (whole numbers as they are).
public func shown(_ x: Double, digits: Int = 4) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "infinity" : "−infinity" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var text = String(format: "%.\(digits)g", x)
    if text.contains("."), !text.contains("e") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text
}

/// Several numbers for a message, "(0.25, 1.5)".
public func shown(_ xs: [Double], digits: Int = 4) -> String {
    "(" + xs.map { shown($0, digits: digits) }.joined(separator: ", ") + ")"
}

/// Two numbers that differ, with as few digits as show the difference (at least 4).
func shownPair(_ observed: Double, _ expected: Double) -> (observed: String, expected: String) {
    for digits in 4...17 {
        let got = shown(observed, digits: digits)
        let wanted = shown(expected, digits: digits)
        if got != wanted { return (got, wanted) }
    }
    return (shown(observed, digits: 17), shown(expected, digits: 17))
}

/// A small seeded generator for random test points (a 64-bit linear congruential generator,
/// Knuth's MMIX constants), so the checks are the same on every run.
public struct TestRandom {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    /// A uniform number in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return low + (high - low) * Double(state >> 11) * 0x1.0p-53
    }
}

/// The slope of f at x by a central difference, for checking derivatives.
public func slope(_ f: (Double) -> Double, at x: Double, h: Double = 1e-5) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}
