// `swift run exercises`: the students' progress through the exercises in Exercises/.
//
//     swift run exercises            checklist, the next exercise, its failing checks and hint
//     swift run exercises --watch    the same, again whenever a file under Exercises/Sources changes
//     swift run exercises list       the checklist only
//     swift run exercises hint N     the hint of exercise N
//     swift run exercises report     write exercise-report.md, a progress report to hand in
//
// Exit status: 0 when every exercise passes, 1 otherwise, 2 for bad usage.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let environment = ProcessInfo.processInfo.environment
let onTerminal = isatty(STDOUT_FILENO) == 1
let colour = onTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"

func usage(_ problem: String) -> Never {
    FileHandle.standardError.write(Data("exercises: \(problem) (usage: swift run exercises [--watch | list | hint N | report])\n".utf8))
    exit(2)
}

func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

// MARK: - Where the exercises are

let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
let (package, prefix): (URL, String) = {
    if FileManager.default.fileExists(atPath: here.appendingPathComponent("Exercises/Package.swift").path) {
        return (here.appendingPathComponent("Exercises", isDirectory: true), "Exercises/")
    }
    if FileManager.default.fileExists(atPath: here.appendingPathComponent("Sources/Exercises").path) {
        return (here, "")
    }
    usage("no Exercises/ folder here; run it from the course's folder")
}()
let catalog: [ExerciseInfo]
do {
    catalog = try loadCatalog(package: package, displayPrefix: prefix)
} catch {
    usage("cannot read the exercises in \(package.path)")
}
guard !catalog.isEmpty else { usage("no exercises found in \(package.path)/Sources/Exercises") }

// MARK: - One run: build, check, print

/// Builds the exercises; on a compile error prints the student's file and line first and
/// returns nil.
func buildExercises() -> Bool {
    let build = runSwift(["build", "--build-tests"], in: package)
    guard build.status != 0 else { return true }
    let errors = compileErrors(in: build.output)
    guard let first = errors.first else {
        print(paint("The exercises do not build:", "31"))
        print(build.output.split(separator: "\n").suffix(15).joined(separator: "\n"))
        return false
    }
    let fileName = URL(fileURLWithPath: first.file).lastPathComponent
    let owner = catalog.first { $0.name + ".swift" == fileName }
    print(paint(owner.map { "Exercise \($0.number) does not compile yet:" } ?? "The exercises do not compile:", "31"))
    for error in errors.prefix(3) {
        let shown = error.file.contains("/Sources/Exercises/") ? prefix + "Sources/Exercises/" + URL(fileURLWithPath: error.file).lastPathComponent
                                                               : error.file
        print("  \(shown):\(error.line): \(error.message)")
        if let source = error.source { print("      \(source.trimmingCharacters(in: .whitespaces))") }
    }
    if errors.count > 3 { print("  … and \(errors.count - 3) more") }
    print("\nFix that line and run again; the other exercises are checked once everything compiles.")
    return false
}

func checklistLines(_ outcomes: [Int: Outcome]) -> [String] {
    let next = catalog.first { outcomes[$0.number] != .done }
    let width = catalog.map(\.title.count).max() ?? 0
    return catalog.map { exercise in
        let mark: String
        switch outcomes[exercise.number] {
        case .done?: mark = paint("✓", "32")
        case .crashed?: mark = paint("!", "31")
        default: mark = exercise.number == next?.number ? paint("→", "33") : "·"
        }
        let title = exercise.title + String(repeating: " ", count: width - exercise.title.count)
        let number = exercise.number < 10 ? " \(exercise.number)" : "\(exercise.number)"
        var line = "  \(mark) \(number)  \(title)  lesson \(exercise.lesson)"
        if case .crashed? = outcomes[exercise.number] { line += "  (crashed)" }
        return line
    }
}

