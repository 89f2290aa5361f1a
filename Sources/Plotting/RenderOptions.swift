/// How text pictures are drawn: size, character set and colour.
public struct RenderOptions: Sendable {
    /// Total width in characters, labels included (80 by default, to fit any terminal).
    public var width: Int
    /// Height of the plotting area in rows of characters.
    public var height: Int
    /// Plain ASCII instead of Unicode braille, blocks and box lines.
    public var ascii: Bool
    /// ANSI colour escapes (only for a terminal, never with NO_COLOR).
    public var color: Bool

    /// Options for drawing; the defaults suit a piped 80-column run.
    public init(width: Int = 80, height: Int = 16, ascii: Bool = false, color: Bool = false) {
        self.width = width
        self.height = height
        self.ascii = ascii
        self.color = color
    }

    /// The ANSI colour of series number `index` (blue, orange, red, green, magenta, cyan, …).
    static let palette = ["34", "33", "31", "32", "35", "36"]
    /// The SVG colour of series number `index`, in the same order.
    static let svgPalette = ["#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd", "#17becf"]

    /// `text` wrapped in the colour of series `index`, when colour is on.
    func colored(_ text: String, series index: Int) -> String {
        guard color else { return text }
        return "\u{1B}[\(Self.palette[index % Self.palette.count])m\(text)\u{1B}[0m"
    }

    /// `text` in bold, when colour is on.
    func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
