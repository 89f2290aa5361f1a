import Foundation

/// One exercise: its line in Exercises/Package.swift and what its stub's header says.
struct ExerciseInfo {
    /// 1, 2, … (from its file name: E07_… is 7)
    let number: Int
    /// "E04_SigmoidDerivative": the file, the module and (with "Tests") the checks' module and class
    let name: String
    /// Earlier exercises whose functions it uses.
    let uses: [String]
    /// "The sigmoid's derivative" (from the header; the name when the file is missing)
    var title: String
    /// The lesson to re-read (0 when the header does not say).
    var lesson: Int
    /// The header's "Hint:" lines.
    var hint: String
    /// The header's first line, "// Exercise 3 · …", as the author wrote it (empty if missing).
    var header: String

    var file: String { "\(name).swift" }
    var testModule: String { "\(name)Tests" }
    /// "Exercise 3 · The sigmoid's derivative"
    var label: String { "Exercise \(number) · \(title)" }
}

/// Where things are: the students' package and how to show its paths.
struct Layout {
    /// The students' package (…/Exercises).
    let package: URL
    /// The folder the runner was started in (reports go there).
    let here: URL
    /// "Exercises/" when started from the course's folder, "" inside Exercises/.
    let prefix: String

    var sources: URL { package.appendingPathComponent("Sources/Exercises") }
    var tests: URL { package.appendingPathComponent("Tests/ExercisesTests") }
    var solutions: URL { package.appendingPathComponent("Solutions") }
    var progressFile: URL { package.appendingPathComponent(".exercises-progress.json") }
    var backups: URL { package.appendingPathComponent(".backups") }

    func stubPath(_ exercise: ExerciseInfo) -> String { prefix + "Sources/Exercises/" + exercise.file }
    func stubURL(_ exercise: ExerciseInfo) -> URL { sources.appendingPathComponent(exercise.file) }
    func testURL(_ exercise: ExerciseInfo) -> URL { tests.appendingPathComponent(exercise.name + "Tests.swift") }
    func solutionURL(_ exercise: ExerciseInfo) -> URL { solutions.appendingPathComponent(exercise.file) }

    /// A path from the compiler or a backtrace, shown relative to where the student is.
    func shown(_ path: String) -> String {
        let root = package.standardizedFileURL.path + "/"
        if path.hasPrefix(root) { return prefix + path.dropFirst(root.count) }
        return path
    }
}

/// The list in Exercises/Package.swift: lines `("E04_SigmoidDerivative", ["E03_Activations"]),`.
/// The root Package.swift reads it the same way.
func exerciseList(manifest: String) -> [(name: String, uses: [String])] {
    manifest.split(separator: "\n").compactMap { line in
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("(\"E") else { return nil }
        let quoted = trimmed.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        return quoted.first.map { (name: $0, uses: Array(quoted.dropFirst())) }
    }
}

/// "// Key: text" and its continuation lines ("//       more"), joined; "" when absent.
func headerField(_ key: String, in lines: [String]) -> String {
    var parts: [String] = []
    var inside = false
    for line in lines {
        if line.hasPrefix("// \(key): ") {
            inside = true
            parts.append(String(line.dropFirst("// \(key): ".count)))
        } else if inside, line.hasPrefix("//  "), !line.dropFirst(2).trimmingCharacters(in: .whitespaces).isEmpty {
            parts.append(line.dropFirst(2).trimmingCharacters(in: .whitespaces))
        } else if inside {
            break
        }
    }
    return parts.joined(separator: " ")
}

func loadCatalog(_ layout: Layout) throws -> [ExerciseInfo] {
    let manifest = try String(contentsOf: layout.package.appendingPathComponent("Package.swift"), encoding: .utf8)
    return exerciseList(manifest: manifest).enumerated().map { index, entry in
        // The number is the file's (E07_… is exercise 7), so it stays the same when exercises are added.
        var info = ExerciseInfo(
            number: Int(entry.name.dropFirst().prefix { $0.isNumber }) ?? index + 1,
            name: entry.name, uses: entry.uses,
            title: String(entry.name.drop { $0 != "_" }.dropFirst()), lesson: 0, hint: "", header: "")
        if let text = try? String(contentsOf: layout.sources.appendingPathComponent(info.file), encoding: .utf8) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            info.header = lines.first ?? ""
            if info.header.hasPrefix("// Exercise "), let dot = info.header.range(of: " · ") {
                info.title = String(info.header[dot.upperBound...])
            }
            info.lesson = Int(headerField("Lesson", in: lines).prefix { $0.isNumber }) ?? 0
            info.hint = headerField("Hint", in: lines)
        }
        return info
    }
}

/// The reference solution's "Why it works" and "Common mistakes" notes.
func solutionNotes(_ text: String) -> (why: String, mistakes: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return (headerField("Why it works", in: lines), headerField("Common mistakes", in: lines))
}
