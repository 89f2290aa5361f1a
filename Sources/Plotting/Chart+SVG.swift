/// Escapes the characters that XML gives a meaning: & < > " '.
func xmlEscaped(_ text: String) -> String {
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.append(c)
        }
    }
    return out
}

/// A number for an SVG attribute, two decimals.
func svgNumber(_ value: Double) -> String { formatFixed(value, decimals: 2) }

/// A number for an SVG label: fixed decimals, with a real minus sign (−), not a hyphen.
func svgLabel(_ value: Double, decimals: Int) -> String {
    let text = formatFixed(value, decimals: decimals)
    return text.hasPrefix("-") ? "−" + text.dropFirst() : text
}

/// The opening of a standalone SVG document: size, a white background, a `<title>` and a
/// `<desc>` for screen readers, and the visible title.
func svgHeader(width: Int, height: Int, title: String, description: String) -> String {
    """
    <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="13" role="img">
    <title>\(xmlEscaped(title))</title>
    <desc>\(xmlEscaped(description))</desc>
    <rect x="0" y="0" width="\(width)" height="\(height)" fill="white"/>
    <text x="\(width / 2)" y="28" text-anchor="middle" font-size="17" font-weight="bold">\(xmlEscaped(title))</text>

    """
}

extension Chart {
    /// Where the SVG puts things, in pixels: the plot area and the legend's entries. The legend
    /// sits below the x label, outside the plot, so it can never cover data; or, when every
    /// series is a line, each line is named at its end (`lineEndLabels`).
    struct SVGLayout {
        var left: Double, right: Double, top: Double, bottom: Double
        /// Top-left corner of each legend entry's colour swatch.
        var legend: [(x: Double, y: Double)]
        /// The top of the background field's key, below the legend, or nil without a field.
        var keyTop: Double? = nil
        /// Where each series' label at its line's end starts (its swatch's left end) and its
        /// vertical middle, in series order; empty when the legend is used instead.
        var lineLabels: [(x: Double, y: Double)] = []
    }

    /// The widest a label column right of the plot may be, as a share of the picture's width.
    static let labelColumnShare = 0.3
    /// The least vertical distance between two line-end labels, and the most a label may move
    /// from its line's end to keep that distance, in pixels.
    static let labelSpacing = 15.0
    static let labelNudge = 12.0

    /// The width in pixels of a line-end label: its swatch, a gap and its name at font size 13.
    static func lineLabelWidth(_ name: String) -> Double { 24 + 8.1 * Double(name.count) }

    /// The box a line-end label covers, from its start and vertical middle.
    static func lineLabelBox(x: Double, y: Double, name: String) -> (
        x: Double, y: Double, width: Double, height: Double
    ) {
        (x, y - 8, lineLabelWidth(name), 16)
    }

