import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Every process the runner starts runs in a process group of its own, under a time limit; the
// whole group (and, on Linux, every descendant found under /proc) is killed on a timeout, on
// Ctrl-C and on SIGTERM of the runner. Nothing the runner starts outlives it.

/// How a process ended.
struct Finished {
    /// The exit status, or 128 + the signal for a process killed by one.
    var status: Int32
    /// The signal that ended it, if one did (a crash, or our own kill).
    var signal: Int32?
    /// Stopped by the runner because it ran past its time limit.
    var timedOut: Bool
    /// Standard output and error, interleaved.
    var output: String
}

/// The processes the runner is waiting for, so that a signal can end them.
final class Children: @unchecked Sendable {
    static let shared = Children()
    private let lock = NSLock()
    private var running: [pid_t: Bool] = [:]  // pid → stop gently first (SwiftPM)
    private var stopping = false

    /// Whether a signal has begun to stop the runner.
    var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    /// Parks the calling thread for good if a signal is stopping the runner: the signal's handler
    /// ends the children, prints its message and exits with its own status. Without this, the main
    /// thread, seeing its check's process killed, went on, printed a checklist and exited with 1
    /// before the handler's 130 (seen once in CI: Ctrl-C during exercise 22's endless loop).
    func waitIfStopping() {
        guard isStopping else { return }
        while true { sleep(60) }
    }

    /// Registers a started process; false when the runner is already stopping.
    func add(_ pid: pid_t, gentle: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        running[pid] = gentle
        return !stopping
    }

    func remove(_ pid: pid_t) {
        lock.lock()
        running[pid] = nil
        lock.unlock()
    }

    /// Ends every running child and its descendants; used on Ctrl-C and SIGTERM.
    func stopAll() {
        lock.lock()
        stopping = true
        let all = running
        lock.unlock()
        for (pid, gentle) in all { stop(pid, gently: gentle) }
    }
}

/// Every process below `pid`, from /proc (Linux); empty elsewhere.
func descendants(of pid: pid_t) -> [pid_t] {
    #if os(Linux)
    var parent: [pid_t: pid_t] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let child = pid_t(entry),
            let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
            let close = stat.range(of: ")", options: .backwards)
        else { continue }
        let fields = stat[close.upperBound...].split(separator: " ")
        if fields.count > 1, let ppid = pid_t(fields[1]) { parent[child] = ppid }
    }
    var found: [pid_t] = []
    var frontier = [pid]
    while let next = frontier.popLast() {
        let children = parent.filter { $0.value == next }.map(\.key)
        found += children
        frontier += children
    }
    return found
    #else
    return []
    #endif
}

/// Ends `pid`, its process group and its descendants. SwiftPM is first asked to stop with
/// SIGINT (it then ends its compilers and releases its lock) and killed if it has not stopped
/// within three seconds.
func stop(_ pid: pid_t, gently: Bool) {
    if gently {
        kill(pid, SIGINT)
        for _ in 0..<30 {
            if kill(pid, 0) != 0 { break }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(100_000)
        }
    }
    let below = descendants(of: pid)
    kill(-pid, SIGKILL)
    kill(pid, SIGKILL)
    for child in below {
        kill(-child, SIGKILL)
        kill(child, SIGKILL)
    }
}

/// Ctrl-C, SIGTERM and SIGHUP end every child, then the runner (status 130, or 0 with `cleanExit`).
func installSignalHandlers(onStop: @escaping @Sendable () -> Void) {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler {
            Children.shared.stopAll()
            onStop()
        }
        source.resume()
        signalSources.append(source)
    }
}
nonisolated(unsafe) var signalSources: [DispatchSourceSignal] = []

