import Foundation
import Plotting

// MARK: - Numbers and paragraphs as the lessons print them

/// A number with `decimals` digits after the point (see `formatFixed`).
public func fixed(_ value: Double, _ decimals: Int = 4) -> String {
    formatFixed(value, decimals: decimals)
}

/// An upper bound with `decimals` decimals: the value rounded up, never down, so "within 3.9°"
/// holds for 3.83° (where `fixed` would print 3.8).
public func fixedUpperBound(_ value: Double, _ decimals: Int = 1) -> String {
    let scale = pow(10, Double(decimals))
    return fixed((value * scale).rounded(.up) / scale, decimals)
}

/// Items as a sentence lists them: "a", "a and b", "a, b and c" ("" for none).
public func listed(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
}

/// A number with an explicit sign: "+0.50", "−1.25" (with a real minus sign).
public func signed(_ value: Double, _ decimals: Int = 2) -> String {
    let text = formatFixed(abs(value), decimals: decimals)
    return (value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : "+") + text
}

/// A factor such as ρ = max |1 − lr·λ| in 3 decimals, or with as many more (up to 9) as it takes
/// not to print 1.000 for a factor just under 1: a tiny rate keeps 0.9999999 of the distance, not
/// all of it.
public func factorText(_ value: Double) -> String {
    var decimals = 3
    while decimals < 9 && value < 1 && fixed(value, decimals) == fixed(1, decimals) { decimals += 1 }
    return fixed(value, decimals)
}

