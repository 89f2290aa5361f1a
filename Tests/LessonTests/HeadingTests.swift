import Plotting
import XCTest

@testable import LessonSupport

/// Headings fit the width whether or not they are drawn in bold: the escape codes of colour
/// take no column, so they must not make a heading that fits break again.
final class HeadingTests: XCTestCase {
    private let heading = "Training: 1 epoch on 3823 digits"

    private func visible(_ line: String) -> String {
        line.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
    }

    func testAHeadingIsBrokenAtTheSameSpacesInColourAsWithout() {
        for width in [40, 45, 60, 80] {
            let plain = headingLines(prefix: "Step 4 · ", heading, rule: "─", render: RenderOptions(width: width))
            let bold = headingLines(
                prefix: "Step 4 · ", heading, rule: "─", render: RenderOptions(width: width, color: true))
            XCTAssertEqual(bold.map(visible), plain, "width \(width)")
            XCTAssertTrue(bold.dropLast().allSatisfy { $0.hasPrefix("\u{1B}[1m") }, "every text line is bold")
            for line in bold { XCTAssertLessThanOrEqual(visible(line).count, width, "width \(width): \(line)") }
        }
    }

    func testAtFortyColumnsTheHeadingTakesTwoLinesWithItsContinuationUnderTheText() {
        let lines = headingLines(
            prefix: "Step 4 · ", heading, rule: "─", render: RenderOptions(width: 40, color: true)
        ).map(visible)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], "Step 4 · Training: 1 epoch on 3823")
        XCTAssertEqual(lines[1], "         digits")
        XCTAssertEqual(lines[2], String(repeating: "─", count: 34))
    }

    func testASCIIHeadingsAreSpelledBeforeTheyAreMeasured() {
        let lines = headingLines(
            prefix: "Step 2 · ", "σ′ and the loss", rule: "─", render: RenderOptions(width: 80, ascii: true))
        XCTAssertTrue(lines.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(lines)")
        XCTAssertEqual(lines[1].count, lines[0].count)
    }
}
