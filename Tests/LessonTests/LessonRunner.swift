import Foundation
import XCTest

/// Runs a lesson's built executable and captures what it prints.
enum LessonRunner {
    /// The folder holding the built executables (next to the test bundle).
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return Bundle.main.bundleURL
    }

    /// The package's root folder, found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    struct Result: Sendable {
        var status: Int32
        var output: String
        var error: String
        /// Wall-clock seconds the run took.
        var seconds: Double
        /// Whether the run was stopped for taking longer than the time limit.
        var timedOut: Bool
    }

    /// A lesson run: its number, its arguments and any variables added to its environment.
    struct Run: Hashable, Sendable, CustomStringConvertible {
        var lesson: Int
        var arguments: [String] = []
        var environment: [String: String] = [:]
        var description: String {
            (environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + ["lesson-\(lesson)"] + arguments)
                .joined(separator: " ")
        }
    }

    /// Runs `lesson-N` with `arguments`, without a terminal and without colour, as a pipe would.
    /// A run that has not finished after `timeLimit` seconds is killed (a hang, not a slow run:
    /// speed is measured by the benchmark, never by a test).
    static func run(
        _ number: Int, _ arguments: [String] = [], timeLimit: Double = 60,
        environment extra: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("lesson-\(number)")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"  // not "dumb": transcripts are recorded with Unicode pictures
        environment["COLUMNS"] = nil  // the default width, whatever terminal runs the tests
        environment["LINES"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let killer = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: killer)
        // Read both pipes before waiting, so a long output cannot fill a pipe and block the lesson.
        nonisolated(unsafe) var errData = Data()
        let errorDone = DispatchSemaphore(value: 0)
        Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errorDone.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errorDone.wait()
        process.waitUntilExit()
        killer.cancel()
        let seconds = Date().timeIntervalSince(start)
        let timedOut = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self),
            seconds: seconds, timedOut: timedOut)
    }

    /// Runs many lessons, two at a time (the machines this runs on have two cores), and returns
    /// the results in the order of `runs`.
    static func runAll(_ runs: [Run], timeLimit: Double = 60) -> [Swift.Result<Result, Error>] {
        nonisolated(unsafe) var results = [Swift.Result<Result, Error>?](repeating: nil, count: runs.count)
        let lock = NSLock()
        nonisolated(unsafe) var next = 0
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < runs.count else { return }
                let result = Swift.Result {
                    try run(
                        runs[index].lesson, runs[index].arguments, timeLimit: timeLimit,
                        environment: runs[index].environment)
                }
                lock.lock()
                results[index] = result
                lock.unlock()
            }
        }
        return results.map { $0! }
    }

    /// A number or word that leaked into the output: Swift prints a not-a-number as "nan" and
    /// an overflow as "inf"; the lessons' prose writes "NaN" and "infinity", so any lowercase
    /// "nan" or "inf" standing alone is a value that should have been caught.
    static func leakedNonNumbers(in text: String) -> [String] {
        text.split(separator: "\n").filter { line in
            line.range(of: #"(?<![A-Za-z])[-+−]?(nan|inf)(?![A-Za-z])"#, options: .regularExpression) != nil
        }.map(String.init)
    }
}