/// `value` with `decimals` decimals, or with as many more (up to 9) as it takes for the printed
/// number to stay on its side of `other`: a limit of 0.714954 beside a rate of 0.715 prints as
/// 0.71495, not 0.715, so "0.715 is above the limit" never reads "above 0.715".
public func fixed(_ value: Double, _ decimals: Int = 3, apartFrom other: Double) -> String {
    var places = decimals
    while places < 9, value != other, let printed = Double(fixed(value, places)),
        printed == other || (printed < other) != (value < other)
    {
        places += 1
    }
    return fixed(value, places)
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
/// characters, without ever breaking a formula:
///
/// - no break next to an operator written between spaces (`=`, `+`, `−`, `×`, `·`, `/`, `←`, `→`,
///   `≤`, `≥`, `<`, `>`, `≈`, `Σ`, …), so `y = f(Σ wᵢxᵢ + b)` stays on one line;
/// - no break inside a bracket group `(…)`, `[…]` or `{…}` of at most 32 characters;
/// - only when such a formula is longer than a whole line is it broken, before an operator.
///
/// A broken line's continuation keeps its indentation, and a list item (`1. `, `- `, `• `) gets a
/// hanging indent under its text. Lines that fit, and explicit line breaks, are kept as they are.
public func wrapped(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { wrapLine(String($0), width: width) }
        .joined(separator: "\n")
}

/// Words that stand for an operation in a formula: a line is never broken next to one.
private let operatorWords: Set<String> = [
    "=", "+", "−", "-", "×", "·", "*", "/", "÷", "←", "→", "≤", "≥", "<", ">", "≈", "≠", "±", "⊙", "=>", "<-", "->"
]

/// Whether a word is an operator written before what it applies to, a sum with or without its
/// index (Σ, Σₖ, Σᵢ): a line may break before one, never after.
private func isPrefixOperator(_ word: String) -> Bool {
    word.first == "Σ" && word.count <= 3
}

/// The longest bracket group that is never broken.
private let unbreakableGroup = 32

private func wrapLine(_ line: String, width: Int) -> String {
    guard line.count > width else { return line }
    let indent = String(line.prefix { $0 == " " })
    let words = line.dropFirst(indent.count).split(separator: " ").map(String.init)
    guard words.count > 1 else { return line }

    // A list item's continuation lines start under its text.
    let marker = words[0]
    let isListItem =
        ["-", "•", "*"].contains(marker)
        || (marker.count >= 2 && marker.last == "." && marker.dropLast().allSatisfy(\.isNumber))
    let continuation = indent + (isListItem ? String(repeating: " ", count: marker.count + 1) : "")

    // Where each word starts and ends in the line (after the indent), to find bracket groups.
    var starts: [Int] = []
    var position = 0
    for word in words {
        starts.append(position)
        position += word.count + 1
    }
    var protected = [Bool](repeating: false, count: position)  // positions inside a short group
    var open: [Int] = []
    for (offset, character) in words.joined(separator: " ").enumerated() {
        if "([{".contains(character) {
            open.append(offset)
        } else if ")]}".contains(character), let first = open.popLast(), offset - first <= unbreakableGroup {
            for k in first...offset { protected[k] = true }
        }
    }

    // gap k lies between words[k] and words[k + 1]: 0 = free, 1 = only if a formula must break, 2 = never
    let gaps = (0..<(words.count - 1)).map { k -> Int in
        let spaceAt = starts[k] + words[k].count
        if protected[spaceAt] { return 2 }
        if words[k + 1] == "%" || words[k + 1].hasPrefix("%") { return 2 }  // "95 %" stays together
        // "… about Σ x" may break before Σ; "(1/N) Σ x" stays whole; never after Σ or Σₖ.
        if isPrefixOperator(words[k]) { return 2 }
        if isPrefixOperator(words[k + 1]) { return words[k].allSatisfy(\.isLetter) ? 0 : 1 }
        if operatorWords.contains(words[k + 1]) { return 1 }  // a long formula may break before an operator
        if operatorWords.contains(words[k]) { return 2 }
        return 0
    }

    // Units: runs of words joined by gaps that are not free.
    var units: [[Int]] = [[0]]
    for k in 0..<gaps.count {
        if gaps[k] == 0 { units.append([k + 1]) } else { units[units.count - 1].append(k + 1) }
    }
    // A unit too long for a line is split before its operators (level 1 gaps), then anywhere.
    var pieces: [String] = []
    for unit in units {
        let text = unit.map { words[$0] }.joined(separator: " ")
        if text.count <= width - continuation.count {
            pieces.append(text)
            continue
        }
        var current = words[unit[0]]
        for (position, index) in unit.enumerated().dropFirst() {
            let gap = gaps[index - 1]
            // The words up to the next place this formula may break, which must fit after this one.
            let run = unit[position...].prefix { $0 == index || gaps[$0 - 1] != 1 }
            let runLength = run.map { words[$0].count + 1 }.reduce(0, +) - 1
            if gap == 1 && current.count + 1 + runLength > width - continuation.count {
                pieces.append(current)
                current = words[index]
            } else {
                current += " " + words[index]
            }
        }
        pieces.append(current)
    }
    // A piece still longer than a line (a long bracket group) is broken at any space as a last resort.
    let room = width - continuation.count
    pieces = pieces.flatMap { piece -> [String] in
        guard piece.count > room else { return [piece] }
        var parts = [""]
        for word in piece.split(separator: " ") {
            if !parts[parts.count - 1].isEmpty && parts[parts.count - 1].count + 1 + word.count > room {
                parts.append("")
            }
            parts[parts.count - 1] += (parts[parts.count - 1].isEmpty ? "" : " ") + word
        }
        return parts
    }

    var lines: [String] = []
    var current = indent
    var lineStart = indent
    for piece in pieces {
        if current.count > lineStart.count && current.count + 1 + piece.count > width {
            lines.append(current)
            current = continuation
            lineStart = continuation
        }
        current += (current.count > lineStart.count ? " " : "") + piece
    }
    lines.append(current)
    return lines.joined(separator: "\n")
}

// MARK: - Plain ASCII

/// Superscript characters and what they stand for: a run of them is written "^c" or "^(…)".
private let superscripts: [Character: Character] = [
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    "⁻": "-", "⁺": "+", "ˣ": "x", "ⁿ": "n", "ᵀ": "T", "ⁱ": "i", "ᵏ": "k", "ᵗ": "t"
]
/// Subscript characters and what they stand for: a run of them is written "_c" or "_(…)".
private let subscripts: [Character: Character] = [
    "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
    "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₗ": "l", "ₙ": "n", "ₘ": "m", "ₜ": "t", "ₓ": "x", "₋": "-", "₊": "+"
]

/// How each other non-ASCII character of the lessons' text is written in plain ASCII (`--ascii`,
/// `TERM=dumb`): letters by name, operators by their usual ASCII spelling.
private let asciiSpellings: [Character: String] = [
    "Σ": "sum", "σ": "sigma", "λ": "lambda", "κ": "kappa", "η": "eta", "θ": "theta", "α": "alpha", "β": "beta",
    "μ": "mu", "ε": "eps", "δ": "delta", "Δ": "Delta", "∂": "d", "∇": "grad", "π": "pi", "ρ": "rho",
    "−": "-", "–": "-", "—": "--", "·": "*", "×": "x", "÷": "/", "±": "+/-", "≈": "~", "≠": "!=",
    "≤": "<=", "≥": ">=", "←": "<-", "→": "->", "⇒": "=>", "∞": "infinity", "√": "sqrt", "∈": "in",
    "⊙": "(.)", "‖": "||", "…": "...", "′": "'", "″": "''", "‘": "'", "’": "'", "“": "\"", "”": "\"",
    "°": " deg", "ŷ": "y^", "ĝ": "g^", "½": "1/2", "¼": "1/4", "¾": "3/4",
    "═": "=", "─": "-", "━": "-", "│": "|", "┤": "+", "┬": "+", "└": "+", "┌": "+", "┐": "+", "┘": "+",
    "├": "|", "↑": "^", "↓": "v", "‴": "'''", "⋯": "...", "⌈": "[", "⌉": "]", "⌊": "[", "⌋": "]",
    "█": "#", "▓": "#", "▒": "+", "░": ".", "•": "o", "◦": "o", "▪": "#", "◆": "@", "✓": "v", "✗": "x",
    "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#", "▏": "#", "⠶": "o",
    "é": "e", "è": "e", "ü": "u", "ö": "o", "ä": "a",
    "\u{2009}": " ", "\u{00A0}": " ", "\u{202F}": " "
]

/// `text` with every character outside ASCII spelled in ASCII: superscripts as "^2" or "^(-x)",
/// subscripts as "_i" or "_(12)", other symbols as in `asciiSpellings`; a character with no
/// spelling becomes "?", so the result is always pure ASCII.
public func asciiOnly(_ text: String) -> String {
    guard !text.allSatisfy(\.isASCII) else { return text }
    var result = ""
    var characters = Array(text)[...]
    while let character = characters.first {
        for (table, mark) in [(superscripts, "^"), (subscripts, "_")] where table[character] != nil {
            let run = characters.prefix { table[$0] != nil }
            let plain = String(run.map { table[$0]! })
            result += mark + (plain.count == 1 ? plain : "(" + plain + ")")
            characters = characters.dropFirst(run.count)
        }
        guard let character = characters.first else { break }
        if superscripts[character] != nil || subscripts[character] != nil { continue }
        characters = characters.dropFirst()
        // √ before a name or a number takes it in brackets, "√λ_max" → "sqrt(lambda_max)"; before a
        // bracket (or anything else) it is the word alone, "√(a + b)" → "sqrt(a + b)".
        if character == "√" {
            let operand = squareRootOperand(characters)
            result += operand.isEmpty ? "sqrt" : "sqrt(" + asciiOnly(String(operand)) + ")"
            characters = characters.dropFirst(operand.count)
            continue
        }
        if character.isASCII {
            result.append(character)
        } else if let spelling = asciiSpellings[character] {
            result += spelling
        } else if let accented = spelledWithoutAccent(character) {
            result += accented
        } else if let scalar = character.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value) {
            result += scalar.value == 0x2800 ? " " : "."  // a braille dot pattern
        } else {
            result += "?"
        }
    }
    return result
}

