import XCTest
import Foundation
@testable import Plotting

/// The series palettes under simulated deuteranopia (no working green cones, the commonest
/// colour-vision deficiency): Machado, Oliveira and Fernandes (2009), "A physiologically-based
/// model for simulation of color vision deficiency", severity 1.0, applied in linear RGB.
///
/// Threshold: two colours count as distinguishable when their CIE76 colour difference ΔE*ab
/// after simulation is at least 10 (a just-noticeable difference is about 2.3; 10 is a
/// difference seen at a glance on thin lines and small marks). Series that fail it must differ
/// by a second cue: the SVG dash pattern, the terminal mark or character.
final class ColourVisionTests: XCTestCase {
    static let deuteranopia: [[Double]] = [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881]
    ]
    static let threshold = 10.0

    /// sRGB (0–255) to linear RGB (0–1).
    static func linear(_ rgb: [Double]) -> [Double] {
        rgb.map { $0 / 255 }.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
    }

    /// Linear RGB to CIE L*a*b* (D65 white).
    static func lab(_ rgb: [Double]) -> [Double] {
        let (r, g, b) = (rgb[0], rgb[1], rgb[2])
        let x: Double = 0.4124 * r + 0.3576 * g + 0.1805 * b
        let y: Double = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z: Double = 0.0193 * r + 0.1192 * g + 0.9505 * b
        let xyz = [x, y, z]
        let white = [0.95047, 1.0, 1.08883]
        let f = zip(xyz, white).map { v, n -> Double in
            let t = v / n
            return t > pow(6.0 / 29, 3) ? cbrt(t) : t / (3 * pow(6.0 / 29, 2)) + 4.0 / 29
        }
        return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])]
    }

    /// The colour as a deuteranope sees it, in L*a*b*.
    static func simulated(_ rgb: [Double]) -> [Double] {
        let l = linear(rgb)
        let seen = deuteranopia.map { row in min(max(zip(row, l).map(*).reduce(0, +), 0), 1) }
        return lab(seen)
    }

    static func deltaE(_ a: [Double], _ b: [Double]) -> Double {
        sqrt(zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
    }

    static func rgb(hex: String) -> [Double] {
        let digits = Array(hex.dropFirst())
        return stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16)!) }
    }

    /// An xterm 256-colour code ("38;5;214") as sRGB: the 6 × 6 × 6 cube.
    static func rgb(ansi: String) -> [Double] {
        let n = Int(ansi.split(separator: ";").last!)! - 16
        let levels = [0.0, 95, 135, 175, 215, 255]
        return [levels[n / 36], levels[n / 6 % 6], levels[n % 6]]
    }

    func testSimulationMatchesKnownValues() {
        // White and black are unchanged; pure green and pure red become the same yellowish hue family.
        XCTAssertEqual(Self.deltaE(Self.simulated([255, 255, 255]), Self.lab([1, 1, 1])), 0, accuracy: 0.5)
        XCTAssertEqual(Self.deltaE(Self.simulated([0, 0, 0]), [0, 0, 0]), 0, accuracy: 1e-9)
        XCTAssertLessThan(
            Self.deltaE(Self.simulated([213, 94, 0]), Self.simulated([110, 110, 0])),
            Self.deltaE(Self.lab(Self.linear([213, 94, 0])), Self.lab(Self.linear([110, 110, 0]))),
            "vermillion and olive are closer for a deuteranope")
    }

    func testSVGSeriesStayDistinguishableUnderDeuteranopia() {
        let colours = RenderOptions.svgPalette.map { Self.simulated(Self.rgb(hex: $0)) }
        var report: [String] = []
        for i in 0..<6 {
            for j in (i + 1)..<6 {
                let difference = Self.deltaE(colours[i], colours[j])
                report.append("\(i)-\(j): ΔE \(formatFixed(difference, decimals: 1))")
                XCTAssertTrue(
                    difference >= Self.threshold || RenderOptions.svgDashes[i] != RenderOptions.svgDashes[j],
                    "SVG series \(i) and \(j): ΔE \(difference) and the same dashes")
                // Point series have no dashes in SVG: the first five must differ by colour alone.
                if j < 5 {
                    XCTAssertGreaterThanOrEqual(difference, Self.threshold, "SVG series \(i) and \(j) by colour alone")
                }
            }
        }
        XCTAssertEqual(
            Set(RenderOptions.svgDashes).count, RenderOptions.svgDashes.count, "every line series has its own dashes")
        print("SVG palette under deuteranopia: " + report.joined(separator: ", "))
    }

    func testTerminalSeriesStayDistinguishableUnderDeuteranopia() {
        let colours = RenderOptions.palette.map { Self.simulated(Self.rgb(ansi: $0)) }
        for i in 0..<6 {
            for j in (i + 1)..<6 {
                let difference = Self.deltaE(colours[i], colours[j])
                let marks =
                    Chart.unicodeMarks[i] != Chart.unicodeMarks[j]
                    && Chart.asciiLineCharacters[i] != Chart.asciiLineCharacters[j]
                XCTAssertTrue(
                    difference >= Self.threshold || marks,
                    "terminal series \(i) and \(j): ΔE \(difference) and the same marks")
                if j < 5 {
                    XCTAssertGreaterThanOrEqual(
                        difference, Self.threshold, "terminal series \(i) and \(j) by colour alone")
                }
            }
        }
        XCTAssertEqual(Set(Chart.unicodeMarks).count, Chart.unicodeMarks.count)
        XCTAssertEqual(Set(Chart.asciiMarks).count, Chart.asciiMarks.count)
        XCTAssertEqual(Set(Chart.asciiLineCharacters).count, Chart.asciiLineCharacters.count)
    }

    func testBackgroundRampsDifferInLightnessOnly() {
        // The field's bands and the heat map's shades are told apart by lightness, which
        // deuteranopia keeps: after simulation each step is still lighter than the next.
        let bands = (0..<8).map { Field.bandColour($0, of: 8) }.map { text -> Double in
            let parts = text.dropFirst(4).dropLast().split(separator: ",").map { Double($0)! }
            return Self.simulated(parts)[0]
        }
        XCTAssertEqual(bands, bands.sorted(by: >))
        let shades = (0...4).map { MatrixHeatMap.fill(Double($0) / 4) }.map { text -> Double in
            Self.simulated(text.dropFirst(4).dropLast().split(separator: ",").map { Double($0)! })[0]
        }
        XCTAssertEqual(shades, shades.sorted(by: >))
        for (a, b) in zip(shades, shades.dropFirst()) { XCTAssertGreaterThan(a - b, Self.threshold) }
    }
}
