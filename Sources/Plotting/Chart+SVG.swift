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

extension Chart {
    /// The chart as a standalone SVG document (no external fonts or scripts): a frame, grid
    /// lines at the ticks, tick labels, axis labels, title, one `<polyline>` per line series
    /// (broken into several where values are not finite), one `<circle>` per drawn point of a
    /// point series, and a legend when there are several series.
    public func svg(width: Int = 720, height: Int = 440) -> String {
        let (xTicks, yTicks) = axes(tickCount: 6)
        let xLow = xTicks.first!, xHigh = xTicks.last!, yLow = yTicks.first!, yHigh = yTicks.last!
        let left = 70.0, right = Double(width) - 20, top = 50.0, bottom = Double(height) - 60
        func px(_ x: Double) -> Double { left + (x - xLow) / (xHigh - xLow) * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - yLow) / (yHigh - yLow) * (bottom - top) }
        let xDecimals = tickDecimals(step: xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1)
        let yDecimals = tickDecimals(step: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1)

        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="13">
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="white"/>
        <text x="\(width / 2)" y="28" text-anchor="middle" font-size="17" font-weight="bold">\(xmlEscaped(title))</text>

        """
        for t in xTicks {
            svg += "<line x1=\"\(svgNumber(px(t)))\" y1=\"\(svgNumber(top))\" x2=\"\(svgNumber(px(t)))\" y2=\"\(svgNumber(bottom))\" stroke=\"#e5e5e5\"/>\n"
            svg += "<text x=\"\(svgNumber(px(t)))\" y=\"\(svgNumber(bottom + 18))\" text-anchor=\"middle\">\(formatFixed(t, decimals: xDecimals))</text>\n"
        }
        for t in yTicks {
            svg += "<line x1=\"\(svgNumber(left))\" y1=\"\(svgNumber(py(t)))\" x2=\"\(svgNumber(right))\" y2=\"\(svgNumber(py(t)))\" stroke=\"#e5e5e5\"/>\n"
            svg += "<text x=\"\(svgNumber(left - 8))\" y=\"\(svgNumber(py(t) + 4))\" text-anchor=\"end\">\(formatFixed(t, decimals: yDecimals))</text>\n"
        }
        svg += "<rect x=\"\(svgNumber(left))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(right - left))\" height=\"\(svgNumber(bottom - top))\" fill=\"none\" stroke=\"#333\"/>\n"
        svg += "<text x=\"\(svgNumber((left + right) / 2))\" y=\"\(height - 22)\" text-anchor=\"middle\">\(xmlEscaped(xLabel))</text>\n"
        svg += "<text x=\"18\" y=\"\(svgNumber((top + bottom) / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(svgNumber((top + bottom) / 2)))\">\(xmlEscaped(yLabel))</text>\n"

        for (index, s) in series.enumerated() {
            let color = RenderOptions.svgPalette[index % RenderOptions.svgPalette.count]
            switch s.style {
            case .line:
                var runs: [[Point]] = [[]]
                for p in s.points {
                    if p.x.isFinite && p.y.isFinite { runs[runs.count - 1].append(p) } else if !runs.last!.isEmpty { runs.append([]) }
                }
                for run in runs where !run.isEmpty {
                    let coordinates = run.map { "\(svgNumber(px($0.x))),\(svgNumber(py($0.y)))" }.joined(separator: " ")
                    svg += "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
                }
            case .points:
                for p in s.finitePoints {
                    svg += "<circle cx=\"\(svgNumber(px(p.x)))\" cy=\"\(svgNumber(py(p.y)))\" r=\"3.5\" fill=\"\(color)\"/>\n"
                }
            }
        }
        if series.count > 1 {
            for (index, s) in series.enumerated() {
                let color = RenderOptions.svgPalette[index % RenderOptions.svgPalette.count]
                let y = top + 16 + Double(index) * 18
                svg += "<rect x=\"\(svgNumber(left + 12))\" y=\"\(svgNumber(y - 9))\" width=\"14\" height=\"10\" fill=\"\(color)\"/>"
                svg += "<text x=\"\(svgNumber(left + 32))\" y=\"\(svgNumber(y))\">\(xmlEscaped(s.name))</text>\n"
            }
        }
        let skipped = nonFiniteCount
        if skipped > 0 {
            svg += "<text x=\"\(svgNumber(right))\" y=\"\(height - 6)\" text-anchor=\"end\" fill=\"#a00\">\(skipped) nan or infinite values not drawn</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
