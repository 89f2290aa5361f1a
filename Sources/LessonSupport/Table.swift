import Foundation
import Plotting

/// A table printed with aligned columns and a rule under the header.
///
/// A table wider than the lesson's width (`--width`, or the terminal's) is reflowed so nothing is
/// cut and nothing wraps inside a cell: long header cells are set on two lines, then the gaps and
/// the indent narrow; a table that still does not fit is printed as one block per row, a
/// `name  value` line per cell.
public struct Table {
    let headers: [String]
    private(set) var rows: [[String]] = []

    /// Whether tables are written in plain ASCII, rules with "-" instead of "─" (set by the
    /// lesson for `--ascii` and `TERM=dumb`; one setting for the whole program, like the terminal).
    nonisolated(unsafe) public static var plainASCII = false

    /// The width tables are laid out for (set by the lesson from `--width` or the terminal; one
    /// setting for the whole program). Unlimited until a lesson sets it.
    nonisolated(unsafe) public static var width = Int.max

    /// A table with these column headers. Columns whose cells are all numbers (percentages, or "—", "." or empty)
    /// are right-aligned, the others left-aligned.
    public init(_ headers: [String]) {
        self.headers = headers
    }

    /// Adds a row; it must have one cell per column.
    public mutating func add(_ cells: [String]) {
        precondition(
            cells.count == headers.count, "A row of this table needs \(headers.count) cells, got \(cells.count)")
        rows.append(cells)
    }

    /// Rows that size the columns without being printed (see `reserveSpace(for:)`).
    private var sizingRows: [[String]] = []

    /// Sizes the columns as if this row were in the table, without printing it: for a table
    /// printed row by row as it grows (`rendered()` once for the header, then its last line after
    /// each `add`), give the widest cells to come, so the header and every later row share one
    /// layout.
    public mutating func reserveSpace(for cells: [String]) {
        precondition(
            cells.count == headers.count, "A row of this table needs \(headers.count) cells, got \(cells.count)")
        sizingRows.append(cells)
    }

    /// Columns whose empty cells mean "the same as in the row above" (see `blanksRepeatAbove`).
    private var repeatingColumns: Set<Int> = []

    /// Says that in the columns with these headers an empty cell stands for the value above it: the
    /// table leaves a repeated value blank so the eye groups the rows under it. Printed as columns
    /// the blank stays; printed as records (a table too wide for the width) each block has no row
    /// above it to read the value from, so the blank is filled with the nearest non-empty cell
    /// above it in its column (a blank with none above is left out, like any empty cell).
    public mutating func blanksRepeatAbove(_ columns: [String]) {
        for header in columns {
            guard let column = headers.firstIndex(of: header) else {
                preconditionFailure("This table has no column \"\(header)\"")
            }
            repeatingColumns.insert(column)
        }
    }

    /// The rows with every blank of a repeating column filled from the nearest non-empty cell
    /// above it (see `blanksRepeatAbove`).
    func rowsWithBlanksFilled(_ rows: [[String]]) -> [[String]] {
        var last: [Int: String] = [:]
        return rows.map { row in
            var filled = row
            for column in repeatingColumns {
                if row[column].isEmpty, let above = last[column] {
                    filled[column] = above
                } else if !row[column].isEmpty {
                    last[column] = row[column]
                }
            }
            return filled
        }
    }

    /// How many rows the table holds.
    public var rowCount: Int { rows.count }

    /// The table as text, fitted to `width` columns (see the type's note). With more than `maxRows`
    /// rows, only the first and last rows are shown (half of `maxRows` each) with a line between
    /// them saying how many were left out.
    public func rendered(indent: Int = 2, maxRows: Int = .max, width: Int = Table.width) -> String {
        // Spelled in ASCII before the layout, so the columns line up with what is printed.
        let headers = Table.plainASCII ? self.headers.map(asciiOnly) : self.headers
        let rows = Table.plainASCII ? self.rows.map { $0.map(asciiOnly) } : self.rows
        let ruleCharacter: Character = Table.plainASCII ? "-" : "─"

        // The rows shown, and where the line saying how many were left out goes.
        var shownIndices = Array(rows.indices)
        var gap: (at: Int, text: String)? = nil
        if rows.count > max(maxRows, 2) {
            let head = max(maxRows, 2) / 2
            let tail = max(maxRows, 2) - head
            let omitted = rows.count - head - tail
            let text = "… \(omitted) more row\(omitted == 1 ? "" : "s") not shown …"
            shownIndices = Array(rows.indices.prefix(head) + rows.indices.suffix(tail))
            gap = (head, Table.plainASCII ? asciiOnly(text) : text)
        }
        let shown = shownIndices.map { rows[$0] }

        var lines: [String]
        let sizing = Table.plainASCII ? sizingRows.map { $0.map(asciiOnly) } : sizingRows
        if let layout = ColumnLayout.fitting(headers: headers, rows: rows + sizing, indent: indent, width: width) {
            lines = layout.headerLines.map(layout.line)
            lines.append(
                String(repeating: " ", count: layout.indent)
                    + String(repeating: ruleCharacter, count: layout.tableWidth))
            let body = shown.map(layout.line)
            lines += body
            if let gap {
                let text = String(repeating: " ", count: layout.indent) + gap.text
                lines.insert(text, at: layout.headerLines.count + 1 + gap.at)
            }
        } else {
            // A record has no row above it: a blank that means "same as above" shows that value.
            let filled = rowsWithBlanksFilled(rows)
            lines = recordLines(
                headers: headers, rows: shownIndices.map { filled[$0] }, gap: gap, indent: indent, width: width,
                rule: ruleCharacter)
        }
        return lines.joined(separator: "\n")
    }

