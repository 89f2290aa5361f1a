import Plotting

/// The lines of a lesson's or a step's heading: the text after `prefix` broken at spaces to fit
/// the width, continuation lines under the text after the prefix, each line in bold when colour
/// is on, then a rule of `rule` as long as the longest line. Spelled in ASCII first when asked,
/// so the widths count the characters really printed; the bold's escape codes take no column.
func headingLines(prefix: String, _ heading: String, rule: Character, render: RenderOptions) -> [String] {
    let spell = { (text: String) in render.ascii ? asciiOnly(text) : text }
    let prefix = spell(prefix)
    let body = wrapped(spell(heading), width: render.width - prefix.count)
        .split(separator: "\n", omittingEmptySubsequences: false)
    let lines = [prefix + body[0]] + body.dropFirst().map { String(repeating: " ", count: prefix.count) + $0 }
    let ruleLine = spell(String(repeating: rule, count: min(lines.map(\.count).max() ?? 0, render.width)))
    return lines.map { render.color ? "\u{1B}[1m\($0)\u{1B}[0m" : $0 } + [ruleLine]
}
