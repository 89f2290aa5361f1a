import Foundation
import XCTest

/// Every numeric flag of every lesson, at both ends of the range its --help states: the lesson
/// must run to its end with bounded output, or the range is wrong. (--seed's ends, 0 and
/// Int.max, are among the seeds of SeedSweepTests.)
final class FlagRangeTests: XCTestCase {
    /// A numeric flag as --help describes it: "--points N  how many … (default 50; 2 to 5000)".
    struct Flag: Equatable {
        var name: String
        var lowest: String
        var highest: String
    }

    /// The numeric flags listed in a lesson's --help, with the ends of their ranges.
    static func numericFlags(inHelp help: String) -> [Flag] {
        let pattern = try! NSRegularExpression(
            pattern: #"^\s+--([a-z-]+) [NX]\s.*\(default [^;)]*; (\S+) to (\S+)\)$"#,
            options: .anchorsMatchLines)
        let range = NSRange(help.startIndex..., in: help)
        return pattern.matches(in: help, range: range).map { match in
            let part = { (k: Int) in String(help[Range(match.range(at: k), in: help)!]) }
            return Flag(name: part(1), lowest: part(2), highest: part(3))
        }
    }

    func testHelpStatesTheRanges() {
        let help = """
              --points N         how many noisy points to draw (default 50; 2 to 5000)
              --learning-rate X  the step size (default 0.5; 1e-06 to 100)
              --svg DIR          also write every picture as an SVG file into this folder
            """
        XCTAssertEqual(
            Self.numericFlags(inHelp: help),
            [
                Flag(name: "points", lowest: "2", highest: "5000"),
                Flag(name: "learning-rate", lowest: "1e-06", highest: "100")
            ])
    }

    /// The line limit of a run: the seed sweep's at the default 80 columns, and in proportion at a
    /// narrower `--width` (the same text at 40 columns takes about twice the lines).
    static func maximumLines(for run: LessonRunner.Run) -> Int {
        guard let index = run.arguments.firstIndex(of: "--width"), index + 1 < run.arguments.count,
            let width = Int(run.arguments[index + 1]), width < 80
        else { return SeedSweepTests.maximumLines }
        return SeedSweepTests.maximumLines * 80 / width
    }

    func testEveryNumericFlagAtBothEndsOfItsRange() throws {
        try skipUnlessSweepsAreOn()
        var runs: [LessonRunner.Run] = []
        for lesson in TranscriptTests.lessons {
            let help = try LessonRunner.run(lesson, ["--help"]).output
            let flags = Self.numericFlags(inHelp: help)
            XCTAssertTrue(flags.contains { $0.name == "seed" }, "lesson-\(lesson) --help states no range for --seed")
            for flag in flags where flag.name != "seed" {  // the seed sweep runs --seed's two ends
                runs.append(.init(lesson: lesson, arguments: ["--\(flag.name)", flag.lowest]))
                runs.append(.init(lesson: lesson, arguments: ["--\(flag.name)", flag.highest]))
            }
        }
        let start = Date()
        var slowest: (LessonRunner.Run, Double)?
        for (run, outcome) in zip(runs, LessonRunner.runAll(runs)) {
            let result = try outcome.get()
            checkFinishedCleanly(run, result, maximumLines: Self.maximumLines(for: run))
            if result.seconds > slowest?.1 ?? 0 { slowest = (run, result.seconds) }
        }
        print(
            "flag walk: \(runs.count) runs in \(String(format: "%.1f", Date().timeIntervalSince(start))) s; slowest: \(slowest.map { "\($0.0) (\(String(format: "%.1f", $0.1)) s)" } ?? "-")"
        )
    }
}
