// `swift run -c release benchmark`: the workloads of shared/bench/README.md, with the same
// definitions as its numpy programs, timed on the course's core.
//
//     swift run -c release benchmark                         the Swift figures, several runs each
//     swift run -c release benchmark --quick                 one run each (CI uses this)
//     swift run -c release benchmark --only mnist-shape      one workload (line, digits, mnist-shape, conv, matmul)
//     swift run -c release benchmark --help                  this list
//     swift run -c release benchmark --compare ../shared/bench
//                                                            also run the numpy programs in the
//                                                            same sitting and print Swift / numpy
import Foundation
import DeepLearning

let workloadNames = ["line", "digits", "mnist-shape", "conv", "matmul"]
let usage = """
    usage: swift run -c release benchmark [--quick] [--only NAME] [--compare DIR] [--peer-time-limit SECONDS]

    Times the course's core on the workloads of shared/bench/README.md and, with --compare,
    runs the numpy programs of DIR in the same sitting and prints Swift / numpy ratios.

      --quick                    one run of each workload (CI uses this)
      --only NAME                one workload: \(workloadNames.joined(separator: ", "))
      --compare DIR              also run the numpy programs in DIR (e.g. ../shared/bench),
                                 with OPENBLAS_NUM_THREADS=1
      --peer-time-limit SECONDS  stop a numpy program that runs longer (default 300, 1 to 3600)
      --help                     this text

    Absolute times drift between launches on a shared machine; compare the ratios of one sitting.
    """
var quick = false
var compareFolder: String?
var peerTimeLimit = 300.0
nonisolated(unsafe) var only: String?  // set once while reading the command line, then only read
var argumentIndex = 1
let commandLine = CommandLine.arguments
/// A one-line error and exit status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("benchmark: \(message)\n".utf8))
    exit(2)
}
/// The value after a flag such as `--only NAME`, or a one-line error and exit status 2.
@MainActor func valueAfterFlag(_ what: String) -> String {
    guard argumentIndex + 1 < commandLine.count else { fail("\(commandLine[argumentIndex]) needs \(what)") }
    argumentIndex += 1
    return commandLine[argumentIndex]
}
while argumentIndex < commandLine.count {
    switch commandLine[argumentIndex] {
    case "--help", "-h":
        print(usage)
        exit(0)
    case "--quick": quick = true
    case "--only":
        let name = valueAfterFlag("a workload name (\(workloadNames.joined(separator: ", ")))")
        guard workloadNames.contains(name) else {
            fail("unknown workload '\(name)' for --only (use \(workloadNames.joined(separator: ", ")))")
        }
        only = name
    case "--compare": compareFolder = valueAfterFlag("the folder of the numpy programs")
    case "--peer-time-limit":
        let text = valueAfterFlag("a number of seconds (1 to 3600)")
        guard let value = Double(text), value >= 1, value <= 3600 else {
            fail("--peer-time-limit needs a number of seconds from 1 to 3600, got '\(text)'")
        }
        peerTimeLimit = value
    default:
        fail("unknown argument '\(commandLine[argumentIndex])' (see --help)")
    }
    argumentIndex += 1
}

#if DEBUG
print("note: this is a debug build; run `swift run -c release benchmark` for meaningful figures\n")
#endif

/// Starts for the digits' accuracies: over 0–9, Swift's mean was 2.2 points above numpy's, over
/// 0–29 1.0 below (batch 10): a few starts that end 10 points lower move a mean of ten.
let accuracySeeds = quick ? 0..<1 : 0..<30
var peers: Peers?
if let compareFolder {
    var candidate = Peers(folder: URL(fileURLWithPath: compareFolder, isDirectory: true))
    candidate.timeLimit = peerTimeLimit
    if !FileManager.default.fileExists(atPath: candidate.folder.appendingPathComponent("mlp_numpy.py").path) {
        fail("\(compareFolder) does not hold the numpy programs (mlp_numpy.py)")
    } else if let reason = candidate.unavailableReason() {
        print("Comparison skipped: \(reason).\n")
    } else {
        peers = candidate
    }
}

// What this sitting runs on.
print("processor: \(processorModel()), \(ProcessInfo.processInfo.activeProcessorCount) cores; one core used")
print("Swift's products: \(Matrix.productInstructions); \(Matrix.productKernels)")
if let peers { print(peers.blasDescription() + "; OPENBLAS_NUM_THREADS=1") }
print("")

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
    print(
        row.workload.padding(toLength: 14, withPad: " ", startingAt: 0)
            + row.swift.padding(toLength: 26, withPad: " ", startingAt: 0)
            + row.numpy.padding(toLength: 26, withPad: " ", startingAt: 0)
            + ratio.padding(toLength: 8, withPad: " ", startingAt: 0)
            + row.target.padding(toLength: 10, withPad: " ", startingAt: 0) + verdict)
}
print(
    "workload".padding(toLength: 14, withPad: " ", startingAt: 0)
        + "Swift (median)".padding(toLength: 26, withPad: " ", startingAt: 0)
        + "numpy (median)".padding(toLength: 26, withPad: " ", startingAt: 0) + "ratio   target")

