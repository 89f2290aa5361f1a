import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What checking one exercise found.
enum Outcome: Equatable {
    /// Every check passed.
    case done
    /// Some checks failed; their messages, in order.
    case failing([String])
    /// Its file or its checks' file is not there.
    case missing(String)
    /// Its file (or its checks, calling it) does not compile: the first error, as the compiler showed it.
    case doesNotCompile(CompileError)
    /// It uses an exercise that does not compile or is missing.
    case waitsFor(Int)
    /// The checks stopped with a crash: what it said, and where in the student's file if known.
    case crashed(message: String, location: String?)
    /// The checks ran past the time limit.
    case timedOut(Double)
    /// The checks used more memory than allowed.
    case outOfMemory(Int)
    /// Something else went wrong (the build itself, say); what.
    case notChecked(String)

    var isDone: Bool { self == .done }

    /// One line for a checklist and a report.
    var summary: String {
        switch self {
        case .done: return "done"
        case .failing(let messages): return "\(messages.count) failing check\(messages.count == 1 ? "" : "s")"
        case .missing: return "file missing"
        case .doesNotCompile: return "does not compile"
        case .waitsFor(let n): return "waits for exercise \(n)"
        case .crashed: return "crashed"
        case .timedOut(let limit): return "did not finish in \(formatSeconds(limit))"
        case .outOfMemory(let mb): return "used more than \(mb) MB"
        case .notChecked: return "not checked"
        }
    }

    /// The first problem, in plain words, for a report.
    var firstProblem: String? {
        switch self {
        case .done: return nil
        case .failing(let messages): return messages.first
        case .missing(let what): return what
        case .doesNotCompile(let error): return "\(error.location): \(error.message)"
        case .waitsFor(let n): return "uses exercise \(n), which does not compile, is missing, or did not finish"
        case .crashed(let message, let location): return message + (location.map { " at \($0)" } ?? "")
        case .timedOut(let limit): return "did not finish in \(formatSeconds(limit)): a loop that never ends?"
        case .outOfMemory(let mb): return "used more than \(mb) MB of memory"
        case .notChecked(let why): return why
        }
    }
}

func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
}

/// A compile error: where, what, and the compiler's excerpt (source lines and notes).
struct CompileError: Equatable {
    /// "Exercises/Sources/Exercises/E04_SigmoidDerivative.swift:20", as shown to the student
    var location: String
    /// The file's name, to find its exercise.
    var fileName: String
    var line: Int
    var message: String
    /// The lines the compiler printed under it: the source with markers, and its notes.
    var excerpt: [String]
    /// The notes (also inside the excerpt), "note: to match this opening '{'" with their lines.
    var notes: [String]
}

/// The errors in SwiftPM's output, in order, without repeats. Paths are shown with `layout`.
func compileErrors(in output: String, layout: Layout) -> [CompileError] {
    var errors: [CompileError] = []
    var seen = Set<String>()
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
        guard let range = line.range(of: ": error: "), line.hasPrefix("/") else { continue }
        let location = line[..<range.lowerBound].split(separator: ":")
        guard location.count >= 2, let lineNumber = Int(location[1]) else { continue }
        let path = String(location[0])
        let message = String(line[range.upperBound...])
        let key = "\(path):\(lineNumber):\(message)"
        guard seen.insert(key).inserted else { continue }
        // The excerpt: the following lines up to the next diagnostic or SwiftPM's next line.
        var excerpt: [String] = []
        var notes: [String] = []
        var lastSourceLine: Int? = nil
        for next in lines[(index + 1)...] {
            if next.hasPrefix("/") || next.hasPrefix("[") || next.isEmpty || next.hasPrefix("error:") { break }
            excerpt.append(next)
            let content = next.split(separator: "|", maxSplits: 1).map(String.init)
            if content.count == 2, let number = Int(content[0].trimmingCharacters(in: .whitespaces)) {
                lastSourceLine = number
            }
            if let note = next.range(of: "- note: ") {
                notes.append("line \(lastSourceLine.map(String.init) ?? "?"): \(next[note.upperBound...])")
            }
            if excerpt.count >= 14 { break }
        }
        // Separate notes ("file:line:col: note: …") directly after the error belong to it too.
        errors.append(
            CompileError(
                location: "\(layout.shown(path)):\(lineNumber)", fileName: URL(fileURLWithPath: path).lastPathComponent,
                line: lineNumber, message: message, excerpt: excerpt, notes: notes))
    }
    return errors
}