/// The name or number a "√" applies to when no bracket follows it: the longest start of `text`
/// made of letters, digits and subscripts, with "_" or "." inside it when a letter or digit
/// follows ("λ_max", "2.5", "ŝ", "n_in"; not the "." ending a sentence). Empty before a bracket,
/// a space or a superscript.
private func squareRootOperand(_ text: ArraySlice<Character>) -> ArraySlice<Character> {
    func isPart(_ character: Character) -> Bool {
        superscripts[character] == nil
            && (character.isLetter || character.isNumber || subscripts[character] != nil)
    }
    var end = text.startIndex
    while end < text.endIndex {
        if isPart(text[end]) {
            end += 1
        } else if text[end] == "_" || text[end] == ".", end + 1 < text.endIndex, end > text.startIndex,
            isPart(text[end + 1])
        {
            end += 1
        } else {
            break
        }
    }
    return text[text.startIndex..<end]
}

/// A letter with a hat or a bar spelled as the letter and "^" or "bar": "m̂" → "m^", "ȳ" → "ybar"
/// (nil for anything else).
private func spelledWithoutAccent(_ character: Character) -> String? {
    let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
    guard scalars.count == 2, scalars[0].isASCII, scalars[0].properties.isAlphabetic else { return nil }
    switch scalars[1].value {
    case 0x302: return String(scalars[0]) + "^"
    case 0x304: return String(scalars[0]) + "bar"
    default: return nil
    }
}