    /// Labels at the lines' ends, when they fit; nil for a legend below the plot. Every series
    /// must be a line whose last drawn point lies inside the axes. A line that runs to the right
    /// edge of the data (within 2 %) is named in a column right of the plot, level with its end;
    /// labels there push each other apart to stay `labelSpacing` apart, each moving at most
    /// `labelNudge`, and the column may take at most `labelColumnShare` of the picture. A line
    /// that stops earlier (a run that diverged, say) is named just right of, above or below its
    /// last point, inside the plot, where the label touches no line and no other label.
    func lineEndLabels(width: Int, left: Double, top: Double, bottom: Double) -> (
        right: Double, places: [(x: Double, y: Double)]
    )? {
        guard series.count >= 2, background == nil, series.allSatisfy({ $0.style == .line }) else { return nil }
        let xs = series.flatMap(\.finitePoints).map(\.x)
        guard let xLow = xs.min(), let xHigh = xs.max(), xHigh > xLow else { return nil }
        let axes = axes()
        var ends: [Point] = []
        for s in series {
            guard let end = s.finitePoints.last, axes.x.contains(end.x), axes.y.contains(end.y) else { return nil }
            ends.append(end)
        }
        let atEdge = ends.map { $0.x >= xHigh - 0.02 * (xHigh - xLow) }
        let edge = series.indices.filter { atEdge[$0] }
        let column = edge.map { Chart.lineLabelWidth(series[$0].name) }.max().map { $0 + 14 } ?? 0
        guard column <= Chart.labelColumnShare * Double(width) else { return nil }
        let right = edge.isEmpty ? Double(width) - 24 : Double(width) - 16 - column
        func px(_ x: Double) -> Double {
            left + (x - axes.x.lowerBound) / (axes.x.upperBound - axes.x.lowerBound) * (right - left)
        }
        func py(_ y: Double) -> Double {
            bottom - (y - axes.y.lowerBound) / (axes.y.upperBound - axes.y.lowerBound) * (bottom - top)
        }
        var places = ends.map { (x: px($0.x) + 6, y: py($0.y)) }

        // The right column: labels closer than `labelSpacing` push each other apart, half the
        // shortfall each, and stay within the plot's height; a few rounds settle them.
        let order = edge.sorted { places[$0].y < places[$1].y }
        let wanted = places.map(\.y)
        for index in edge { places[index].x = right + 6 }
        for _ in 0..<50 {
            for (upper, lower) in zip(order, order.dropFirst())
            where places[lower].y - places[upper].y < Chart.labelSpacing {
                let shortfall = Chart.labelSpacing - (places[lower].y - places[upper].y)
                places[upper].y -= shortfall / 2
                places[lower].y += shortfall / 2
            }
            for index in order { places[index].y = min(max(places[index].y, top), bottom) }
        }
        guard
            edge.allSatisfy({ abs(places[$0].y - wanted[$0]) <= Chart.labelNudge }),
            zip(order, order.dropFirst()).allSatisfy({ places[$1].y - places[$0].y >= Chart.labelSpacing - 1e-9 })
        else { return nil }

        // Inside the plot: right of the end, else above or below it, clear of every line.
        let segments: [(Double, Double, Double, Double)] = series.flatMap { s in
            zip(s.points, s.points.dropFirst()).compactMap { p, q in
                p.x.isFinite && p.y.isFinite && q.x.isFinite && q.y.isFinite
                    ? (px(p.x), py(p.y), px(q.x), py(q.y)) : nil
            }
        }
        var taken: [(x: Double, y: Double, width: Double, height: Double)] = []
        for index in series.indices where !atEdge[index] {
            let end = places[index]
            let candidates = [(end.x, end.y), (end.x - 6, end.y - 14), (end.x - 6, end.y + 14)]
            guard
                let free = candidates.first(where: { x, y in
                    let box = Chart.lineLabelBox(x: x, y: y, name: series[index].name)
                    return box.x >= left && box.x + box.width <= right && box.y >= top && box.y + box.height <= bottom
                        && !taken.contains(where: { boxesOverlap($0, box) })
                        && !segments.contains(where: { segmentTouches($0, box) })
                })
            else { return nil }
            places[index] = (free.0, free.1)
            taken.append(Chart.lineLabelBox(x: free.0, y: free.1, name: series[index].name))
        }
        return (right, places)
    }

    /// Legend entries flow left to right and wrap; the plot shrinks to leave room for them. Lines
    /// named at their ends need no legend: the plot leaves a column on the right for the lines
    /// that reach it.
    func svgLayout(width: Int, height: Int) -> SVGLayout {
        let left = 70.0
        let right = Double(width) - 24
        let top = 50.0
        let keyHeight = background == nil ? 0 : Field.svgKeyHeight
        if let labels = lineEndLabels(width: width, left: left, top: top, bottom: Double(height) - 60 - keyHeight) {
            return SVGLayout(
                left: left, right: labels.right, top: top, bottom: Double(height) - 60 - keyHeight, legend: [],
                lineLabels: labels.places)
        }
        var legend: [(x: Double, y: Double)] = []
        var x = left
        var row = 0
        if series.count > 1 {
            for s in series {
                let entryWidth = 34 + 7.5 * Double(s.name.count) + 20
                if x > left && x + entryWidth > right {
                    x = left
                    row += 1
                }
                legend.append((x, Double(row)))
                x += entryWidth
            }
        }
        let legendHeight = series.count > 1 ? 20 * Double(row + 1) + 6 : 0
        let bottom = Double(height) - 60 - legendHeight - keyHeight
        legend = legend.map { ($0.x, bottom + 56 + 20 * $0.y) }
        let keyTop = background == nil ? nil : bottom + 50 + legendHeight
        return SVGLayout(left: left, right: right, top: top, bottom: bottom, legend: legend, keyTop: keyTop)
    }

