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

    /// The colours of the series, in order: the Okabe–Ito palette, chosen so that viewers with
    /// any common colour-vision deficiency can tell them apart, without its yellow (too pale on
    /// white). Terminals get the nearest of the 256 standard colours, readable on dark and light
    /// backgrounds: orange, sky blue, bluish green, vermillion, reddish purple, blue.
    static let palette = ["38;5;214", "38;5;74", "38;5;36", "38;5;166", "38;5;175", "38;5;32"]
    /// The SVG colour of series number `index`, in the same order.
    static let svgPalette = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#0072B2"]
    /// The SVG dash pattern of line series number `index`: a second cue besides colour.
    static let svgDashes = ["", "7 4", "2 3", "10 3 2 3", "14 5", "1 3"]

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
