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
        let axes = axes()
        let (xTicks, yTicks) = (axes.xTicks, axes.yTicks)
        let xLow = axes.x.lowerBound
        let xHigh = axes.x.upperBound
        let yLow = axes.y.lowerBound
        let yHigh = axes.y.upperBound
        let yDecimals = tickDecimals(step: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1)
        let xDecimals = tickDecimals(step: xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1)
        let yLabels = yTicks.map { formatFixed($0, decimals: yDecimals) }
        let labelWidth = yLabels.map(\.count).max() ?? 1
        let plotColumns = max(5, options.width - labelWidth - 2)
        let plotRows = max(3, options.height)
        var canvas = Canvas(columns: plotColumns, rows: plotRows, ascii: options.ascii)

        // Data coordinates to dots: x grows to the right, y grows upwards.
        func dot(_ p: Point) -> (Int, Int) {
            let fx = (p.x - xLow) / (xHigh - xLow)
            let fy = (p.y - yLow) / (yHigh - yLow)
            let clampedX = min(max(fx, -1), 2)
            let clampedY = min(max(fy, -1), 2)  // keep far points from overflowing Int
            return (
                Int((clampedX * Double(canvas.dotWidth - 1)).rounded()),
                Int(((1 - clampedY) * Double(canvas.dotHeight - 1)).rounded())
            )
        }
        let marks = options.ascii ? Self.asciiMarks : Self.unicodeMarks
        for (index, s) in series.enumerated() where s.style == .line {
            // A non-finite value breaks the line: segments join only neighbouring finite points.
            var previous: (Int, Int)?
            for p in s.points {
                guard p.x.isFinite && p.y.isFinite else {
                    previous = nil
                    continue
                }
                let d = dot(p)
                if let previous {
                    canvas.drawLine(from: previous, to: d, series: index)
                } else {
                    canvas.setDot(x: d.0, y: d.1, series: index)
                }
                previous = d
            }
        }
        // When several lines share the chart, every line after the first carries its legend mark
        // every few columns, so the lines can be told apart without colour as well as with it.
        for (index, s) in series.enumerated() where s.style == .line && marksLine(index, options) {
            let cellWidth = options.ascii ? 1 : 2
            var lastMarkColumn = -1_000
            for p in s.finitePoints {
                let d = dot(p)
                let column = d.0 / cellWidth + index  // staggered, so two lines' marks do not coincide
                guard column - lastMarkColumn >= 9, d.1 >= 0, d.1 < canvas.dotHeight else { continue }
                canvas.setMark(x: d.0, y: d.1, mark: marks[index % marks.count], series: index, layer: .lineMark)
                lastMarkColumn = column
            }
        }
        // Points last: they are the data, so no line hides them.
        for (index, s) in series.enumerated() where s.style == .points {
            for p in s.finitePoints {
                let d = dot(p)
                canvas.setPoint(x: d.0, y: d.1, mark: marks[index % marks.count], series: index)
            }
        }

        drawBackground(into: &canvas, axes: axes, options: options)

        // Which row each y tick sits on, and which column each x tick sits on.
        var rowLabel = [Int: String]()
        for (tick, label) in zip(yTicks, yLabels) {
            let row = Int(((yHigh - tick) / (yHigh - yLow) * Double(plotRows - 1)).rounded())
            if rowLabel[row] == nil { rowLabel[row] = label }  // on a short chart, two ticks may share a row
        }
        let xTickColumns = xTicks.map { Int(((($0 - xLow) / (xHigh - xLow)) * Double(plotColumns - 1)).rounded()) }

        let vertical = options.ascii ? "|" : "│"
        let tickMark = options.ascii ? "+" : "┤"
        var lines: [String] = []
        for titleLine in wrapWords(title, width: options.width).split(separator: "\n") {
            lines.append(options.bold(padLeft("", max(0, (options.width - titleLine.count) / 2)) + titleLine))
        }
        lines.append(padLeft(yLabel, labelWidth + 1))
        for row in 0..<plotRows {
            let label = rowLabel[row].map { padLeft($0, labelWidth) } ?? String(repeating: " ", count: labelWidth)
            let axis = rowLabel[row] == nil ? vertical : tickMark
            lines.append(
                label + " " + axis + canvas.line(row, options: options, lineCharacters: Self.asciiLineCharacters))
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

        let indent = String(repeating: " ", count: labelWidth + 2)
        if series.count > 1 {
            // The legend, wrapped to the width: each entry is its symbol and its name.
            var row = indent
            var rowLength = indent.count
            for (index, s) in series.enumerated() {
                let symbol: String
                switch s.style {
                case .line where options.ascii:
                    symbol = String(Self.asciiLineCharacters[index % Self.asciiLineCharacters.count])
                case .line: symbol = marksLine(index, options) ? "━" + String(marks[index % marks.count]) + "━" : "━━━"
                case .points: symbol = options.ascii ? String(marks[index % marks.count]) : "⠶"
                }
                let length = symbol.count + 1 + s.name.count
                if rowLength > indent.count && rowLength + 3 + length > options.width {
                    lines.append(row)
                    row = indent
                    rowLength = indent.count
                }
                if rowLength > indent.count {
                    row += "   "
                    rowLength += 3
                } else if indent.count + length > options.width {
                    // An entry too long to sit under the plot starts further left, as far as it needs.
                    row = String(repeating: " ", count: max(options.width - length, 0))
                    rowLength = indent.count
                }
                row += options.colored(symbol, series: index) + " " + s.name
                rowLength += length
            }
            lines.append(row)
        }
        if let background {
            for line in background.textLegend(options, width: options.width - indent.count) {
                lines.append(indent + line)
            }
        }
        if series.allSatisfy({ $0.finitePoints.isEmpty }) {
            lines.append(indent + "(no data to draw)")
        }
        let skipped = nonFiniteCount
        if skipped > 0 {
            lines.append(
                indent
                    + "note: \(skipped) value\(skipped == 1 ? " was" : "s were") not a number or infinite and \(skipped == 1 ? "is" : "are") not drawn"
            )
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}

extension Chart {
    /// Whether line series `index` is drawn with marks: only in Unicode (ASCII lines already
    /// differ by character), only when the chart has more than one line, and never for the
    /// first line. Colour or not, so a reader who cannot tell the colours apart still can.
    func marksLine(_ index: Int, _ options: RenderOptions) -> Bool {
        let lines = series.indices.filter { series[$0].style == .line }
        return !options.ascii && lines.count > 1 && lines.first != index
    }
}

/// `text` broken at spaces into lines of at most `width` characters (a longer word stays whole).
func wrapWords(_ text: String, width: Int) -> String {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if !current.isEmpty && current.count + 1 + word.count > width {
            lines.append(current)
            current = ""
        }
        current += (current.isEmpty ? "" : " ") + word
    }
    lines.append(current)
    return lines.joined(separator: "\n")
}

/// Pieces of text joined by spaces into lines of at most `width` characters, never breaking a
/// piece (so "3 = 1" stays on one line); a piece longer than the width gets a line of its own.
func wrapAtoms(_ atoms: [String], width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for atom in atoms {
        if !current.isEmpty && current.count + 1 + atom.count > width {
            lines.append(current)
            current = ""
        }
        current += (current.isEmpty ? "" : " ") + atom
    }
    return lines + [current]
}

extension String {
    /// The string without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