    /// A sentence describing the chart for screen readers.
    var svgDescription: String {
        let parts = series.map { "\($0.name) (\($0.style == .line ? "line" : "\($0.finitePoints.count) points"))" }
        return "Chart of \(yLabel) against \(xLabel)"
            + (parts.isEmpty ? "." : ": " + parts.joined(separator: ", ") + ".")
            + (background.map { " " + $0.svgDescription } ?? "")
    }

    /// The chart as a standalone SVG document (no external fonts or scripts): a frame, grid
    /// lines at the ticks, tick labels, axis labels, title, one `<polyline>` per line series
    /// (broken into several where values are not finite), one `<circle>` per drawn point of a
    /// point series, and, when there are several series, a legend below the plot or each line named at its right end (`lineEndLabels`). The ranges and
    /// ticks are those of `axes()`, as in the terminal.
    public func svg(width: Int = 720, height: Int = 440) -> String {
        let axes = axes()
        let (xTicks, yTicks) = (axes.xTicks, axes.yTicks)
        let xLow = axes.x.lowerBound
        let xHigh = axes.x.upperBound
        let yLow = axes.y.lowerBound
        let yHigh = axes.y.upperBound
        let layout = svgLayout(width: width, height: height)
        let (left, right, top, bottom) = (layout.left, layout.right, layout.top, layout.bottom)
        func px(_ x: Double) -> Double { left + (x - xLow) / (xHigh - xLow) * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - yLow) / (yHigh - yLow) * (bottom - top) }
        let xDecimals = tickDecimals(step: xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1)
        let yDecimals = tickDecimals(step: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1)

        var svg = svgHeader(width: width, height: height, title: title, description: svgDescription)
        if let background {
            svg += background.svgBands(px: px, py: py)
        }
        for t in xTicks {
            svg +=
                "<line x1=\"\(svgNumber(px(t)))\" y1=\"\(svgNumber(top))\" x2=\"\(svgNumber(px(t)))\" y2=\"\(svgNumber(bottom))\" stroke=\"#e5e5e5\"/>\n"
            svg +=
                "<text x=\"\(svgNumber(px(t)))\" y=\"\(svgNumber(bottom + 18))\" text-anchor=\"middle\">\(svgLabel(t, decimals: xDecimals))</text>\n"
        }
        for t in yTicks {
            svg +=
                "<line x1=\"\(svgNumber(left))\" y1=\"\(svgNumber(py(t)))\" x2=\"\(svgNumber(right))\" y2=\"\(svgNumber(py(t)))\" stroke=\"#e5e5e5\"/>\n"
            svg +=
                "<text x=\"\(svgNumber(left - 8))\" y=\"\(svgNumber(py(t) + 4))\" text-anchor=\"end\">\(svgLabel(t, decimals: yDecimals))</text>\n"
        }
        svg +=
            "<rect x=\"\(svgNumber(left))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(right - left))\" height=\"\(svgNumber(bottom - top))\" fill=\"none\" stroke=\"#333\"/>\n"
        svg +=
            "<text x=\"\(svgNumber((left + right) / 2))\" y=\"\(svgNumber(bottom + 40))\" text-anchor=\"middle\">\(xmlEscaped(xLabel))</text>\n"
        svg +=
            "<text x=\"18\" y=\"\(svgNumber((top + bottom) / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(svgNumber((top + bottom) / 2)))\">\(xmlEscaped(yLabel))</text>\n"

        if let background {
            svg += background.svgContours(px: px, py: py)
            if let keyTop = layout.keyTop { svg += background.svgKey(left: left, right: right, top: keyTop) }
        }

