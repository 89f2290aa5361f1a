extension Field {
    /// The symbol naming level number `k` (1-based) in the terminal: 1 … 9, then a … z.
    static func levelSymbol(_ k: Int) -> Character {
        if k >= 1 && k <= 9 { return Character(String(k)) }
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return k >= 10 && k - 10 < letters.count ? letters[k - 10] : "?"
    }

    /// The contour dot between the numbers on a level line.
    static func contourDot(ascii: Bool) -> Character { ascii ? "." : "·" }

    /// The level lines of the field in character cells, for cells `columns` × `rows` whose
    /// centres are at the data coordinates `centre(column, row)`.
    ///
    /// A cell is on the line of level k when its own band is k and a neighbour (left, right,
    /// above, below) lies in a lower band, so every line is one cell thick and sits on the high
    /// side of its level. Most of a line is dots; the level's symbol (1, 2, 3 …) is written on it
    /// at the first cell in reading order and then wherever the nearest symbol of the same level
    /// is at least `spacing` columns away (a row counts as two columns, cells being twice as
    /// tall as wide), so the lines can be read without colour.
    func contourCells(
        columns: Int, rows: Int, ascii: Bool, spacing: Int = 18,
        centre: (Int, Int) -> (x: Double, y: Double)
    ) -> [[Character?]] {
        var bands = [[Int?]](repeating: [Int?](repeating: nil, count: columns), count: rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let (x, y) = centre(column, row)
                bands[row][column] = value(x: x, y: y).flatMap { band(of: $0) }
            }
        }
        var cells = [[Character?]](repeating: [Character?](repeating: nil, count: columns), count: rows)
        var labelled: [Int: [(Int, Int)]] = [:]
        for row in 0..<rows {
            for column in 0..<columns {
                guard let band = bands[row][column], band > 0 else { continue }
                let neighbours = [(column - 1, row), (column + 1, row), (column, row - 1), (column, row + 1)]
                let onLine = neighbours.contains { c, r in
                    guard c >= 0, r >= 0, c < columns, r < rows, let other = bands[r][c] else { return false }
                    return other < band
                }
                guard onLine else { continue }
                let far = (labelled[band] ?? []).allSatisfy { max(abs($0.0 - column), 2 * abs($0.1 - row)) >= spacing }
                if far {
                    cells[row][column] = Self.levelSymbol(band)
                    labelled[band, default: []].append((column, row))
                } else {
                    cells[row][column] = Self.contourDot(ascii: ascii)
                }
            }
        }
        return cells
    }

    /// The note under a chart with this field behind it, what the numbered lines are, in lines
    /// of at most `width` characters; "3 = 1" and the like are never broken.
    func textLegend(_ options: RenderOptions, width: Int) -> [String] {
        let dot = Self.contourDot(ascii: options.ascii)
        var atoms = "behind the lines: \(name) levels, drawn as dotted lines (\(dot)\(dot)\(dot)) numbered".split(
            separator: " "
        ).map(String.init)
        atoms += levels.indices.map { (i: Int) -> String in
            let separator = i == levels.count - 1 ? ";" : ","
            return "\(Self.levelSymbol(i + 1)) = \(Self.levelText(levels[i]))" + separator
        }
        atoms += "inside line 1 lies the lowest \(name)".split(separator: " ").map(String.init)
        if levels.isEmpty { atoms = "behind the lines: \(name), all one level".split(separator: " ").map(String.init) }
        return wrapAtoms(atoms, width: width)
    }
}

extension Chart {
    /// Draws the background field's level lines into the canvas cells the series leave empty.
    func drawBackground(into canvas: inout Canvas, axes: Axes, options: RenderOptions) {
        guard let background else { return }
        let cellWidth = options.ascii ? 1 : 2
        let cellHeight = options.ascii ? 1 : 4
        let (xLow, xHigh, yLow, yHigh) = (axes.x.lowerBound, axes.x.upperBound, axes.y.lowerBound, axes.y.upperBound)
        let dotWidth = Double(canvas.dotWidth - 1)
        let dotHeight = Double(canvas.dotHeight - 1)
        let cells = background.contourCells(columns: canvas.columns, rows: canvas.rows, ascii: options.ascii) {
            column, row in
            let dx = Double(column * cellWidth) + Double(cellWidth - 1) / 2
            let dy = Double(row * cellHeight) + Double(cellHeight - 1) / 2
            return (xLow + dx / dotWidth * (xHigh - xLow), yHigh - dy / dotHeight * (yHigh - yLow))
        }
        for (row, line) in cells.enumerated() {
            for (column, character) in line.enumerated() where character != nil {
                canvas.setBackground(column: column, row: row, character)
            }
        }
    }
}

extension RenderOptions {
    /// `text` in a quiet grey, when colour is on: for what lies behind the data.
    func faint(_ text: String) -> String {
        color ? "\u{1B}[38;5;244m\(text)\u{1B}[0m" : text
    }
}
