import Foundation
import Plotting

/// A table printed with aligned columns and a rule under the header.
public struct Table {
    private let headers: [String]
    private var rows: [[String]] = []

    /// Whether tables are written in plain ASCII, rules with "-" instead of "─" (set by the
    /// lesson for `--ascii` and `TERM=dumb`; one setting for the whole program, like the terminal).
    nonisolated(unsafe) public static var plainASCII = false

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

    /// How many rows the table holds.
    public var rowCount: Int { rows.count }

    /// The table as text. With more than `maxRows` rows, only the first and last rows are shown
    /// (half of `maxRows` each) with a line between them saying how many were left out.
    public func rendered(indent: Int = 2, maxRows: Int = .max) -> String {
        // Spelled in ASCII before the layout, so the columns line up with what is printed.
        let headers = Table.plainASCII ? self.headers.map(asciiOnly) : self.headers
        let rows = Table.plainASCII ? self.rows.map { $0.map(asciiOnly) } : self.rows
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        // A column of numbers is right-aligned, so the decimal points line up; text is left-aligned.
        let numeric = headers.indices.map { column in
            !rows.isEmpty
                && rows.allSatisfy { cell in
                    let text = cell[column].replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
                    return ["—", "", "."].contains(text) || Double(text) != nil
                }
        }
        func line(_ cells: [String]) -> String {
            let text = cells.enumerated().map { column, cell in
                numeric[column] ? padLeft(cell, widths[column]) : padRight(cell, widths[column])
            }.joined(separator: "  ")
            var trimmed = String(repeating: " ", count: indent) + text
            while trimmed.last == " " { trimmed.removeLast() }
            return trimmed
        }
        let rule =
            String(repeating: " ", count: indent)
            + String(repeating: Table.plainASCII ? "-" : "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        guard rows.count > max(maxRows, 2) else {
            return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
        }
        let head = max(maxRows, 2) / 2
        let tail = max(maxRows, 2) - head
        let omitted = rows.count - head - tail
        let gap = String(repeating: " ", count: indent) + "… \(omitted) more row\(omitted == 1 ? "" : "s") not shown …"
        return
            ([line(headers), rule] + rows.prefix(head).map(line) + [Table.plainASCII ? asciiOnly(gap) : gap]
            + rows.suffix(tail).map(line))
            .joined(separator: "\n")
    }

    /// Prints the table; with more than `maxRows` rows, only the first and last ones and a line
    /// saying how many were left out.
    public func print(maxRows: Int = .max) {
        Swift.print(rendered(maxRows: maxRows))
    }
}
