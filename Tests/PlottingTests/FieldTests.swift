import XCTest
import Foundation
@testable import Plotting

final class FieldTests: XCTestCase {
    func testAutomaticLevelsAreLogSpacedAndAtMostNine() {
        // 0.05 … 130: 1, 2, 5 × 10ᵏ would give eleven levels, so 1, 3 × 10ᵏ: seven.
        XCTAssertEqual(Field.automaticLevels([0.05, 130], spacing: .logarithmic), [0.1, 0.3, 1, 3, 10, 30, 100])
        XCTAssertEqual(Field.automaticLevels([0.15, 9], spacing: .logarithmic), [0.2, 0.5, 1, 2, 5])
        // Twelve decades: powers of ten, at most nine of them.
        let wide = Field.automaticLevels([1e-4, 1e8], spacing: .logarithmic)
        XCTAssertLessThanOrEqual(wide.count, 9)
        XCTAssertTrue(wide.allSatisfy { abs(log10($0) - log10($0).rounded()) < 1e-9 }, "\(wide)")
        // Too narrow for a log scale, or values at or below zero: nice linear levels.
        XCTAssertEqual(Field.automaticLevels([1, 3], spacing: .logarithmic), [1.5, 2, 2.5])
        XCTAssertEqual(Field.automaticLevels([-1, 1], spacing: .logarithmic), [-0.5, 0, 0.5])
        XCTAssertTrue(Field.linearLevels(-1, 1).allSatisfy { $0 > -1 && $0 < 1 })
        XCTAssertEqual(Field.automaticLevels([2, 2, .nan], spacing: .linear), [])
    }

    func testLevelTextIsShort() {
        XCTAssertEqual(Field.levelText(0.05), "0.05")
        XCTAssertEqual(Field.levelText(0.1), "0.1")
        XCTAssertEqual(Field.levelText(0.25), "0.25")
        XCTAssertEqual(Field.levelText(2), "2")
        XCTAssertEqual(Field.levelText(30), "30")
        XCTAssertEqual(Field.levelText(20000), "20000")
        XCTAssertEqual(Field.levelText(-0.5), "-0.5")
    }

    func testValuesInterpolateBetweenGridPointsAndBandsCountLevels() {
        // f = x + 2y on a 3 × 3 grid over 0…2 × 0…2 (rows from the bottom).
        let field = Field(name: "f", x: 0...2, y: 0...2, samples: 3, spacing: .linear, levels: [1, 3]) { $0 + 2 * $1 }
        XCTAssertEqual(field.values, [0, 1, 2, 2, 3, 4, 4, 5, 6])
        // bilinear is exact on a plane
        XCTAssertEqual(try XCTUnwrap(field.value(x: 0.5, y: 0.25)), 1.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(field.value(x: 2, y: 2)), 6, accuracy: 1e-12)
        XCTAssertNil(field.value(x: 2.01, y: 1))
        XCTAssertEqual([0.5, 1, 2.9, 3, 7].map { field.band(of: $0) }, [0, 1, 1, 2, 2])
        XCTAssertNil(field.band(of: .nan))
    }

    func testAxesCoverTheFieldAndWidenOnlyForDataBeyondIt() {
        let field = Field(name: "f", x: -2...8, y: -1...13, samples: 5) { $0 * $0 + $1 * $1 + 1 }
        let inside = Chart(title: "", series: [Series("p", x: [0, 3], y: [0, 8])], background: field).axes()
        XCTAssertEqual(inside.x, -2...8)
        XCTAssertEqual(inside.y, -1...13)
        let beyond = Chart(title: "", series: [Series("p", x: [0, 10], y: [0, 8])], background: field).axes()
        XCTAssertEqual(beyond.x.lowerBound, -2)
        XCTAssertEqual(beyond.x.upperBound, 10.5, accuracy: 1e-12)  // the data's 0…10 with its 5 % margin
    }

    func testContourCellsOfAStraightLevelSitOnItsHighSide() {
        // f = x over 0…10, one level at 5: in every row the line is the first cell whose centre
        // has x ≥ 5, and it carries the level's number once, the rest dots.
        let field = Field(
            name: "f", x: 0...10, y: 0...1, columns: 11, rows: 2,
            values: (0..<2).flatMap { _ in (0...10).map(Double.init) }, levels: [5])
        let cells = field.contourCells(columns: 10, rows: 3, ascii: true) { column, row in (Double(column) + 0.5, 0.5) }
        for row in cells {
            XCTAssertEqual(row.indices.filter { row[$0] != nil }, [5])
        }
        XCTAssertEqual(cells.map { $0[5] }, ["1", ".", "."])
    }