/// The exercise a compiler error belongs to: its own file or its checks' file.
func owner(of error: CompileError, in catalog: [ExerciseInfo]) -> ExerciseInfo? {
    catalog.first { error.fileName == $0.file || error.fileName == $0.name + "Tests.swift" }
}

/// The failure messages in XCTest's output (Linux: "…: error: Class.test : failed - message";
/// macOS: "…: error: -[Module.Class test] : message").
func failureMessages(in output: String) -> [String] {
    output.split(separator: "\n").compactMap { line -> String? in
        guard let error = line.range(of: ": error: ") else { return nil }
        let rest = line[error.upperBound...]
        if let failed = rest.range(of: " : failed - ") { return String(rest[failed.upperBound...]) }
        if let macOS = rest.range(of: "] : ") { return String(rest[macOS.upperBound...]) }
        return String(rest)
    }
}

/// A crash: the runtime's "Fatal error: …" (or the signal) and the first frame of the backtrace
/// in one of the student's files ("… at /…/Exercises/Sources/Exercises/E03_….swift:17:12").
func crashReport(in output: String, signal: Int32?, layout: Layout) -> (message: String, location: String?) {
    let lines = output.split(separator: "\n").map(String.init)
    var message = lines.first { $0.contains("Fatal error") }.map { line -> String in
        let text = line.range(of: "Fatal error: ").map { String(line[$0.upperBound...]) } ?? line
        return text.isEmpty ? "Fatal error" : text
    }
    if message == nil, let crashed = lines.first(where: { $0.contains("*** Program crashed: ") }) {
        message =
            crashed.replacingOccurrences(of: "*** Program crashed: ", with: "").replacingOccurrences(
                of: " ***", with: ""
            )
            .components(separatedBy: " at 0x").first
    }
    let studentFolder = layout.sources.standardizedFileURL.path + "/"
    var location: String? = nil
    for line in lines {
        guard let at = line.range(of: " at /", options: .backwards) else { continue }
        let path = "/" + String(line[at.upperBound...]).trimmingCharacters(in: .whitespaces)
        let pieces = path.split(separator: ":")
        guard pieces.count >= 2, path.hasPrefix(studentFolder) else { continue }
        location = "\(layout.shown(String(pieces[0]))):\(pieces[1])"
        break
    }
    // `fatalError` in the student's file prints its own place: "…/E03_….swift:17: Fatal error: …".
    if location == nil, let fatal = lines.first(where: { $0.contains(": Fatal error") && $0.hasPrefix(studentFolder) })
    {
        let pieces = fatal.split(separator: ":")
        if pieces.count >= 2 { location = "\(layout.shown(String(pieces[0]))):\(pieces[1])" }
    }
    return (message ?? "stopped by signal \(signal ?? 0)", location)
}

/// Settings every check shares.
struct Limits {
    /// Seconds for one exercise's checks.
    var checkSeconds: Double = 10
    /// Megabytes of address space for one exercise's checks.
    var memoryMB: Int = 4096
    /// Seconds for a build.
    var buildSeconds: Double = 600
}

/// Tells the student what is happening while SwiftPM builds: a status line on a terminal.
final class BuildStatus: @unchecked Sendable {
    let terminal: Bool
    private var shown = false
    private var lastLength = 0
    private let start = Date()
    private var lastPrint = Date.distantPast

    init(terminal: Bool) { self.terminal = terminal }

    func line(_ text: String) {
        if text.contains("Another instance of SwiftPM") {
            finish()
            print(text)
            print("  (another `swift` command is using Exercises/.build; see above for what to do)")
            fflush(nil)
            return
        }
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return }
        let counts = text[text.index(after: text.startIndex)..<close]
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed > (terminal ? 1.0 : 5.0) else { return }
        let status = "  compiling the exercises \(counts) (\(Int(elapsed)) s; the first time takes a minute or two)"
        if terminal {
            print("\r\u{1B}[K" + status, terminator: "")
            fflush(nil)
            shown = true
        } else if Date().timeIntervalSince(lastPrint) > 15 {
            print(status)
            fflush(nil)
            lastPrint = Date()
        }
    }

    func finish() {
        if terminal && shown {
            print("\r\u{1B}[K", terminator: "")
            fflush(nil)
        }
        shown = false
    }
}

