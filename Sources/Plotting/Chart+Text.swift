extension Chart {
    /// The characters that draw line series in ASCII mode, one per series.
    static let asciiLineCharacters: [Character] = ["*", "+", "#", "%", "=", "@"]
    /// The marks of point series: Unicode, then ASCII.
    static let unicodeMarks: [Character] = ["•", "◦", "×", "▪", "+", "◆"]
    static let asciiMarks: [Character] = ["o", "x", "+", "#", "@", "%"]

    /// The chart as lines of text: title, y label, the plot with a labelled y axis on the left,
    /// the x axis with its labels, the x label, a legend when there are several series, and a
    /// note when `nan` or infinite values were left out.
    public func renderText(_ options: RenderOptions = RenderOptions()) -> String {
        let (xTicks, yTicks) = axes()
        let xLow = xTicks.first!, xHigh = xTicks.last!
        let yLow = yTicks.first!, yHigh = yTicks.last!
        let yDecimals = tickDecimals(step: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1)
        let xDecimals = tickDecimals(step: xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1)
        let yLabels = yTicks.map { formatFixed($0, decimals: yDecimals) }
        let labelWidth = yLabels.map(\.count).max() ?? 1
        let plotColumns = max(5, options.width - labelWidth - 2)
        let plotRows = max(3, options.height)
        var canvas = Canvas(columns: plotColumns, rows: plotRows, ascii: options.ascii)

        // Data coordinates to dots: x grows to the right, y grows upwards.
        func dot(_ p: Point) -> (Int, Int) {
            let fx = (p.x - xLow) / (xHigh - xLow), fy = (p.y - yLow) / (yHigh - yLow)
            let clampedX = min(max(fx, -1), 2), clampedY = min(max(fy, -1), 2)  // keep far points from overflowing Int
            return (Int((clampedX * Double(canvas.dotWidth - 1)).rounded()),
                    Int(((1 - clampedY) * Double(canvas.dotHeight - 1)).rounded()))
        }
        let marks = options.ascii ? Self.asciiMarks : Self.unicodeMarks
        for (index, s) in series.enumerated() {
            switch s.style {
            case .line:
                // A nan breaks the line: segments join only neighbouring finite points.
                var previous: (Int, Int)?
                for p in s.points {
                    guard p.x.isFinite && p.y.isFinite else { previous = nil; continue }
                    let d = dot(p)
                    if let previous { canvas.drawLine(from: previous, to: d, series: index) } else {
                        canvas.setDot(x: d.0, y: d.1, series: index)
                    }
                    previous = d
                }
                // Without colour, when several lines share the chart, every line after the first
                // carries its legend mark every few columns, so the reader can tell them apart.
                if marksLine(index, options) {
                    let cellWidth = options.ascii ? 1 : 2
                    var lastMarkColumn = -1_000
                    for p in s.finitePoints {
                        let d = dot(p)
                        let column = d.0 / cellWidth
                        guard column - lastMarkColumn >= 9, d.1 >= 0, d.1 < canvas.dotHeight else { continue }
                        canvas.setMark(x: d.0, y: d.1, mark: marks[index % marks.count], series: index)
                        lastMarkColumn = column
                    }
                }
            case .points:
                for p in s.finitePoints {
                    let d = dot(p)
                    canvas.setMark(x: d.0, y: d.1, mark: marks[index % marks.count], series: index)
                }
            }
        }

        // Which row each y tick sits on, and which column each x tick sits on.
        var rowLabel = [Int: String]()
        for (tick, label) in zip(yTicks, yLabels) {
            let row = Int(((yHigh - tick) / (yHigh - yLow) * Double(plotRows - 1)).rounded())
            rowLabel[row] = label
        }
        let xTickColumns = xTicks.map { Int(((($0 - xLow) / (xHigh - xLow)) * Double(plotColumns - 1)).rounded()) }

        let vertical = options.ascii ? "|" : "│", tickMark = options.ascii ? "+" : "┤"
        var lines: [String] = []
        lines.append(options.bold(padLeft("", max(0, (options.width - title.count) / 2)) + title))
        lines.append(padLeft(yLabel, labelWidth + 1))
        for row in 0..<plotRows {
            let label = rowLabel[row].map { padLeft($0, labelWidth) } ?? String(repeating: " ", count: labelWidth)
            let axis = rowLabel[row] == nil ? vertical : tickMark
            lines.append(label + " " + axis + canvas.line(row, options: options, lineCharacters: Self.asciiLineCharacters))
        }
        var axisLine = Array(repeating: Character(options.ascii ? "-" : "─"), count: plotColumns)
        for column in xTickColumns where column >= 0 && column < plotColumns {
            axisLine[column] = options.ascii ? "+" : "┬"
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + (options.ascii ? "+" : "└") + String(axisLine))

        // x tick labels, centred under their ticks, skipping any that would touch the previous one.
        var labelLine = Array(repeating: Character(" "), count: labelWidth + 2 + plotColumns + 8)
        var nextFree = 0
        for (tick, column) in zip(xTicks, xTickColumns) {
            let text = Array(formatFixed(tick, decimals: xDecimals))
            let start = min(max(0, labelWidth + 2 + column - text.count / 2), labelWidth + 2 + plotColumns - text.count)
            guard start >= nextFree, start + text.count <= labelLine.count else { continue }
            for (k, c) in text.enumerated() { labelLine[start + k] = c }
            nextFree = start + text.count + 1
        }
        lines.append(String(labelLine).trimmingTrailingSpaces())
        lines.append(padLeft(xLabel, labelWidth + 2 + (plotColumns + xLabel.count) / 2))

        if series.count > 1 {
            let entries = series.enumerated().map { index, s in
                let symbol: String
                switch s.style {
                case .line where options.ascii: symbol = String(Self.asciiLineCharacters[index % Self.asciiLineCharacters.count])
                case .line: symbol = marksLine(index, options) ? "━" + String(marks[index % marks.count]) + "━" : "━━━"
                case .points: symbol = String(marks[index % marks.count])
                }
                return options.colored(symbol, series: index) + " " + s.name
            }
            lines.append(String(repeating: " ", count: labelWidth + 2) + entries.joined(separator: "   "))
        }
        if series.allSatisfy({ $0.finitePoints.isEmpty }) {
            lines.append(String(repeating: " ", count: labelWidth + 2) + "(no data to draw)")
        }
        let skipped = nonFiniteCount
        if skipped > 0 {
            lines.append(String(repeating: " ", count: labelWidth + 2)
                         + "note: \(skipped) value\(skipped == 1 ? " was" : "s were") nan or infinite and \(skipped == 1 ? "is" : "are") not drawn")
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}

extension Chart {
    /// Whether line series `index` is drawn with marks: only in Unicode without colour (ASCII
    /// lines already differ by character), only when the chart has more than one line, and
    /// never for the first line.
    func marksLine(_ index: Int, _ options: RenderOptions) -> Bool {
        let lines = series.indices.filter { series[$0].style == .line }
        return !options.color && !options.ascii && lines.count > 1 && lines.first != index
    }
}

extension String {
    /// The string without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
