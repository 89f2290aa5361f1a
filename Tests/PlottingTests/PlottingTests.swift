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
        let chart = Chart(
            title: "T", xLabel: "x", yLabel: "y",
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

    func testALineAtTheTopStaysInsideTheMargin() {
        // y = 1 on the range 0…1 shown as −0.05…1.05 over 3 rows (12 dots): dot row
        // (1.05 − 1)/1.1 × 11 = 0.5, rounded to 1, the second dot row of the first text row:
        // braille dots 2 and 5 (U+2812, ⠒), never dot row 0 on the frame.
        let chart = Chart(title: "t", series: [Series("p", x: [0, 1], y: [1, 1])], xRange: 0...1, yRange: 0...1)
        let text = chart.renderText(RenderOptions(width: 20, height: 3))
        let firstPlotLine = text.split(separator: "\n", omittingEmptySubsequences: false)[2]
        XCTAssertTrue(firstPlotLine.contains("⠒"), "the line should sit one dot below the top: \(firstPlotLine)")
        XCTAssertFalse(firstPlotLine.contains("⠉"), String(firstPlotLine))
    }

    func testAxesAddAMarginAndKeepTicksInside() {
        let axes = Chart(title: "", series: [Series("s", x: [0, 12], y: [-1, 1])]).axes()
        XCTAssertEqual(axes.x.lowerBound, -0.6, accuracy: 1e-12)
        XCTAssertEqual(axes.x.upperBound, 12.6, accuracy: 1e-12)
        XCTAssertEqual(axes.xTicks, [0, 2, 4, 6, 8, 10, 12])
        XCTAssertEqual(axes.yTicks.first!, -1, accuracy: 1e-12)
        XCTAssertEqual(axes.yTicks.last!, 1, accuracy: 1e-12)
        // A range the lesson chose is kept (with the same margin), not rounded out to 0–15.
        let chosen = Chart(title: "", series: [Series("s", x: [0, 3], y: [0, 1])], xRange: 0...12).axes()
        XCTAssertEqual(chosen.x.upperBound, 12.6, accuracy: 1e-12)
    }

    func testCrossingLinesKeepTheirOwnColoursAndMarks() {
        // Two lines crossing in the middle, in colour: every cell is drawn in one series' colour,
        // the second line carries its mark, and the first line's cells are never repainted.
        let chart = Chart(
            title: "x", series: [Series("up", x: [0, 10], y: [0, 10]), Series("down", x: [0, 10], y: [10, 0])])
        let text = chart.renderText(RenderOptions(width: 40, height: 8, color: true))
        let first = "\u{1B}[\(RenderOptions.palette[0])m"
        let second = "\u{1B}[\(RenderOptions.palette[1])m"
        XCTAssertTrue(text.contains(second + "◦"), "the second line keeps its mark in colour mode")
        XCTAssertTrue(text.contains("━◦━"), "the legend shows the mark")
        // The rising line owns its cells: it is drawn from the bottom-left to the top-right corner.
        let plain = chart.renderText(RenderOptions(width: 40, height: 8))
        XCTAssertEqual(plain.filter { $0 == "◦" }.count > 1, true)
        let firstCells = text.components(separatedBy: first).count - 1
        XCTAssertGreaterThanOrEqual(firstCells, 8, "the first line keeps a cell in every row: \(text)")
    }

    func testNonFiniteValuesAreSkippedAndCounted() {
        let chart = Chart(title: "t", series: [Series("s", x: [0, 1, 2, 3], y: [1, .nan, .infinity, 2])])
        let text = chart.renderText()
        XCTAssertTrue(text.contains("note: 2 values were not a number or infinite and are not drawn"), text)
        XCTAssertFalse(text.contains("nan\n"))
    }

    func testEmptySeriesAndSinglePoint() {
        let empty = Chart(title: "empty", series: [Series("none", x: [], y: [])]).renderText()
        XCTAssertTrue(empty.contains("(no data to draw)"))
        // A point is 2 × 2 braille dots; in the middle of the plot they fall into one or two cells.
        let single = Chart(title: "one", series: [Series("p", x: [2], y: [3], style: .points)]).renderText()
        let dots = single.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
        let count = dots.map { UInt32($0.value - 0x2800).nonzeroBitCount }.reduce(0, +)
        XCTAssertEqual(count, 4, single)
        let ascii = Chart(title: "1", series: [Series("p", x: [2], y: [3], style: .points)]).renderText(
            RenderOptions(ascii: true))
        XCTAssertEqual(ascii.filter { $0 == "o" }.count, 1, ascii)
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
        XCTAssertEqual(progressBar(done: 3, total: 8, width: 2), "▊ ")  // 3/8 of 2 cells = 6 eighths
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
    /// The coordinates of data: polyline vertices and data circles (legend swatches have r = 4).
    var dataCoordinates: [(Double, Double)] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts[name, default: 0] += 1
        if name == "polyline", let points = attributes["points"] {
            let pairs = points.split(separator: " ")
            pointCounts.append(pairs.count)
            for pair in pairs {
                let xy = pair.split(separator: ",").compactMap { Double($0) }
                dataCoordinates.append((xy[0], xy[1]))
            }
        }
        if name == "circle", attributes["r"] == "3.5", let x = attributes["cx"].flatMap(Double.init),
            let y = attributes["cy"].flatMap(Double.init)
        {
            dataCoordinates.append((x, y))
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

    func testSVGHasATitleADescriptionAndRealMinusSigns() throws {
        let svg = Chart(title: "Loss", series: [Series("s", x: [-2, 2], y: [-1, 1])]).svg()
        let counter = try XCTUnwrap(parse(svg))
        XCTAssertEqual(counter.counts["title"], 1)
        XCTAssertEqual(counter.counts["desc"], 1)
        XCTAssertTrue(svg.contains(">−2<"), "negative tick labels use the minus sign")
        XCTAssertFalse(svg.contains(">-"), "no hyphen-minus starts a label")
    }

    func testLegendSitsBelowThePlotAndDataInsideIt() throws {
        let chart = Chart(
            title: "many",
            series: (0..<6).map { k in
                Series("a long series name \(k)", x: [0, 1, 2], y: [Double(k), Double(k) + 1, 0])
            } + [Series("pts", x: [0, 2], y: [5, 0], style: .points)])
        let layout = chart.svgLayout(width: 720, height: 440)
        XCTAssertGreaterThan(layout.legend.count, 6)
        for entry in layout.legend {
            XCTAssertGreaterThan(entry.y - 12, layout.bottom + 40, "a legend entry overlaps the plot or the x label")
            XCTAssertLessThanOrEqual(entry.y, 440)
        }
        // Every drawn coordinate lies inside the plot area, at least the margin from the frame.
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(chart.svg().utf8))
        parser.delegate = counter
        XCTAssertTrue(parser.parse())
        let marginX = (layout.right - layout.left) * Chart.margin / (1 + 2 * Chart.margin) - 0.01
        let marginY = (layout.bottom - layout.top) * Chart.margin / (1 + 2 * Chart.margin) - 0.01
        XCTAssertFalse(counter.dataCoordinates.isEmpty)
        for (x, y) in counter.dataCoordinates {
            XCTAssertTrue(x >= layout.left + marginX && x <= layout.right - marginX, "x = \(x)")
            XCTAssertTrue(y >= layout.top + marginY && y <= layout.bottom - marginY, "y = \(y)")
        }
    }

    func testChartSVGParsesAndHoldsItsPointsAndPaths() throws {
        let chart = Chart(
            title: "Fit <& test>",
            series: [
                Series("points", x: [0, 0.5, 1], y: [8, 9.5, 11], style: .points),
                Series("line", x: [0, 0.5, 1], y: [8, 9.4, 11])
            ])
        let counter = try XCTUnwrap(parse(chart.svg()), "the SVG does not parse")
        XCTAssertEqual(counter.counts["svg"], 1)
        XCTAssertEqual(counter.counts["circle"], 3 + 1)  // the points and the legend's swatch
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
        let images = try XCTUnwrap(
            parse(imagesSVG([GrayImage(width: 2, height: 2, pixels: [0, 0.5, 1, 0])], title: "i")))
        XCTAssertEqual(images.counts["rect"], 1 + 4)
    }
}

final class GraphDiagramTests: XCTestCase {
    /// e = a × b, d = e + c, and c used twice: L = d × c.
    let diagram = GraphDiagram(
        title: "L",
        nodes: [
            .init(["a"]), .init(["b"]), .init(["c"]), .init(["e = a × b"]), .init(["d = e + c"]),
            .init(["L = d × c"], highlighted: true)
        ],
        edges: [
            .init(from: 0, to: 3), .init(from: 1, to: 3), .init(from: 3, to: 4), .init(from: 2, to: 4, label: "1"),
            .init(from: 4, to: 5), .init(from: 2, to: 5, label: "d")
        ])

    func testEveryNodeSitsJustBeforeTheLatestNodeItFeeds() {
        // c feeds d (layer 2) and L (layer 3), so it sits in layer 1, beside e.
        XCTAssertEqual(diagram.layers(), [0, 0, 1, 1, 2, 3])
    }

    func testTreeReadsFromTheResultAndMarksAReusedNode() {
        XCTAssertEqual(
            diagram.renderTree(root: 5),
            """
            L
            L = d × c
            ├─ d = e + c
            │  ├─ e = a × b
            │  │  ├─ a
            │  │  └─ b
            │  └─ c   (1)
            └─ ↑ c (again: see above)   (d)
            """)
        XCTAssertTrue(
            diagram.renderTree(root: 5, RenderOptions(ascii: true)).unicodeScalars.allSatisfy {
                $0.isASCII || "×".unicodeScalars.contains($0)
            })
    }

    func testSVGBoxesDoNotOverlapAndEveryNodeIsDrawn() throws {
        let (boxes, _, _) = diagram.svgBoxes()
        for i in boxes.indices {
            for j in boxes.indices where i < j {
                let a = boxes[i]
                let b = boxes[j]
                let apart =
                    a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
                XCTAssertTrue(apart, "boxes \(i) and \(j) overlap")
            }
        }
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(diagram.svg().utf8))
        parser.delegate = counter
        XCTAssertTrue(parser.parse())
        XCTAssertEqual(counter.counts["path"], 6 + 1)  // six arrows and the arrowhead's shape
        XCTAssertEqual(counter.counts["title"], 1)
    }
}

