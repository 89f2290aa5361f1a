#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// `--pause` on a terminal, for teaching with a projector: every step starts on a clean screen
/// with its number and title at the top, and between steps the lesson waits for a key:
///
///     Enter  the next step        b  back one step        r  this step again        q  quit
///
/// A lesson's output is the same on every run with the same flags, so going back is done by
/// running the lesson again from the start with the earlier steps' output silenced, until the
/// wanted step begins. Nothing changes for a piped run: there `--pause` does nothing.
struct ProjectorMode {
    /// The environment variable that tells a re-run lesson which step to show first.
    static let startVariable = "LESSON_START_STEP"

    /// The first step to show; the steps before it run silently.
    let startStep: Int
    /// Standard output, kept aside while the first steps run silently.
    private var savedOutput: Int32 = -1

    init(environment: [String: String]) {
        startStep = max(1, environment[Self.startVariable].flatMap(Int.init) ?? 1)
        unsetenv(Self.startVariable)
        if startStep > 1 {
            // Silence the steps before the start: standard output goes to /dev/null until then.
            fflush(nil)
            savedOutput = dup(STDOUT_FILENO)
            let null = open("/dev/null", O_WRONLY)
            if savedOutput >= 0 && null >= 0 {
                dup2(null, STDOUT_FILENO)
                close(null)
            }
        }
    }

    /// Called as step `number` begins. Before a step after the start, waits for the teacher's
    /// key (and acts on b, r and q); at the start step, brings standard output back. Returns
    /// whether to clear the screen for the step.
    mutating func beginStep(_ number: Int, previousTitle: String) -> Bool {
        if number < startStep { return false }
        if number == startStep {
            if savedOutput >= 0 {
                fflush(nil)
                dup2(savedOutput, STDOUT_FILENO)
                close(savedOutput)
                savedOutput = -1
            }
            return true
        }
        while true {
            // The prompt names the step on screen, whose heading may have scrolled away.
            print(
                "\n[step \(number - 1) · \(previousTitle) · Enter: step \(number) · b: back · r: again · q: quit] ",
                terminator: "")
            fflush(nil)
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { exit(0) }
            switch answer {
            case "": return true
            case "q": exit(0)
            case "b": restart(at: max(1, number - 2))
            case "r": restart(at: number - 1)
            default: continue
            }
        }
    }

    /// Runs this lesson again with the same arguments, showing step `step` first.
    private func restart(at step: Int) -> Never {
        fflush(nil)
        setenv(Self.startVariable, String(step), 1)
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let arguments = [path] + CommandLine.arguments.dropFirst()
        var cArguments = arguments.map { strdup($0) } + [nil]
        execv(path, &cArguments)
        // execv only returns on failure: say so and carry on from here instead.
        writeToStandardError("could not restart the lesson (\(String(cString: strerror(errno))))")
        exit(1)
    }
}
