import Foundation

extension Field {
    /// The fill of band `band` out of `count`: a grey ramp from near white (the lowest band) to
    /// a mid grey (the highest), evenly spaced in lightness (CIE L* from 97 to 60). Lightness
    /// alone tells the bands apart, so the ramp reads the same for every colour vision and in
    /// print, and it stays light enough for the series' colours to show on top.
    static func bandColour(_ band: Int, of count: Int) -> String {
        let t = count > 1 ? Double(min(max(band, 0), count - 1)) / Double(count - 1) : 0
        let lightness = 97 - 37 * t
        // L* to relative luminance, then to an sRGB grey level.
        let fy = (lightness + 16) / 116
        let luminance = lightness > 8 ? fy * fy * fy : lightness / 903.3
        let srgb = luminance <= 0.0031308 ? 12.92 * luminance : 1.055 * pow(luminance, 1 / 2.4) - 0.055
        let grey = Int((srgb * 255).rounded())
        // A faint blue tint (more blue than red) keeps the greys from looking dirty on a projector.
        return "rgb(\(max(0, grey - 3)),\(grey),\(min(255, grey + 4)))"
    }

    /// The filled bands as `<rect>`s: one per run of grid points of the same band along a row,
    /// each point standing for the rectangle halfway to its neighbours. `px`, `py` map data to
    /// pixels.
    func svgBands(px: (Double) -> Double, py: (Double) -> Double) -> String {
        let dx = (x.upperBound - x.lowerBound) / Double(columns - 1)
        let dy = (y.upperBound - y.lowerBound) / Double(rows - 1)
        func xAt(_ c: Double) -> Double { min(max(x.lowerBound + c * dx, x.lowerBound), x.upperBound) }
        func yAt(_ r: Double) -> Double { min(max(y.lowerBound + r * dy, y.lowerBound), y.upperBound) }
        var svg = "<g shape-rendering=\"crispEdges\">\n"
        for row in 0..<rows {
            let top = py(yAt(Double(row) + 0.5))
            let bottom = py(yAt(Double(row) - 0.5))
            var column = 0
            while column < columns {
                let band = band(of: values[row * columns + column])
                var end = column + 1
                while end < columns && self.band(of: values[row * columns + end]) == band { end += 1 }
                if let band {
                    let left = px(xAt(Double(column) - 0.5))
                    let right = px(xAt(Double(end - 1) + 0.5))
                    // A quarter pixel of overlap, so no hairline of white shows between rows.
                    svg +=
                        "<rect x=\"\(svgNumber(left))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(right - left + 0.25))\" height=\"\(svgNumber(bottom - top + 0.25))\" fill=\"\(Self.bandColour(band, of: levels.count + 1))\"/>\n"
                }
                column = end
            }
        }
        return svg + "</g>\n"
    }

