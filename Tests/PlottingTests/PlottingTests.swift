import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML  // XMLParser lives here on Linux
#endif
@testable import Plotting

final class TickTests: XCTestCase {
    func testNiceTicksForTypicalRanges() {
        XCTAssertEqual(niceTicks(low: 0, high: 1), [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        XCTAssertEqual(niceTicks(low: -4, high: 4), [-4, -2, 0, 2, 4])
        XCTAssertEqual(niceTicks(low: 91.3, high: 93.1), [91, 91.5, 92, 92.5, 93, 93.5])
        let small = niceTicks(low: 1e-6, high: 1e-2)
        XCTAssertEqual(small.count, 6)
        XCTAssertEqual(small.first, 0)
        XCTAssertEqual(small.last!, 0.01, accuracy: 1e-15)
        XCTAssertEqual(small[1], 0.002, accuracy: 1e-15)
    }

    func testTicksCoverTheRangeAndAreEvenlySpaced() {
        for (low, high) in [(0.3, 7.9), (-123.0, 0.5), (1e-9, 3e-9), (1000.0, 1000.1), (5.0, 5.0)] {
            let ticks = niceTicks(low: low, high: high)
            XCTAssertLessThanOrEqual(ticks.first!, low)
            XCTAssertGreaterThanOrEqual(ticks.last!, high)
            let step = ticks[1] - ticks[0]
            for k in 1..<ticks.count { XCTAssertEqual(ticks[k] - ticks[k - 1], step, accuracy: step * 1e-9) }
        }
    }

    func testTickDecimals() {
        XCTAssertEqual(tickDecimals(step: 5), 0)
        XCTAssertEqual(tickDecimals(step: 1), 0)
        XCTAssertEqual(tickDecimals(step: 0.5), 1)
        XCTAssertEqual(tickDecimals(step: 0.2), 1)
        XCTAssertEqual(tickDecimals(step: 0.002), 3)
    }

    func testFormatFixed() {
        XCTAssertEqual(formatFixed(3.14159, decimals: 2), "3.14")
        XCTAssertEqual(formatFixed(-0.0001, decimals: 2), "0.00")
        XCTAssertEqual(formatFixed(-1.5, decimals: 1), "-1.5")
        XCTAssertEqual(formatFixed(.nan, decimals: 2), "nan")
        XCTAssertEqual(formatFixed(-.infinity, decimals: 2), "-inf")
    }
}

final class ChartTextTests: XCTestCase {
    /// A tiny ASCII chart, character by character: the diagonal from (0, 0) to (4, 4) on a
    /// 9 × 5 grid. 12 columns = 1 for the labels + 2 for " +" + 9 for the plot, so x = 0…4
    /// falls on dot columns 0, 2, 4, 6, 8 and the line climbs one row every two columns
    /// (Bresenham's line between dots (0, 4) and (8, 0)).
    func testTinyChartGrid() {
        let chart = Chart(title: "T", xLabel: "x", yLabel: "y",
                          series: [Series("line", x: [0, 4], y: [0, 4])])
        let text = chart.renderText(RenderOptions(width: 12, height: 5, ascii: true))
        let expected = """
                 T
             y
            4 +       **
            3 +     **
            2 +   **
            1 + **
            0 +*
              ++-+-+-+-+
               0 1 2 3 4
                   x
            """
        XCTAssertEqual(text, expected)
    }

    func testBrailleDotsOfASinglePoint() {
        // One point at the top-left corner sets braille dot 1 (U+2801) in the first cell.
        let chart = Chart(title: "", series: [Series("p", x: [0, 1], y: [1, 1])], xRange: 0...1, yRange: 0...1)
        let text = chart.renderText(RenderOptions(width: 20, height: 3))
        let firstPlotLine = text.split(separator: "\n", omittingEmptySubsequences: false)[2]
        XCTAssertTrue(firstPlotLine.contains("⠉"), "the top row of dots should be set: \(firstPlotLine)")
    }

    func testNonFiniteValuesAreSkippedAndCounted() {
        let chart = Chart(title: "t", series: [Series("s", x: [0, 1, 2, 3], y: [1, .nan, .infinity, 2])])
        let text = chart.renderText()
        XCTAssertTrue(text.contains("note: 2 values were nan or infinite and are not drawn"), text)
        XCTAssertFalse(text.contains("nan\n"))
    }

    func testEmptySeriesAndSinglePoint() {
        let empty = Chart(title: "empty", series: [Series("none", x: [], y: [])]).renderText()
        XCTAssertTrue(empty.contains("(no data to draw)"))
        let single = Chart(title: "one", series: [Series("p", x: [2], y: [3], style: .points)]).renderText()
        XCTAssertEqual(single.filter { $0 == "•" }.count, 1, single)
    }

    func testColourOnlyWhenAsked() {
        let chart = Chart(title: "c", series: [Series("a", y: [1, 2, 3]), Series("b", y: [3, 2, 1])])
        XCTAssertFalse(chart.renderText(RenderOptions(color: false)).contains("\u{1B}"))
        XCTAssertTrue(chart.renderText(RenderOptions(color: true)).contains("\u{1B}["))
    }

    func testFitsTheWidth() {
        let chart = Chart(title: "wide", series: [Series("f", from: -1000, to: 1000) { $0 * $0 }])
        for line in chart.renderText(RenderOptions(width: 80)).split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
    }

    func testAsciiModeUsesOnlyAscii() {
        let chart = Chart(title: "a", series: [Series("a", y: [1, 4, 2]), Series("b", y: [2, 2, 2], style: .points)])
        let text = chart.renderText(RenderOptions(ascii: true))
        XCTAssertTrue(text.unicodeScalars.allSatisfy { $0.isASCII }, text)
    }

    func testHeatMapScalesToTheUnitRangeAndProgressBar() {
        let map = GrayImage.heatMap(width: 3, height: 1, values: [-2, 0, 2])
        XCTAssertEqual(map.pixels, [0, 0.5, 1])
        XCTAssertEqual(progressBar(done: 1, total: 2, width: 4, ascii: true), "##..")
        XCTAssertEqual(progressBar(done: 3, total: 8, width: 2), "▊ ")   // 3/8 of 2 cells = 6 eighths
        XCTAssertEqual(progressBar(done: 5, total: 5, width: 3), "███")
    }

    func testBarChartAndImages() {
        let bars = BarChart(title: "b", labels: ["a", "bb"], values: [1, 2]).renderText(RenderOptions(width: 30))
        let lines = bars.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[2].hasPrefix("bb ████"), bars)
        let image = GrayImage(width: 2, height: 1, pixels: [0, 1], caption: "x")
        let text = renderImages([image], RenderOptions(ascii: true))
        XCTAssertEqual(text, "+----+\n|  @@|\n+----+\n  x")
    }
}

/// Collects element names from an SVG document with Foundation's XML parser.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var pointCounts: [Int] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        if name == "polyline", let points = attributes["points"] {
            pointCounts.append(points.split(separator: " ").count)
        }
    }
}

