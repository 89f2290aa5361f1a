import XCTest
import Foundation
@testable import Plotting

final class MatrixHeatMapTests: XCTestCase {
    func testTextShowsNumbersShadesAndLabels() {
        // Largest 8: 8 is a full block, 2 is a quarter (the lightest shade), 0 a dot, 5 is over half (▓).
        let map = MatrixHeatMap(
            title: "M", rowTitle: "true", columnTitle: "guess", rowLabels: ["a", "b"], columnLabels: ["a", "b"],
            counts: [[8, 2], [0, 5]])
        XCTAssertEqual(
            map.renderText(RenderOptions(width: 40)),
            """
                               M
                   guess →
            true ↓ a  b
                 a 8█ 2░
                 b ·  5▓
            shade: ░ up to 2, ▒ up to 4, ▓ up to 6,
            █ up to 8 (the largest); · is 0
            """)
        XCTAssertEqual(map.shadeIndex(0.1), 1, "any count above zero gets a shade")
        XCTAssertEqual(map.shadeIndex(0), 0)
        XCTAssertEqual(map.shadeIndex(.nan), 0)
    }

    func testTextFitsEveryWidthAndIsPureASCIIInASCIIMode() {
        let labels = (0..<12).map { "class \($0)" }
        let counts = (0..<12).map { row in (0..<12).map { row == $0 ? 250 + $0 : ($0 * row) % 7 } }
        let map = MatrixHeatMap(
            title: "A wide confusion matrix of twelve classes", rowTitle: "true class", columnTitle: "predicted class",
            rowLabels: labels, columnLabels: labels.map { String($0.last!) }, counts: counts)
        for width in [40, 60, 80, 120] {
            for ascii in [false, true] {
                let text = map.renderText(RenderOptions(width: width, ascii: ascii))
                for line in text.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(line.count, width, "\(width): \(line)")
                }
                if ascii { XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), text) }
                // Every count is printed once, whatever the blocks.
                for value in 250..<262 {
                    XCTAssertTrue(text.contains(String(value)), "\(value) missing at width \(width)")
                }
            }
        }
        XCTAssertFalse(map.renderText().contains("\u{1B}"))
        XCTAssertTrue(
            map.renderText(RenderOptions(color: true)).contains("\u{1B}[1m250"), "the diagonal is bold in colour")
    }

    func testSVGCellsNumbersAndLabelsInPlaceWithoutOverlap() throws {
        let map = PictureSamples.confusion
        let layout = map.svgLayout()
        let geometry = try XCTUnwrap(SVGGeometry.parse(map.svg()), "the SVG does not parse")
        XCTAssertEqual(geometry.all("title").first?.text, map.title)
        XCTAssertTrue(try XCTUnwrap(geometry.all("desc").first).text.contains("true digit 1: 0 35 0 0 0 0 0 0 2 0"))
        let cells = geometry.all("rect").filter { $0.number("width") == layout.cell }
        XCTAssertEqual(cells.count, 100)
        let texts = geometry.all("text")
        for row in 0..<10 {
            for column in 0..<10 {
                let cell = cells[row * 10 + column]
                XCTAssertEqual(cell.number("x")!, layout.gridLeft + Double(column) * layout.cell, accuracy: 0.01)
                XCTAssertEqual(cell.number("y")!, layout.gridTop + Double(row) * layout.cell, accuracy: 0.01)
                // The diagonal is outlined; its counts are white on the darkest blue.
                XCTAssertEqual(cell.attributes["stroke"] == "#222", row == column)
                let count = map.values[row][column]
                let label = try XCTUnwrap(
                    texts.first { t in
                        abs(t.number("x")! - (cell.number("x")! + layout.cell / 2)) < 0.01
                            && abs(t.number("y")! - (cell.number("y")! + layout.cell / 2 + 4.5)) < 0.01
                    })
                XCTAssertEqual(label.text, count == 0 ? "·" : String(Int(count)))
                if row == column { XCTAssertEqual(label.attributes["fill"], "white") }
            }
        }
        for label in (0..<10).map(String.init) {
            XCTAssertEqual(
                texts.filter { $0.text == label && $0.number("x")! < layout.gridLeft }.count, 1, "row label \(label)")
        }
        XCTAssertEqual(geometry.overlappingTexts().map { "\($0) / \($1)" }, [])
        XCTAssertLessThanOrEqual(layout.barTop + 30, Double(layout.height))
    }

    func testFillDarkensWithTheValue() {
        XCTAssertEqual(MatrixHeatMap.fill(0), "rgb(247,251,255)")
        XCTAssertEqual(MatrixHeatMap.fill(1), "rgb(8,48,107)")
    }
}
