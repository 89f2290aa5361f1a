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
    /// sits below the x label, outside the plot, so it can never cover data.
    struct SVGLayout {
        var left: Double, right: Double, top: Double, bottom: Double
        /// Top-left corner of each legend entry's colour swatch.
        var legend: [(x: Double, y: Double)]
        /// The top of the background field's key, below the legend, or nil without a field.
        var keyTop: Double? = nil
    }

    /// Legend entries flow left to right and wrap; the plot shrinks to leave room for them.
    func svgLayout(width: Int, height: Int) -> SVGLayout {
        let left = 70.0
        let right = Double(width) - 24
        let top = 50.0
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
        let keyHeight = background == nil ? 0 : Field.svgKeyHeight
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
    /// point series, and a legend below the plot when there are several series. The ranges and
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
        let skipped = nonFiniteCount
        if skipped > 0 {
            svg +=
                "<text x=\"\(svgNumber(right))\" y=\"\(height - 6)\" text-anchor=\"end\" fill=\"#a00\">\(skipped) values not a number or infinite, not drawn</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
