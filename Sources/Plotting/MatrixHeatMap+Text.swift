import Foundation

extension MatrixHeatMap {
    /// The shade glyphs after each number, from none to the largest value.
    static let unicodeShades: [Character] = [" ", "░", "▒", "▓", "█"]
    static let asciiShades: [Character] = [" ", ":", "+", "#", "@"]

    /// Which glyph a value gets: none for zero (or less, or not finite), then one per quarter of
    /// the largest value, (0, ¼] the lightest, so even a single mistake shows.
    func shadeIndex(_ value: Double) -> Int {
        let s = shade(value)
        return s <= 0 ? 0 : min(4, max(1, Int((s * 4 - 1e-9).rounded(.up))))
    }

    /// The map as text: the title, the column title with an arrow, a header of column labels
    /// under the row title, then one line per row: its label, and each cell's number followed
    /// by its shade glyph. Columns that do not fit `options.width` go on into another block
    /// below, with the header repeated. A line under the map says what the shades mean.
    public func renderText(_ options: RenderOptions = RenderOptions()) -> String {
        let ascii = options.ascii
        let shades = ascii ? Self.asciiShades : Self.unicodeShades
        let texts = values.map { $0.map { cellText($0, ascii: ascii) } }
        let numberWidth = max((texts.joined().map(\.count).max() ?? 1), columnLabels.map(\.count).max() ?? 1)
        let rowHeader = rowTitle + (ascii ? " v" : " ↓")
        // Each cell: the number, its shade glyph, and a space between cells when there is room.
        // When the columns do not fit beside the row title, the title goes on a line of its own.
        let longestRowLabel = rowLabels.map(\.count).max() ?? 0
        func fits(_ labelWidth: Int, _ cellWidth: Int) -> Bool {
            labelWidth + 1 + cellWidth * columnLabels.count <= options.width
        }
        let titleBeside =
            fits(max(rowHeader.count, longestRowLabel), numberWidth + 1) || !fits(longestRowLabel, numberWidth + 1)
        let labelWidth = titleBeside ? max(rowHeader.count, longestRowLabel) : longestRowLabel
        let cellWidth = fits(labelWidth, numberWidth + 2) ? numberWidth + 2 : numberWidth + 1
        let perBlock = max(1, (options.width - labelWidth - 1) / cellWidth)

        var lines: [String] = []
        for line in wrapWords(title, width: options.width).split(separator: "\n") {
            lines.append(options.bold(padLeft("", max(0, (options.width - line.count) / 2)) + line))
        }
        for start in stride(from: 0, to: columnLabels.count, by: perBlock) {
            let columns = start..<min(start + perBlock, columnLabels.count)
            let blockWidth = cellWidth * columns.count
            let heading = columnTitle + (ascii ? " ->" : " →")
            if !titleBeside { lines.append(rowHeader) }
            lines.append(
                String(repeating: " ", count: labelWidth + 1) + padLeft("", max(0, (blockWidth - heading.count) / 2))
                    + heading)
            lines.append(
                padRight(titleBeside ? rowHeader : "", labelWidth) + " "
                    + columns.map { padLeft(columnLabels[$0], numberWidth) + padRight("", cellWidth - numberWidth) }
                    .joined())
            for (row, label) in rowLabels.enumerated() {
                var line = padLeft(label, labelWidth) + " "
                for column in columns {
                    let value = values[row][column]
                    let glyph = String(shades[shadeIndex(value)])
                    let number = padLeft(texts[row][column], numberWidth)
                    // On the diagonal of a square map (the right answers of a confusion matrix), bold in colour.
                    line +=
                        (row == column && rowLabels.count == columnLabels.count ? options.bold(number) : number)
                        + (glyph == " " ? glyph : options.colored(glyph, series: 5))
                        + padRight("", cellWidth - numberWidth - 1)
                }
                lines.append(line)
            }
            if columns.upperBound < columnLabels.count { lines.append("") }
        }
        lines.append(contentsOf: wrapAtoms(textLegend(ascii: ascii), width: options.width))
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// "shade: ░ up to 8, ▒ up to 17, ▓ up to 26, █ up to 35 (the largest); · is 0", in pieces
    /// that are not broken across lines.
    func textLegend(ascii: Bool) -> [String] {
        let shades = ascii ? Self.asciiShades : Self.unicodeShades
        let parts = (1...4).map { k -> String in
            let bound = largest * Double(k) / 4
            let text =
                decimals == 0
                ? formatFixed((bound + 1e-9).rounded(.down), decimals: 0) : formatFixed(bound, decimals: decimals)
            return "\(shades[k]) up to \(text)" + (k < 4 ? "," : "")
        }
        return ["shade:"] + parts + ["(the largest);", "\(cellText(0, ascii: ascii)) is 0"]
    }
}
