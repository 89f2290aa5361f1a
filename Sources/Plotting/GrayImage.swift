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
    /// For a picture of signed numbers (weights, filters): the pixels are the raw values, drawn
    /// on a diverging scale from −limit to +limit with zero in the middle. Nil for ink in 0…1.
    public var signedLimit: Double?

    /// A picture from its pixels, row by row.
    public init(width: Int, height: Int, pixels: [Double], caption: String = "") {
        precondition(
            pixels.count == width * height,
            "A \(width)×\(height) image needs \(width * height) pixels, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.caption = caption
    }

    /// Pictures of signed numbers (the weights of several units, say) on one shared diverging
    /// scale: zero is the same middle shade in every panel, and the scale runs from −m to +m
    /// where m is the largest |value| over all panels.
    public static func signedMaps(width: Int, height: Int, values: [[Double]], captions: [String]) -> [GrayImage] {
        precondition(
            values.count == captions.count,
            "\(values.count) pictures need \(values.count) captions, got \(captions.count)")
        let limit = values.joined().filter(\.isFinite).map(abs).max() ?? 1
        return zip(values, captions).map { pixels, caption in
            var image = GrayImage(width: width, height: height, pixels: pixels, caption: caption)
            image.signedLimit = limit > 0 ? limit : 1
            return image
        }
    }

    /// The symmetric shade ramp of signed pictures in the terminal, from the most negative value
    /// through zero (the middle shade) to the most positive: the denser the character, the more
    /// negative (on a light background dark is negative; on a dark one the dense characters shine).
    static let signedUnicodeShades: [String] = ["█", "▓", "▒", "░", " "]
    static let signedAsciiShades: [String] = ["@", "#", "+", "-", "."]

    /// Where a signed value sits on the ramp: 0 (−limit) … 1 (+limit), 0.5 for zero.
    func signedPosition(_ value: Double) -> Double {
        guard let limit = signedLimit, value.isFinite else { return 0.5 }
        return (min(max(value / limit, -1), 1) + 1) / 2
    }

    /// A heat map of arbitrary numbers (weights, say): the values are scaled so the smallest
    /// becomes 0 and the largest 1.
    public static func heatMap(width: Int, height: Int, values: [Double], caption: String = "") -> GrayImage {
        let finite = values.filter { $0.isFinite }
        let low = finite.min() ?? 0
        let high = finite.max() ?? 1
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
                if signedLimit != nil {
                    let ramp = options.ascii ? Self.signedAsciiShades : Self.signedUnicodeShades
                    let position = signedPosition(value)
                    let shade = ramp[min(ramp.count - 1, Int((position * Double(ramp.count - 1)).rounded()))]
                    // In colour, the sign is also a hue: blue below zero, orange above.
                    let series = position < 0.5 ? 5 : 0
                    text +=
                        position == 0.5 || shade == " " ? shade + shade : options.colored(shade + shade, series: series)
                    continue
                }
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
            output.append(
                group.map {
                    line < $0.count ? padRight($0[line], blockWidth) : String(repeating: " ", count: blockWidth)
                }
                .joined(separator: gap).trimmingTrailingSpaces())
        }
    }
    if let limit = images.first(where: { $0.signedLimit != nil })?.signedLimit {
        let ramp = options.ascii ? GrayImage.signedAsciiShades : GrayImage.signedUnicodeShades
        let shown = ramp.map { $0 == " " ? "(blank)" : $0 + $0 }
        let legend =
            "scale, the same for every picture: \(shown[0]) \(signedText(-limit)) · \(shown[2]) 0 · \(shown[4]) \(signedText(limit)): the denser the character, the more negative"
        output.append(wrapWords(legend, width: options.width))
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
    let signed = images.contains { $0.signedLimit != nil }
    let height = Int(50 + Double(rowsOfImages) * (tallest + 40) + (signed ? 46 : 0))
    var svg = svgHeader(
        width: width, height: height, title: title,
        description: "\(images.count) small pictures: " + images.map(\.caption).joined(separator: ", "))
    for (index, image) in images.enumerated() {
        let x0 = gap + Double(index % perRow) * (widest + gap)
        let y0 = 44 + Double(index / perRow) * (tallest + 40)
        for row in 0..<image.height {
            for column in 0..<image.width {
                let value = image.pixels[row * image.width + column]
                let fill: String
                if image.signedLimit != nil {
                    fill = divergingColour(image.signedPosition(value))
                } else {
                    let level = Int(255 * (1 - (value.isFinite ? min(max(value, 0), 1) : 0)))
                    fill = "rgb(\(level),\(level),\(level))"
                }
                svg +=
                    "<rect x=\"\(svgNumber(x0 + Double(column) * pixelSize))\" y=\"\(svgNumber(y0 + Double(row) * pixelSize))\" width=\"\(svgNumber(pixelSize))\" height=\"\(svgNumber(pixelSize))\" fill=\"\(fill)\"/>\n"
            }
        }
        svg +=
            "<text x=\"\(svgNumber(x0 + Double(image.width) * pixelSize / 2))\" y=\"\(svgNumber(y0 + Double(image.height) * pixelSize + 18))\" text-anchor=\"middle\">\(xmlEscaped(image.caption))</text>\n"
    }
    if let limit = images.first(where: { $0.signedLimit != nil })?.signedLimit {
        // The colour bar: 21 steps from −limit to +limit, labelled at both ends and at zero.
        let barY = Double(height) - 34
        let barWidth = min(300, Double(width) - 2 * gap)
        let step = barWidth / 21
        for k in 0..<21 {
            svg +=
                "<rect x=\"\(svgNumber(gap + Double(k) * step))\" y=\"\(svgNumber(barY))\" width=\"\(svgNumber(step + 0.5))\" height=\"10\" fill=\"\(divergingColour(Double(k) / 20))\"/>"
        }
        svg +=
            "\n<text x=\"\(svgNumber(gap))\" y=\"\(svgNumber(barY + 24))\" text-anchor=\"start\">\(svgLabel(-limit, decimals: 2))</text>"
        svg +=
            "<text x=\"\(svgNumber(gap + barWidth / 2))\" y=\"\(svgNumber(barY + 24))\" text-anchor=\"middle\">0</text>"
        svg +=
            "<text x=\"\(svgNumber(gap + barWidth))\" y=\"\(svgNumber(barY + 24))\" text-anchor=\"end\">\(svgLabel(limit, decimals: 2))</text>\n"
    }
    svg += "</svg>\n"
    return svg
}

/// "+0.83" or "−0.83": a signed scale's end.
func signedText(_ value: Double) -> String {
    (value < 0 ? "−" : "+") + formatFixed(abs(value), decimals: 2)
}

/// The colour of position t on the diverging scale (0 = most negative, 0.5 = zero, 1 = most
/// positive): blue (Okabe–Ito #0072B2) through white to vermillion (#D55E00).
func divergingColour(_ t: Double) -> String {
    let (negative, positive) = ((0.0, 114.0, 178.0), (213.0, 94.0, 0.0))
    let u = min(max(t, 0), 1)
    let (end, weight) = u < 0.5 ? (negative, (0.5 - u) * 2) : (positive, (u - 0.5) * 2)
    func channel(_ c: Double) -> Int { Int((255 + (c - 255) * weight).rounded()) }
    return "rgb(\(channel(end.0)),\(channel(end.1)),\(channel(end.2)))"
}