        // Lines first, points on top: the points are the data.
        for (index, s) in series.enumerated() where s.style == .line {
            let color = RenderOptions.svgPalette[index % RenderOptions.svgPalette.count]
            let dashes = RenderOptions.svgDashes[index % RenderOptions.svgDashes.count]
            let dash = dashes.isEmpty ? "" : " stroke-dasharray=\"\(dashes)\""
            var runs: [[Point]] = [[]]
            for p in s.points {
                if p.x.isFinite && p.y.isFinite {
                    runs[runs.count - 1].append(p)
                } else if !runs.last!.isEmpty {
                    runs.append([])
                }
            }
            for run in runs where !run.isEmpty {
                let coordinates = run.map { "\(svgNumber(px($0.x))),\(svgNumber(py($0.y)))" }.joined(separator: " ")
                svg +=
                    "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
            }
        }
        for (index, s) in series.enumerated() where s.style == .points {
            let color = RenderOptions.svgPalette[index % RenderOptions.svgPalette.count]
            for p in s.finitePoints {
                svg +=
                    "<circle cx=\"\(svgNumber(px(p.x)))\" cy=\"\(svgNumber(py(p.y)))\" r=\"3.5\" fill=\"\(color)\" stroke=\"white\" stroke-width=\"0.8\"/>\n"
            }
        }
        for (index, (s, place)) in zip(series, layout.legend).enumerated() {
            let color = RenderOptions.svgPalette[index % RenderOptions.svgPalette.count]
            let dashes = RenderOptions.svgDashes[index % RenderOptions.svgDashes.count]
            if s.style == .line {
                let dash = dashes.isEmpty ? "" : " stroke-dasharray=\"\(dashes)\""
                svg +=
                    "<line x1=\"\(svgNumber(place.x))\" y1=\"\(svgNumber(place.y - 4))\" x2=\"\(svgNumber(place.x + 26))\" y2=\"\(svgNumber(place.y - 4))\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dash)/>"
            } else {
                svg +=
                    "<circle cx=\"\(svgNumber(place.x + 13))\" cy=\"\(svgNumber(place.y - 4))\" r=\"4\" fill=\"\(color)\"/>"
            }
            svg += "<text x=\"\(svgNumber(place.x + 34))\" y=\"\(svgNumber(place.y))\">\(xmlEscaped(s.name))</text>\n"
        }
        for (index, (s, place)) in zip(series, layout.lineLabels).enumerated() {
            let color = RenderOptions.svgPalette[index % RenderOptions.svgPalette.count]
            let dashes = RenderOptions.svgDashes[index % RenderOptions.svgDashes.count]
            let dash = dashes.isEmpty ? "" : " stroke-dasharray=\"\(dashes)\""
            svg +=
                "<line x1=\"\(svgNumber(place.x))\" y1=\"\(svgNumber(place.y))\" x2=\"\(svgNumber(place.x + 18))\" y2=\"\(svgNumber(place.y))\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dash)/>"
            svg +=
                "<text class=\"line-label\" x=\"\(svgNumber(place.x + 24))\" y=\"\(svgNumber(place.y + 4.5))\">\(xmlEscaped(s.name))</text>\n"
        }
        let skipped = nonFiniteCount
        if skipped > 0 {
            svg +=
                "<text x=\"\(svgNumber(right))\" y=\"\(height - 6)\" text-anchor=\"end\" fill=\"#a00\">\(skipped) values not a number or infinite, not drawn</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}

/// Whether two boxes (x, y, width, height) overlap.
func boxesOverlap(
    _ a: (x: Double, y: Double, width: Double, height: Double),
    _ b: (x: Double, y: Double, width: Double, height: Double)
) -> Bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/// Whether the segment from (x0, y0) to (x1, y1) passes through a box, looked at every pixel
/// along it (and 2 pixels around the box, so a line never grazes a label).
func segmentTouches(
    _ segment: (Double, Double, Double, Double), _ box: (x: Double, y: Double, width: Double, height: Double)
) -> Bool {
    let (x0, y0, x1, y1) = segment
    let steps = max(1, Int((((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot()).rounded(.up)))
    return (0...steps).contains { k in
        let t = Double(k) / Double(steps)
        let (x, y) = (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
        return x >= box.x - 2 && x <= box.x + box.width + 2 && y >= box.y - 2 && y <= box.y + box.height + 2
    }
}
