/// A small grey-level picture: an 8×8 handwritten digit, or a weight matrix as a heat map.
/// Pixel values run from 0 (white paper) to 1 (full ink); values outside are clamped.
public struct GrayImage: Sendable {
    /// Pixels across.
    public var width: Int
    /// Pixels down.
    public var height: Int
    /// The pixels, row by row, each in 0…1.
    public var pixels: [Double]
    /// A short caption printed under the picture.
    public var caption: String

    /// A picture from its pixels, row by row.
    public init(width: Int, height: Int, pixels: [Double], caption: String = "") {
        precondition(pixels.count == width * height, "A \(width)×\(height) image needs \(width * height) pixels, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.caption = caption
    }

    /// A heat map of arbitrary numbers (weights, say): the values are scaled so the smallest
    /// becomes 0 and the largest 1.
    public static func heatMap(width: Int, height: Int, values: [Double], caption: String = "") -> GrayImage {
        let finite = values.filter { $0.isFinite }
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let span = high > low ? high - low : 1
        return GrayImage(width: width, height: height, pixels: values.map { ($0 - low) / span }, caption: caption)
    }

    static let unicodeShades: [String] = [" ", "░", "▒", "▓", "█"]
    static let asciiShades: [String] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The picture as lines of text, each pixel two characters wide so it looks square, in a frame.
    func lines(_ options: RenderOptions) -> [String] {
        let shades = options.ascii ? Self.asciiShades : Self.unicodeShades
        let (h, v) = options.ascii ? ("-", "|") : ("─", "│")
        let (tl, tr, bl, br) = options.ascii ? ("+", "+", "+", "+") : ("┌", "┐", "└", "┘")
        var lines = [tl + String(repeating: h, count: width * 2) + tr]
        for row in 0..<height {
            var text = v
            for column in 0..<width {
                let value = pixels[row * width + column]
                let clamped = value.isFinite ? min(max(value, 0), 1) : 0
                let shade = shades[min(shades.count - 1, Int((clamped * Double(shades.count - 1)).rounded()))]
                text += shade + shade
            }
            lines.append(text + v)
        }
        lines.append(bl + String(repeating: h, count: width * 2) + br)
        return lines
    }
}

/// Several pictures side by side with their captions underneath, wrapped onto more rows when
/// they do not fit `options.width`.
public func renderImages(_ images: [GrayImage], _ options: RenderOptions = RenderOptions()) -> String {
    guard !images.isEmpty else { return "" }
    let gap = "  "
    var blocks: [[String]] = []
    for image in images {
        let picture = image.lines(options)
        let width = image.width * 2 + 2
        let caption = image.caption.count > width ? String(image.caption.prefix(width)) : image.caption
        let centred = padRight(padLeft(caption, (width + caption.count) / 2), width)
        blocks.append(picture + [centred])
    }
    let blockWidth = images.map { $0.width * 2 + 2 }.max()!
    let perRow = max(1, (options.width + gap.count) / (blockWidth + gap.count))
    var output: [String] = []
    for start in stride(from: 0, to: blocks.count, by: perRow) {
        let group = blocks[start..<min(start + perRow, blocks.count)]
        let height = group.map(\.count).max()!
        for line in 0..<height {
            output.append(group.map { line < $0.count ? padRight($0[line], blockWidth) : String(repeating: " ", count: blockWidth) }
                .joined(separator: gap).trimmingTrailingSpaces())
        }
    }
    return output.joined(separator: "\n")
}

/// Several pictures side by side as one SVG document: one `<rect>` per pixel, grey levels,
/// captions underneath.
public func imagesSVG(_ images: [GrayImage], title: String, pixelSize: Double = 12) -> String {
    let gap = 24.0
    let widest = Double(images.map(\.width).max() ?? 1) * pixelSize
    let tallest = Double(images.map(\.height).max() ?? 1) * pixelSize
    let perRow = max(1, min(images.count, 8))
    let rowsOfImages = (images.count + perRow - 1) / perRow
    let width = Int(gap + Double(perRow) * (widest + gap))
    let height = Int(50 + Double(rowsOfImages) * (tallest + 40))
    var svg = svgHeader(width: width, height: height, title: title, description: "\(images.count) small pictures: " + images.map(\.caption).joined(separator: ", "))
    for (index, image) in images.enumerated() {
        let x0 = gap + Double(index % perRow) * (widest + gap)
        let y0 = 44 + Double(index / perRow) * (tallest + 40)
        for row in 0..<image.height {
            for column in 0..<image.width {
                let value = image.pixels[row * image.width + column]
                let level = Int(255 * (1 - (value.isFinite ? min(max(value, 0), 1) : 0)))
                svg += "<rect x=\"\(svgNumber(x0 + Double(column) * pixelSize))\" y=\"\(svgNumber(y0 + Double(row) * pixelSize))\" width=\"\(svgNumber(pixelSize))\" height=\"\(svgNumber(pixelSize))\" fill=\"rgb(\(level),\(level),\(level))\"/>\n"
            }
        }
        svg += "<text x=\"\(svgNumber(x0 + Double(image.width) * pixelSize / 2))\" y=\"\(svgNumber(y0 + Double(image.height) * pixelSize + 18))\" text-anchor=\"middle\">\(xmlEscaped(image.caption))</text>\n"
    }
    svg += "</svg>\n"
    return svg
}
