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
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `lesson-N` with `arguments`, without a terminal and without colour, as a pipe would.
    static func run(_ number: Int, _ arguments: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("lesson-\(number)")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"  // not "dumb": transcripts are recorded with Unicode pictures
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting, so a long output cannot fill the pipe and block the lesson.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: outData, as: UTF8.self),
                      error: String(decoding: errData, as: UTF8.self))
    }
}
