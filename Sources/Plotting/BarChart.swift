/// Horizontal bars, one per labelled value (accuracy per class, final loss per learning rate…).
/// Values must be finite and at least 0; a `nan` or infinite value is shown as text, not a bar.
public struct BarChart: Sendable {
    /// The title above the bars.
    public var title: String
    /// One label per bar.
    public var labels: [String]
    /// One value per bar.
    public var values: [Double]
    /// Decimals of the numbers printed after the bars.
    public var decimals: Int

    /// A bar chart of `values`, one bar per label.
    public init(title: String, labels: [String], values: [Double], decimals: Int = 2) {
        precondition(
            labels.count == values.count, "\(labels.count) labels need \(labels.count) values, got \(values.count)")
        self.title = title
        self.labels = labels
        self.values = values
        self.decimals = decimals
    }

    /// The bars as text, scaled so the largest fills the width; eighth-blocks give the ends
    /// sub-character precision (ASCII mode uses "#").
    public func renderText(_ options: RenderOptions = RenderOptions()) -> String {
        let labelWidth = labels.map(\.count).max() ?? 0
        let texts = values.map { formatFixed($0, decimals: decimals) }
        let numberWidth = texts.map(\.count).max() ?? 0
        let barWidth = max(5, options.width - labelWidth - numberWidth - 4)
        let largest = values.filter { $0.isFinite }.max() ?? 0
        var lines = wrapWords(title, width: options.width).split(separator: "\n").map { options.bold(String($0)) }
        for (index, (label, value)) in zip(labels, values).enumerated() {
            var bar = ""
            if value.isFinite && value > 0 && largest > 0 {
                let eighths = Int((value / largest * Double(barWidth) * 8).rounded())
                if options.ascii {
                    bar = String(repeating: "#", count: eighths / 8)
                } else {
                    bar = String(repeating: "█", count: eighths / 8)
                    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
                    bar += partial
                }
            }
            let padded = padRight(bar, barWidth)
            lines.append(
                padLeft(label, labelWidth) + " " + options.colored(padded, series: 0) + " "
                    + padLeft(texts[index], numberWidth))
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The bars as a standalone SVG document, one `<rect>` per finite positive value.
    public func svg(width: Int = 720) -> String {
        let rowHeight = 26.0
        let left = 140.0
        let right = Double(width) - 80
        let height = Int(60 + rowHeight * Double(values.count) + 20)
        let largest = values.filter { $0.isFinite }.max() ?? 0
        var svg = svgHeader(
            width: width, height: height, title: title,
            description: "Bar chart: "
                + zip(labels, values).map { "\($0.0) \(formatFixed($0.1, decimals: decimals))" }.joined(separator: ", ")
        )
        for (index, (label, value)) in zip(labels, values).enumerated() {
            let y = 50 + rowHeight * Double(index)
            svg +=
                "<text x=\"\(svgNumber(left - 8))\" y=\"\(svgNumber(y + 16))\" text-anchor=\"end\">\(xmlEscaped(label))</text>\n"
            if value.isFinite && value > 0 && largest > 0 {
                let w = value / largest * (right - left)
                svg +=
                    "<rect x=\"\(svgNumber(left))\" y=\"\(svgNumber(y + 4))\" width=\"\(svgNumber(w))\" height=\"\(svgNumber(rowHeight - 8))\" fill=\"\(RenderOptions.svgPalette[0])\"/>\n"
            }
            let end = value.isFinite && largest > 0 ? left + max(0, value) / largest * (right - left) : left
            svg +=
                "<text x=\"\(svgNumber(end + 6))\" y=\"\(svgNumber(y + 16))\">\(formatFixed(value, decimals: decimals))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
