import Foundation

/// The course folder as the site sees it: its lessons, walkthroughs and teaching notes.
struct Course {
    struct Lesson {
        var number: Int
        /// The folder under `Lessons/`, e.g. `04-Loss`.
        var folder: String
        /// The walkthrough's first heading, e.g. "Lesson 4 · Loss: the mean squared error".
        var title: String
        var hasTeachingNotes: Bool
    }

    let root: URL
    let lessons: [Lesson]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The course folder holding `path` or one of its parents (it has `Package.swift` and
    /// `Lessons/README.md`).
    static func find(from path: URL) -> URL? {
        var folder = path.standardizedFileURL
        while true {
            let lessons = folder.appendingPathComponent("Lessons/README.md").path
            let manifest = folder.appendingPathComponent("Package.swift").path
            if FileManager.default.fileExists(atPath: lessons), FileManager.default.fileExists(atPath: manifest) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    init(root: URL) throws {
        self.root = root
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons").path)) ?? []
        var lessons: [Lesson] = []
        for name in names.sorted() {
            let digits = name.prefix { $0.isNumber }
            guard digits.count == 2, name.dropFirst(2).hasPrefix("-"), let number = Int(digits) else { continue }
            let readme = root.appendingPathComponent("Lessons/\(name)/README.md")
            guard let text = try? String(contentsOf: readme, encoding: .utf8) else {
                throw Failure(description: "Lessons/\(name)/README.md cannot be read")
            }
            var title = "Lesson \(number)"
            if case .heading(_, let heading)? = Markdown.parse(text).first { title = Markdown.plainText(heading) }
            let teaching = FileManager.default.fileExists(
                atPath: root.appendingPathComponent("Lessons/\(name)/TEACHING.md").path)
            lessons.append(Lesson(number: number, folder: name, title: title, hasTeachingNotes: teaching))
        }
        guard !lessons.isEmpty else {
            throw Failure(description: "no lesson folders (Lessons/NN-Name) in \(root.path)")
        }
        self.lessons = lessons.sorted { $0.number < $1.number }
    }

    func read(_ path: String) throws -> String {
        do {
            return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        } catch {
            throw Failure(description: "\(path) cannot be read")
        }
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }
}

/// One lesson's real runs: its default output and the SVG pictures of its `--svg` run.
struct LessonRecording: Sendable {
    struct Picture: Sendable {
        /// The SVG file's name, e.g. `lesson-4-points.svg`.
        var file: String
        var title: String
        var svg: String
    }

    var output: String
    var pictures: [Picture]
}

/// Writes the site: index, one page per lesson, the teaching notes, the style sheet.
struct SiteWriter {
    let course: Course
    let recordings: [Int: LessonRecording]

    // MARK: Addresses

    /// The page (and fragment) a path in the course folder becomes, if the site has one.
    func page(forCoursePath path: String) -> String? {
        if path == "README.md" { return "index.html" }
        if path == "Lessons/README.md" { return "index.html#lessons" }
        if path == "Exercises/README.md" { return "index.html#exercises" }
        if path == "Lessons/TEACHING.md" { return course.exists(path) ? "teaching.html" : nil }
        for lesson in course.lessons {
            if path == "Lessons/\(lesson.folder)/README.md" || path == "Lessons/\(lesson.folder)"
                || path == "Lessons/\(lesson.folder)/"
            {
                return "lesson-\(lesson.number).html"
            }
            if path == "Lessons/\(lesson.folder)/TEACHING.md", lesson.hasTeachingNotes {
                return "teaching-\(lesson.number).html"
            }
        }
        return nil
    }

    /// How links written in the course file `source` (a path in the course folder) resolve.
    func linkResolver(from source: String) -> (String) -> Markdown.LinkTarget {
        { target in
            if target.contains("://") || target.hasPrefix("mailto:") { return .text(note: target) }
            var path = target
            var fragment = ""
            if let hash = target.firstIndex(of: "#") {
                path = String(target[..<hash])
                fragment = String(target[hash...])
            }
            if path.isEmpty { return .href(fragment) }
            var parts = source.split(separator: "/").dropLast().map(String.init)
            for part in path.split(separator: "/") {
                if part == "." { continue }
                if part == ".." {
                    if !parts.isEmpty { parts.removeLast() }
                } else {
                    parts.append(String(part))
                }
            }
            let resolved = parts.joined(separator: "/")
            if let page = page(forCoursePath: resolved) {
                return .href(page.contains("#") ? page : page + fragment)
            }
            return .text(note: resolved)
        }
    }

    func markdown(from source: String, headingShift: Int = 0) -> Markdown {
        Markdown(resolveLink: linkResolver(from: source), headingShift: headingShift)
    }

    // MARK: Pages

    /// Every page's file name and text, and the picture files.
    func pages() throws -> [(name: String, text: String)] {
        var pages: [(String, String)] = [("style.css", Style.css), ("index.html", try indexPage())]
        for (index, lesson) in course.lessons.enumerated() {
            let previous = index > 0 ? course.lessons[index - 1] : nil
            let next = index + 1 < course.lessons.count ? course.lessons[index + 1] : nil
            pages.append(("lesson-\(lesson.number).html", try lessonPage(lesson, previous: previous, next: next)))
            if lesson.hasTeachingNotes {
                pages.append(("teaching-\(lesson.number).html", try teachingPage(lesson)))
            }
            for picture in recordings[lesson.number]?.pictures ?? [] {
                pages.append(("pictures/\(picture.file)", picture.svg))
            }
        }
        if course.exists("Lessons/TEACHING.md") {
            pages.append(("teaching.html", try courseTeachingPage()))
        }
        return pages
    }

    private func document(title: String, nav: [(String, String?)], body: String) -> String {
        let links = nav.map { label, href in
            href.map { "<a href=\"\(Markdown.escape($0))\">\(Markdown.escape(label))</a>" }
                ?? "<span>\(Markdown.escape(label))</span>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(Markdown.escape(title))</title>
            <link rel="stylesheet" href="style.css" />
            </head>
            <body>
            <nav class="site">
            \(links)
            </nav>
            <main>
            \(body)
            </main>
            <footer>
            <p>Built by <code>swift run course-site</code> from the course folder: the walkthroughs and \
            notes as written, the output and pictures from real runs of the lessons with their default \
            flags (seed 42).</p>
            </footer>
            </body>
            </html>

            """
    }

    /// The blocks of a file after its first heading.
    private func blocksAfterTitle(_ text: String) -> [Markdown.Block] {
        var blocks = Markdown.parse(text)
        if case .heading? = blocks.first { blocks.removeFirst() }
        return blocks
    }

    func indexPage() throws -> String {
        let readme = try course.read("README.md")
        let readmeBlocks = Markdown.parse(readme)
        var courseTitle = "The course"
        if case .heading(_, let text)? = readmeBlocks.first { courseTitle = Markdown.plainText(text) }
        var ids: Set<String> = ["lessons", "exercises", "teachers"]
        var body = "<h1>\(Markdown.escape(courseTitle))</h1>\n"
        if let intro = readmeBlocks.first(where: { if case .paragraph = $0 { return true } else { return false } }) {
            body += markdown(from: "README.md").html([intro], ids: &ids)
        }

        body += "<section>\n<h2 id=\"lessons\">The lessons</h2>\n"
        body += markdown(from: "Lessons/README.md", headingShift: 1)
            .html(blocksAfterTitle(try course.read("Lessons/README.md")), ids: &ids)
        body += "</section>\n"

        if course.exists("Exercises/README.md") {
            // The exercises' introduction and their table; the rest is how to run them.
            var blocks: [Markdown.Block] = []
            for block in blocksAfterTitle(try course.read("Exercises/README.md")) {
                blocks.append(block)
                if case .table = block { break }
            }
            body += "<section>\n<h2 id=\"exercises\">The exercises</h2>\n"
            body += markdown(from: "Exercises/README.md", headingShift: 1).html(blocks, ids: &ids)
            body +=
                "<p>How to check them, ask for hints and hand them in: <code>Exercises/README.md</code> "
                + "in the course folder, or <code>swift run exercises help</code>.</p>\n</section>\n"
        }

        body += "<section>\n<h2 id=\"teachers\">For teachers</h2>\n<ul>\n"
        if course.exists("Lessons/TEACHING.md") {
            body +=
                "<li><a href=\"teaching.html\">Teaching the course</a>: course plans and the before-class checklist</li>\n"
        }
        for lesson in course.lessons where lesson.hasTeachingNotes {
            body +=
                "<li><a href=\"teaching-\(lesson.number).html\">Teaching notes · \(Markdown.escape(lesson.title))</a></li>\n"
        }
        body += "</ul>\n</section>\n"
        return document(
            title: courseTitle,
            nav: [
                ("Course", nil), ("Lessons", "#lessons"),
                ("Exercises", "#exercises"), ("For teachers", "#teachers")
            ],
            body: body)
    }

    func lessonPage(_ lesson: Course.Lesson, previous: Course.Lesson?, next: Course.Lesson?) throws -> String {
        let source = "Lessons/\(lesson.folder)/README.md"
        let blocks = Markdown.parse(try course.read(source))
        var ids: Set<String> = ["walkthrough", "output", "more-pictures"]
        var body = "<article id=\"walkthrough\">\n" + markdown(from: source).html(blocks, ids: &ids) + "</article>\n"

        let recording = recordings[lesson.number] ?? LessonRecording(output: "", pictures: [])
        let sections = OutputSections(recording.output)
        let placed = sections.place(recording.pictures)
        body +=
            "<section class=\"output\">\n<h2 id=\"output\">What <code>swift run lesson-\(lesson.number)</code> prints</h2>\n"
        body += "<p class=\"note\">The lesson's real output with its default flags, recorded when this site was built"
        body +=
            recording.pictures.isEmpty
            ? ". This lesson draws no SVG pictures.</p>\n"
            : "; each picture it draws as SVG (<code>--svg</code>) follows the step that drew it.</p>\n"
        if sections.steps.count > 1 {
            body += "<ol class=\"steps\">\n"
            for step in sections.steps.dropFirst() {
                body += "<li><a href=\"#\(step.id)\">\(Markdown.escape(step.title))</a></li>\n"
            }
            body += "</ol>\n"
        }
        for (index, step) in sections.steps.enumerated() {
            body += "<pre id=\"\(step.id)\" class=\"output\">\(Markdown.escape(step.text))</pre>\n"
            for picture in placed.byStep[index] ?? [] { body += figure(picture) }
        }
        if !placed.unplaced.isEmpty {
            body += "<h3 id=\"more-pictures\">More pictures</h3>\n"
            for picture in placed.unplaced { body += figure(picture) }
        }
        body += "</section>\n"

        var nav: [(String, String?)] = [("Course", "index.html")]
        nav.append(previous.map { ("‹ Lesson \($0.number)", "lesson-\($0.number).html") } ?? ("‹ Lesson", nil))
        nav.append(next.map { ("Lesson \($0.number) ›", "lesson-\($0.number).html") } ?? ("Lesson ›", nil))
        nav.append(("Output", "#output"))
        if lesson.hasTeachingNotes { nav.append(("Teaching notes", "teaching-\(lesson.number).html")) }
        return document(title: lesson.title, nav: nav, body: body)
    }

    private func figure(_ picture: LessonRecording.Picture) -> String {
        let stem = String(picture.file.dropLast(4))
        return """
            <figure id="picture-\(stem)">
            <div class="svg">\(SVGInline.prepare(picture.svg, idPrefix: stem))</div>
            <figcaption>\(Markdown.escape(picture.title)) · <a href="pictures/\(Markdown.escape(picture.file))">\(Markdown.escape(picture.file))</a></figcaption>
            </figure>

            """
    }

    func teachingPage(_ lesson: Course.Lesson) throws -> String {
        let source = "Lessons/\(lesson.folder)/TEACHING.md"
        var ids = Set<String>()
        let body = markdown(from: source).html(Markdown.parse(try course.read(source)), ids: &ids)
        var title = "Teaching notes · \(lesson.title)"
        if case .heading(_, let text)? = Markdown.parse(try course.read(source)).first {
            title = Markdown.plainText(text)
        }
        var nav: [(String, String?)] = [
            ("Course", "index.html"), ("Lesson \(lesson.number)", "lesson-\(lesson.number).html")
        ]
        if course.exists("Lessons/TEACHING.md") { nav.append(("Teaching the course", "teaching.html")) }
        return document(title: title, nav: nav, body: body)
    }

    func courseTeachingPage() throws -> String {
        let text = try course.read("Lessons/TEACHING.md")
        var ids = Set<String>()
        let body = markdown(from: "Lessons/TEACHING.md").html(Markdown.parse(text), ids: &ids)
        var title = "For teachers"
        if case .heading(_, let heading)? = Markdown.parse(text).first { title = Markdown.plainText(heading) }
        return document(
            title: title, nav: [("Course", "index.html"), ("For teachers", "index.html#teachers")], body: body)
    }
}

/// A lesson's output cut into its steps ("Step 3 · Title" over a rule of `─`), with each picture
/// placed after the step whose text names it.
struct OutputSections {
    struct Step {
        var id: String
        var title: String
        var text: String
    }

    var steps: [Step] = []

    init(_ output: String) {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        var current: [Substring] = []
        var title = "Start"
        var id = "output-start"
        var number = 0
        for (index, line) in lines.enumerated() {
            let isStep = line.hasPrefix("Step ") && index + 1 < lines.count && lines[index + 1].hasPrefix("─")
            if isStep {
                if !current.isEmpty || number > 0 {
                    steps.append(Step(id: id, title: title, text: Self.trimmed(current)))
                }
                number += 1
                current = []
                title = String(line)
                id = "step-\(number)"
            }
            current.append(line)
        }
        steps.append(Step(id: id, title: title, text: Self.trimmed(current)))
    }

    private static func trimmed(_ lines: [Substring]) -> String {
        var lines = lines
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Which step each picture follows: the step that prints the picture's title; failing
    /// that, the step sharing most words with its title and file name; failing that, none.
    func place(_ pictures: [LessonRecording.Picture]) -> (
        byStep: [Int: [LessonRecording.Picture]], unplaced: [LessonRecording.Picture]
    ) {
        var byStep: [Int: [LessonRecording.Picture]] = [:]
        var unplaced: [LessonRecording.Picture] = []
        let texts = steps.map { $0.text.lowercased() }
        for picture in pictures {
            let title = picture.title.lowercased()
            if !title.isEmpty, let index = texts.firstIndex(where: { $0.contains(title) }) {
                byStep[index, default: []].append(picture)
                continue
            }
            let slug = picture.file.dropLast(4).split(separator: "-").dropFirst(2).joined(separator: " ")
            // Words of four letters or more, a plural's "s" dropped ("units" finds "unit j's").
            let words = Set(
                (title + " " + slug).split { !$0.isLetter && !$0.isNumber }
                    .map { $0.count > 4 && $0.hasSuffix("s") ? String($0.dropLast()) : String($0) }
                    .filter { $0.count >= 4 })
            let scores = texts.map { text in words.filter { text.contains($0) }.count }
            if let best = scores.max(), best > 0, let index = scores.firstIndex(of: best) {
                byStep[index, default: []].append(picture)
            } else {
                unplaced.append(picture)
            }
        }
        // Keep each step's pictures in the order the lesson named them (file order is alphabetical).
        for (key, list) in byStep {
            byStep[key] = list.sorted { a, b in
                let text = texts[key]
                let ra = text.range(of: a.title.lowercased())?.lowerBound ?? text.endIndex
                let rb = text.range(of: b.title.lowercased())?.lowerBound ?? text.endIndex
                return ra < rb
            }
        }
        return (byStep, unplaced)
    }
}

/// An SVG file made fit to sit inside a page: no XML declaration, and ids made unique on the
/// page (two pictures may both define an arrowhead called "arrow").
enum SVGInline {
    static func prepare(_ svg: String, idPrefix: String) -> String {
        var text = svg.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text = String(text[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let prefix = Markdown.slug(idPrefix) + "-"
        text = text.replacingOccurrences(
            of: #"\bid="([^"]+)""#, with: "id=\"\(prefix)$1\"", options: .regularExpression)
        text = text.replacingOccurrences(
            of: ##"url\(#([^)]+)\)"##, with: "url(#\(prefix)$1)", options: .regularExpression)
        text = text.replacingOccurrences(
            of: ##"href="#([^"]+)""##, with: "href=\"#\(prefix)$1\"", options: .regularExpression)
        return text
    }

    /// The text of an SVG file's `<title>`, its entities decoded.
    static func title(of svg: String) -> String {
        guard let start = svg.range(of: "<title>"),
            let end = svg.range(of: "</title>", range: start.upperBound..<svg.endIndex)
        else { return "" }
        return String(svg[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
