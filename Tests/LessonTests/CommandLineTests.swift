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
        XCTAssertEqual(narrow.error, "lesson-3: --width must be between 40 and 300, got 5 (see --help)\n")
    }

    func testHelpListsFlagsWithDefaults() throws {
        let result = try LessonRunner.run(1, ["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("--seed N"))
        XCTAssertTrue(result.output.contains("(default 42)"))
        XCTAssertTrue(result.output.contains("--pause"))
    }

    func testSameSeedSameTextOtherSeedOtherText() throws {
        let first = try LessonRunner.run(1, ["--seed", "7"])
        let second = try LessonRunner.run(1, ["--seed", "7"])
        let other = try LessonRunner.run(1, ["--seed", "8"])
        XCTAssertEqual(first.output, second.output)
        XCTAssertNotEqual(first.output, other.output)
    }

    func testPipedOutputHasNoEscapeCodes() throws {
        for number in TranscriptTests.lessons {
            let result = try LessonRunner.run(number)
            XCTAssertFalse(result.output.contains("\u{1B}"), "lesson-\(number) printed an escape code into a pipe")
        }
    }

    func testSVGFolderIsWrittenOrRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-svg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LessonRunner.run(2, ["--svg", folder.path])
        XCTAssertEqual(result.status, 0, result.error)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, ["lesson-2-activation-curves.svg", "lesson-2-activation-derivatives.svg"])

        let blocked = try LessonRunner.run(2, ["--svg", "/proc/no-such-place/pictures"])
        XCTAssertEqual(blocked.status, 2)
        XCTAssertTrue(blocked.error.hasPrefix("lesson-2: cannot "), blocked.error)
        XCTAssertEqual(blocked.error.filter { $0 == "\n" }.count, 1)
    }
}
