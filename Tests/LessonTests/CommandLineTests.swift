import XCTest

/// The promises every lesson makes about its command line.
final class CommandLineTests: XCTestCase {
    func testUnknownFlagIsOneLineAndStatusTwo() throws {
        let result = try LessonRunner.run(2, ["--frobnicate"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "lesson-2: unknown flag '--frobnicate' (see --help)\n")
        XCTAssertEqual(result.output, "")
    }

    func testValueThatDoesNotParse() throws {
        let result = try LessonRunner.run(1, ["--seed", "abc"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "lesson-1: --seed needs a whole number, got 'abc' (see --help)\n")
    }

    func testMissingValueAndOutOfRange() throws {
        let missing = try LessonRunner.run(3, ["--seed"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.error, "lesson-3: --seed needs a value (see --help)\n")
        let narrow = try LessonRunner.run(3, ["--width", "5"])
        XCTAssertEqual(narrow.status, 2)
        XCTAssertEqual(narrow.error, "lesson-3: --width must be from 40 to 300, got 5 (see --help)\n")
    }

    /// Lesson 5's two largest values together would take minutes: stopped at once, in one line.
    func testLessonFiveBoundsPointsTimesSteps() throws {
        let result = try LessonRunner.run(5, ["--points", "100000", "--steps", "100000"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(
            result.error,
            "lesson-5: --points 100000 with --steps 100000 is 10000000000 point-steps, more than the 50000000 this lesson allows (a few seconds): use fewer points or fewer steps\n"
        )
    }

    func testHelpListsFlagsWithDefaults() throws {
        let result = try LessonRunner.run(1, ["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("--seed N"))
        XCTAssertTrue(result.output.contains("(default 42; 0 to \(Int.max))"))
        XCTAssertTrue(result.output.contains("(default 80; 40 to 300)"))
        XCTAssertTrue(result.output.contains("--pause"))
        let short = try LessonRunner.run(8, ["-h"])
        XCTAssertEqual(short.status, 0)
        XCTAssertTrue(short.output.hasPrefix("lesson-8: "), short.output)
    }

    func testSameSeedSameTextOtherSeedOtherText() throws {
        let first = try LessonRunner.run(1, ["--seed", "7"])
        let second = try LessonRunner.run(1, ["--seed", "7"])
        let other = try LessonRunner.run(1, ["--seed", "8"])
        XCTAssertEqual(first.output, second.output)
        XCTAssertNotEqual(first.output, other.output)
    }

    func testSVGFolderIsWrittenOrRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-svg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LessonRunner.run(2, ["--svg", folder.path])
        XCTAssertEqual(result.status, 0, result.error)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, ["lesson-2-activation-curves.svg", "lesson-2-activation-derivatives.svg"])
        let lastLine = result.output.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(
            lastLine.hasPrefix("Wrote 2 SVG pictures to "), "the run ends by saying what it wrote: \(lastLine)")

        let blocked = try LessonRunner.run(2, ["--svg", "/proc/no-such-place/pictures"])
        XCTAssertEqual(blocked.status, 2)
        XCTAssertTrue(blocked.error.hasPrefix("lesson-2: cannot "), blocked.error)
        XCTAssertEqual(blocked.error.filter { $0 == "\n" }.count, 1)
    }

    func testRangeMessagesStateTheRealLimits() throws {
        let tiny = try LessonRunner.run(6, ["--learning-rate", "1e-7"])
        XCTAssertEqual(tiny.status, 2)
        XCTAssertTrue(tiny.error.contains("--learning-rate must be from 1e-06 to "), tiny.error)
        let huge = try LessonRunner.run(1, ["--seed", "99999999999999999999999"])
        XCTAssertEqual(huge.status, 2)
        XCTAssertEqual(
            huge.error,
            "lesson-1: --seed must be from 0 to \(Int.max), got 99999999999999999999999 (too large) (see --help)\n")
    }

    /// Runs lesson 1 with its standard output or error sent to `/dev/full` or closed.
    private func runLessonOne(_ arguments: [String], output: FileHandle?, error: FileHandle?) throws -> Int32 {
        let process = Process()
        process.executableURL = LessonRunner.productsDirectory.appendingPathComponent("lesson-1")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testAFullOrClosedStandardErrorStillGivesStatusTwo() throws {
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"), "this test needs /dev/full (Linux)")
        XCTAssertEqual(try runLessonOne(["--frobnicate"], output: FileHandle.nullDevice, error: full), 2)
    }

    func testLostOutputIsNotASuccess() throws {
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"), "this test needs /dev/full (Linux)")
        let errors = Pipe()
        XCTAssertEqual(try runLessonOne([], output: full, error: errors.fileHandleForWriting), 1)
        try errors.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(message.hasPrefix("lesson-1: could not write the output"), message)
    }

    /// Every lesson under `--ascii`; `TERM=dumb` chooses the same mode in LessonSupport for every
    /// lesson, so two lessons (pictures, tables and formulas) check that it prints the very same text.
    /// (That piped output has no escape codes is checked on every recorded run, in TranscriptTests.)
    func testPlainModesArePureASCIIWithoutEscapes() throws {
        let dumbTerminalLessons = [2, 11]
        let runs =
            TranscriptTests.lessons.map { LessonRunner.Run(lesson: $0, arguments: ["--ascii"]) }
            + dumbTerminalLessons.map { LessonRunner.Run(lesson: $0, environment: ["TERM": "dumb"]) }
        let outcomes = LessonRunner.runAll(runs)
        for number in dumbTerminalLessons {
            let ascii = try XCTUnwrap(runs.firstIndex { $0.lesson == number && $0.arguments == ["--ascii"] })
            let dumb = try XCTUnwrap(runs.firstIndex { $0.lesson == number && $0.arguments.isEmpty })
            XCTAssertEqual(
                try outcomes[dumb].get().output, try outcomes[ascii].get().output,
                "lesson-\(number) with TERM=dumb should print what it prints with --ascii")
        }
        for (run, outcome) in zip(runs, outcomes) {
            let result = try outcome.get()
            XCTAssertEqual(result.status, 0, "\(run): \(result.error)")
            let offending = result.output.split(separator: "\n").filter { !$0.allSatisfy(\.isASCII) }
            XCTAssertTrue(
                offending.isEmpty, "\(run) prints non-ASCII:\n\(offending.prefix(3).joined(separator: "\n"))")
            XCTAssertFalse(result.output.contains("\u{1B}"), "\(run) printed an escape code")
        }
    }

    func testTheWidthFollowsColumnsWhenNotGiven() throws {
        let narrow = try LessonRunner.run(2, [], environment: ["COLUMNS": "50"])
        let explicit = try LessonRunner.run(2, ["--width", "50"])
        XCTAssertEqual(narrow.output, explicit.output)
        let wide = try LessonRunner.run(2, [], environment: ["COLUMNS": "250"])
        let capped = try LessonRunner.run(2, ["--width", "100"])
        XCTAssertEqual(wide.output, capped.output, "the automatic width stops at 100 columns")
    }
}
