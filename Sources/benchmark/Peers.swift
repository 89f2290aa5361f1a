import Foundation

/// The numpy programs of shared/bench, run as subprocesses with OPENBLAS_NUM_THREADS=1 (one
/// core, like the Swift code), and the figures read from what they print.
struct Peers {
    let folder: URL

    /// Whether python3 with numpy can be run here; the reason if not.
    func unavailableReason() -> String? {
        let result = run(["-c", "import numpy"])
        return result.status == 0 ? nil : "python3 with numpy is not available (\(result.output.split(separator: "\n").last ?? "no output"))"
    }

    /// Runs `python3 arguments…` in the peers' folder.
    func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The first number after `marker` in `text`.
    static func number(after marker: String, in text: String) -> Double? {
        guard let range = text.range(of: marker) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" })
    }

    /// gd_line.py: median ms per 1000 steps → seconds.
    func line(runs: Int) -> Double? {
        let out = run(["gd_line.py", "--runs", String(runs)]).output
        guard let line = out.split(separator: "\n").first(where: { $0.hasPrefix("numpy GD") }) else { return nil }
        return Peers.number(after: "median", in: String(line)).map { $0 / 1000 }
    }

    /// mlp_numpy.py with extra arguments: (test accuracy, median training seconds).
    func mlp(_ arguments: [String]) -> (accuracy: Double, seconds: Double)? {
        let out = run(["mlp_numpy.py"] + arguments).output
        guard let accuracy = Peers.number(after: "final test acc", in: out),
              let time = Peers.number(after: "train time: median", in: out) else { return nil }
        return (accuracy, time)
    }

    /// The mean test accuracy of mlp_numpy.py over `seeds` (one run each).
    func mlpAccuracy(_ arguments: [String], seeds: Range<Int>) -> Double? {
        let scores = seeds.compactMap { seed in
            Peers.number(after: "final test acc", in: run(["mlp_numpy.py"] + arguments + ["--runs", "1", "--seed", String(seed)]).output)
        }
        return scores.count == seeds.count ? scores.reduce(0, +) / Double(scores.count) : nil
    }

    /// matmul_bench.py: GFLOP/s by n.
    func matmul(sizes: [Int], batches: Int) -> [Int: Double] {
        let out = run(["matmul_bench.py", "--sizes"] + sizes.map(String.init) + ["--batches", String(batches)]).output
        var rates: [Int: Double] = [:]
        for line in out.split(separator: "\n") where line.hasPrefix("numpy  n=") {
            let text = String(line)
            if let n = Peers.number(after: "n=", in: text).map(Int.init), let rate = Peers.number(after: "median", in: text) {
                rates[n] = rate
            }
        }
        return rates
    }
}
