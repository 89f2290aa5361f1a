import Foundation

/// The course's own small Markdown renderer: the part of Markdown the walkthroughs use, and no
/// more. Headings, paragraphs, bulleted and numbered lists (nested by indentation), fenced and
/// indented code blocks, tables (with `\|` for a bar inside a cell), `*emphasis*`,
/// `**strong**`, `` `code` ``, `[links](target)` and backslash escapes. Everything else is text,
/// and every piece of text is escaped, so the output is well-formed XHTML-compatible markup.
///
/// Where a link points is decided by the caller (`resolveLink`), which knows the site's pages.
struct Markdown {
    /// What a link in the source becomes on the page.
    enum LinkTarget: Equatable {
        /// A link to this (relative) address.
        case href(String)
        /// No link: the text, followed by this note in code type (for example a source file's
        /// path, which a static site cannot open).
        case text(note: String?)
    }

    /// A block of a document, as parsed.
    indirect enum Block: Equatable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case code(language: String?, text: String)
        case list(ordered: Bool, start: Int, items: [[Block]], tight: Bool)
        case table(header: [String], alignments: [String?], rows: [[String]])
    }

    var resolveLink: (String) -> LinkTarget = { .href($0) }
    /// Added to every heading's level (1 turns `#` into `<h2>`), at most `<h6>`.
    var headingShift = 0

    // MARK: Rendering

    /// The HTML of a whole document.
    func html(_ source: String) -> String {
        var ids = Set<String>()
        return html(Markdown.parse(source), ids: &ids)
    }

    /// The HTML of parsed blocks; `ids` collects the heading ids used so far on the page.
    func html(_ blocks: [Block], ids: inout Set<String>) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                let shown = min(6, level + headingShift)
                let id = Markdown.uniqueID(Markdown.slug(Markdown.plainText(text)), in: &ids)
                out += "<h\(shown) id=\"\(id)\">\(inline(text))</h\(shown)>\n"
            case .paragraph(let text):
                out += "<p>\(inline(text))</p>\n"
            case .code(let language, let text):
                let cls = language.map { " class=\"language-\(Markdown.escape($0))\"" } ?? ""
                out += "<pre><code\(cls)>\(Markdown.escape(text))</code></pre>\n"
            case .list(let ordered, let start, let items, let tight):
                let tag = ordered ? "ol" : "ul"
                out += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
                for item in items {
                    if tight, item.count >= 1, case .paragraph(let text) = item[0] {
                        out += "<li>" + inline(text)
                        let rest = Array(item.dropFirst())
                        if !rest.isEmpty { out += "\n" + html(rest, ids: &ids) }
                        out += "</li>\n"
                    } else {
                        out += "<li>\n" + html(item, ids: &ids) + "</li>\n"
                    }
                }
                out += "</\(tag)>\n"
            case .table(let header, let alignments, let rows):
                func cell(_ tag: String, _ text: String, _ column: Int) -> String {
                    let align = column < alignments.count ? alignments[column] : nil
                    let style = align.map { " style=\"text-align: \($0)\"" } ?? ""
                    return "<\(tag)\(style)>\(inline(text))</\(tag)>"
                }
                out += "<div class=\"table\"><table>\n<thead><tr>"
                out += header.enumerated().map { cell("th", $0.element, $0.offset) }.joined()
                out += "</tr></thead>\n<tbody>\n"
                for row in rows {
                    var cells = row
                    while cells.count < header.count { cells.append("") }
                    out +=
                        "<tr>"
                        + cells.prefix(header.count).enumerated()
                        .map { cell("td", $0.element, $0.offset) }.joined() + "</tr>\n"
                }
                out += "</tbody>\n</table></div>\n"
            }
        }
        return out
    }

    // MARK: Inline text

    /// The HTML of one paragraph's text: escapes, code spans, links, strong and emphasis.
    func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        func isPunctuation(_ c: Character) -> Bool {
            c.isASCII && (c.isPunctuation || c.isSymbol)
        }
        func isWordCharacter(_ index: Int) -> Bool {
            index >= 0 && index < chars.count && (chars[index].isLetter || chars[index].isNumber)
        }
        /// The index of the closing delimiter `marker` after `from`, preceded by a non-space.
        func closing(_ marker: String, from: Int) -> Int? {
            let m = Array(marker)
            var j = from
            while j + m.count <= chars.count {
                if chars[j] == "\\" {
                    j += 2
                    continue
                }
                if chars[j] == "`" {  // skip a code span whole
                    if let end = codeSpanEnd(j) {
                        j = end.next
                        continue
                    }
                }
                if Array(chars[j..<j + m.count]) == m, j > from, !chars[j - 1].isWhitespace {
                    // `*` must not be part of `**` (and the reverse).
                    let after = j + m.count
                    if m == ["*"], after < chars.count, chars[after] == "*" {
                        j += 2
                        continue
                    }
                    if m == ["*"], chars[j - 1] == "*" {
                        j += 1
                        continue
                    }
                    if m == ["_"], isWordCharacter(after) {
                        j += 1
                        continue
                    }
                    return j
                }
                j += 1
            }
            return nil
        }
        /// A code span starting at `start`: the index after its closing backticks, and its text.
        func codeSpanEnd(_ start: Int) -> (next: Int, text: String)? {
            var run = 0
            while start + run < chars.count, chars[start + run] == "`" { run += 1 }
            var j = start + run
            while j < chars.count {
                if chars[j] == "`" {
                    var other = 0
                    while j + other < chars.count, chars[j + other] == "`" { other += 1 }
                    if other == run {
                        var content = String(chars[(start + run)..<j])
                        if content.count >= 2, content.first == " ", content.last == " ",
                            content.contains(where: { $0 != " " })
                        {
                            content = String(content.dropFirst().dropLast())
                        }
                        return (j + run, content)
                    }
                    j += other
                } else {
                    j += 1
                }
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, isPunctuation(chars[i + 1]) {
                out += Markdown.escape(String(chars[i + 1]))
                i += 2
            } else if c == "`" {
                if let span = codeSpanEnd(i) {
                    out += "<code>\(Markdown.escape(span.text))</code>"
                    i = span.next
                } else {
                    var run = 0
                    while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                    out += String(repeating: "`", count: run)
                    i += run
                }
            } else if c == "[", let link = parseLink(chars, at: i) {
                let label = inline(link.label)
                switch resolveLink(link.target) {
                case .href(let address):
                    out += "<a href=\"\(Markdown.escape(address))\">\(label)</a>"
                case .text(let note):
                    out += "<span class=\"file\">\(label)</span>"
                    if let note { out += " (<code>\(Markdown.escape(note))</code>)" }
                }
                i = link.next
            } else if c == "*", i + 1 < chars.count, chars[i + 1] == "*", i + 2 < chars.count,
                !chars[i + 2].isWhitespace, let end = closing("**", from: i + 2)
            {
                out += "<strong>\(inline(String(chars[(i + 2)..<end])))</strong>"
                i = end + 2
            } else if c == "*", i + 1 < chars.count, !chars[i + 1].isWhitespace, chars[i + 1] != "*",
                let end = closing("*", from: i + 1)
            {
                out += "<em>\(inline(String(chars[(i + 1)..<end])))</em>"
                i = end + 1
            } else if c == "_", !isWordCharacter(i - 1), i + 1 < chars.count, !chars[i + 1].isWhitespace,
                chars[i + 1] != "_", let end = closing("_", from: i + 1)
            {
                out += "<em>\(inline(String(chars[(i + 1)..<end])))</em>"
                i = end + 1
            } else {
                out += Markdown.escape(String(c))
                i += 1
            }
        }
        return out
    }

    /// `[label](target)` at `start`: its label, its target and the index after it.
    private func parseLink(_ chars: [Character], at start: Int) -> (label: String, target: String, next: Int)? {
        var depth = 0
        var j = start
        while j < chars.count {
            if chars[j] == "\\" {
                j += 2
                continue
            }
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j + 1 < chars.count, chars[j + 1] == "(" else { return nil }
        guard let close = chars[(j + 2)...].firstIndex(of: ")") else { return nil }
        let target = String(chars[(j + 2)..<close]).trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty, !target.contains(" ") else { return nil }
        return (String(chars[(start + 1)..<j]), target, close + 1)
    }

    // MARK: Parsing blocks

    private static func indentation(_ line: Substring) -> Int {
        var n = 0
        for c in line {
            if c == " " { n += 1 } else if c == "\t" { n += 4 - n % 4 } else { break }
        }
        return n
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Removes up to `count` columns of leading spaces.
    private static func dropIndentation(_ line: Substring, _ count: Int) -> Substring {
        var rest = line
        var removed = 0
        while removed < count, let c = rest.first, c == " " || c == "\t" {
            removed += c == "\t" ? 4 - removed % 4 : 1
            rest = rest.dropFirst()
        }
        return rest
    }

    private static func heading(_ line: Substring) -> (Int, String)? {
        let trimmed = dropIndentation(line, 3)
        guard indentation(line) < 4 else { return nil }
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    private static func fence(_ line: Substring) -> (marker: String, language: String?)? {
        guard indentation(line) < 4 else { return nil }
        let trimmed = line.drop { $0 == " " }
        for mark in ["```", "~~~"] where trimmed.hasPrefix(mark) {
            let run = trimmed.prefix { $0 == mark.first! }
            let info = trimmed.dropFirst(run.count).trimmingCharacters(in: .whitespaces)
            if mark == "```", info.contains("`") { return nil }
            return (String(run), info.isEmpty ? nil : String(info.split(separator: " ")[0]))
        }
        return nil
    }

    /// A list item's marker: ordered or not, its number, and the column where its text starts.
    private static func listMarker(_ line: Substring) -> (ordered: Bool, number: Int, contentColumn: Int)? {
        let indent = indentation(line)
        guard indent < 4 else { return nil }
        let trimmed = line.drop { $0 == " " }
        if let first = trimmed.first, "-*+".contains(first) {
            let after = trimmed.dropFirst()
            guard after.first == " " || after.isEmpty else { return nil }
            let spaces = min(4, after.prefix { $0 == " " }.count)
            return (false, 0, indent + 1 + max(1, spaces))
        }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return nil }
        let after = trimmed.dropFirst(digits.count)
        guard let delimiter = after.first, delimiter == "." || delimiter == ")" else { return nil }
        let rest = after.dropFirst()
        guard rest.first == " " || rest.isEmpty else { return nil }
        let spaces = min(4, rest.prefix { $0 == " " }.count)
        return (true, Int(digits)!, indent + digits.count + 1 + max(1, spaces))
    }

    private static func isTableSeparator(_ line: Substring) -> Bool {
        let cells = tableCells(line)
        return !cells.isEmpty
            && cells.allSatisfy { cell in
                let t = cell.trimmingCharacters(in: .whitespaces)
                return t.contains("-") && t.allSatisfy { "-:".contains($0) }
            }
    }

    /// The cells of a table row; `\|` is a bar inside a cell.
    private static func tableCells(_ line: Substring) -> [String] {
        var text = line.trimmingCharacters(in: .whitespaces)
        guard text.contains("|") else { return [] }
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|"), !text.hasSuffix("\\|") { text.removeLast() }
        var cells: [String] = []
        var current = ""
        var previous: Character = " "
        for c in text {
            if c == "|", previous != "\\" {
                cells.append(current)
                current = ""
            } else if c == "|" {
                current.removeLast()
                current.append("|")
            } else {
                current.append(c)
            }
            previous = c
        }
        cells.append(current)
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Whether `line` starts a block that ends a paragraph without a blank line before it.
    private static func interruptsParagraph(_ line: Substring) -> Bool {
        if heading(line) != nil || fence(line) != nil { return true }
        if let marker = listMarker(line) {
            // As in CommonMark: a numbered line interrupts a paragraph only when it counts from 1,
            // so a wrapped sentence that happens to start with "0." stays in its paragraph.
            let text: Substring = line.drop { $0 == " " }.drop { $0 != " " }
            return (!marker.ordered || marker.number == 1) && !isBlank(text)
        }
        return false
    }

    /// The blocks of a document.
    static func parse(_ source: String) -> [Block] {
        let lines = source.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return parse(lines)
    }

    private static func parse(_ lines: [Substring]) -> [Block] {
        var blocks: [Block] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if isBlank(line) {
                i += 1
                continue
            }
            if let (level, text) = heading(line) {
                blocks.append(.heading(level: level, text: text))
                i += 1
            } else if let (marker, language) = fence(line) {
                let indent = indentation(line)
                var body: [Substring] = []
                i += 1
                while i < lines.count {
                    let trimmed = lines[i].drop { $0 == " " }
                    if indentation(lines[i]) < 4, trimmed.hasPrefix(marker),
                        trimmed.allSatisfy({ $0 == marker.first! || $0 == " " })
                    {
                        i += 1
                        break
                    }
                    body.append(dropIndentation(lines[i], indent))
                    i += 1
                }
                blocks.append(.code(language: language, text: body.joined(separator: "\n")))
            } else if indentation(line) >= 4 {
                var body: [Substring] = []
                while i < lines.count, isBlank(lines[i]) || indentation(lines[i]) >= 4 {
                    body.append(dropIndentation(lines[i], 4))
                    i += 1
                }
                while let last = body.last, isBlank(last) { body.removeLast() }
                blocks.append(.code(language: nil, text: body.joined(separator: "\n")))
            } else if line.contains("|"), i + 1 < lines.count, isTableSeparator(lines[i + 1]) {
                let header = tableCells(line)
                let alignments: [String?] = tableCells(lines[i + 1]).map { cell in
                    switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
                    case (true, true): return "center"
                    case (false, true): return "right"
                    case (true, false): return "left"
                    default: return nil
                    }
                }
                i += 2
                var rows: [[String]] = []
                while i < lines.count, !isBlank(lines[i]), lines[i].contains("|") {
                    rows.append(tableCells(lines[i]))
                    i += 1
                }
                blocks.append(.table(header: header, alignments: alignments, rows: rows))
            } else if let first = listMarker(line) {
                var items: [[Block]] = []
                var tight = true
                var sawBlankBetweenItems = false
                while i < lines.count, let marker = listMarker(lines[i]), marker.ordered == first.ordered {
                    if sawBlankBetweenItems { tight = false }
                    let column = marker.contentColumn
                    // The item's first line without its indentation and marker.
                    let afterMarker: Substring = lines[i].drop { $0 == " " }.drop { $0 != " " }.drop { $0 == " " }
                    var body: [Substring] = [afterMarker]
                    i += 1
                    var blankInside = false
                    while i < lines.count {
                        let next = lines[i]
                        if isBlank(next) {
                            // A blank line continues the item only if indented text follows.
                            var j = i
                            while j < lines.count, isBlank(lines[j]) { j += 1 }
                            if j < lines.count, indentation(lines[j]) >= column {
                                body.append(contentsOf: Array(repeating: Substring(""), count: j - i))
                                blankInside = true
                                i = j
                                continue
                            }
                            break
                        }
                        if indentation(next) >= column {
                            body.append(dropIndentation(next, column))
                        } else if listMarker(next) != nil || (interruptsParagraph(next)) {
                            break
                        } else if let last = body.last, !isBlank(last) {
                            body.append(next.drop { $0 == " " })  // a lazy continuation line
                        } else {
                            break
                        }
                        i += 1
                    }
                    let parsed = parse(body)
                    if blankInside,
                        parsed.filter({ if case .paragraph = $0 { return true } else { return false } }).count > 1
                    {
                        tight = false
                    }
                    items.append(parsed)
                    // Blank lines between this item and the next one make the list loose.
                    var j = i
                    while j < lines.count, isBlank(lines[j]) { j += 1 }
                    if j > i, j < lines.count, let nextMarker = listMarker(lines[j]),
                        nextMarker.ordered == first.ordered
                    {
                        sawBlankBetweenItems = true
                        i = j
                    } else {
                        sawBlankBetweenItems = false
                        if j > i { break }
                    }
                }
                blocks.append(.list(ordered: first.ordered, start: first.number, items: items, tight: tight))
            } else {
                var text: [Substring] = [line.drop { $0 == " " }]
                i += 1
                while i < lines.count, !isBlank(lines[i]), !interruptsParagraph(lines[i]) {
                    if lines[i].contains("|"), i + 1 < lines.count, isTableSeparator(lines[i + 1]) { break }
                    text.append(lines[i].drop { $0 == " " })
                    i += 1
                }
                let joined = text.map { $0.hasSuffix("  ") ? $0 : Substring($0.trimmingCharacters(in: .whitespaces)) }
                    .joined(separator: "\n").trimmingCharacters(in: .whitespaces)
                blocks.append(.paragraph(joined))
            }
        }
        return blocks
    }

    // MARK: Helpers

    /// Text with `&`, `<`, `>`, `"` and `'` written as entities that both HTML and XML know.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The text of inline Markdown without its markup (for ids and titles).
    static func plainText(_ text: String) -> String {
        var out = ""
        var chars = Substring(text)
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "*", "`", "[": continue
            case "]":
                if chars.first == "(", let close = chars.firstIndex(of: ")") {
                    chars = chars[chars.index(after: close)...]
                }
            case "\\":
                if let next = chars.first {
                    out.append(next)
                    chars = chars.dropFirst()
                }
            default: out.append(c)
            }
        }
        return out
    }

    /// A heading's id: lower-case letters and digits, words joined by `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isASCII, c.isLetter || c.isNumber {
                out.append(c)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "section" : out
    }

    static func uniqueID(_ base: String, in ids: inout Set<String>) -> String {
        var id = base
        var n = 2
        while ids.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        ids.insert(id)
        return id
    }
}
