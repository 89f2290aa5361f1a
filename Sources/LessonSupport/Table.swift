import Foundation
import Plotting

/// A table printed with aligned columns and a rule under the header.
public struct Table {
    private let headers: [String]
    private var rows: [[String]] = []

    /// A table with these column headers. Columns whose cells are all numbers (percentages, or "—", "." or empty)
    /// are right-aligned, the others left-aligned.
    public init(_ headers: [String]) {
        self.headers = headers
    }

    /// Adds a row; it must have one cell per column.
    public mutating func add(_ cells: [String]) {
        precondition(cells.count == headers.count, "A row of this table needs \(headers.count) cells, got \(cells.count)")
        rows.append(cells)
    }

    /// The table as text.
    public func rendered(indent: Int = 2) -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        // A column of numbers is right-aligned, so the decimal points line up; text is left-aligned.
        let numeric = headers.indices.map { column in
            !rows.isEmpty && rows.allSatisfy { cell in
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
        let rule = String(repeating: " ", count: indent) + String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Prints the table.
    public func print() {
        Swift.print(rendered())
    }
}

/// A number with `decimals` digits after the point (see `formatFixed`).
public func fixed(_ value: Double, _ decimals: Int = 4) -> String {
    formatFixed(value, decimals: decimals)
}

/// A number with an explicit sign: "+0.50", "−1.25" (with a real minus sign).
public func signed(_ value: Double, _ decimals: Int = 2) -> String {
    let text = formatFixed(abs(value), decimals: decimals)
    return (value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : "+") + text
}

/// A number in scientific notation with `digits` significant decimals: "1.2e-07".
public func scientific(_ value: Double, _ digits: Int = 1) -> String {
    if !value.isFinite { return formatFixed(value, decimals: 0) }
    return String(format: "%.\(digits)e", value)
}

/// A sum written out term by term with proper signs: [0.4, −0.2, 0.8] → "0.40 − 0.20 + 0.80".
public func sumText(_ terms: [Double], _ decimals: Int = 2) -> String {
    var text = ""
    for (k, term) in terms.enumerated() {
        let magnitude = fixed(abs(term), decimals)
        if k == 0 {
            text = term < 0 ? "−" + magnitude : magnitude
        } else {
            text += (term < 0 ? " − " : " + ") + magnitude
        }
    }
    return text
}

/// `text` with every line longer than `width` broken at spaces into lines of at most `width`
/// characters (a single word longer than that stays whole). A broken line's continuation keeps
/// its indentation; lines that fit, and explicit line breaks, are kept as they are.
public func wrapped(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard line.count > width else { return String(line) }
        let indent = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = indent
        for word in line.dropFirst(indent.count).split(separator: " ") {
            if current.count > indent.count && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent
            }
            current += (current.count > indent.count ? " " : "") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }.joined(separator: "\n")
}