    func testTerminalPictureKeepsTheDataAndNumbersTheLevels() {
        let chart = PictureSamples.lossField
        var plain = chart
        plain.background?.levels = []  // the same axes, no level lines
        for width in [40, 80, 120] {
            let options = RenderOptions(width: width)
            let with = chart.renderText(options).split(separator: "\n", omittingEmptySubsequences: false).map(
                Array.init)
            let without = plain.renderText(options).split(separator: "\n", omittingEmptySubsequences: false).map(
                Array.init)
            for line in with { XCTAssertLessThanOrEqual(line.count, width, String(line)) }
            // Every character the series draw is still there, in the same place: the field fills
            // only cells the series leave empty (rows 2 … 17 are the plot).
            for row in 2..<18 {
                for (column, character) in without[row].enumerated() where character != " " {
                    XCTAssertEqual(
                        column < with[row].count ? with[row][column] : " ", character,
                        "row \(row), column \(column) at width \(width)")
                }
            }
            let text = with.map { String($0) }.joined(separator: "\n")
            XCTAssertTrue(text.contains("1 = 0.1"), text)
            XCTAssertTrue(text.contains("7 = 100"), text)
            for digit in "1234567" {
                XCTAssertTrue(
                    with[2..<18].contains { $0.dropFirst(4).contains(digit) },
                    "level \(digit) is numbered in the plot at width \(width)")
            }
        }
        let ascii = chart.renderText(RenderOptions(width: 60, ascii: true))
        XCTAssertTrue(ascii.unicodeScalars.allSatisfy(\.isASCII), ascii)
        XCTAssertTrue(ascii.contains("...."), "level lines are dotted in ASCII")
        XCTAssertFalse(chart.renderText().contains("\u{1B}"))
        XCTAssertTrue(
            chart.renderText(RenderOptions(color: true)).contains("\u{1B}[38;5;244m"), "level lines are grey in colour")
    }

    func testSVGBandsUnderTheSeriesInsideThePlotWithAKeyBelow() throws {
        let chart = PictureSamples.lossField
        let svg = chart.svg()
        let geometry = try XCTUnwrap(SVGGeometry.parse(svg), "the SVG does not parse")
        XCTAssertEqual(geometry.all("title").first?.text, chart.title)
        XCTAssertTrue(try XCTUnwrap(geometry.all("desc").first).text.contains("loss over the plane as shaded bands"))
        let layout = chart.svgLayout(width: 720, height: 440)
        let band = geometry.all("rect").filter {
            $0.attributes["fill"]?.hasPrefix("rgb(") == true && $0.number("height")! < 12
        }
        XCTAssertGreaterThan(band.count, 100)
        for rect in band {
            let x = rect.number("x")!
            let y = rect.number("y")!
            XCTAssertTrue(
                x >= layout.left - 0.01 && x + rect.number("width")! <= layout.right + 0.3,
                "band outside the plot: \(rect.attributes)")
            XCTAssertTrue(
                y >= layout.top - 0.01 && y + rect.number("height")! <= layout.bottom + 0.3,
                "band outside the plot: \(rect.attributes)")
        }
        // Level lines inside the plot, and drawn before (under) every series line.
        let paths = geometry.all("path")
        XCTAssertEqual(paths.count, 7)
        for path in paths {
            for (x, y) in SVGGeometry.pathPoints(path.attributes["d"]!) {
                XCTAssertTrue(x >= layout.left && x <= layout.right && y >= layout.top && y <= layout.bottom)
            }
        }
        let order = geometry.elements.map(\.name)
        XCTAssertLessThan(order.lastIndex(of: "path")!, order.firstIndex(of: "polyline")!)
        XCTAssertLessThan(order.lastIndex(of: "rect")!, order.firstIndex(of: "polyline")!)
        // The key sits below the legend and names every level; no text overlaps another.
        let keyTop = try XCTUnwrap(layout.keyTop)
        XCTAssertGreaterThan(keyTop, layout.legend.map(\.y).max()! + 4)
        XCTAssertLessThanOrEqual(keyTop + Field.svgKeyHeight, 440)
        let texts = geometry.all("text").map(\.text)
        for level in ["0.1", "0.3", "1", "3", "10", "30", "100"] { XCTAssertTrue(texts.contains(level), level) }
        XCTAssertTrue(texts.contains("loss levels"))
        XCTAssertEqual(geometry.overlappingTexts().map { "\($0) / \($1)" }, [])
        for width in [480, 1000] {
            let other = try XCTUnwrap(SVGGeometry.parse(chart.svg(width: width, height: 400)))
            XCTAssertEqual(other.overlappingTexts().map { "\($0) / \($1)" }, [], "at width \(width)")
        }
    }

    func testBandColoursDarkenEvenly() {
        let greys = (0..<8).map { Field.bandColour($0, of: 8) }
        XCTAssertEqual(Set(greys).count, 8)
        let levels = greys.map { Int($0.split(separator: ",")[1])! }
        XCTAssertEqual(levels, levels.sorted(by: >), "each band darker than the one below it")
        XCTAssertGreaterThan(levels.last!, 120, "the darkest band stays light enough for the series on top")
    }
}
