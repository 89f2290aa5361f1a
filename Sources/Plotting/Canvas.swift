/// A grid of character cells to draw dots into. In Unicode mode each cell is a braille
/// character holding 2 × 4 dots, so a 60 × 16 cell area has 120 × 64 dots; in ASCII mode each
/// cell is one dot. Each cell remembers the last series that drew in it, for its colour, and a
/// series drawn as marks puts its mark character in the cell instead.
struct Canvas {
    let columns: Int
    let rows: Int
    let ascii: Bool
    private var bits: [UInt8]
    private var owner: [Int]
    private var marks: [Character?]

    init(columns: Int, rows: Int, ascii: Bool) {
        self.columns = columns
        self.rows = rows
        self.ascii = ascii
        bits = Array(repeating: 0, count: columns * rows)
        owner = Array(repeating: -1, count: columns * rows)
        marks = Array(repeating: nil, count: columns * rows)
    }

    /// Dots across and down.
    var dotWidth: Int { ascii ? columns : columns * 2 }
    var dotHeight: Int { ascii ? rows : rows * 4 }

    /// Bits of the braille dots, by (column within cell, row within cell).
    private static let brailleBit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at (x, y), y counted from the top. Dots outside the grid are ignored.
    mutating func setDot(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let (cx, cy) = ascii ? (x, y) : (x / 2, y / 4)
        let cell = cy * columns + cx
        bits[cell] |= ascii ? 1 : Self.brailleBit[x % 2][y % 4]
        owner[cell] = series
    }

    /// Puts `mark` in the cell holding dot (x, y).
    mutating func setMark(x: Int, y: Int, mark: Character, series: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let (cx, cy) = ascii ? (x, y) : (x / 2, y / 4)
        marks[cy * columns + cx] = mark
        owner[cy * columns + cx] = series
    }

    /// A straight segment of dots from (x0, y0) to (x1, y1) (Bresenham's algorithm).
    mutating func drawLine(from start: (Int, Int), to end: (Int, Int), series: Int) {
        var (x0, y0) = start
        let (x1, y1) = end
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var guardCount = 0
        while guardCount < 100_000 {
            setDot(x: x0, y: y0, series: series)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
            guardCount += 1
        }
    }

    /// The characters of row `row`, with colours when `options.color` is on.
    func line(_ row: Int, options: RenderOptions, lineCharacters: [Character]) -> String {
        var text = ""
        for column in 0..<columns {
            let cell = row * columns + column
            let character: Character
            if let mark = marks[cell] {
                character = mark
            } else if bits[cell] == 0 {
                character = " "
            } else if ascii {
                character = lineCharacters[max(owner[cell], 0) % lineCharacters.count]
            } else {
                character = Character(Unicode.Scalar(0x2800 + UInt32(bits[cell]))!)
            }
            text += character == " " || owner[cell] < 0 ? String(character) : options.colored(String(character), series: owner[cell])
        }
        return text
    }
}
