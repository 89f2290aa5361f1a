import Foundation

/// The output of a peer, filled by a reader thread.
final class OutputCollector: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

/// The numpy programs of shared/bench, run as subprocesses with OPENBLAS_NUM_THREADS=1 (one
/// core, like the Swift code), and the figures read from what they print.
struct Peers {
    let folder: URL

    /// Whether python3 with numpy can be run here; the reason if not.
    func unavailableReason() -> String? {
        let result = run(["-c", "import numpy"])
        return result.status == 0
            ? nil : "python3 with numpy is not available (\(result.output.split(separator: "\n").last ?? "no output"))"
    }

    /// How long one numpy program may run before it is stopped (seconds).
    var timeLimit: Double = 300
    /// What went wrong with a peer, one line each, printed under the table.
    nonisolated(unsafe) static var problems: [String] = []

    /// Runs `python3 arguments…` in the peers' folder, with `environment` added, and stops it
    /// (SIGTERM, then SIGKILL) when it runs past `timeLimit`; status 124 then, as `timeout` gives.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        // Read the output on another thread, so a full pipe cannot block the program.
        let collected = OutputCollector()
        let reader = Thread {
            collected.data = pipe.fileHandleForReading.readDataToEndOfFile()
            collected.done.signal()
        }
        do { try process.run() } catch { return (127, "\(error)") }
        reader.start()
        let deadline = Date().addingTimeInterval(timeLimit)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            Thread.sleep(forTimeInterval: 1)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            collected.done.wait()
            Peers.problems.append(
                "python3 \(arguments.joined(separator: " ")) ran past \(Int(timeLimit)) s and was stopped")
            return (124, String(decoding: collected.data, as: UTF8.self))
        }
        process.waitUntilExit()
        collected.done.wait()
        return (process.terminationStatus, String(decoding: collected.data, as: UTF8.self))
    }

    /// Runs a peer and reads figures from its output with `read`; a figure that is missing, not
    /// finite or outside `valid` is reported (with the program's last line) and gives nil.
    func figures<T>(_ arguments: [String], environment: [String: String] = [:], _ read: (String) -> T?) -> T? {
        let (status, output) = run(arguments, environment: environment)
        if status == 124 { return nil }
        if let value = read(output), status == 0 { return value }
        let last = output.split(separator: "\n").last.map(String.init) ?? "no output"
        Peers.problems.append(
            "python3 \(arguments.joined(separator: " ")) exited \(status) without the expected figures (last line: \(last))"
        )
        return nil
    }

    /// The first number after `marker` in `text`.
    static func number(after marker: String, in text: String) -> Double? {
        guard let range = text.range(of: marker) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "+" })
    }

    /// A figure that is a finite number in `range`, or nil.
    static func valid(_ value: Double?, _ range: ClosedRange<Double>) -> Double? {
        guard let value, value.isFinite, range.contains(value) else { return nil }
        return value
    }

    /// gd_line.py: median ms per 1000 steps → seconds.
    func line(runs: Int) -> Double? {
        figures(["gd_line.py", "--runs", String(runs)]) { out in
            guard let line = out.split(separator: "\n").first(where: { $0.hasPrefix("numpy GD") }) else { return nil }
            return Peers.valid(Peers.number(after: "median", in: String(line)), 1e-6...1e6).map { $0 / 1000 }
        }
    }

    /// mlp_numpy.py with extra arguments: (test accuracy, median training seconds).
    func mlp(_ arguments: [String]) -> (accuracy: Double, seconds: Double)? {
        figures(["mlp_numpy.py"] + arguments) { out in
            guard let accuracy = Peers.valid(Peers.number(after: "final test acc", in: out), 0...1),
                let time = Peers.valid(Peers.number(after: "train time: median", in: out), 1e-9...1e5)
            else { return nil }
            return (accuracy, time)
        }
    }

    /// The test accuracies of mlp_numpy.py from the starts `seeds` (one run each), or nil if one
    /// of them gave none.
    func mlpAccuracies(_ arguments: [String], seeds: Range<Int>) -> [Double]? {
        let scores = seeds.compactMap { seed in
            figures(["mlp_numpy.py"] + arguments + ["--runs", "1", "--seed", String(seed)]) {
                Peers.valid(Peers.number(after: "final test acc", in: $0), 0...1)
            }
        }
        return scores.count == seeds.count ? scores : nil
    }

    /// matmul_bench.py for one size: median GFLOP/s. `coreType` forces OpenBLAS's kernel
    /// (OPENBLAS_CORETYPE), e.g. "Haswell" for its AVX2 one.
    func matmul(n: Int, batches: Int, minimumSeconds: Double, coreType: String? = nil) -> Double? {
        figures(
            [
                "matmul_bench.py", "--sizes", String(n), "--batches", String(batches), "--min-time",
                String(minimumSeconds)
            ],
            environment: coreType.map { ["OPENBLAS_CORETYPE": $0] } ?? [:]
        ) { out in
            guard let line = out.split(separator: "\n").first(where: { $0.hasPrefix("numpy  n=") }) else { return nil }
            return Peers.valid(Peers.number(after: "median", in: String(line)), 1e-3...1e5)
        }
    }

    /// The numpy peer of the `conv` workload, kept with the benchmark's sources (the programs of
    /// `folder` belong to the machine, not to this repository).
    static let convolutionScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Peers/conv_im2col.py")

    /// Peers/conv_im2col.py for one layer: the median seconds of a forward and backward pass, or
    /// nil (reported) when its check sums differ from `checks`, the Swift workload's Σz, ΣdK, Σdb
    /// and ΣdX, by more than 10⁻⁹ of their size: the two must have done the same arithmetic.
    func convolution(channels: Int, filters: Int, runs: Int, checks: [Double]) -> Double? {
        let script = Peers.convolutionScript.path
        guard FileManager.default.fileExists(atPath: script) else {
            Peers.problems.append("\(script) is missing: no numpy figure for conv")
            return nil
        }
        let arguments = [script, "--channels", String(channels), "--filters", String(filters), "--runs", String(runs)]
        return figures(arguments) { out in
            guard let line = out.split(separator: "\n").first(where: { $0.hasPrefix("check ") }).map(String.init),
                let time = Peers.valid(Peers.number(after: "median", in: out), 1e-6...1e6)
            else { return nil }
            let theirs = ["z", "dk", "db", "dx"].map { Peers.number(after: " \($0) ", in: line) }
            for (name, (their, ours)) in zip(["Σz", "ΣdK", "Σdb", "ΣdX"], zip(theirs, checks)) {
                guard let their, abs(their - ours) <= 1e-9 * max(1, abs(ours)) else {
                    Peers.problems.append(
                        "conv_im2col.py --channels \(channels): \(name) is \(their.map { "\($0)" } ?? "missing"), Swift's is \(ours)"
                    )
                    return nil
                }
            }
            return time / 1000
        }
    }

    /// The BLAS behind numpy: OpenBLAS's name for the kernel it chose on this processor.
    func blasDescription() -> String {
        let script = """
            import glob, os, ctypes, numpy
            for path in glob.glob(os.path.join(os.path.dirname(numpy.__file__), '..', 'numpy.libs', '*openblas*')):
                lib = ctypes.CDLL(path)
                for prefix in ('scipy_openblas', 'openblas'):
                    for suffix in ('64_', ''):
                        f = getattr(lib, prefix + '_get_config' + suffix, None)
                        g = getattr(lib, prefix + '_get_corename' + suffix, None)
                        if f and g:
                            f.restype = g.restype = ctypes.c_char_p
                            print(f().decode().split()[1], g().decode()); raise SystemExit
            print('unknown')
            """
        let words = run(["-c", script]).output.split(separator: "\n").first.map { $0.split(separator: " ") } ?? []
        guard words.count == 2 else { return "numpy's BLAS: not identified" }
        let vectors: String
        switch words[1].lowercased() {
        case let core where core.contains("skylakex") || core.contains("cooperlake") || core.contains("sapphire"):
            vectors = "AVX-512, 8 doubles per vector"
        case let core where core.contains("haswell") || core.contains("zen"):
            vectors = "AVX2 + FMA, 4 doubles per vector"
        default: vectors = "vector width not known here"
        }
        return "numpy's BLAS: OpenBLAS \(words[0]), kernel \(words[1]) (\(vectors))"
    }
}
