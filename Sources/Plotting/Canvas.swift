/// A grid of character cells to draw dots into. In Unicode mode each cell is a braille
/// character holding 2 × 4 dots, so a 60 × 16 cell area has 120 × 64 dots; in ASCII mode each
/// cell is one dot.
///
/// A cell belongs to one series, so it is drawn in that series' colour with that series' dots
/// only: a later series never repaints an earlier one's cell, except that a more important
/// layer wins (points over line marks over plain lines). Where two lines cross, the second shows
/// a gap of one cell rather than a cell in the wrong colour.
struct Canvas {
    /// What is drawn into a cell, from least to most important.
    enum Layer: Int, Comparable {
        case line = 1
        case lineMark, point
        static func < (a: Layer, b: Layer) -> Bool { a.rawValue < b.rawValue }
    }

    let columns: Int
    let rows: Int
    let ascii: Bool
    private var bits: [UInt8]
    private var owner: [Int]
    private var layer: [Layer?]
    private var marks: [Character?]
    /// What shows in a cell no series uses: a background field's contour mark, or nil.
    private var background: [Character?]

    init(columns: Int, rows: Int, ascii: Bool) {
        self.columns = columns
        self.rows = rows
        self.ascii = ascii
        bits = Array(repeating: 0, count: columns * rows)
        owner = Array(repeating: -1, count: columns * rows)
        layer = Array(repeating: nil, count: columns * rows)
        marks = Array(repeating: nil, count: columns * rows)
        background = Array(repeating: nil, count: columns * rows)
    }

    /// Puts a background character in cell (column, row); it shows only while no series draws there.
    mutating func setBackground(column: Int, row: Int, _ character: Character?) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        background[row * columns + column] = character
    }

    /// Dots across and down.
    var dotWidth: Int { ascii ? columns : columns * 2 }
    var dotHeight: Int { ascii ? rows : rows * 4 }

    /// Bits of the braille dots, by (column within cell, row within cell).
    private static let brailleBit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// The cell of dot (x, y), or nil outside the grid.
    private func cell(x: Int, y: Int) -> Int? {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return nil }
        let (cx, cy) = ascii ? (x, y) : (x / 2, y / 4)
        return cy * columns + cx
    }

    /// Takes the cell for `series` on `newLayer` if it is free, already the series' own, or held
    /// by a less important layer (which is then cleared). Returns whether the series may draw.
    private mutating func claim(_ cell: Int, series: Int, _ newLayer: Layer) -> Bool {
        if let current = layer[cell] {
            if owner[cell] == series && current >= newLayer { return true }
            if current >= newLayer { return false }
            bits[cell] = 0
            marks[cell] = nil
        }
        owner[cell] = series
        layer[cell] = newLayer
        return true
    }

    /// Sets the dot at (x, y), y counted from the top. Dots outside the grid are ignored.
    mutating func setDot(x: Int, y: Int, series: Int, layer newLayer: Layer = .line) {
        guard let cell = cell(x: x, y: y), claim(cell, series: series, newLayer) else { return }
        bits[cell] |= ascii ? 1 : Self.brailleBit[x % 2][y % 4]
    }

    /// Puts `mark` in the cell holding dot (x, y).
    mutating func setMark(x: Int, y: Int, mark: Character, series: Int, layer newLayer: Layer) {
        guard let cell = cell(x: x, y: y), claim(cell, series: series, newLayer) else { return }
        marks[cell] = mark
    }

    /// A point at braille resolution: the 2 × 2 dots whose top-left is (x, y) (one cell in ASCII
    /// mode, where it is drawn as `mark`).
    mutating func setPoint(x: Int, y: Int, mark: Character, series: Int) {
        if ascii {
            setMark(x: x, y: y, mark: mark, series: series, layer: .point)
            return
        }
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            setDot(x: x + dx, y: y + dy, series: series, layer: .point)
        }
    }

    /// A straight segment of dots from (x0, y0) to (x1, y1) (Bresenham's algorithm).
    mutating func drawLine(from start: (Int, Int), to end: (Int, Int), series: Int) {
        var (x0, y0) = start
        let (x1, y1) = end
        let dx = abs(x1 - x0)
        let dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1
        let sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var guardCount = 0
        while guardCount < 100_000 {
            setDot(x: x0, y: y0, series: series)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy {
                error += dy
                x0 += sx
            }
            if e2 <= dx {
                error += dx
                y0 += sy
            }
            guardCount += 1
        }
    }

    /// The series that owns the cell at (column, row), or nil for an empty cell.
    func ownerOfCell(column: Int, row: Int) -> Int? {
        let cell = row * columns + column
        return layer[cell] == nil ? nil : owner[cell]
    }

    /// The characters of row `row`, with colours when `options.color` is on.
    func line(_ row: Int, options: RenderOptions, lineCharacters: [Character]) -> String {
        var text = ""
        for column in 0..<columns {
            let cell = row * columns + column
            let character: Character
            if let mark = marks[cell] {
                character = mark
            } else if bits[cell] == 0, let behind = background[cell] {
                text += options.faint(String(behind))
                continue
            } else if bits[cell] == 0 {
                character = " "
            } else if ascii {
                character = lineCharacters[max(owner[cell], 0) % lineCharacters.count]
            } else {
                character = Character(Unicode.Scalar(0x2800 + UInt32(bits[cell]))!)
            }
            text +=
                character == " " || owner[cell] < 0
                ? String(character) : options.colored(String(character), series: owner[cell])
        }
        return text
    }
}