/// Tells whether another process holds SwiftPM's lock on the students' build folder, and who.
func lockHolder(_ layout: Layout) -> String? {
    let lock = layout.package.appendingPathComponent(".build/.lock")
    guard let text = try? String(contentsOf: lock, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
        pid != getpid(), kill(pid, 0) == 0
    else { return nil }
    #if os(Linux)
    let command =
        (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?
        .replacingOccurrences(of: "\0", with: " ").trimmingCharacters(in: .whitespaces) ?? "?"
    // A pid from an old lock file may belong to an unrelated process by now.
    guard command.contains("swift") else { return nil }
    return "process \(pid) (\(command))"
    #else
    return "process \(pid)"
    #endif
}

/// The result of building: which exercises were left out and why.
struct BuildResult {
    var excluded: [String: Outcome] = [:]
    /// Set when the build failed for a reason no exercise explains.
    var failure: String? = nil
}

/// Builds the students' package and its checks. A file that does not compile is left out (through
/// EXERCISES_SKIP, which Exercises/Package.swift reads) and the build is tried again without it, so
/// one exercise's error hides no one else's progress.
func buildExercises(_ catalog: [ExerciseInfo], layout: Layout, limits: Limits, status: BuildStatus) -> BuildResult {
    var result = BuildResult()
    let byName = Dictionary(uniqueKeysWithValues: catalog.map { ($0.name, $0) })
    func excludeDependents() {
        for exercise in catalog where result.excluded[exercise.name] == nil {
            if let used = exercise.uses.first(where: { result.excluded[$0] != nil }), let user = byName[used] {
                result.excluded[exercise.name] = .waitsFor(user.number)
            }
        }
    }
    for exercise in catalog {
        let restore = "restore it with `swift run exercises reset \(exercise.number)`"
        if !FileManager.default.fileExists(atPath: layout.stubURL(exercise).path) {
            result.excluded[exercise.name] = .missing("\(layout.stubPath(exercise)) is missing; \(restore)")
        } else if !FileManager.default.fileExists(atPath: layout.testURL(exercise).path) {
            result.excluded[exercise.name] = .missing(
                "its checks, \(layout.shown(layout.testURL(exercise).path)), are missing; \(restore)")
        }
    }
    excludeDependents()
    if let holder = lockHolder(layout) {
        print("Exercises/.build is in use by \(holder).")
        print(
            "  If that is a run you stopped earlier, end it with `kill \(holder.split(separator: " ")[1])`; waiting for it (Ctrl-C to stop)…"
        )
        fflush(nil)
    }
    for _ in 0...catalog.count {
        let skip = result.excluded.keys.sorted().joined(separator: ",")
        let build = run(
            ["swift", "build", "--build-tests"], in: layout.package, environment: ["EXERCISES_SKIP": skip],
            timeLimit: limits.buildSeconds, gentle: true, onLine: status.line)
        status.finish()
        if build.timedOut {
            result.failure = "the build did not finish in \(formatSeconds(limits.buildSeconds)) and was stopped"
            return result
        }
        if build.status == 0 { return result }
        let errors = compileErrors(in: build.output, layout: layout)
        var found = false
        for error in errors {
            guard let exercise = owner(of: error, in: catalog), result.excluded[exercise.name] == nil else { continue }
            result.excluded[exercise.name] = .doesNotCompile(error)
            found = true
        }
        if !found {
            let tail = build.output.split(separator: "\n").suffix(12).joined(separator: "\n")
            result.failure = "the exercises do not build:\n\(tail)"
            return result
        }
        excludeDependents()
    }
    return result
}

/// The test bundle SwiftPM built for the students' package.
func testBundle(_ layout: Layout) -> URL {
    layout.package.appendingPathComponent(".build/debug/ExercisesPackageTests.xctest")
}

/// Runs one exercise's checks in a process of their own, under the time and memory limits.
func check(_ exercise: ExerciseInfo, layout: Layout, limits: Limits) -> Outcome {
    let filter = "\(exercise.testModule).\(exercise.testModule)"
    #if os(macOS)
    let command = ["xcrun", "xctest", "-XCTest", filter, testBundle(layout).path]
    #else
    let command = [testBundle(layout).path, filter]
    #endif
    let result = run(
        command, in: layout.package,
        environment: [
            "SWIFT_BACKTRACE":
                "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=no,limit=40",
            "NO_COLOR": "1"
        ],
        timeLimit: limits.checkSeconds, memoryLimitMB: limits.memoryMB)
    if result.timedOut { return .timedOut(limits.checkSeconds) }
    if result.output.contains("failed to allocate") || (result.signal == SIGKILL || result.signal == SIGXCPU) {
        return result.output.contains("failed to allocate")
            ? .outOfMemory(limits.memoryMB) : .timedOut(limits.checkSeconds)
    }
    let failures = failureMessages(in: result.output)
    if result.signal != nil || !result.output.contains("Executed") {
        let crash = crashReport(in: result.output, signal: result.signal, layout: layout)
        return .crashed(message: crash.message, location: crash.location)
    }
    if !failures.isEmpty { return .failing(failures) }
    if result.status != 0 { return .notChecked("the checks exited with status \(result.status)") }
    if !result.output.contains("Executed") || result.output.contains("Executed 0 tests") {
        return .notChecked("no checks ran (is \(layout.shown(layout.testURL(exercise).path)) intact?)")
    }
    return .done
}

/// Builds, then checks every exercise that built, two at a time (one per core up to four).
func checkAll(
    _ catalog: [ExerciseInfo], layout: Layout, limits: Limits, status: BuildStatus,
    only: Set<Int>? = nil
) -> [Int: Outcome] {
    let build = buildExercises(catalog, layout: layout, limits: limits, status: status)
    Children.shared.waitIfStopping()  // a signal during the build: its handler ends the runner
    var outcomes: [Int: Outcome] = [:]
    var toCheck: [ExerciseInfo] = []
    for exercise in catalog where only == nil || only!.contains(exercise.number) {
        if let excluded = build.excluded[exercise.name] {
            outcomes[exercise.number] = excluded
        } else if let failure = build.failure {
            outcomes[exercise.number] = .notChecked(failure)
        } else {
            toCheck.append(exercise)
        }
    }
    let results = Results()
    let lanes = max(2, min(4, ProcessInfo.processInfo.activeProcessorCount))
    let queue = Queue(toCheck)
    DispatchQueue.concurrentPerform(iterations: lanes) { _ in
        while let exercise = queue.next(), !Children.shared.isStopping {
            results.set(exercise.number, check(exercise, layout: layout, limits: limits))
        }
    }
    Children.shared.waitIfStopping()  // the checks were stopped by a signal, not finished
    for (number, outcome) in results.all { outcomes[number] = outcome }
    // An exercise that calls a runaway one runs away too: it waits for that one.
    for exercise in catalog {
        guard let outcome = outcomes[exercise.number] else { continue }
        let stopped: (Outcome?) -> Bool = { other in
            switch other {
            case .timedOut?, .outOfMemory?: return true
            default: return false
            }
        }
        if stopped(outcome),
            let used = catalog.first(where: { exercise.uses.contains($0.name) && stopped(outcomes[$0.number]) })
        {
            outcomes[exercise.number] = .waitsFor(used.number)
        }
    }
    return outcomes
}

final class Queue: @unchecked Sendable {
    private var items: [ExerciseInfo]
    private let lock = NSLock()
    init(_ items: [ExerciseInfo]) { self.items = items.reversed() }
    func next() -> ExerciseInfo? {
        lock.lock()
        defer { lock.unlock() }
        return items.popLast()
    }
}

final class Results: @unchecked Sendable {
    private var values: [Int: Outcome] = [:]
    private let lock = NSLock()
    func set(_ key: Int, _ value: Outcome) {
        lock.lock()
        values[key] = value
        lock.unlock()
    }
    var all: [Int: Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
