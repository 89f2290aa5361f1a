import Foundation
import Plotting

// MARK: - Numbers and paragraphs as the lessons print them

/// A number with `decimals` digits after the point (see `formatFixed`).
public func fixed(_ value: Double, _ decimals: Int = 4) -> String {
    formatFixed(value, decimals: decimals)
}

/// A number with an explicit sign: "+0.50", "−1.25" (with a real minus sign).
public func signed(_ value: Double, _ decimals: Int = 2) -> String {
    let text = formatFixed(abs(value), decimals: decimals)
    return (value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : "+") + text
}

/// A number in scientific notation with `digits` significant decimals: "1.2e-07".
public func scientific(_ value: Double, _ digits: Int = 1) -> String {
    if !value.isFinite { return formatFixed(value, decimals: 0) }
    return String(format: "%.\(digits)e", value)
}

/// A sum written out term by term with proper signs: [0.4, −0.2, 0.8] → "0.40 − 0.20 + 0.80".
public func sumText(_ terms: [Double], _ decimals: Int = 2) -> String {
    var text = ""
    for (k, term) in terms.enumerated() {
        let magnitude = fixed(abs(term), decimals)
        if k == 0 {
            text = term < 0 ? "−" + magnitude : magnitude
        } else {
            text += (term < 0 ? " − " : " + ") + magnitude
        }
    }
    return text
}

/// `text` with every line longer than `width` broken at spaces into lines of at most `width`
/// characters (a single word longer than that stays whole). A broken line's continuation keeps
/// its indentation; lines that fit, and explicit line breaks, are kept as they are.
public func wrapped(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard line.count > width else { return String(line) }
        let indent = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = indent
        for word in line.dropFirst(indent.count).split(separator: " ") {
            if current.count > indent.count && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent
            }
            current += (current.count > indent.count ? " " : "") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }.joined(separator: "\n")
}
