import XCTest
import LessonSupport

/// The lesson-support text helpers, on hand-made inputs.
final class TextTests: XCTestCase {
    func testWrappingBreaksAtSpacesWithinTheWidth() {
        XCTAssertEqual(wrapped("one two three four", width: 9), "one two\nthree\nfour")
        XCTAssertEqual(wrapped("short", width: 80), "short")
        XCTAssertEqual(wrapped("  indented words here", width: 12), "  indented\n  words here")
        XCTAssertEqual(wrapped("first line\nsecond", width: 6), "first\nline\nsecond")
        XCTAssertEqual(wrapped("averyveryverylongword x", width: 5), "averyveryverylongword\nx")
    }

    func testWrappedLinesFitAndKeepEveryWord() {
        let text = (1...60).map { "word\($0)" }.joined(separator: " ")
        let lines = wrapped(text, width: 40).split(separator: "\n")
        XCTAssertTrue(lines.allSatisfy { $0.count <= 40 })
        XCTAssertEqual(lines.joined(separator: " "), text)
    }

    func testNumberHelpers() {
        XCTAssertEqual(sumText([0.4, -0.2, 0.8]), "0.40 − 0.20 + 0.80")
        XCTAssertEqual(sumText([-1]), "−1.00")
        XCTAssertEqual(signed(-1.25), "−1.25")
        XCTAssertEqual(signed(0.5), "+0.50")
        XCTAssertEqual(fixed(2.0 / 3, 3), "0.667")
    }

    func testTableAlignsNumbersRightAndTextLeft() {
        var table = Table(["name", "value"])
        table.add(["a", "1.5"])
        table.add(["bbb", "-10.25"])
        XCTAssertEqual(table.rendered(), """
              name   value
              ────────────
              a        1.5
              bbb   -10.25
            """)
    }

    func testLongTablesAreTrimmedWithACount() {
        var table = Table(["k"])
        for k in 1...10 { table.add(["\(k)"]) }
        XCTAssertEqual(table.rendered(maxRows: 4), """
               k
              ──
               1
               2
              … 6 more rows not shown …
               9
              10
            """)
        XCTAssertEqual(table.rendered(maxRows: 10), table.rendered())
    }
}
