import Foundation
import XCTest

/// Each lesson's output with its default flags is recorded under Tests/LessonTests/Transcripts.
/// These tests run every lesson and compare, so a change to a lesson's text or numbers is seen.
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
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: LessonRunner.packageRoot.appendingPathComponent("Lessons").path)) ?? []
        return folders.compactMap { Int($0.prefix(2)) }.sorted()
    }

    static func transcriptURL(_ number: Int) -> URL {
        LessonRunner.packageRoot.appendingPathComponent("Tests/LessonTests/Transcripts/lesson-\(number).txt")
    }

    func testEveryLessonMatchesItsTranscript() throws {
        let recording = ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] != nil
        for number in Self.lessons {
            let result = try LessonRunner.run(number)
            XCTAssertEqual(result.status, 0, "lesson-\(number) exited with \(result.status): \(result.error)")
            XCTAssertFalse(result.output.isEmpty, "lesson-\(number) printed nothing")
            let url = Self.transcriptURL(number)
            if recording {
                try result.output.write(to: url, atomically: true, encoding: .utf8)
                XCTFail("recorded \(url.path); run again without RECORD_TRANSCRIPTS to check it")
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            if result.output != expected {
                let got = result.output.split(separator: "\n", omittingEmptySubsequences: false)
                let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
                XCTFail("""
                    lesson-\(number) differs from its transcript at line \(line + 1):
                      transcript: \(line < want.count ? String(want[line]) : "<end>")
                      now prints: \(line < got.count ? String(got[line]) : "<end>")
                    If the change is intended, re-record: RECORD_TRANSCRIPTS=1 swift test --filter TranscriptTests
                    """)
            }
        }
    }

    /// Every ```text block of a lesson's README.md quotes its transcript word for word, so the
    /// walkthrough cannot drift from what the lesson prints.
    func testWalkthroughsQuoteTheirTranscripts() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: LessonRunner.packageRoot.appendingPathComponent("Lessons").path)
        for number in Self.lessons {
            guard let folder = folders.first(where: { $0.hasPrefix(String(format: "%02d-", number)) }) else {
                XCTFail("no folder for lesson \(number)")
                continue
            }
            let readme = try String(contentsOf: LessonRunner.packageRoot.appendingPathComponent("Lessons/\(folder)/README.md"), encoding: .utf8)
            let transcript = try String(contentsOf: Self.transcriptURL(number), encoding: .utf8)
            let blocks = Self.textBlocks(in: readme)
            XCTAssertFalse(blocks.isEmpty, "Lessons/\(folder)/README.md quotes no output (```text blocks)")
            for block in blocks where !transcript.contains(block) {
                XCTFail("Lessons/\(folder)/README.md quotes text that lesson-\(number) does not print:\n\(block)")
            }
        }
    }

    /// The contents of the fenced blocks opened with ```text.
    static func textBlocks(in markdown: String) -> [String] {
        var blocks: [String] = [], current: [Substring]? = nil
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
