// `swift run exercises`: the students' progress through the exercises in Exercises/.
// `swift run exercises help` lists the commands. Exit status: 0 when every exercise passes (or a
// command did what it was asked), 1 otherwise, 2 for bad usage.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let usageText = """
    Usage: swift run exercises [command] [options]

    Commands:
      (none)            build, check every exercise, show the checklist and the next exercise
      --watch           the same, again within a second of every save (Ctrl-C to stop)
      list              the checklist only
      hint N            the hint of exercise N
      reset N           put back exercise N's original file (yours is kept in Exercises/.backups/)
      solution N        the reference solution of exercise N and why it works, once N passes
                        (--force shows it before; the report says so)
      report            write exercise-report.md and exercise-report.json to hand in
                        (--name "Your Name", or git's user.name)
      verify            for authors: every stub fails a check without crashing, every solution
                        passes, every hint and solution note is written, every header names its lesson
      help, -h, --help  this text

    Options:
      --time-limit S    seconds for one exercise's checks (default 10)
      --memory-limit MB memory for one exercise's checks (default 4096)

    Exit status: 0 when every exercise passes (or the command did its job), 1 otherwise, 2 for bad usage.
    """

func usage(_ problem: String) -> Never {
    FileHandle.standardError.write(Data("exercises: \(problem) (see `swift run exercises help`)\n".utf8))
    exit(2)
}

// MARK: - Arguments

nonisolated(unsafe) var words: [String] = []
nonisolated(unsafe) var limits = Limits()
nonisolated(unsafe) var studentName: String? = nil
nonisolated(unsafe) var force = false
nonisolated(unsafe) var watch = false
nonisolated(unsafe) var scratchFolder: String? = nil
do {
    var rest = Array(CommandLine.arguments.dropFirst())
    while !rest.isEmpty {
        let word = rest.removeFirst()
        func value() -> String {
            guard !rest.isEmpty else { usage("\(word) needs a value") }
            return rest.removeFirst()
        }
        switch word {
        case "--time-limit":
            let text = value()
            guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
                usage("--time-limit takes seconds between 0 and 3600, got '\(text)'")
            }
            limits.checkSeconds = seconds
        case "--memory-limit":
            let text = value()
            guard let mb = Int(text), mb >= 256 else {
                usage("--memory-limit takes megabytes, at least 256, got '\(text)'")
            }
            limits.memoryMB = mb
        case "--name": studentName = value()
        case "--force": force = true
        case "--watch": watch = true
        case "--scratch": scratchFolder = value()
        case "-h", "--help":
            words = ["help"]
            rest = []
        default:
            if word.hasPrefix("-") { usage("unknown option '\(word)'") }
            words.append(word)
        }
    }
}
if words.first == "help" {
    print(usageText)
    exit(0)
}

let environment = ProcessInfo.processInfo.environment
let onTerminal = isatty(STDOUT_FILENO) == 1
let colour = onTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

// MARK: - Where the exercises are

let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
let layout: Layout = {
    if FileManager.default.fileExists(atPath: here.appendingPathComponent("Exercises/Package.swift").path) {
        return Layout(
            package: here.appendingPathComponent("Exercises", isDirectory: true), here: here, prefix: "Exercises/")
    }
    if FileManager.default.fileExists(atPath: here.appendingPathComponent("Sources/Exercises").path) {
        return Layout(package: here, here: here, prefix: "")
    }
    usage("no Exercises/ folder here; run it from the course's folder")
}()
let catalog: [ExerciseInfo]
do {
    catalog = try loadCatalog(layout)
} catch {
    usage("cannot read the list of exercises in \(layout.prefix)Package.swift")
}
guard !catalog.isEmpty else { usage("no exercises listed in \(layout.prefix)Package.swift") }

/// The exercise named by the command's one argument, or a clear usage error.
func exerciseArgument(_ command: String) -> ExerciseInfo {
    let arguments = Array(words.dropFirst())
    guard arguments.count == 1 else {
        if arguments.isEmpty { usage("'\(command)' needs an exercise number, e.g. `swift run exercises \(command) 3`") }
        usage(
            "'\(command)' takes one exercise number, got \(arguments.count) (\(arguments.joined(separator: " "))); e.g. `swift run exercises \(command) \(arguments[0])`"
        )
    }
    guard let n = Int(arguments[0]) else {
        usage("'\(arguments[0])' is not an exercise number (\(numberRange(catalog)))")
    }
    guard let exercise = catalog.first(where: { $0.number == n }) else {
        usage("there is no exercise \(n); they are numbered \(numberRange(catalog))")
    }
    return exercise
}

// MARK: - Progress kept between runs (hints and solutions viewed), git-ignored

struct Progress: Codable {
    var hintsViewed: [Int: Int] = [:]
    /// exercise → "after passing" or "forced before passing"
    var solutionsViewed: [Int: String] = [:]
}

func loadProgress() -> Progress {
    guard let data = try? Data(contentsOf: layout.progressFile) else { return Progress() }
    return (try? JSONDecoder().decode(Progress.self, from: data)) ?? Progress()
}

func saveProgress(_ progress: Progress) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try? encoder.encode(progress).write(to: layout.progressFile)
}

// MARK: - Stopping cleanly

let stopMessage = watch ? "\nStopped watching; nothing is left running." : "\nStopped; nothing is left running."
let stopStatus: Int32 = watch ? 0 : 130
installSignalHandlers {
    print(stopMessage)
    exit(stopStatus)
}

// MARK: - Printing a run

func checkEverything(only: Set<Int>? = nil) -> [Int: Outcome] {
    checkAll(catalog, layout: layout, limits: limits, status: BuildStatus(terminal: onTerminal), only: only)
}

func checklistLines(_ outcomes: [Int: Outcome]) -> [String] {
    let next = catalog.first { outcomes[$0.number]?.isDone != true }
    let width = catalog.map(\.title.count).max() ?? 0
    return catalog.map { exercise in
        let outcome = outcomes[exercise.number]
        let mark: String
        switch outcome {
        case .done?: mark = paint("✓", "32")
        case .failing?: mark = exercise.number == next?.number ? paint("→", "33") : "·"
        default: mark = paint("!", "31")
        }
        let title = exercise.title + String(repeating: " ", count: max(0, width - exercise.title.count))
        let number = exercise.number < 10 ? " \(exercise.number)" : "\(exercise.number)"
        var line = "  \(mark) \(number)  \(title)  lesson \(exercise.lesson)"
        if let outcome, !outcome.isDone, !isFailing(outcome) { line += "  (\(outcome.summary))" }
        return line
    }
}

/// Everything about one exercise that is not done, in plain words.
func explain(_ exercise: ExerciseInfo, _ outcome: Outcome) {
    print("\n\(exercise.label)")
    print("  file: \(layout.stubPath(exercise))")
    switch outcome {
    case .failing(let messages):
        print("  failing checks:")
        for message in messages.prefix(5) { print("    " + paint("✗", "31") + " \(message)") }
        if messages.count > 5 { print("    … and \(messages.count - 5) more") }
    case .missing(let what):
        print(paint("  missing: ", "31") + what)
    case .doesNotCompile(let error):
        let noteLines = error.notes.compactMap { $0.split(separator: ":").first.map(String.init) }.filter {
            $0 != "line \(error.line)"
        }
        print(
            paint("  does not compile: ", "31") + "\(error.location): \(error.message)"
                + (noteLines.isEmpty ? "" : " (the compiler's note points at \(noteLines[0]))"))
        for line in error.excerpt { print("    " + line) }
        for note in error.notes
        where !error.excerpt.contains(where: {
            $0.contains(note.split(separator: ":", maxSplits: 1).last.map(String.init) ?? note)
        }) {
            print("    note (\(note))")
        }
        if error.fileName.hasSuffix("Tests.swift") {
            print("  The checks call your functions as the stub declared them: keep their names and parameters.")
        }
    case .waitsFor(let n):
        print(
            "  it uses exercise \(n)'s functions: fix exercise \(n) first (it does not compile, is missing, or did not finish)."
        )
    case .crashed(let message, let location):
        print(paint("  crashed while checking: ", "31") + message)
        if let location {
            print("    at \(location)")
        } else {
            print("    (an index out of range or a division by zero are the usual causes)")
        }
    case .timedOut(let limit):
        print(
            paint(
                "  exercise \(exercise.number) did not finish in \(formatSeconds(limit)): a loop that never ends?", "31"
            ))
        print("    It was stopped; check that every loop moves towards its end (or raise the limit with --time-limit).")
    case .outOfMemory(let mb):
        print(paint("  exercise \(exercise.number) used more than \(mb) MB of memory and was stopped:", "31"))
        print("    an array that grows without end? (--memory-limit changes the cap)")
    case .notChecked(let why):
        print("  not checked: \(why)")
    case .done:
        break
    }
    if !exercise.hint.isEmpty, isFailing(outcome) { print("  hint: \(exercise.hint)") }
}

func isFailing(_ outcome: Outcome?) -> Bool {
    if case .failing? = outcome { return true }
    return false
}

/// One full run; returns whether everything passes.
func runOnce(showNext: Bool) -> Bool {
    present(checkEverything(), showNext: showNext)
}

/// Prints the checklist and what to do next; returns whether everything passes.
func present(_ outcomes: [Int: Outcome], showNext: Bool = true, took seconds: Double? = nil) -> Bool {
    let done = catalog.filter { outcomes[$0.number]?.isDone == true }.count
    print(
        paint("Exercises · \(done) of \(catalog.count) done", "1")
            + (seconds.map { paint("  (checked in \(String(format: "%.1f", $0)) s)", "2") } ?? ""))
    for line in checklistLines(outcomes) { print(line) }
    if done == catalog.count {
        print(
            "\nEvery exercise passes. Well done! `swift run exercises solution N` shows a reference solution to compare with."
        )
        return true
    }
    guard showNext else { return false }
    // Problems that stop a check (not compiling, a crash, a loop) come first: they hide progress.
    for exercise in catalog {
        guard let outcome = outcomes[exercise.number], !outcome.isDone else { continue }
        if isFailing(outcome) { continue }
        explain(exercise, outcome)
    }
    if let next = catalog.first(where: { isFailing(outcomes[$0.number]) }) {
        print("\nNext: exercise \(next.number) · \(next.title)")
        explain(next, outcomes[next.number]!)
    }
    print("\nEdit the file, then run `swift run exercises` again (or keep `swift run exercises --watch` open).")
    return false
}

// MARK: - Commands

/// The commit the course was cloned at: the last one that changed anything outside the students'
/// files (so a student's own commits of their exercises do not count).
func courseCommit() -> String? {
    let result = run(
        ["git", "log", "-1", "--format=%H", "--", ".", ":(exclude)Exercises/Sources"],
        in: layout.package.deletingLastPathComponent(), timeLimit: 10)
    let hash = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    return result.status == 0 && hash.count == 40 ? hash : nil
}

func gitUserName() -> String? {
    let result = run(["git", "config", "user.name"], in: layout.here, timeLimit: 10)
    let name = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    return result.status == 0 && !name.isEmpty ? name : nil
}

func jsonString(_ text: String) -> String {
    let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
    return String(decoding: data, as: UTF8.self)
}

if watch {
    guard words.isEmpty else { usage("--watch takes no command") }
    /// The modification dates of the students' files, to notice a save.
    func snapshot() -> [String: Date] {
        var dates: [String: Date] = [:]
        for folder in [layout.sources, layout.tests] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.hasSuffix(".swift") {
                let url = folder.appendingPathComponent(name)
                dates[url.path] =
                    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            }
        }
        return dates
    }
    while true {
        let before = snapshot()
        if onTerminal { print("\u{1B}[2J\u{1B}[H", terminator: "") }
        print(paint("checking…", "2"))
        let start = Date()
        let outcomes = checkEverything()
        if onTerminal { print("\u{1B}[2J\u{1B}[H", terminator: "") }
        _ = present(outcomes, took: Date().timeIntervalSince(start))
        print(paint("\nWatching \(layout.prefix)Sources for changes (Ctrl-C to stop)…", "2"))
        while snapshot() == before { usleep(300_000) }
    }
}

switch words.first {
case nil:
    exit(runOnce(showNext: true) ? 0 : 1)

case "list"?:
    guard words.count == 1 else { usage("'list' takes no argument") }
    let outcomes = checkEverything()
    for line in checklistLines(outcomes) { print(line) }
    exit(catalog.allSatisfy { outcomes[$0.number]?.isDone == true } ? 0 : 1)

case "hint"?:
    let exercise = exerciseArgument("hint")
    print("\(exercise.label) (lesson \(exercise.lesson))")
    print("  file: \(layout.stubPath(exercise))")
    print(
        "  hint: \(exercise.hint.isEmpty ? "(this exercise's file has no hint; is its header intact?)" : exercise.hint)"
    )
    var progress = loadProgress()
    progress.hintsViewed[exercise.number, default: 0] += 1
    saveProgress(progress)
    exit(0)

case "reset"?:
    let exercise = exerciseArgument("reset")
    guard let commit = courseCommit() else {
        usage(
            "cannot find the course's original files: this folder is not a git clone of the course (or git is not installed)"
        )
    }
    let path = "Exercises/Sources/Exercises/\(exercise.file)"
    let original = run(
        ["git", "show", "\(commit):\(path)"], in: layout.package.deletingLastPathComponent(), timeLimit: 10)
    guard original.status == 0 else { usage("the course's commit \(commit.prefix(8)) has no \(path)") }
    let target = layout.stubURL(exercise)
    if FileManager.default.fileExists(atPath: target.path) {
        try? FileManager.default.createDirectory(at: layout.backups, withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let backup = layout.backups.appendingPathComponent("\(exercise.name)-\(stamp).swift")
        do { try FileManager.default.moveItem(at: target, to: backup) } catch {
            usage("cannot back up \(target.path): \(error)")
        }
        print("Your version is kept in \(layout.shown(backup.path)) (git ignores it).")
    }
    do { try original.output.write(to: target, atomically: true, encoding: .utf8) } catch {
        usage("cannot write \(target.path)")
    }
    print("Put back the original \(layout.stubPath(exercise)).")
    exit(0)

case "solution"?:
    let exercise = exerciseArgument("solution")
    let outcome = checkEverything(only: [exercise.number])[exercise.number] ?? .notChecked("")
    if !outcome.isDone && !force {
        print(
            "Exercise \(exercise.number) does not pass yet (\(outcome.summary)). Try it first: `swift run exercises hint \(exercise.number)`."
        )
        print(
            "To read the solution anyway: `swift run exercises solution \(exercise.number) --force` (your report will say so)."
        )
        exit(1)
    }
    guard let text = try? String(contentsOf: layout.solutionURL(exercise), encoding: .utf8) else {
        usage("no reference solution at \(layout.shown(layout.solutionURL(exercise).path))")
    }
    print(
        paint("Reference solution of \(exercise.label)", "1")
            + (outcome.isDone ? "" : " (shown before it passes, with --force)"))
    print("  (\(layout.shown(layout.solutionURL(exercise).path)))\n")
    print(text)
    var progress = loadProgress()
    if progress.solutionsViewed[exercise.number] != "after passing" {
        progress.solutionsViewed[exercise.number] = outcome.isDone ? "after passing" : "forced before passing"
    }
    saveProgress(progress)
    exit(0)

case "report"?:
    guard words.count == 1 else { usage("'report' takes no argument (the name goes in --name \"Your Name\")") }
    let outcomes = checkEverything()
    let progress = loadProgress()
    let name = studentName ?? gitUserName() ?? "(no name: add --name \"Your Name\")"
    let date = ISO8601DateFormatter().string(from: Date())
    let commit = courseCommit() ?? "unknown (not a git clone)"
    let done = catalog.filter { outcomes[$0.number]?.isDone == true }.count
    var markdown = "# Exercise progress\n\n- name: \(name)\n- date: \(date)\n- course commit: \(commit)\n"
    markdown += "- \(done) of \(catalog.count) exercises pass\n\n"
    markdown +=
        "| # | exercise | lesson | status | first failing check | hints viewed | solution viewed |\n|---|---|---|---|---|---|---|\n"
    var json =
        "{\n  \"name\": \(jsonString(name)),\n  \"date\": \(jsonString(date)),\n  \"courseCommit\": \(jsonString(commit)),\n"
    json += "  \"done\": \(done),\n  \"total\": \(catalog.count),\n  \"exercises\": [\n"
    for (index, exercise) in catalog.enumerated() {
        let outcome = outcomes[exercise.number] ?? .notChecked("not checked")
        let first = outcome.firstProblem ?? ""
        let hints = progress.hintsViewed[exercise.number] ?? 0
        let solution = progress.solutionsViewed[exercise.number] ?? "no"
        let cell = first.replacingOccurrences(of: "|", with: "\\|")
        markdown +=
            "| \(exercise.number) | \(exercise.title) | \(exercise.lesson) | \(outcome.summary) | \(cell) | \(hints) | \(solution) |\n"
        json +=
            "    {\"number\": \(exercise.number), \"name\": \(jsonString(exercise.name)), \"title\": \(jsonString(exercise.title)), "
        json +=
            "\"lesson\": \(exercise.lesson), \"status\": \(jsonString(outcome.summary)), \"done\": \(outcome.isDone), "
        json += "\"firstFailingCheck\": \(first.isEmpty ? "null" : jsonString(first)), \"hintsViewed\": \(hints), "
        json += "\"solutionViewed\": \(jsonString(solution))}\(index == catalog.count - 1 ? "" : ",")\n"
    }
    json += "  ]\n}\n"
    let markdownURL = layout.here.appendingPathComponent("exercise-report.md")
    let jsonURL = layout.here.appendingPathComponent("exercise-report.json")
    do {
        try markdown.write(to: markdownURL, atomically: true, encoding: .utf8)
        try json.write(to: jsonURL, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(
            Data("exercises: cannot write the report in \(layout.here.path): \(error)\n".utf8))
        exit(1)
    }
    print("Wrote exercise-report.md and exercise-report.json (\(done) of \(catalog.count) done, for \(name)).")
    exit(0)

case "verify"?:
    guard words.count == 1 else { usage("'verify' takes no argument") }
    exit(verify(catalog, layout: layout, limits: limits, scratch: scratchFolder) ? 0 : 1)

default:
    usage("unknown command '\(words[0])'")
}

/// "1 to 30": the numbers the exercises carry (from their file names).
func numberRange(_ catalog: [ExerciseInfo]) -> String {
    guard let first = catalog.map(\.number).min(), let last = catalog.map(\.number).max() else { return "none yet" }
    return "\(first) to \(last)"
}