    /// Prints the table; with more than `maxRows` rows, only the first and last ones and a line
    /// saying how many were left out.
    public func print(maxRows: Int = .max) {
        Swift.print(rendered(maxRows: maxRows))
    }
}

// MARK: - Columns

/// Where each column goes: its width, its alignment, its header on one or two lines, the gap
/// between columns and the indent.
struct ColumnLayout {
    var widths: [Int]
    var numeric: [Bool]
    var headerLines: [[String]]
    var gap: Int
    var indent: Int

    /// Characters from the first column's start to the last one's end.
    var tableWidth: Int { widths.reduce(0, +) + gap * max(widths.count - 1, 0) }

    /// One line of cells, aligned, without trailing spaces.
    func line(_ cells: [String]) -> String {
        let text = cells.enumerated().map { column, cell in
            numeric[column] ? padLeft(cell, widths[column]) : padRight(cell, widths[column])
        }.joined(separator: String(repeating: " ", count: gap))
        var trimmed = String(repeating: " ", count: indent) + text
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed
    }

    /// The first layout that fits `width`, trying in turn: every header on one line with
    /// two-space gaps; long headers on two or three lines (the biggest saving first); then
    /// one-space gaps, then no indent. Nil when even the narrowest is too wide.
    static func fitting(headers: [String], rows: [[String]], indent: Int, width: Int) -> ColumnLayout? {
        let cellWidths = headers.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        // A column of numbers is right-aligned, so the decimal points line up; text is left-aligned.
        let numeric = headers.indices.map { column in
            !rows.isEmpty
                && rows.allSatisfy { cell in
                    let text = cell[column].replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
                    return ["—", "", "."].contains(text) || Double(text) != nil
                }
        }
        // Each header set on 1, 2 and 3 lines, as narrow as its breaks allow.
        let settings = headers.map { header in (1...3).map { splitHeader(header, lines: $0) } }
        for (gap, indent) in [(2, indent), (1, indent), (1, 0)] {
            var lineCounts = [Int](repeating: 1, count: headers.count)
            func columnWidth(_ column: Int, _ lines: Int) -> Int {
                max(cellWidths[column], settings[column][lines - 1].map(\.count).max() ?? 0)
            }
            var layout = ColumnLayout(
                widths: headers.indices.map { columnWidth($0, 1) }, numeric: numeric, headerLines: [headers], gap: gap,
                indent: indent)
            // One more header line where it saves the most, until the table fits or nothing saves.
            while layout.indent + layout.tableWidth > width {
                let choices = headers.indices.filter { lineCounts[$0] < 3 }.map { column in
                    (column: column, saving: layout.widths[column] - columnWidth(column, lineCounts[column] + 1))
                }
                guard let best = choices.max(by: { $0.saving < $1.saving }), best.saving > 0 else { break }
                lineCounts[best.column] += 1
                layout.widths[best.column] -= best.saving
            }
            guard layout.indent + layout.tableWidth <= width else { continue }
            let depth = lineCounts.max() ?? 1
            if depth > 1 {
                // Header lines at the bottom, next to the rule: a shorter header starts lower.
                layout.headerLines = (0..<depth).map { line in
                    headers.indices.map { column in
                        let lines = settings[column][lineCounts[column] - 1]
                        let offset = line - (depth - lines.count)
                        return offset >= 0 ? lines[offset] : ""
                    }
                }
            }
            return layout
        }
        return nil
    }
}