/// Whether a workload was asked for (all of them without --only).
func wanted(_ name: String) -> Bool { only == nil || only == name }

// line
if wanted("line") {
    let line = lineWorkload(runs: quick ? 1 : 7)
    let numpyLine = peers?.line(runs: 7)
    report(
        Row(
            workload: "line", swift: String(format: "%.3f ms / 1000 steps", line.seconds * 1000),
            numpy: numpyLine.map { String(format: "%.3f ms", $0 * 1000) } ?? "—",
            ratio: numpyLine.map { line.seconds / $0 }, target: "≤ 0.05",
            met: numpyLine.map { line.seconds / $0 <= 0.05 }))
}

/// Rounds of Swift then numpy for the timed comparisons (see `Rounds`).
let rounds = quick ? 1 : 5
/// The rounds' ratios under a row, when there is more than one.
func reportSpread(_ measured: Rounds) {
    if !measured.spread.isEmpty { print("              " + measured.spread) }
}

// digits
if wanted("digits") {
    let folder = bundledDigitsFolder
    let digitsTrain = try! loadDigits(from: folder.appendingPathComponent("optdigits.tra"))
    let digitsTest = try! loadDigits(from: folder.appendingPathComponent("optdigits.tes"))
    for (batch, target) in [(10, 0.25), (64, 0.35)] {
        let runsPerRound = quick ? 1 : 3
        let measured = Rounds(
            rounds,
            swift: {
                mlpSeconds(train: digitsTrain, hidden: 32, batchSize: batch, epochs: 10, runs: runsPerRound)
            },
            numpy: peers.map { peers in
                { peers.mlp(["--batch", String(batch), "--runs", String(runsPerRound)])?.seconds }
            })
        let swiftAccuracies = mlpAccuracies(
            train: digitsTrain, test: digitsTest, hidden: 32, batchSize: batch, epochs: 10,
            seeds: UInt64(accuracySeeds.lowerBound)..<UInt64(accuracySeeds.upperBound))
        let numpyAccuracies = peers?.mlpAccuracies(["--batch", String(batch)], seeds: accuracySeeds)
        let swiftAccuracy = mean(swiftAccuracies)
        let numpyAccuracy = numpyAccuracies.map(mean)
        let numpyText =
            measured.numpy.isEmpty
            ? "—" : String(format: "%.4f s, acc %.4f", median(measured.numpy), numpyAccuracy ?? .nan)
        report(
            Row(
                workload: "digits-b\(batch)",
                swift: String(format: "%.4f s, acc %.4f", median(measured.swift), swiftAccuracy), numpy: numpyText,
                ratio: measured.ratio, target: "≤ \(target)", met: measured.ratio.map { $0 <= target }))
        reportSpread(measured)
        if let numpyAccuracies, let numpyAccuracy {
            let points = 100 * (swiftAccuracy - numpyAccuracy)
            let difference = String(format: "%+.1f", points).replacingOccurrences(of: "-", with: "−")
            let target = "target within ±1: \(abs(points) <= 1 ? "met" : "not met")"
            if swiftAccuracies.count < 2 || numpyAccuracies.count < 2 {
                // One start each (--quick): no spread, so no standard error to compare with.
                print("              accuracy: Swift − numpy = \(difference) points from one start each (\(target))")
            } else {
                let error = 100 * standardErrorOfDifference(swiftAccuracies, numpyAccuracies)
                print(
                    "              accuracy: Swift − numpy = \(difference) points, standard error \(String(format: "%.1f", error)) (\(target); \(abs(points) <= 2 * error ? "within" : "beyond") two standard errors of 0)"
                )
            }
        }
    }
}

// mnist-shape
if wanted("mnist-shape") {
    let mnist = mnistShape()
    let measured = Rounds(
        rounds,
        swift: { mlpSeconds(train: mnist.train, hidden: 30, batchSize: 10, epochs: 1, runs: 1) },
        numpy: peers.map { peers in
            {
                peers.mlp(["--data", "mnist-shape", "--hidden", "30", "--batch", "10", "--epochs", "1", "--runs", "1"])?
                    .seconds
            }
        })
    report(
        Row(
            workload: "mnist-shape", swift: String(format: "%.3f s / epoch", median(measured.swift)),
            numpy: measured.numpy.isEmpty ? "—" : String(format: "%.3f s / epoch", median(measured.numpy)),
            ratio: measured.ratio, target: "≤ 0.5", met: measured.ratio.map { $0 <= 0.5 }))
    reportSpread(measured)
}

