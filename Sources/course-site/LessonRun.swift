import Foundation

/// Runs the built lesson programs that sit next to this program, as a student's pipe would:
/// no terminal, no colour, the default width, nothing on standard input, and a time limit.
struct LessonRunner: Sendable {
    /// The folder of the built executables (`.build/debug` after `swift build`).
    let productsFolder: URL
    /// Seconds after which a lesson is stopped (a hang, not a slow run).
    var timeLimit: Double = 60

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The folder holding this program: the lessons are built into the same one.
    static func ownFolder() -> URL {
        let path = CommandLine.arguments.first ?? ""
        var url = Bundle.main.executableURL ?? URL(fileURLWithPath: path)
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            url = URL(fileURLWithPath: resolved)
        }
        #endif
        return url.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    func executable(_ lesson: Int) -> URL {
        productsFolder.appendingPathComponent("lesson-\(lesson)")
    }

    /// The lesson's standard output, or a failure that says in one line what went wrong.
    func run(_ lesson: Int, _ arguments: [String] = []) throws -> String {
        let program = executable(lesson)
        guard FileManager.default.isExecutableFile(atPath: program.path) else {
            throw Failure(
                description: "lesson-\(lesson) is not built in \(productsFolder.path): run `swift build` first")
        }
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"
        environment["COLUMNS"] = nil
        environment["LINES"] = nil
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let killer = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: killer)
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
        let command = (["lesson-\(lesson)"] + arguments).joined(separator: " ")
        if process.terminationReason == .uncaughtSignal {
            if process.terminationStatus == SIGKILL {
                throw Failure(description: "\(command) did not finish within \(Int(timeLimit)) s and was stopped")
            }
            throw Failure(description: "\(command) crashed (signal \(process.terminationStatus))")
        }
        guard process.terminationStatus == 0 else {
            let firstLine = String(decoding: errData, as: UTF8.self).split(separator: "\n").first ?? ""
            throw Failure(description: "\(command) ended with status \(process.terminationStatus): \(firstLine)")
        }
        return String(decoding: outData, as: UTF8.self)
    }

    /// Runs `jobs` two at a time (the machines the course is taught on have two cores) and
    /// returns their results in order.
    static func twoAtATime<T: Sendable>(_ count: Int, _ job: @Sendable @escaping (Int) throws -> T) -> [Result<
        T, Error
    >] {
        nonisolated(unsafe) var results = [Result<T, Error>?](repeating: nil, count: count)
        nonisolated(unsafe) var next = 0
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < count else { return }
                let result = Result { try job(index) }
                lock.lock()
                results[index] = result
                lock.unlock()
            }
        }
        return results.map { $0! }
    }
}