/// Words that stand for an operation: a header is never split next to one.
private let operatorWords: Set<String> = [
    "=", "+", "−", "-", "×", "·", "*", "/", "÷", "←", "→", "≤", "≥", "<", ">", "≈", "≠", "±"
]

/// A header cell on at most `lines` lines, broken at the spaces that make its longest line
/// shortest, never inside brackets nor next to an operator: "training loss mean" on 3 lines is
/// ["training", "loss", "mean"]. Fewer lines when it has fewer such spaces.
func splitHeader(_ header: String, lines: Int) -> [String] {
    let words = header.split(separator: " ").map(String.init)
    guard lines > 1, words.count > 1 else { return [header] }
    // Gaps between words where a break is allowed.
    var depth = 0
    var allowed: [Int] = []
    for k in 0..<(words.count - 1) {
        for character in words[k] {
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth = max(depth - 1, 0) }
        }
        if depth == 0 && !operatorWords.contains(words[k]) && !operatorWords.contains(words[k + 1]) {
            allowed.append(k)
        }
    }
    var best = [header]
    func search(from: Int, breaks: [Int]) {
        let bounds = [-1] + breaks + [words.count - 1]
        let candidate = zip(bounds, bounds.dropFirst()).map { words[($0 + 1)...$1].joined(separator: " ") }
        if candidate.map(\.count).max()! < best.map(\.count).max()! { best = candidate }
        guard breaks.count < lines - 1 else { return }
        for next in from..<allowed.count { search(from: next + 1, breaks: breaks + [allowed[next]]) }
    }
    search(from: 0, breaks: [])
    return best
}

// MARK: - Records

/// The table as one block per row, one `name  value` line per cell (a cell under an empty
/// header joins the cell before it; an empty cell is left out: a blank meaning "same as above" is
/// filled before, see `Table.blanksRepeatAbove`), names in a column on the left,
/// blocks between rules. A value too long for its line is broken at spaces under itself;
/// a name longer than half the width is broken at spaces too.
private func recordLines(
    headers: [String], rows: [[String]], gap: (at: Int, text: String)?, indent: Int, width: Int, rule: Character
) -> [String] {
    let margin = String(repeating: " ", count: indent)
    let available = max(width - indent, 1)
    // A cell under an empty header goes on the line of the cell before it (the "a" of "step 1 a").
    var fields: [(name: String, columns: [Int])] = []
    for (column, header) in headers.enumerated() {
        if header.trimmingCharacters(in: .whitespaces).isEmpty, !fields.isEmpty {
            fields[fields.count - 1].columns.append(column)
        } else {
            fields.append((header, [column]))
        }
    }
    let nameWidth = min(fields.map(\.name.count).max() ?? 0, max(available * 3 / 5, 1))
    let valueWidth = max(available - nameWidth - 2, 1)
    var blocks: [[String]] = []
    for row in rows {
        var block: [String] = []
        // An empty cell (the table leaves a repeated value blank) gets no line of its own.
        for (header, columns) in fields where columns.contains(where: { !row[$0].isEmpty }) {
            let names = breakAtSpaces(header, width: nameWidth)
            var values = breakAtSpaces(row[columns[0]], width: valueWidth)
            for cell in columns.dropFirst().map({ row[$0] }) where !cell.isEmpty {
                if values[values.count - 1].count + 2 + cell.count <= valueWidth {
                    values[values.count - 1] += (values[values.count - 1].isEmpty ? "" : "  ") + cell
                } else {
                    values += breakAtSpaces(cell, width: valueWidth)
                }
            }
            for k in 0..<max(names.count, values.count) {
                let name = k < names.count ? names[k] : ""
                let value = k < values.count ? values[k] : ""
                var line = margin + padRight(name, nameWidth) + "  " + value
                while line.last == " " { line.removeLast() }
                block.append(line)
            }
        }
        blocks.append(block)
    }
    let longest = blocks.joined().map(\.count).max() ?? indent
    let ruleLine = margin + String(repeating: rule, count: max(min(longest, width) - indent, 1))
    var lines: [String] = []
    for (k, block) in blocks.enumerated() {
        if let gap, k == gap.at { lines += [ruleLine, margin + gap.text] }
        lines.append(ruleLine)
        lines += block
    }
    lines.append(ruleLine)
    return lines
}

/// `text` broken at spaces into lines of at most `width` characters; a word longer than the width
/// stays whole on its own line.
private func breakAtSpaces(_ text: String, width: Int) -> [String] {
    guard text.count > width else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if current.isEmpty {
            current = String(word)
        } else if current.count + 1 + word.count <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.isEmpty ? [""] : lines
}
