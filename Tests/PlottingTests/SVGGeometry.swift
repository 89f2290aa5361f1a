import Foundation
#if canImport(FoundationXML)
import FoundationXML  // XMLParser lives here on Linux
#endif

/// An SVG document read back with Foundation's XML parser: every element with its attributes
/// and, for `<text>`, its characters; with helpers for the geometry tests.
final class SVGGeometry: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
    }

    /// A rectangle in pixels.
    struct Box: CustomStringConvertible {
        var x: Double, y: Double, width: Double, height: Double
        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
        var description: String { "(\(Int(x)), \(Int(y)), \(Int(width)) × \(Int(height)))" }
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    /// The parsed document, or nil when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGGeometry? {
        let geometry = SVGGeometry()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = geometry
        return parser.parse() ? geometry : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The box a `<text>` covers, estimated from its font size (13 unless given), its anchor and
    /// a generous average glyph width of 0.62 em for sans-serif; nil for turned text.
    static func box(ofText text: Element) -> Box? {
        guard text.attributes["transform"] == nil, let x = text.number("x"), let y = text.number("y") else {
            return nil
        }
        let size = text.number("font-size") ?? 13
        let width = 0.62 * size * Double(text.text.count)
        let left: Double
        switch text.attributes["text-anchor"] {
        case "middle": left = x - width / 2
        case "end": left = x - width
        default: left = x
        }
        return Box(x: left, y: y - 0.8 * size, width: width, height: size)
    }

    /// Pairs of texts whose boxes overlap (the title excepted: it is alone at the top).
    func overlappingTexts() -> [(String, String)] {
        let boxes = all("text").compactMap { t in SVGGeometry.box(ofText: t).map { (t.text, $0) } }
        var pairs: [(String, String)] = []
        for i in boxes.indices {
            for j in boxes.indices where i < j && boxes[i].1.overlaps(boxes[j].1) {
                pairs.append(("\(boxes[i].0) \(boxes[i].1)", "\(boxes[j].0) \(boxes[j].1)"))
            }
        }
        return pairs
    }

    /// Every coordinate pair in a path's `d` made of M and L commands.
    static func pathPoints(_ d: String) -> [(Double, Double)] {
        d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { pair in
            let xy = pair.split(separator: " ").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }
}
