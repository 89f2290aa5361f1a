import XCTest
import Foundation
@testable import Plotting

/// Writes the sample pictures to the folder in PLOTTING_PREVIEW (SVG files and their text in
/// Unicode, ASCII and colour) for a person to look at; does nothing without it.
final class PreviewTests: XCTestCase {
    func testWritePreviews() throws {
        guard let folder = ProcessInfo.processInfo.environment["PLOTTING_PREVIEW"] else { return }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        func write(_ name: String, svg: String, text: (RenderOptions) -> String) throws {
            try svg.write(to: url.appendingPathComponent(name + ".svg"), atomically: true, encoding: .utf8)
            for (suffix, options) in [
                ("txt", RenderOptions()), ("ascii.txt", RenderOptions(ascii: true)),
                ("color.txt", RenderOptions(color: true)), ("40.txt", RenderOptions(width: 40))
            ] {
                try text(options).write(
                    to: url.appendingPathComponent(name + "." + suffix), atomically: true, encoding: .utf8)
            }
        }
        let field = PictureSamples.lossField
        try write("field", svg: field.svg(), text: field.renderText)
        try field.svg(width: 480, height: 400).write(
            to: url.appendingPathComponent("field-480.svg"), atomically: true, encoding: .utf8)
        let confusion = PictureSamples.confusion
        try write("confusion", svg: confusion.svg(), text: confusion.renderText)
    }
}