final class SignedImageTests: XCTestCase {
    func testSignedMapsShareOneScaleCentredAtZero() {
        let maps = GrayImage.signedMaps(width: 3, height: 1, values: [[-2, 0, 1], [0.5, 0, 4]], captions: ["a", "b"])
        XCTAssertEqual(maps.map(\.signedLimit), [4, 4])
        // Zero is the middle of the ramp in both panels; −2 of 4 is a quarter of the way up.
        XCTAssertEqual(maps[0].signedPosition(0), 0.5)
        XCTAssertEqual(maps[1].signedPosition(0), 0.5)
        XCTAssertEqual(maps[0].signedPosition(-2), 0.25)
        XCTAssertEqual(maps[1].signedPosition(4), 1)
        let text = renderImages(maps, RenderOptions(width: 200, ascii: true))
        // −2 → position 0.25 → ramp index 1 ("#"), 0 → index 2 ("+"), 1 → 0.625 → index 3 ("-" rounds from 2.5 up).
        XCTAssertTrue(text.contains("|##++--|"), text)
        XCTAssertTrue(text.contains("the denser the character, the more negative"), text)
        XCTAssertEqual(divergingColour(0.5), "rgb(255,255,255)")
        XCTAssertEqual(divergingColour(0), "rgb(0,114,178)")
        XCTAssertEqual(divergingColour(1), "rgb(213,94,0)")
    }
}

