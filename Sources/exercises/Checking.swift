import Foundation

/// What running an exercise's checks found.
enum Outcome: Equatable {
    /// Every check passed.
    case done
    /// Some checks failed; their messages.
    case failing([String])
    /// The checks stopped with a trap (a crash); what it said.
    case crashed(String)
}

/// The result of running a command: its exit status and everything it printed.
struct CommandResult {
    var status: Int32
    var crashedBySignal: Bool
    var output: String
}

/// Runs `swift` with `arguments` in `folder` and collects its standard output and error together.
func runSwift(_ arguments: [String], in folder: URL) -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift"] + arguments
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        return CommandResult(status: 127, crashedBySignal: false, output: "could not start swift: \(error)")
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         crashedBySignal: process.terminationReason == .uncaughtSignal,
                         output: String(decoding: data, as: UTF8.self))
}

/// A compile error in a student's file: "E03_SigmoidDerivative.swift:14:5: error: …" and the
/// source line it points at.
struct CompileError {
    var file: String
    var line: Int
    var message: String
    var source: String?
}

/// The errors in `swift build`'s output, those in the exercises' own files first, in order,
/// without repeats.
func compileErrors(in output: String) -> [CompileError] {
    var errors: [CompileError] = []
    var seen = Set<String>()
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
        guard let range = line.range(of: ": error: ") else { continue }
        let location = line[..<range.lowerBound].split(separator: ":")
        guard location.count >= 2, let lineNumber = Int(location[1]) else { continue }
        let file = String(location[0])
        let key = "\(file):\(lineNumber):\(line[range.upperBound...])"
        guard !seen.contains(key) else { continue }
        seen.insert(key)
        // swiftc prints the offending source line a few lines below as " 14 |     code".
        let source = lines[(index + 1)..<min(index + 8, lines.count)].first { $0.contains("\(lineNumber) |") }
            .map { $0.components(separatedBy: "| ").dropFirst().joined(separator: "| ") }
        errors.append(CompileError(file: file, line: lineNumber, message: String(line[range.upperBound...]), source: source))
    }
    return errors.sorted { ($0.file.contains("/Sources/Exercises/") ? 0 : 1) < ($1.file.contains("/Sources/Exercises/") ? 0 : 1) }
}

/// Reads XCTest's output: which test classes finished, and the failure messages of each.
/// Linux prints "…/E01_NeuronOutputTests.swift:11: error: E01_NeuronOutputTests.testX : failed - message";
/// macOS prints "-[ExercisesTests.E01_NeuronOutputTests testX]"; both name the class.
func parseTestOutput(_ output: String, classes: [String]) -> (finished: Set<String>, failures: [String: [String]]) {
    var finished = Set<String>()
    var failures: [String: [String]] = [:]
    for line in output.split(separator: "\n").map(String.init) {
        for testClass in classes where line.contains(testClass) {
            if line.contains("Test Suite '\(testClass)'") && (line.contains(" passed ") || line.contains(" failed ")) {
                finished.insert(testClass)
            }
            if line.contains(": error: ") {
                let message = line.range(of: "failed - ").map { String(line[$0.upperBound...]) }
                    ?? String(line[line.range(of: ": error: ")!.upperBound...])
                failures[testClass, default: []].append(message)
            }
        }
    }
    return (finished, failures)
}

/// Runs the checks of every exercise. One `swift test` run does them all; if a trap stops it,
/// each exercise that had not finished runs again on its own, so one crash is reported against
/// its exercise without hiding the others' results.
func checkAll(_ catalog: [ExerciseInfo], package: URL) -> [Int: Outcome] {
    let classes = catalog.map(\.testClass)
    let all = runSwift(["test", "--skip-build", "--disable-swift-testing"], in: package)
    var (finished, failures) = parseTestOutput(all.output, classes: classes)
    var crashes: [String: String] = [:]
    if all.crashedBySignal || !classes.allSatisfy(finished.contains) {
        for testClass in classes where !finished.contains(testClass) {
            let alone = runSwift(["test", "--skip-build", "--disable-swift-testing", "--filter", "ExercisesTests.\(testClass)"], in: package)
            let parsed = parseTestOutput(alone.output, classes: [testClass])
            if parsed.finished.contains(testClass) {
                failures[testClass] = parsed.failures[testClass]
            } else {
                let fatal = alone.output.split(separator: "\n").first { $0.contains("Fatal error") || $0.contains("fatal error") }
                crashes[testClass] = fatal.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "the checks stopped with a crash"
                failures[testClass] = parsed.failures[testClass]
            }
        }
    }
    var outcomes: [Int: Outcome] = [:]
    for exercise in catalog {
        if let crash = crashes[exercise.testClass] {
            outcomes[exercise.number] = .crashed(crash)
        } else if let messages = failures[exercise.testClass], !messages.isEmpty {
            outcomes[exercise.number] = .failing(messages)
        } else {
            outcomes[exercise.number] = .done
        }
    }
    return outcomes
}
