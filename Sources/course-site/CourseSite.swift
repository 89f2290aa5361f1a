import Foundation

/// The command: reads its arguments, runs every lesson (two at a time), writes the pages.
enum CourseSite {
    static let usage = """
        usage: swift run course-site DIR

        Writes the course as a static web site into DIR (created if needed; files of the same name are
        replaced): index.html with the lessons and the exercises, lesson-N.html with each walkthrough,
        the lesson's real output with its default flags and its pictures as inline SVG, and the
        teaching notes (teaching.html, teaching-N.html). Plain HTML and CSS, no script, nothing
        fetched from the network: open DIR/index.html in a browser, offline, or print it.

        The lessons run from their built programs next to this one (`swift run course-site` builds
        them first; after `swift build` the site's program can also be run directly). The course
        folder is the current folder or the one above it that holds Package.swift and Lessons/.

          -h, --help    this text
        """

    /// Runs the command and returns its exit status: 0 done, 1 a lesson could not be run or a
    /// file not written, 2 bad usage (one line on standard error).
    static func main(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return 0
        }
        if let flag = arguments.first(where: { $0.hasPrefix("-") && $0 != "-" }) {
            return fail("unknown option '\(flag)' (usage: swift run course-site DIR)", status: 2)
        }
        guard arguments.count == 1, !arguments[0].isEmpty else {
            return fail(
                arguments.isEmpty
                    ? "missing the output folder (usage: swift run course-site DIR)"
                    : "expected one output folder, got \(arguments.count) arguments (usage: swift run course-site DIR)",
                status: 2)
        }
        let output = URL(fileURLWithPath: arguments[0])
        let start = Date()

        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let root = Course.find(from: here) ?? Course.find(from: LessonRunner.ownFolder()) else {
            return fail(
                "no course folder here: run course-site inside the course (the folder with Package.swift and Lessons/)",
                status: 2)
        }
        do {
            try FileManager.default.createDirectory(
                at: output.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        } catch {
            return fail("cannot create the output folder '\(arguments[0])'", status: 2)
        }
        guard FileManager.default.isWritableFile(atPath: output.path) else {
            return fail("cannot write into the output folder '\(arguments[0])'", status: 2)
        }

        do {
            let course = try Course(root: root)
            let recordings = try record(
                course.lessons.map(\.number), runner: LessonRunner(productsFolder: LessonRunner.ownFolder()))
            let writer = SiteWriter(course: course, recordings: recordings)
            let pages = try writer.pages()
            for page in pages {
                let url = output.appendingPathComponent(page.name)
                do {
                    try page.text.write(to: url, atomically: true, encoding: .utf8)
                } catch {
                    return fail("cannot write \(url.path)", status: 1)
                }
            }
            let htmlCount = pages.filter { $0.name.hasSuffix(".html") }.count
            let pictureCount = pages.filter { $0.name.hasSuffix(".svg") }.count
            let seconds = Date().timeIntervalSince(start)
            print(
                "Wrote the course site to \(output.path): \(htmlCount) pages, \(pictureCount) pictures, "
                    + "in \(String(format: "%.1f", seconds)) s. Open \(output.appendingPathComponent("index.html").path) in a browser."
            )
            return 0
        } catch {
            return fail("\(error)", status: 1)
        }
    }

    /// Runs every lesson twice, two runs at a time: once with its default flags (the output
    /// shown), once with `--svg` into a scratch folder (the pictures).
    static func record(_ lessons: [Int], runner: LessonRunner) throws -> [Int: LessonRecording] {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("course-site-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for lesson in lessons {
            try FileManager.default.createDirectory(
                at: scratch.appendingPathComponent("lesson-\(lesson)"),
                withIntermediateDirectories: true)
        }
        for lesson in lessons {  // say which lesson is missing before running any
            guard FileManager.default.isExecutableFile(atPath: runner.executable(lesson).path) else {
                throw LessonRunner.Failure(
                    description: "lesson-\(lesson) is not built next to course-site "
                        + "(\(runner.productsFolder.path)): run `swift build` first")
            }
        }
        // One run per lesson, with --svg: its output is the default run's plus a closing line
        // naming the folder, which is cut off (if that line ever changes, a second run without
        // --svg gives the output). The later, slower lessons first, so the two queues end together.
        let order = Array(lessons.reversed())
        let results = LessonRunner.twoAtATime(order.count) { index in
            let lesson = order[index]
            let folder = scratch.appendingPathComponent("lesson-\(lesson)")
            let text = try runner.run(lesson, ["--svg", folder.path])
            let output = try withoutSVGSummary(text, folder: folder.path) ?? runner.run(lesson)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
                .sorted()
            let pictures = try files.map { file in
                let svg = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                return LessonRecording.Picture(file: file, title: SVGInline.title(of: svg), svg: svg)
            }
            return LessonRecording(output: output, pictures: pictures)
        }
        var recordings: [Int: LessonRecording] = [:]
        for (index, result) in results.enumerated() {
            recordings[order[index]] = try result.get()
        }
        return recordings
    }

    /// A `--svg` run's output without its closing "Wrote 4 SVG pictures to FOLDER/" line (and
    /// the blank line before it), or nil when it does not end so.
    static func withoutSVGSummary(_ text: String, folder: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last == "" { lines.removeLast() }
        guard let last = lines.last, last.hasPrefix("Wrote "), last.hasSuffix(" to \(folder)/") else { return nil }
        lines.removeLast()
        if lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fail(_ message: String, status: Int32) -> Int32 {
        FileHandle.standardError.write(Data("course-site: \(message)\n".utf8))
        return status
    }
}