/// One full run; returns whether everything passes.
func runOnce(showNext: Bool) -> Bool {
    guard buildExercises() else { return false }
    let outcomes = checkAll(catalog, package: package)
    let done = catalog.filter { outcomes[$0.number] == .done }.count
    print(paint("Exercises · \(done) of \(catalog.count) done", "1"))
    checklistLines(outcomes).forEach { print($0) }
    guard let next = catalog.first(where: { outcomes[$0.number] != .done }) else {
        print("\nEvery exercise passes. Well done!")
        return true
    }
    guard showNext else { return false }
    print("\nNext: exercise \(next.number) · \(next.title)")
    print("  file: \(next.path)")
    switch outcomes[next.number] {
    case .crashed(let message)?:
        print(paint("  it crashed while checking:", "31") + " \(message)")
        print("  (an index out of range or a division by zero are the usual causes)")
    case .failing(let messages)?:
        print("  failing checks:")
        for message in messages.prefix(5) { print("    " + paint("✗", "31") + " \(message)") }
        if messages.count > 5 { print("    … and \(messages.count - 5) more") }
    default: break
    }
    print("  hint: \(next.hint)")
    print("\nEdit the file, then run `swift run exercises` again (or keep `swift run exercises --watch` open).")
    return false
}

// MARK: - Commands

switch arguments.first {
case nil:
    exit(runOnce(showNext: true) ? 0 : 1)

case "list"?:
    guard arguments.count == 1 else { usage("'list' takes no argument") }
    guard buildExercises() else { exit(1) }
    let outcomes = checkAll(catalog, package: package)
    checklistLines(outcomes).forEach { print($0) }
    exit(catalog.allSatisfy { outcomes[$0.number] == .done } ? 0 : 1)

case "hint"?:
    guard arguments.count == 2, let n = Int(arguments[1]) else { usage("'hint' needs an exercise number") }
    guard let exercise = catalog.first(where: { $0.number == n }) else {
        usage("there is no exercise \(arguments[1]); they are numbered 1 to \(catalog.count)")
    }
    print("Exercise \(exercise.number) · \(exercise.title) (lesson \(exercise.lesson))")
    print("  file: \(exercise.path)")
    print("  hint: \(exercise.hint)")
    exit(0)

case "report"?:
    guard arguments.count == 1 else { usage("'report' takes no argument") }
    let compiled = buildExercises()
    let outcomes = compiled ? checkAll(catalog, package: package) : [:]
    let done = catalog.filter { outcomes[$0.number] == .done }.count
    var markdown = "# Exercise progress\n\n\(done) of \(catalog.count) exercises pass"
    markdown += compiled ? ".\n\n" : " (the exercises did not compile when this report was made).\n\n"
    markdown += "| # | exercise | lesson | status |\n|---|---|---|---|\n"
    for exercise in catalog {
        let status: String
        switch outcomes[exercise.number] {
        case .done?: status = "done"
        case .failing(let messages)?: status = "\(messages.count) failing check\(messages.count == 1 ? "" : "s")"
        case .crashed?: status = "crashes"
        case nil: status = "not checked"
        }
        markdown += "| \(exercise.number) | \(exercise.title) | \(exercise.lesson) | \(status) |\n"
    }
    let url = here.appendingPathComponent("exercise-report.md")
    do {
        try markdown.write(to: url, atomically: true, encoding: .utf8)
    } catch {
        usage("cannot write \(url.path)")
    }
    print("Wrote \(url.path): \(done) of \(catalog.count) done.")
    exit(done == catalog.count ? 0 : 1)

case "--watch"?:
    guard arguments.count == 1 else { usage("'--watch' takes no argument") }
    /// The modification dates of the students' files, to notice a save.
    func snapshot() -> [String: Date] {
        let folder = package.appendingPathComponent("Sources")
        var dates: [String: Date] = [:]
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey]) {
            for case let url as URL in walker where url.pathExtension == "swift" {
                dates[url.path] = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            }
        }
        return dates
    }
    while true {
        if onTerminal { print("\u{1B}[2J\u{1B}[H", terminator: "") }
        _ = runOnce(showNext: true)
        print(paint("\nWatching \(prefix)Sources for changes (Ctrl-C to stop)…", "2"))
        fflush(nil)
        let before = snapshot()
        while snapshot() == before { Thread.sleep(forTimeInterval: 0.5) }
    }

default:
    usage("unknown command '\(arguments[0])'")
}