/// Runs `arguments[0]` (a path, or a name looked up in PATH) in `folder` in a process group of its
/// own, with `environment` added, and waits at most `timeLimit` seconds. `memoryLimitMB` caps the
/// address space (and the CPU time, so that a loop stops even if the runner itself is killed).
/// `onLine` sees each line as it comes (for a status line).
func run(
    _ arguments: [String], in folder: URL, environment extra: [String: String] = [:],
    timeLimit: Double, memoryLimitMB: Int? = nil, gentle: Bool = false,
    onLine: ((String) -> Void)? = nil
) -> Finished {
    var command = arguments
    if let memory = memoryLimitMB {
        let cpu = Int(timeLimit.rounded(.up)) + 5
        command =
            [
                "/bin/sh", "-c",
                "ulimit -v \(memory * 1024) 2>/dev/null; ulimit -t \(cpu) 2>/dev/null; exec \"$0\" \"$@\""
            ] + arguments
    }
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else {
        return Finished(status: 127, signal: nil, timedOut: false, output: "cannot make a pipe")
    }
    let (readEnd, writeEnd) = (fds[0], fds[1])

    #if os(Linux)
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    #else
    var actions: posix_spawn_file_actions_t?
    var attributes: posix_spawnattr_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)
    posix_spawnattr_init(&attributes)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for s in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, s) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var noMask = sigset_t()
    sigemptyset(&noMask)
    posix_spawnattr_setsigmask(&attributes, &noMask)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var env = ProcessInfo.processInfo.environment
    for (key, value) in extra { env[key] = value }
    let envStrings = env.map { "\($0.key)=\($0.value)" }

    // posix_spawn has no working directory argument before glibc 2.29 / macOS 10.15's
    // addchdir_np, so the child goes through /bin/sh's cd when the folder differs.
    let cwd = FileManager.default.currentDirectoryPath
    if folder.standardizedFileURL.path != URL(fileURLWithPath: cwd).standardizedFileURL.path {
        command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder.path] + command
    }

    var pid: pid_t = 0
    let cArguments = command.map { strdup($0) } + [nil]
    let cEnvironment = envStrings.map { strdup($0) } + [nil]
    defer {
        for argument in cArguments { free(argument) }
        for variable in cEnvironment { free(variable) }
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
    }
    let spawned = posix_spawnp(&pid, command[0], &actions, &attributes, cArguments, cEnvironment)
    close(writeEnd)
    guard spawned == 0 else {
        close(readEnd)
        return Finished(
            status: 127, signal: nil, timedOut: false,
            output: "cannot start \(command[0]): \(String(cString: strerror(spawned)))")
    }
    if !Children.shared.add(pid, gentle: gentle) {
        stop(pid, gently: false)
    }

    var output = Data()
    var pending = Data()
    let deadline = Date().addingTimeInterval(timeLimit)
    var timedOut = false
    var exitStatus: Int32? = nil
    var buffer = [UInt8](repeating: 0, count: 65536)
    var open = true
    var exitedAt: Date? = nil
    while open {
        var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, 100)
        if ready > 0 {
            let count = read(readEnd, &buffer, buffer.count)
            if count > 0 {
                let chunk = Data(buffer[0..<count])
                output.append(chunk)
                if let onLine {
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: 10) {
                        onLine(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending = Data(pending[(newline + 1)...])
                    }
                }
            } else if count == 0 || errno != EINTR {
                open = false
            }
        }
        if exitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = status
                exitedAt = Date()
            }
        }
        // A descendant that keeps the pipe open after the process ended is not waited for.
        if let exitedAt, Date().timeIntervalSince(exitedAt) > 0.5 { open = false }
        if exitStatus == nil, Date() > deadline {
            timedOut = true
            stop(pid, gently: gentle)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exitStatus = status
            open = false
        }
    }
    close(readEnd)
    if exitStatus == nil {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exitStatus = status
    }
    // Whatever is left in its group (a child of a test, say) goes with it.
    for child in descendants(of: pid) { kill(child, SIGKILL) }
    kill(-pid, SIGKILL)
    Children.shared.remove(pid)

    let raw = exitStatus ?? 0
    let signalled = (raw & 0x7f) != 0 && (raw & 0x7f) != 0x7f
    let signalNumber: Int32? = signalled ? raw & 0x7f : nil
    let status = signalled ? 128 + (raw & 0x7f) : (raw >> 8) & 0xff
    return Finished(
        status: status, signal: signalNumber, timedOut: timedOut, output: String(decoding: output, as: UTF8.self))
}
