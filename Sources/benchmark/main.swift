// `swift run -c release benchmark`: the workloads of shared/bench/README.md, with the same
// definitions as its numpy programs, timed on the course's core.
//
//     swift run -c release benchmark                         the Swift figures, several runs each
//     swift run -c release benchmark --quick                 one run each (CI uses this)
//     swift run -c release benchmark --only mnist-shape      one workload (line, digits, mnist-shape, matmul)
//     swift run -c release benchmark --compare ../shared/bench
//                                                            also run the numpy programs in the
//                                                            same sitting and print Swift / numpy
import Foundation
import DeepLearning

var quick = false
var compareFolder: String?
nonisolated(unsafe) var only: String?  // set once while reading the command line, then only read
var argumentIndex = 1
let commandLine = CommandLine.arguments
/// The value after a flag such as `--only NAME`, or a one-line error and exit status 2.
@MainActor func valueAfterFlag(_ what: String) -> String {
    guard argumentIndex + 1 < commandLine.count else {
        FileHandle.standardError.write(Data("benchmark: \(commandLine[argumentIndex]) needs \(what)\n".utf8))
        exit(2)
    }
    argumentIndex += 1
    return commandLine[argumentIndex]
}
while argumentIndex < commandLine.count {
    switch commandLine[argumentIndex] {
    case "--quick": quick = true
    case "--only": only = valueAfterFlag("a workload name (line, digits, mnist-shape, matmul)")
    case "--compare": compareFolder = valueAfterFlag("the folder of the numpy programs")
    default:
        FileHandle.standardError.write(Data("benchmark: unknown argument '\(commandLine[argumentIndex])' (use --quick, --only NAME or --compare DIR)\n".utf8))
        exit(2)
    }
    argumentIndex += 1
}

#if DEBUG
print("note: this is a debug build; run `swift run -c release benchmark` for meaningful figures\n")
#endif

let runs = quick ? 1 : 5
let accuracySeeds = quick ? 0..<1 : 0..<10
var peers: Peers?
if let compareFolder {
    let candidate = Peers(folder: URL(fileURLWithPath: compareFolder, isDirectory: true))
    if !FileManager.default.fileExists(atPath: candidate.folder.appendingPathComponent("mlp_numpy.py").path) {
        FileHandle.standardError.write(Data("benchmark: \(compareFolder) does not hold the numpy programs (mlp_numpy.py)\n".utf8))
        exit(2)
    } else if let reason = candidate.unavailableReason() {
        print("Comparison skipped: \(reason).\n")
    } else {
        peers = candidate
    }
}

/// One row of the results.
struct Row {
    var workload: String
    var swift: String
    var numpy: String
    var ratio: Double?
    var target: String
    var met: Bool?
}
func report(_ row: Row) {
    let ratio = row.ratio.map { String(format: "%.3f", $0) } ?? "—"
    let verdict = row.met.map { $0 ? "met" : "not met" } ?? ""
    print(row.workload.padding(toLength: 14, withPad: " ", startingAt: 0)
          + row.swift.padding(toLength: 26, withPad: " ", startingAt: 0)
          + row.numpy.padding(toLength: 26, withPad: " ", startingAt: 0)
          + ratio.padding(toLength: 8, withPad: " ", startingAt: 0)
          + row.target.padding(toLength: 10, withPad: " ", startingAt: 0) + verdict)
}
print("workload".padding(toLength: 14, withPad: " ", startingAt: 0) + "Swift (median)".padding(toLength: 26, withPad: " ", startingAt: 0)
      + "numpy (median)".padding(toLength: 26, withPad: " ", startingAt: 0) + "ratio   target")

/// Whether a workload was asked for (all of them without --only).
func wanted(_ name: String) -> Bool { only == nil || only == name }

