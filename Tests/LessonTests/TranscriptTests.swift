import Foundation
import XCTest

/// Each lesson's output is recorded under Tests/LessonTests/Transcripts: the default run as
/// `lesson-N.txt`, and every run its walkthrough suggests (`swift run lesson-6 --steps 300` in
/// its README.md) as `lesson-6_steps_300.txt`. These tests run them all and compare, so a change
/// to a lesson's text or numbers is seen, and a "Try this" is tested like the default run.
///
/// After an intended change, re-record with
///
///     RECORD_TRANSCRIPTS=1 swift test --filter TranscriptTests
///
/// (the recording run fails on purpose, to say what it wrote), then run `swift test` again and
/// review the diff of the transcripts before committing.
final class TranscriptTests: XCTestCase {
    /// The lessons present, from the folders under Lessons/ ("01-Neuron" → 1).
    static var lessons: [Int] {
        lessonFolders.keys.sorted()
    }

    /// Lesson number → folder name ("01-Neuron").
    static var lessonFolders: [Int: String] {
        let folders =
            (try? FileManager.default.contentsOfDirectory(
                atPath: LessonRunner.packageRoot.appendingPathComponent("Lessons").path)) ?? []
        var result: [Int: String] = [:]
        for folder in folders {
            if let number = Int(folder.prefix(2)), folder.dropFirst(2).hasPrefix("-") { result[number] = folder }
        }
        return result
    }

    static var transcriptsFolder: URL {
        LessonRunner.packageRoot.appendingPathComponent("Tests/LessonTests/Transcripts")
    }