    /// The level lines as one `<path>` per level, traced by marching squares (each grid square
    /// whose corners lie on both sides of a level gets a segment between the edge crossings,
    /// found by linear interpolation; a saddle is split the way its centre value says).
    func svgContours(px: (Double) -> Double, py: (Double) -> Double) -> String {
        let dx = (x.upperBound - x.lowerBound) / Double(columns - 1)
        let dy = (y.upperBound - y.lowerBound) / Double(rows - 1)
        var svg = ""
        for level in levels {
            var d = ""
            for row in 0..<(rows - 1) {
                for column in 0..<(columns - 1) {
                    // Corners counter-clockwise from the bottom left.
                    let corners = [(column, row), (column + 1, row), (column + 1, row + 1), (column, row + 1)]
                    let v = corners.map { values[$0.1 * columns + $0.0] }
                    guard v.allSatisfy(\.isFinite) else { continue }
                    let above = v.map { $0 >= level }
                    if above.allSatisfy({ $0 }) || above.allSatisfy({ !$0 }) { continue }
                    // The crossing on edge k (between corner k and corner k + 1), if any.
                    var crossing: [(Double, Double)?] = []
                    for k in 0..<4 {
                        let a = corners[k]
                        let b = corners[(k + 1) % 4]
                        guard above[k] != above[(k + 1) % 4] else {
                            crossing.append(nil)
                            continue
                        }
                        let t = (level - v[k]) / (v[(k + 1) % 4] - v[k])
                        let gx = Double(a.0) + t * Double(b.0 - a.0)
                        let gy = Double(a.1) + t * Double(b.1 - a.1)
                        crossing.append((px(x.lowerBound + gx * dx), py(y.lowerBound + gy * dy)))
                    }
                    var pairs: [(Int, Int)] = []
                    let found = (0..<4).filter { crossing[$0] != nil }
                    if found.count == 2 {
                        pairs = [(found[0], found[1])]
                    } else if found.count == 4 {
                        let centreAbove = v.reduce(0, +) / 4 >= level
                        // Corners 0 and 2 joined through the centre: cut off corners 1 and 3.
                        pairs = centreAbove == above[0] ? [(0, 1), (2, 3)] : [(3, 0), (1, 2)]
                    }
                    for (i, j) in pairs {
                        let a = crossing[i]!
                        let b = crossing[j]!
                        d += "M\(svgNumber(a.0)) \(svgNumber(a.1))L\(svgNumber(b.0)) \(svgNumber(b.1))"
                    }
                }
            }
            if !d.isEmpty {
                svg += "<path d=\"\(d)\" fill=\"none\" stroke=\"#555\" stroke-width=\"0.7\" stroke-opacity=\"0.7\"/>\n"
            }
        }
        return svg
    }

    /// How tall the key under the chart is, in pixels.
    static let svgKeyHeight = 38.0

    /// The positions of the key's pieces: where its swatches start and how wide each is.
    func svgKeyLayout(left: Double, right: Double) -> (swatchesStart: Double, swatchWidth: Double) {
        let start = left + 7.5 * Double(svgKeyTitle.count) + 10
        return (start, min(48, (right - start) / Double(levels.count + 1)))
    }

    /// The words before the key's swatches.
    var svgKeyTitle: String { "\(name) levels" }

    /// The key: the name, then one swatch per band left to right (lowest first), with each
    /// level's value under the boundary it marks. `top` is the key's top edge.
    func svgKey(left: Double, right: Double, top: Double) -> String {
        let (start, width) = svgKeyLayout(left: left, right: right)
        var svg = "<text x=\"\(svgNumber(left))\" y=\"\(svgNumber(top + 12))\">\(xmlEscaped(svgKeyTitle))</text>\n"
        for band in 0...levels.count {
            svg +=
                "<rect x=\"\(svgNumber(start + Double(band) * width))\" y=\"\(svgNumber(top + 2))\" width=\"\(svgNumber(width))\" height=\"12\" fill=\"\(Self.bandColour(band, of: levels.count + 1))\" stroke=\"#555\" stroke-width=\"0.5\"/>"
        }
        svg += "\n"
        for (k, level) in levels.enumerated() {
            svg +=
                "<text x=\"\(svgNumber(start + Double(k + 1) * width))\" y=\"\(svgNumber(top + 28))\" text-anchor=\"middle\" font-size=\"11\">\(svgLabel(level, text: Self.levelText(level)))</text>"
        }
        return svg + "\n"
    }

    /// A sentence for screen readers.
    var svgDescription: String {
        "Behind the lines: \(name) over the plane as shaded bands, lighter for lower values, with boundaries at "
            + (levels.isEmpty ? "no level" : levels.map(Self.levelText).joined(separator: ", ")) + "."
    }
}

/// A label whose text is already formatted, with a real minus sign in front of a negative value.
func svgLabel(_ value: Double, text: String) -> String {
    text.hasPrefix("-") ? "−" + text.dropFirst() : text
}
