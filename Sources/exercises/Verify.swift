import Foundation

/// `swift run exercises verify`, for authors (and CI, on a fresh clone): for every exercise in the
/// list, the header names its lesson, the hint and the solution's notes are written, the
/// untouched stub fails at least one check without crashing, and the reference solution passes.
/// The stubs and solutions are checked through the students' package, on a scratch copy.
func verify(_ catalog: [ExerciseInfo], layout: Layout, limits: Limits, scratch: String?) -> Bool {
    var problems: [String] = []
    let fileManager = FileManager.default
    let courseRoot = layout.package.deletingLastPathComponent()
    let lessonFolders =
        (try? fileManager.contentsOfDirectory(atPath: courseRoot.appendingPathComponent("Lessons").path)) ?? []

    // The files, the header, the hint and the notes.
    for exercise in catalog {
        let name = "exercise \(exercise.number) (\(exercise.name))"
        for (url, what) in [
            (layout.stubURL(exercise), "stub"), (layout.testURL(exercise), "checks"),
            (layout.solutionURL(exercise), "solution")
        ]
        where !fileManager.fileExists(atPath: url.path) {
            problems.append("\(name): its \(what) \(layout.shown(url.path)) is missing")
        }
        if !exercise.header.hasPrefix("// Exercise \(exercise.number) · ") {
            problems.append(
                "\(name): the stub's first line should be \"// Exercise \(exercise.number) · <title>\", is \"\(exercise.header)\""
            )
        }
        let lessonPrefix = String(format: "%02d-", exercise.lesson)
        if exercise.lesson == 0 || !lessonFolders.contains(where: { $0.hasPrefix(lessonPrefix) }) {
            problems.append(
                "\(name): the header's \"// Lesson: N\" line should name a lesson in Lessons/ (found \(exercise.lesson))"
            )
        }
        if exercise.hint.isEmpty { problems.append("\(name): the header has no \"// Hint:\" text") }
        let solution = (try? String(contentsOf: layout.solutionURL(exercise), encoding: .utf8)) ?? ""
        let notes = solutionNotes(solution)
        if notes.why.isEmpty { problems.append("\(name): the solution has no \"// Why it works:\" note") }
        if notes.mistakes.isEmpty { problems.append("\(name): the solution has no \"// Common mistakes:\" note") }
        for used in exercise.uses where !catalog.contains(where: { $0.name == used && $0.number < exercise.number }) {
            problems.append("\(name): it uses \(used), which is not an earlier exercise in the list")
        }
    }
    let listed = Set(catalog.map(\.file))
    for folder in [layout.sources, layout.solutions] {
        for file in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        where file.hasSuffix(".swift") && !listed.contains(file) {
            problems.append(
                "\(layout.shown(folder.appendingPathComponent(file).path)) is not in the list in Exercises/Package.swift"
            )
        }
    }

    // A scratch copy of the students' package: first as it is, then with the solutions in place.
    let folder = URL(
        fileURLWithPath: scratch ?? NSTemporaryDirectory() + "exercises-verify-\(getpid())", isDirectory: true)
    let copy = folder.appendingPathComponent("Exercises", isDirectory: true)
    let scratchLayout = Layout(package: copy, here: folder, prefix: "Exercises/")
    do {
        try? fileManager.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["Package.swift", "Sources", "Tests", "Solutions"] {
            let target = copy.appendingPathComponent(item)
            try? fileManager.removeItem(at: target)
            try fileManager.copyItem(at: layout.package.appendingPathComponent(item), to: target)
        }
    } catch {
        print("cannot make a scratch copy in \(folder.path): \(error)")
        return false
    }
    defer { if scratch == nil { try? fileManager.removeItem(at: folder) } }

    print("Checking the stubs (a scratch copy in \(folder.path))…")
    let status = BuildStatus(terminal: isatty(STDOUT_FILENO) == 1)
    let stubs = checkAll(catalog, layout: scratchLayout, limits: limits, status: status)
    for exercise in catalog {
        let outcome = stubs[exercise.number] ?? .notChecked("not checked")
        switch outcome {
        case .failing(let messages):
            print(
                "  ok  \(exercise.number) stub: \(messages.count) failing check\(messages.count == 1 ? "" : "s"), first: \(messages[0])"
            )
        default:
            problems.append(
                "exercise \(exercise.number): the untouched stub should fail a check without crashing; it \(outcome.summary): \(outcome.firstProblem ?? "")"
            )
        }
    }

    print("Checking the reference solutions in the students' package…")
    for exercise in catalog {
        let target = scratchLayout.stubURL(exercise)
        try? fileManager.removeItem(at: target)
        try? fileManager.copyItem(at: scratchLayout.solutionURL(exercise), to: target)
    }
    let solved = checkAll(catalog, layout: scratchLayout, limits: limits, status: status)
    for exercise in catalog {
        let outcome = solved[exercise.number] ?? .notChecked("not checked")
        if outcome.isDone {
            print("  ok  \(exercise.number) solution passes")
        } else {
            problems.append(
                "exercise \(exercise.number): the reference solution should pass; it \(outcome.summary): \(outcome.firstProblem ?? "")"
            )
        }
    }

    if problems.isEmpty {
        print(
            "verify: all \(catalog.count) exercises are sound (stub fails, solution passes, hint, note and lesson present)."
        )
        return true
    }
    print("verify found \(problems.count) problem\(problems.count == 1 ? "" : "s"):")
    for problem in problems { print("  ✗ \(problem)") }
    return false
}