// conv: lesson 15's convolution (im2col and one product, forward and backward) on 64 digit-sized
// maps, for a first layer (1 channel in) and a second (16 channels in), each with 16 filters.
if wanted("conv") {
    for channels in [1, 16] {
        let swift = convolutionWorkload(
            batch: 64, channels: channels, filters: 16, runs: quick ? 1 : 7, minimumSeconds: quick ? 0.01 : 0.05)
        let numpy = peers?.convolution(channels: channels, filters: 16, runs: 7, checks: swift.checks)
        report(
            Row(
                workload: "conv C\(channels) F16", swift: String(format: "%.3f ms / pass", swift.seconds * 1000),
                numpy: numpy.map { String(format: "%.3f ms", $0 * 1000) } ?? "—",
                ratio: numpy.map { swift.seconds / $0 }, target: "—", met: nil))
    }
    print("              (one forward and backward pass, N = 64 maps of 8×8, 3×3 filters, padding 1)")
}

// matmul (the ratio here is Swift's rate over numpy's: Swift's rate as a fraction of numpy's).
// Each round measures Swift, the peak of Swift's arithmetic and numpy one after another.
if wanted("matmul") {
    let sizes = [64, 128, 256, 512, 1024]
    let batches = quick ? 1 : 3
    let minimumSeconds = quick ? 0.05 : 0.1
    var likeForLike: [String] = []
    var fractionsOfPeak: [(n: Int, fraction: Double)] = []
    var numpyFractionsOfPeak: [String] = []
    var peaks: [Double] = []
    for n in sizes {
        var fractions: [Double] = []
        let measured = Rounds(
            rounds,
            swift: {
                let rate = matmulWorkload(n: n, batches: batches, minimumSeconds: minimumSeconds)
                let peak = Matrix.arithmeticPeak()
                peaks.append(peak)
                fractions.append(rate / peak)
                return rate
            },
            numpy: peers.map { peers in { peers.matmul(n: n, batches: batches, minimumSeconds: minimumSeconds) } })
        let rate = median(measured.swift)
        report(
            Row(
                workload: "matmul n=\(n)", swift: String(format: "%.2f GFLOP/s", rate),
                numpy: measured.numpy.isEmpty ? "—" : String(format: "%.2f GFLOP/s", median(measured.numpy)),
                ratio: measured.ratio, target: "≥ 0.9", met: measured.ratio.map { $0 >= 0.9 }))
        reportSpread(measured)
        fractionsOfPeak.append((n, median(fractions)))
        // numpy's rate over the same rounds' peaks: how near the target the reference itself gets.
        let roundPeaks = peaks.suffix(measured.swift.count)
        if !measured.numpy.isEmpty {
            numpyFractionsOfPeak.append(
                String(format: "n=%d %.2f", n, median(zip(measured.numpy, roundPeaks).map { $0 / $1 })))
        }
        if let avx2 = peers?.matmul(n: n, batches: batches, minimumSeconds: minimumSeconds, coreType: "Haswell") {
            likeForLike.append(String(format: "n=%d %.2f (%.1f)", n, rate / avx2, avx2))
        }
    }
    print(
        String(
            format: "              peak of Swift's arithmetic, measured in each round: median %.1f GFLOP/s (%@)",
            median(peaks), Matrix.productInstructions))
    let belowTarget = fractionsOfPeak.filter { $0.fraction < 0.75 }.map { "n=\($0.n)" }
    print(
        "              Swift matmul / the peak of its round (median; target ≥ 0.75): "
            + fractionsOfPeak.map { String(format: "n=%d %.2f", $0.n, $0.fraction) }.joined(separator: ", ")
            + (belowTarget.isEmpty ? "; met at every n" : "; not met at " + belowTarget.joined(separator: ", ")))
    if !numpyFractionsOfPeak.isEmpty {
        print(
            "              numpy matmul / the same peak (median):                  "
                + numpyFractionsOfPeak.joined(separator: ", "))
    }
    if !likeForLike.isEmpty {
        print("              Swift / numpy on OpenBLAS's AVX2 kernel (OPENBLAS_CORETYPE=Haswell, its GFLOP/s):")
        print("                " + likeForLike.joined(separator: ", "))
    }
}
print(
    "\n(ratio: Swift time / numpy time, the median of \(rounds) round\(rounds == 1 ? "" : "s") of Swift then numpy; for matmul, Swift GFLOP/s / numpy GFLOP/s."
)
print(" Times are medians at seed 0;")
print(
    " digits accuracies are means over seeds \(accuracySeeds.lowerBound)–\(accuracySeeds.upperBound - 1), since one start moves them by several points.)"
)
for problem in Peers.problems { print("peer problem: \(problem)") }