/// Lines named at their right ends instead of a legend below the plot.
final class LineEndLabelTests: XCTestCase {
    /// The boxes of the line-end labels, and every data coordinate, of a chart's SVG.
    func labelsAndData(_ chart: Chart) throws -> (labels: [SVGGeometry.Box], data: [(Double, Double)]) {
        let svg = chart.svg()
        let geometry = try XCTUnwrap(SVGGeometry.parse(svg))
        let labels = geometry.all("text").filter { $0.attributes["class"] == "line-label" }
            .compactMap(SVGGeometry.box(ofText:))
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = counter
        XCTAssertTrue(parser.parse())
        return (labels, counter.dataCoordinates)
    }

    func testLinesThatReachTheRightEdgeAreNamedThereAndNothingOverlaps() throws {
        // Three activation-like curves; two end at almost the same height.
        let xs = stride(from: -4.0, through: 4, by: 0.1).map { $0 }
        let chart = Chart(
            title: "curves",
            series: [
                Series("ReLU", x: xs, y: xs.map { max(0, $0) }),
                Series("sigmoid σ", x: xs, y: xs.map { 1 / (1 + exp(-$0)) }),
                Series("tanh", x: xs, y: xs.map { tanh($0) })
            ])
        let layout = chart.svgLayout(width: 720, height: 440)
        XCTAssertTrue(layout.legend.isEmpty)
        XCTAssertEqual(layout.lineLabels.count, 3)
        let (labels, data) = try labelsAndData(chart)
        XCTAssertEqual(labels.count, 3)
        for i in labels.indices {
            for j in labels.indices where i < j {
                XCTAssertFalse(labels[i].overlaps(labels[j]), "labels \(labels[i]) and \(labels[j]) overlap")
            }
            // Right of the plot, where no data is drawn.
            XCTAssertGreaterThan(labels[i].x, layout.right)
            XCTAssertLessThanOrEqual(labels[i].x + labels[i].width, 720)
        }
        XCTAssertFalse(data.isEmpty)
        for (x, y) in data {
            for label in labels {
                XCTAssertFalse(
                    label.overlaps(SVGGeometry.Box(x: x - 1, y: y - 1, width: 2, height: 2)),
                    "a label covers data at (\(x), \(y))")
            }
        }
        // Each label stays near its line's end.
        for (k, s) in chart.series.enumerated() {
            let axes = chart.axes()
            let end = s.finitePoints.last!
            let endY =
                layout.bottom - (end.y - axes.y.lowerBound) / (axes.y.upperBound - axes.y.lowerBound)
                * (layout.bottom - layout.top)
            XCTAssertLessThanOrEqual(abs(layout.lineLabels[k].y - endY), Chart.labelNudge + 1e-9)
        }
    }

