import Foundation
import XCTest

/// Every lesson with other seeds than the default: the conclusions are chosen from the numbers
/// (their verdict functions are tested in the core), so here each run must end normally, show
/// no not-a-number or infinity as a value, and stay a readable length.
final class SeedSweepTests: XCTestCase {
    /// Ten seeds besides the default 42, among them both ends of --seed's range (so the walk of
    /// every flag's range in FlagRangeTests need not run them again).
    static let seeds = [0] + Array(1...8) + [Int.max]
    /// The most lines a lesson may print.
    static let maximumLines = 400

    func testEveryLessonWithTenOtherSeeds() throws {
        try skipUnlessSweepsAreOn()
        let runs = TranscriptTests.lessons.flatMap { lesson in
            Self.seeds.map { LessonRunner.Run(lesson: lesson, arguments: ["--seed", String($0)]) }
        }
        let start = Date()
        for (run, outcome) in zip(runs, LessonRunner.runAll(runs)) {
            let result = try outcome.get()
            checkFinishedCleanly(run, result, maximumLines: Self.maximumLines)
        }
        print("seed sweep: \(runs.count) runs in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}

/// The promises of any lesson run off its default path: exit status 0, nothing on standard
/// error, no leaked nan or inf, at most `maximumLines` lines, not stopped as a hang.
func checkFinishedCleanly(
    _ run: LessonRunner.Run, _ result: LessonRunner.Result, maximumLines: Int,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertFalse(result.timedOut, "\(run) did not finish within the time limit", file: file, line: line)
    XCTAssertEqual(
        result.status, 0, "\(run) exited with \(result.status): \(result.error.prefix(300))", file: file, line: line)
    XCTAssertEqual(result.error, "", "\(run) wrote to standard error", file: file, line: line)
    let leaked = LessonRunner.leakedNonNumbers(in: result.output)
    XCTAssertTrue(
        leaked.isEmpty, "\(run) shows nan or inf as a value:\n\(leaked.prefix(3).joined(separator: "\n"))", file: file,
        line: line)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).count
    XCTAssertLessThanOrEqual(lines, maximumLines, "\(run) printed \(lines) lines", file: file, line: line)
}

/// The seed sweep and the walk of every flag's range run every lesson about 150 times, a few
/// minutes on two cores: CI runs them (it sets CI=true), and so does anyone who sets
/// LESSON_SWEEPS=1. A plain `swift test` skips them, saying so, to stay quick for students.
func skipUnlessSweepsAreOn() throws {
    let environment = ProcessInfo.processInfo.environment
    try XCTSkipUnless(
        environment["CI"] == "true" || environment["LESSON_SWEEPS"] == "1",
        "runs in CI (CI=true) or with LESSON_SWEEPS=1: every lesson with ten seeds and every flag at both ends")
}
