import Foundation
import XCTest

/// Lesson 9's `--data DIR` with small or odd folders: each gets one line on standard error and
/// exit status 2, never a crash trace; a folder just big enough runs to the end.
final class DigitsDataFolderTests: XCTestCase {
    /// A valid digits line: 64 pixels and the label `digit`.
    static func line(_ digit: Int) -> String {
        (0..<64).map { String(($0 * 7 + digit) % 17) }.joined(separator: ",") + ",\(digit)"
    }

    /// `count` valid lines, the labels cycling through 0–9.
    static func lines(_ count: Int) -> String {
        (0..<count).map { line($0 % 10) }.joined(separator: "\n") + "\n"
    }

    /// Writes a folder holding `training` and `test` (nil: the file is left out) under a fresh
    /// temporary folder and returns its path.
    func folder(training: String?, test: String?) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("digits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        if let training {
            try training.write(to: url.appendingPathComponent("optdigits.tra"), atomically: true, encoding: .utf8)
        }
        if let test {
            try test.write(to: url.appendingPathComponent("optdigits.tes"), atomically: true, encoding: .utf8)
        }
        return url.path
    }

    /// Runs lesson 11 on the folder and checks: exit 2, nothing but one line on stderr, containing `expected`.
    func assertOneLineError(
        training: String?, test: String?, _ expected: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let dir = try folder(training: training, test: test)
        let result = try LessonRunner.run(11, ["--data", dir])
        XCTAssertEqual(result.status, 2, "exit status; stderr: \(result.error)", file: file, line: line)
        let errorLines = result.error.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(
            errorLines.count, 2, "one line and its newline on stderr, got: \(result.error)", file: file, line: line)
        XCTAssertTrue(result.error.hasPrefix("lesson-11: "), result.error, file: file, line: line)
        XCTAssertTrue(
            result.error.contains(expected), "stderr \(result.error) should say \(expected)", file: file, line: line)
        XCTAssertFalse(result.error.contains("Fatal error"), result.error, file: file, line: line)
    }

    func testTooFewTrainingDigitsAreAnError() throws {
        for rows in [1, 150, 200, 1299] {
            try assertOneLineError(
                training: Self.lines(rows), test: Self.lines(20),
                "holds \(rows) digits; this lesson needs at least 1300")
        }
    }

    func testEmptyFilesAreAnError() throws {
        try assertOneLineError(training: "", test: Self.lines(20), "optdigits.tra: holds no digits")
        try assertOneLineError(training: "\n  \n", test: Self.lines(20), "optdigits.tra: holds no digits")
        try assertOneLineError(training: Self.lines(1300), test: "", "optdigits.tes: holds no digits")
    }

    func testMissingFilesAreAnError() throws {
        try assertOneLineError(training: Self.lines(1300), test: nil, "optdigits.tes: no such file")
        try assertOneLineError(training: nil, test: Self.lines(20), "optdigits.tra: no such file")
        try assertOneLineError(training: nil, test: nil, "optdigits.tra: no such file")
    }

    func testMalformedRowsAreAnErrorNamingTheLine() throws {
        try assertOneLineError(
            training: Self.lines(3) + "1,2,3\n", test: Self.lines(20),
            "optdigits.tra:4: expected 65 comma-separated values")
        try assertOneLineError(
            training: Self.lines(2) + Self.line(3) + ",5\n", test: Self.lines(20), "optdigits.tra:3: expected 65")
        let badLabel = String(Self.line(0).dropLast()) + "12\n"
        try assertOneLineError(
            training: Self.lines(1300), test: Self.lines(5) + badLabel, "optdigits.tes:6: the label is 12, outside 0…9")
        let badPixel = "17" + String(Self.line(4).drop { $0 != "," }) + "\n"
        try assertOneLineError(training: badPixel, test: Self.lines(20), "optdigits.tra:1: pixel 1 is 17, outside 0…16")
        let junk = String(repeating: "x", count: 500) + String(Self.line(4).drop { $0 != "," }) + "\n"
        try assertOneLineError(
            training: junk, test: Self.lines(20),
            "optdigits.tra:1: value 1 is \"xxxxxxxxxxxxxxxxxxxx…\", not a whole number")
    }

    func testASmallButSufficientFolderRuns() throws {
        let dir = try folder(training: Self.lines(1300), test: Self.lines(3))
        let result = try LessonRunner.run(11, ["--data", dir, "--epochs", "2"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "")
        XCTAssertTrue(result.output.contains("Your folder holds 1300 digits in optdigits.tra and 3 in optdigits.tes"))
        XCTAssertTrue(result.output.contains("is lesson 12."), "the lesson ran to the end")
        XCTAssertNil(result.output.range(of: #"\b(nan|inf)\b"#, options: .regularExpression), "no NaN shown")
        // Lesson 12 trains on the same folder's first 800 digits.
        let generalisation = try LessonRunner.run(12, ["--data", dir])
        XCTAssertEqual(generalisation.status, 0, generalisation.error)
        XCTAssertTrue(generalisation.output.contains("Step 3"), "lesson 12 ran to the end")
    }
}
