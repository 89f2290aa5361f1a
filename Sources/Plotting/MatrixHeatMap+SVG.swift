import Foundation

extension MatrixHeatMap {
    /// Where the SVG puts things, in pixels.
    struct SVGLayout {
        var width: Int, height: Int
        /// The grid's top-left corner and the side of a cell.
        var gridLeft: Double, gridTop: Double, cell: Double
        /// The top of the shade bar under the grid.
        var barTop: Double
        var gridRight: Double { gridLeft + cell * Double(columnCount) }
        var gridBottom: Double { gridTop + cell * Double(rowCount) }
        var rowCount: Int, columnCount: Int
    }

    func svgLayout() -> SVGLayout {
        let longestNumber = values.joined().map { cellText($0, ascii: false).count }.max() ?? 1
        let cell = max(34, 8 * Double(longestNumber) + 14)
        let gridLeft = 44 + 8 * Double(rowLabels.map(\.count).max() ?? 1)
        let gridTop = 92.0
        let gridWidth = cell * Double(columnLabels.count)
        let besideGrid: Double = gridLeft + gridWidth + 24
        let besideTitle: Double = 10 * Double(title.count) + 40
        let besideColumnTitle: Double = gridLeft + 8 * Double(columnTitle.count) + 24
        let width = Int(max(besideGrid, besideTitle, besideColumnTitle).rounded(.up))
        let barTop = gridTop + cell * Double(rowLabels.count) + 18
        return SVGLayout(
            width: width, height: Int(barTop + 44), gridLeft: gridLeft, gridTop: gridTop, cell: cell,
            barTop: barTop, rowCount: rowLabels.count, columnCount: columnLabels.count)
    }

    /// The fill of shade `s` (0 … 1): white through to a dark blue, lightness falling evenly
    /// (ColorBrewer's "Blues" ends), so it reads for every colour vision and in grey print.
    static func fill(_ s: Double) -> String {
        let (light, dark) = ((247.0, 251.0, 255.0), (8.0, 48.0, 107.0))
        let t = min(max(s, 0), 1)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return "rgb(\(channel(light.0, dark.0)),\(channel(light.1, dark.1)),\(channel(light.2, dark.2)))"
    }

    /// The map as a standalone SVG document: title, the column title over the column labels,
    /// the row title turned up the left side beside the row labels, one shaded `<rect>` per cell
    /// with its number on it (white on dark cells), the diagonal of a square map outlined, and a
    /// shade bar from 0 to the largest value underneath.
    public func svg() -> String {
        let layout = svgLayout()
        let (left, top, cell) = (layout.gridLeft, layout.gridTop, layout.cell)
        let description =
            "Heat map of \(rowLabels.count) rows (\(rowTitle)) by \(columnLabels.count) columns (\(columnTitle)), "
            + "darker for larger values, from 0 to \(formatFixed(largest, decimals: decimals)). "
            + zip(rowLabels, values).map { label, row in
                "\(rowTitle) \(label): " + row.map { formatFixed($0, decimals: decimals) }.joined(separator: " ")
            }.joined(separator: "; ") + "."
        var svg = svgHeader(width: layout.width, height: layout.height, title: title, description: description)
        svg +=
            "<text x=\"\(svgNumber((left + layout.gridRight) / 2))\" y=\"54\" text-anchor=\"middle\" font-weight=\"bold\">\(xmlEscaped(columnTitle))</text>\n"
        for (column, label) in columnLabels.enumerated() {
            svg +=
                "<text x=\"\(svgNumber(left + (Double(column) + 0.5) * cell))\" y=\"\(svgNumber(top - 10))\" text-anchor=\"middle\">\(xmlEscaped(label))</text>\n"
        }
        let middle = (top + layout.gridBottom) / 2
        svg +=
            "<text x=\"18\" y=\"\(svgNumber(middle))\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 18 \(svgNumber(middle)))\">\(xmlEscaped(rowTitle))</text>\n"
        let square = rowLabels.count == columnLabels.count
        for (row, label) in rowLabels.enumerated() {
            let y = top + Double(row) * cell
            svg +=
                "<text x=\"\(svgNumber(left - 8))\" y=\"\(svgNumber(y + cell / 2 + 4.5))\" text-anchor=\"end\">\(xmlEscaped(label))</text>\n"
            for column in columnLabels.indices {
                let x = left + Double(column) * cell
                let value = values[row][column]
                let s = shade(value)
                let outline =
                    square && row == column
                    ? " stroke=\"#222\" stroke-width=\"1.5\"" : " stroke=\"#d0d0d0\" stroke-width=\"0.5\""
                svg +=
                    "<rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(cell))\" height=\"\(svgNumber(cell))\" fill=\"\(Self.fill(s))\"\(outline)/>"
                let ink = s > 0.5 ? "white" : (value == 0 ? "#999" : "#111")
                svg +=
                    "<text x=\"\(svgNumber(x + cell / 2))\" y=\"\(svgNumber(y + cell / 2 + 4.5))\" text-anchor=\"middle\" fill=\"\(ink)\">\(svgLabel(value, text: value == 0 ? "·" : formatFixed(value, decimals: decimals)))</text>\n"
            }
        }
        // The shade bar: 20 steps from 0 to the largest value.
        let barWidth = min(200, layout.gridRight - left)
        let step = barWidth / 20
        for k in 0..<20 {
            svg +=
                "<rect x=\"\(svgNumber(left + Double(k) * step))\" y=\"\(svgNumber(layout.barTop))\" width=\"\(svgNumber(step + 0.3))\" height=\"10\" fill=\"\(Self.fill((Double(k) + 0.5) / 20))\"/>"
        }
        svg +=
            "\n<text x=\"\(svgNumber(left))\" y=\"\(svgNumber(layout.barTop + 26))\" text-anchor=\"start\" font-size=\"11\">0</text>"
        svg +=
            "<text x=\"\(svgNumber(left + barWidth))\" y=\"\(svgNumber(layout.barTop + 26))\" text-anchor=\"end\" font-size=\"11\">\(svgLabel(largest, text: formatFixed(largest, decimals: decimals)))</text>\n"
        svg += "</svg>\n"
        return svg
    }
}