final class SVGTests: XCTestCase {
    func parse(_ svg: String) -> ElementCounter? {
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        return parser.parse() ? counter : nil
    }

    func testChartSVGParsesAndHoldsItsPointsAndPaths() throws {
        let chart = Chart(title: "Fit <& test>", series: [
            Series("points", x: [0, 0.5, 1], y: [8, 9.5, 11], style: .points),
            Series("line", x: [0, 0.5, 1], y: [8, 9.4, 11]),
        ])
        let counter = try XCTUnwrap(parse(chart.svg()), "the SVG does not parse")
        XCTAssertEqual(counter.counts["svg"], 1)
        XCTAssertEqual(counter.counts["circle"], 3)
        XCTAssertEqual(counter.counts["polyline"], 1)
        XCTAssertEqual(counter.pointCounts, [3])
    }

    func testNanBreaksThePolyline() throws {
        let chart = Chart(title: "gap", series: [Series("s", x: [0, 1, 2, 3, 4], y: [1, 2, .nan, 3, 4])])
        let counter = try XCTUnwrap(parse(chart.svg()))
        XCTAssertEqual(counter.pointCounts, [2, 2])
    }

    func testBarAndImageSVGParse() throws {
        let bars = try XCTUnwrap(parse(BarChart(title: "b", labels: ["a", "b", "c"], values: [1, 0, 2]).svg()))
        XCTAssertEqual(bars.counts["rect"], 1 + 2)  // background and two positive bars
        let images = try XCTUnwrap(parse(imagesSVG([GrayImage(width: 2, height: 2, pixels: [0, 0.5, 1, 0])], title: "i")))
        XCTAssertEqual(images.counts["rect"], 1 + 4)
    }
}