// line
if wanted("line") {
let line = lineWorkload(runs: quick ? 1 : 7)
let numpyLine = peers?.line(runs: 7)
report(Row(workload: "line", swift: String(format: "%.3f ms / 1000 steps", line.seconds * 1000),
           numpy: numpyLine.map { String(format: "%.3f ms", $0 * 1000) } ?? "—",
           ratio: numpyLine.map { line.seconds / $0 }, target: "≤ 0.05",
           met: numpyLine.map { line.seconds / $0 <= 0.05 }))
}

// digits
if wanted("digits") {
let folder = bundledDigitsFolder
let digitsTrain = try! loadDigits(from: folder.appendingPathComponent("optdigits.tra"))
let digitsTest = try! loadDigits(from: folder.appendingPathComponent("optdigits.tes"))
for (batch, target) in [(10, 0.25), (64, 0.5)] {
    let swift = mlpWorkload(train: digitsTrain, test: digitsTest, hidden: 32, batchSize: batch, epochs: 10, runs: runs,
                            accuracySeeds: UInt64(accuracySeeds.lowerBound)..<UInt64(accuracySeeds.upperBound))
    var numpy = peers?.mlp(["--batch", String(batch), "--runs", String(runs)])
    if let peers, let meanAccuracy = peers.mlpAccuracy(["--batch", String(batch)], seeds: accuracySeeds) {
        numpy?.accuracy = meanAccuracy
    }
    report(Row(workload: "digits-b\(batch)", swift: String(format: "%.4f s, acc %.4f", swift.seconds, swift.accuracy),
               numpy: numpy.map { String(format: "%.4f s, acc %.4f", $0.seconds, $0.accuracy) } ?? "—",
               ratio: numpy.map { swift.seconds / $0.seconds }, target: "≤ \(target)",
               met: numpy.map { swift.seconds / $0.seconds <= target }))
    if let numpy {
        let points = 100 * (swift.accuracy - numpy.accuracy)
        print("              accuracy: Swift − numpy = \(String(format: "%+.1f", points)) points (target within ±1: \(abs(points) <= 1 ? "met" : "not met"))")
    }
}
}

// mnist-shape
if wanted("mnist-shape") {
let mnist = mnistShape()
let mnistSwift = mlpWorkload(train: mnist.train, test: mnist.test, hidden: 30, batchSize: 10, epochs: 1, runs: quick ? 1 : 3,
                             accuracySeeds: 0..<1)
let mnistNumpy = peers?.mlp(["--data", "mnist-shape", "--hidden", "30", "--batch", "10", "--epochs", "1", "--runs", "3"])
report(Row(workload: "mnist-shape", swift: String(format: "%.3f s / epoch", mnistSwift.seconds),
           numpy: mnistNumpy.map { String(format: "%.3f s / epoch", $0.seconds) } ?? "—",
           ratio: mnistNumpy.map { mnistSwift.seconds / $0.seconds }, target: "≤ 1.0",
           met: mnistNumpy.map { mnistSwift.seconds / $0.seconds <= 1.0 }))
}

// matmul (the ratio here is numpy's time over Swift's, i.e. Swift's rate as a fraction of numpy's)
if wanted("matmul") {
let sizes = [64, 128, 256, 512]
let numpyRates = peers?.matmul(sizes: sizes, batches: quick ? 1 : 5) ?? [:]
for n in sizes {
    let rate = matmulWorkload(n: n, batches: quick ? 1 : 5, minimumSeconds: quick ? 0.05 : 0.2)
    let peer = numpyRates[n]
    report(Row(workload: "matmul n=\(n)", swift: String(format: "%.2f GFLOP/s", rate),
               numpy: peer.map { String(format: "%.2f GFLOP/s", $0) } ?? "—",
               ratio: peer.map { rate / $0 }, target: n == 256 ? "≥ 0.25" : "",
               met: n == 256 ? peer.map { rate / $0 >= 0.25 } : nil))
}
}
print("\n(ratio: Swift time / numpy time; for matmul, Swift GFLOP/s / numpy GFLOP/s. Times are medians at seed 0;")
print(" digits accuracies are means over seeds \(accuracySeeds.lowerBound)–\(accuracySeeds.upperBound - 1), since one start moves them by several points.)")
