// Before Foundation: Glibc declares stdout and stderr as mutable globals, which Swift 6 rejects
// unless the module is imported with @preconcurrency first.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

// How a lesson ends, in one place:
//
//   0  the lesson ran to its end (a divergence it detects and explains is a result, not an error)
//   1  its output could not be written (a full disk, a closed pipe): what it printed is lost
//   2  bad input: one line on standard error says what was wrong
//
// Writing to standard error never stops a lesson, even when standard error is closed or full:
// the exit status still says what happened.

/// Set once a lesson stops for bad input, so the check of standard output leaves status 2 alone.
nonisolated(unsafe) private var stoppingForBadInput = false
/// The program name used in the message about lost output.
nonisolated(unsafe) private var programName = "lesson"

/// Writes `message` as one line on standard error, ignoring a failure to write it, and exits
/// with status 2.
public func exitForBadInput(_ message: String) -> Never {
    stoppingForBadInput = true
    writeToStandardError(message)
    exit(2)
}

/// Writes one line on standard error; a closed or full standard error is ignored rather than
/// trapped (FileHandle.write would stop the program).
public func writeToStandardError(_ line: String) {
    fputs(line + "\n", stderr)
    fflush(stderr)
}

/// Arranges that, when the program exits, standard output is flushed and checked: if anything
/// could not be written, the program says so on standard error and exits with status 1 instead
/// of 0, so a lost transcript never looks like a finished lesson.
public func watchForLostOutput(name: String) {
    programName = name
    atexit {
        let failed = fflush(stdout) != 0 || ferror(stdout) != 0
        if failed && !stoppingForBadInput {
            fputs("\(programName): could not write the output (\(String(cString: strerror(errno))))\n", stderr)
            _exit(1)
        }
    }
}