    /// `lesson-6` with `--learning-rate 0.72` → "lesson-6_learning-rate_0.72.txt".
    static func transcriptName(_ run: LessonRunner.Run) -> String {
        let parts = run.arguments.map { argument -> String in
            var text = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : argument
            text = text.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "=", with: "_")
            return "_" + text
        }
        return "lesson-\(run.lesson)" + parts.joined() + ".txt"
    }

    /// Flags whose runs are not compared with a transcript: they write files, wait for a person,
    /// print help, read another data folder, or print wall-clock times.
    static let unrecordedFlags: Set<String> = ["--svg", "--pause", "--help", "--data", "--timing"]

    /// The walkthrough of a lesson.
    static func readme(_ number: Int) throws -> String {
        let folder = try XCTUnwrap(lessonFolders[number], "no folder for lesson \(number)")
        return try String(
            contentsOf: LessonRunner.packageRoot.appendingPathComponent("Lessons/\(folder)/README.md"), encoding: .utf8)
    }

    /// Every `swift run lesson-N ARGS` written in a walkthrough (in a code block or inline), up to
    /// the end of the line, a backtick or a `#` comment; runs of other lessons count too.
    static func suggestedRuns(in markdown: String) -> [LessonRunner.Run] {
        var runs: [LessonRunner.Run] = []
        let pattern = try! NSRegularExpression(pattern: #"swift run lesson-([0-9]+)([^`#\n]*)"#)
        let range = NSRange(markdown.startIndex..., in: markdown)
        for match in pattern.matches(in: markdown, range: range) {
            let number = Int(markdown[Range(match.range(at: 1), in: markdown)!])!
            let arguments = markdown[Range(match.range(at: 2), in: markdown)!].split(whereSeparator: \.isWhitespace)
                .map(String.init)
            runs.append(LessonRunner.Run(lesson: number, arguments: arguments))
        }
        return runs
    }

    /// The runs recorded for every lesson: the default one, and each run a walkthrough suggests.
    static func recordedRuns() throws -> [LessonRunner.Run] {
        var runs: [LessonRunner.Run] = []
        for number in lessons {
            runs.append(LessonRunner.Run(lesson: number))
            for run in suggestedRuns(in: try readme(number))
            where !run.arguments.isEmpty && !run.arguments.contains(where: { unrecordedFlags.contains($0) })
                && !runs.contains(run)
            {
                runs.append(run)
            }
        }
        return runs
    }

    func testEveryRecordedRunMatchesItsTranscript() throws {
        let recording = ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] != nil
        let runs = try Self.recordedRuns()
        let results = LessonRunner.runAll(runs)
        for (run, outcome) in zip(runs, results) {
            let result = try outcome.get()
            XCTAssertEqual(result.status, 0, "\(run) exited with \(result.status): \(result.error)")
            XCTAssertFalse(result.output.isEmpty, "\(run) printed nothing")
            XCTAssertFalse(result.output.contains("\u{1B}"), "\(run) printed an escape code into a pipe")
            let url = Self.transcriptsFolder.appendingPathComponent(Self.transcriptName(run))
            if recording {
                try result.output.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                XCTFail(
                    "\(run) has no transcript \(url.lastPathComponent): record it with RECORD_TRANSCRIPTS=1 swift test --filter TranscriptTests"
                )
                continue
            }
            if result.output != expected {
                let got = result.output.split(separator: "\n", omittingEmptySubsequences: false)
                let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let common = min(got.count, want.count)
                let line = (0..<common).first { (i: Int) -> Bool in got[i] != want[i] } ?? common
                XCTFail(
                    """
                    \(run) differs from \(url.lastPathComponent) at line \(line + 1):
                      transcript: \(line < want.count ? String(want[line]) : "<end>")
                      now prints: \(line < got.count ? String(got[line]) : "<end>")
                    If the change is intended, re-record: RECORD_TRANSCRIPTS=1 swift test --filter TranscriptTests
                    """)
            }
        }
        // A transcript that no run produces is left over from a suggestion that was removed.
        let expectedNames = Set(runs.map(Self.transcriptName))
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.transcriptsFolder.path).filter {
            $0.hasSuffix(".txt")
        }
        for name in present where !expectedNames.contains(name) {
            if recording {
                try FileManager.default.removeItem(at: Self.transcriptsFolder.appendingPathComponent(name))
            } else {
                XCTFail("\(name) is the transcript of no default run and no walkthrough suggestion: delete it")
            }
        }
        if recording {
            XCTFail(
                "recorded \(runs.count) transcripts in \(Self.transcriptsFolder.path); run again without RECORD_TRANSCRIPTS to check them"
            )
        }
    }

    /// Every ```text block of a lesson's README.md quotes one of its transcripts word for word,
    /// so the walkthrough cannot drift from what the lesson prints.
    func testWalkthroughsQuoteTheirTranscripts() throws {
        let runs = try Self.recordedRuns()
        for number in Self.lessons {
            let readme = try Self.readme(number)
            let transcripts = try runs.filter { $0.lesson == number }.map {
                try String(
                    contentsOf: Self.transcriptsFolder.appendingPathComponent(Self.transcriptName($0)), encoding: .utf8)
            }
            let blocks = Self.textBlocks(in: readme)
            XCTAssertFalse(blocks.isEmpty, "lesson \(number)'s walkthrough quotes no output (```text blocks)")
            for block in blocks where !transcripts.contains(where: { $0.contains(block) }) {
                XCTFail("lesson \(number)'s walkthrough quotes text that none of its recorded runs prints:\n\(block)")
            }
        }
    }

    /// Walkthroughs only suggest flags their lesson has.
    func testSuggestedRunsUseRealFlags() throws {
        for number in Self.lessons {
            for run in Self.suggestedRuns(in: try Self.readme(number)) {
                let flags = run.arguments.filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=")[0]) }
                let help = try LessonRunner.run(run.lesson, ["--help"]).output
                for flag in flags {
                    XCTAssertTrue(
                        help.contains("  \(flag) ") || help.contains("  \(flag)\n"),
                        "lesson \(number)'s walkthrough suggests `\(run)`, but lesson-\(run.lesson) has no \(flag)")
                }
            }
        }
    }

    func testTranscriptNames() {
        XCTAssertEqual(Self.transcriptName(.init(lesson: 6)), "lesson-6.txt")
        XCTAssertEqual(
            Self.transcriptName(.init(lesson: 6, arguments: ["--learning-rate", "0.72", "--steps", "300"])),
            "lesson-6_learning-rate_0.72_steps_300.txt")
        XCTAssertEqual(
            Self.suggestedRuns(
                in: "```bash\nswift run lesson-4 --points 500   # more\n```\nor `swift run lesson-1 --seed 7`."),
            [.init(lesson: 4, arguments: ["--points", "500"]), .init(lesson: 1, arguments: ["--seed", "7"])])
    }

    /// The contents of the fenced blocks opened with ```text.
    static func textBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]? = nil
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```text" {
                current = []
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }
}