    func testALineThatStopsEarlyIsNamedAtItsEndClearOfEveryLine() throws {
        // Like a learning-rate sweep: two runs to the end, one that stops early going up.
        let steps = (0...100).map(Double.init)
        let chart = Chart(
            title: "sweep",
            series: [
                Series("lr 0.01", x: steps, y: steps.map { 2 - 0.02 * $0 }),
                Series("lr 0.30", x: steps, y: steps.map { 2 * exp(-$0 / 5) - 1 }),
                Series("lr 0.80", x: Array(steps.prefix(33)), y: steps.prefix(33).map { 2 + 0.18 * $0 })
            ])
        let layout = chart.svgLayout(width: 720, height: 440)
        XCTAssertEqual(layout.lineLabels.count, 3)
        XCTAssertLessThan(layout.lineLabels[2].x, layout.right, "the early one is named inside the plot")
        let (labels, _) = try labelsAndData(chart)
        XCTAssertEqual(labels.count, 3)
        for i in labels.indices {
            for j in labels.indices where i < j { XCTAssertFalse(labels[i].overlaps(labels[j])) }
        }
        // No line passes through a label: every polyline, looked at every pixel.
        let geometry = try XCTUnwrap(SVGGeometry.parse(chart.svg()))
        for polyline in geometry.all("polyline") {
            let points = polyline.attributes["points"]!.split(separator: " ").map { pair in
                pair.split(separator: ",").map { Double($0)! }
            }
            for (p, q) in zip(points, points.dropFirst()) {
                let steps = max(1, Int(hypot(q[0] - p[0], q[1] - p[1]).rounded(.up)))
                for k in 0...steps {
                    let t = Double(k) / Double(steps)
                    let dot = SVGGeometry.Box(
                        x: p[0] + t * (q[0] - p[0]) - 0.5, y: p[1] + t * (q[1] - p[1]) - 0.5, width: 1, height: 1)
                    for label in labels { XCTAssertFalse(label.overlaps(dot), "a line crosses \(label)") }
                }
            }
        }
    }

    func testALegendBelowWhenLabelsWouldNotWork() {
        // A line that stops inside a thicket of another line has no free place for its label.
        let thicket = stride(from: 0.0, through: 2, by: 0.01).map { $0 }
        let crossed = Chart(
            title: "crossed",
            series: [
                Series("a", x: thicket, y: thicket.indices.map { $0 % 2 == 0 ? 0 : 2 }),
                Series("b", x: [0, 1], y: [1.5, 1])
            ])
        XCTAssertTrue(crossed.svgLayout(width: 720, height: 440).lineLabels.isEmpty)
        XCTAssertFalse(crossed.svgLayout(width: 720, height: 440).legend.isEmpty)
        // Five lines ending at one height: the labels would have to move too far from them.
        let bunched = Chart(
            title: "bunched", series: (0..<5).map { k in Series("s\(k)", x: [0, 1], y: [Double(k), 1]) })
        XCTAssertTrue(bunched.svgLayout(width: 720, height: 440).lineLabels.isEmpty)
        // Points are data, not lines: a legend.
        let mixed = Chart(
            title: "mixed",
            series: [Series("p", x: [0, 1], y: [0, 1], style: .points), Series("l", x: [0, 1], y: [1, 0])])
        XCTAssertTrue(mixed.svgLayout(width: 720, height: 440).lineLabels.isEmpty)
    }
}
