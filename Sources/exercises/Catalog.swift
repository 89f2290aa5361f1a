import Foundation

/// One exercise, as its stub file's header describes it.
struct ExerciseInfo {
    /// 1, 2, …
    let number: Int
    /// "E03_SigmoidDerivative"
    let name: String
    /// "The sigmoid's derivative"
    let title: String
    /// The lesson to re-read.
    let lesson: Int
    /// The hint, from the header's "Hint:" lines.
    let hint: String
    /// The stub's path, relative to the folder the runner was started in.
    let path: String
    /// The XCTest class holding its checks.
    var testClass: String { name + "Tests" }
}

/// The exercises found in `<package>/Sources/Exercises`, in course order. Each file starts with
///
///     // Exercise 3 · The sigmoid's derivative
///     // Lesson: 2 (…)
///     …
///     // Hint: first line
///     //       more lines
func loadCatalog(package: URL, displayPrefix: String) throws -> [ExerciseInfo] {
    let folder = package.appendingPathComponent("Sources/Exercises")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasPrefix("E") && $0.hasSuffix(".swift") }
        .sorted()
    return try files.compactMap { file -> ExerciseInfo? in
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The number comes from the file name (E03_…), so an edited or deleted header cannot hide
        // an exercise; the title falls back to the name.
        guard let number = Int(file.dropFirst().prefix { $0.isNumber }) else { return nil }
        let name = String(file.dropLast(".swift".count))
        let first = lines.first ?? ""
        var title = String(name.drop { $0 != "_" }.dropFirst())
        if first.hasPrefix("// Exercise "), let dot = first.range(of: " · ") {
            title = String(first[dot.upperBound...])
        }
        let lesson = lines.first { $0.hasPrefix("// Lesson: ") }
            .flatMap { Int($0.dropFirst("// Lesson: ".count).prefix { $0.isNumber }) } ?? 0
        var hint: [String] = []
        var inHint = false
        for line in lines {
            if line.hasPrefix("// Hint: ") {
                inHint = true
                hint.append(String(line.dropFirst("// Hint: ".count)))
            } else if inHint, line.hasPrefix("//       ") {
                hint.append(String(line.dropFirst("//       ".count)))
            } else if inHint {
                break
            }
        }
        return ExerciseInfo(number: number, name: name, title: title, lesson: lesson,
                            hint: hint.joined(separator: " "), path: displayPrefix + "Sources/Exercises/" + file)
    }
}
