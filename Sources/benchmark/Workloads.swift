import Foundation
import DeepLearning

/// Seconds taken by `body`.
func seconds(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// The median of some numbers.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

// MARK: - line

/// The `line` workload of shared/bench/gd_line.py: 50 points, x ~ U(0,1), y = 3x + 8 + 0.1·N(0,3);
/// full-batch gradient descent on the MSE with the analytic gradient, lr 0.7, 1000 steps from
/// (0, 0). Returns the final line and the median seconds per 1000 steps.
func lineWorkload(runs: Int) -> (line: Line, seconds: Double) {
    var generator = SeededGenerator(seed: 0)
    let data = LineData.noisyLine(count: 50, using: &generator)
    var result = Line(slope: 0, intercept: 0)
    let times = (0..<runs).map { _ in
        seconds {
            var p = [0.0, 0.0]
            for _ in 0..<1000 {
                p = gradientDescentStep(
                    parameters: p, gradient: meanSquaredErrorGradient(of: Line(parameters: p), on: data),
                    learningRate: 0.7)
            }
            result = Line(parameters: p)
        }
    }
    return (result, median(times))
}

// MARK: - digits and mnist-shape

/// The network of shared/bench/mlp_numpy.py (after Nielsen's network.py): sigmoid hidden and
/// output layers, weights and biases from N(0, 1), cost C = 1/(2m) Σ‖a − y‖² on one-hot targets,
/// and W ← W − (η/m) Σₓ ∂Cₓ/∂W after each mini-batch of m samples, shuffled every epoch, the last
/// partial batch kept.
///
/// It trains with `trainOneEpoch`, the lessons' own training loop. That loop descends the mean
/// squared error over the batch's m·n_out outputs, whose gradient 2(A − Y)/(m·n_out) is n_out/2
/// times smaller than network.py's (A − Y)/m, so a rate of η·n_out/2 takes network.py's step.
func trainLikeNetworkPy(
    inputs: Matrix, labels: [Int], hidden: Int, batchSize: Int, epochs: Int, eta: Double,
    seed: UInt64
) -> Network {
    var generator = SeededGenerator(seed: seed)
    var network = Network(
        sizes: [inputs.columns, hidden, 10], activations: [.sigmoid, .sigmoid],
        initialization: .standardNormal, using: &generator)
    for l in network.layers.indices {
        network.layers[l].bias = .random(rows: 1, columns: network.layers[l].outputSize, using: &generator)
    }
    let targets = oneHot(labels, classes: 10)
    let optimizer = StochasticGradientDescent(learningRate: eta * 10 / 2)
    for _ in 0..<epochs {
        trainOneEpoch(
            &network, inputs: inputs, targets: targets, batchSize: batchSize, optimizer: optimizer,
            using: &generator)
    }
    return network
}

/// The median seconds of `runs` trainings from the same start (seed 0), data already in memory,
/// no evaluation inside the timing.
func mlpSeconds(train: DigitSet, hidden: Int, batchSize: Int, epochs: Int, runs: Int) -> Double {
    median(
        (0..<runs).map { _ in
            seconds {
                _ = trainLikeNetworkPy(
                    inputs: train.images, labels: train.labels, hidden: hidden, batchSize: batchSize, epochs: epochs,
                    eta: 3.0, seed: 0)
            }
        })
}

/// The test accuracies from the starts `seeds`. One seed's accuracy says little: from one start
/// to another it moves by several points (and a few starts of this sigmoid network with N(0, 1)
/// weights end 10 points lower), for numpy's program as for this one, so the two are compared by
/// their means over the same number of starts, with the standard error of the difference.
func mlpAccuracies(train: DigitSet, test: DigitSet, hidden: Int, batchSize: Int, epochs: Int, seeds: Range<UInt64>)
    -> [Double]
{
    let scores = seeds.map { seed in
        let network = trainLikeNetworkPy(
            inputs: train.images, labels: train.labels, hidden: hidden, batchSize: batchSize, epochs: epochs,
            eta: 3.0, seed: seed)
        return accuracy(predicted: argmaxOfRows(network(test.images)), expected: test.labels)
    }
    return scores
}

/// The standard error of the difference of two means, √(s₁²/n₁ + s₂²/n₂), with s the core's
/// `standardDeviation` (n − 1 in the denominator); 0 when either list has fewer than two numbers.
func standardErrorOfDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count > 1, b.count > 1 else { return 0 }
    let sa = standardDeviation(a)
    let sb = standardDeviation(b)
    return (sa * sa / Double(a.count) + sb * sb / Double(b.count)).squareRoot()
}

/// Random data of MNIST's shape (60000 × 784 training, 10000 × 784 test, pixels U(0,1), random
/// labels), as shared/bench/peerdata.py makes: training time does not depend on the values.
func mnistShape() -> (train: DigitSet, test: DigitSet) {
    var generator = SeededGenerator(seed: 0)
    func set(_ rows: Int) -> DigitSet {
        var images = Matrix(rows: rows, columns: 784)
        for k in 0..<images.values.count { images.values[k] = generator.uniform() }
        return DigitSet(images: images, labels: (0..<rows).map { _ in generator.index(below: 10) })
    }
    return (set(60_000), set(10_000))
}

// MARK: - matmul

/// GFLOP/s of the core's n × n matrix product (2n³ flops), median of `batches` batches each
/// lasting at least `minimumSeconds`, as shared/bench/matmul_bench.py measures numpy.
func matmulWorkload(n: Int, batches: Int, minimumSeconds: Double) -> Double {
    var generator = SeededGenerator(seed: 0)
    let a = Matrix.random(rows: n, columns: n, using: &generator)
    let b = Matrix.random(rows: n, columns: n, using: &generator)
    var sink = 0.0
    var repetitions = 1
    while true {
        let t = seconds { for _ in 0..<repetitions { sink += (a * b).values[0] } }
        if t >= minimumSeconds { break }
        repetitions *= 2
    }
    let rates = (0..<batches).map { _ in
        let t = seconds { for _ in 0..<repetitions { sink += (a * b).values[0] } }
        return 2 * pow(Double(n), 3) * Double(repetitions) / t / 1e9
    }
    if sink.isNaN { print("") }  // keeps the products from being optimised away
    return median(rates)
}

// MARK: - Rounds: Swift and numpy in turn

/// Swift's and numpy's figures for one workload, measured in turn: Swift, then numpy at once,
/// `count` times over. The machine's speed drifts by up to 40 % between launches and within a
/// minute, so a ratio of two figures taken seconds apart holds better than a ratio of two
/// figures taken a minute apart; the median of the rounds' ratios is the sitting's ratio, and
/// their spread says how much to trust it.
struct Rounds {
    var swift: [Double] = []
    var numpy: [Double] = []

    /// Each round's ratio, Swift's figure over numpy's (the rounds where numpy gave one).
    var ratios: [Double] { zip(swift, numpy).map { $0 / $1 } }
    /// The median of the rounds' ratios, or nil without numpy.
    var ratio: Double? { ratios.isEmpty ? nil : median(ratios) }

    /// Measures `count` rounds: `swift()`, then `numpy()` (if there is a numpy to ask).
    init(_ count: Int, swift: () -> Double, numpy: (() -> Double?)?) {
        for _ in 0..<count {
            self.swift.append(swift())
            if let value = numpy?() { self.numpy.append(value) }
        }
        if self.numpy.count != self.swift.count { self.numpy = [] }  // a round without numpy: no ratio at all
    }

    /// "rounds 0.41 0.47 0.58" (the ratios in the order measured), or "" without numpy.
    var spread: String {
        ratios.count > 1 ? "rounds " + ratios.map { String(format: "%.2f", $0) }.joined(separator: " ") : ""
    }
}

// MARK: - The machine

/// The processor's name, from /proc/cpuinfo on Linux or sysctl on macOS.
func processorModel() -> String {
    #if os(Linux)
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    if let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
        let colon = line.firstIndex(of: ":")
    {
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    #elseif os(macOS)
    var size = 0
    if sysctlbyname("machdep.cpu.brand_string", nil, &size, nil, 0) == 0, size > 0 {
        var bytes = [CChar](repeating: 0, count: size)
        if sysctlbyname("machdep.cpu.brand_string", &bytes, &size, nil, 0) == 0 { return String(cString: bytes) }
    }
    #endif
    return "unknown processor"
}

// MARK: - conv

/// x_t = ((t · multiplier) mod modulus) / modulus − 1/2 for t = 0, 1, …, count − 1: inputs that
/// the Swift workload and its numpy peer (Peers/conv_im2col.py) compute exactly alike.
func pattern(_ count: Int, _ multiplier: Int, _ modulus: Int) -> [Double] {
    (0..<count).map { Double($0 * multiplier % modulus) / Double(modulus) - 0.5 }
}

/// The convolution of lesson 15 as the core computes it: a 3 × 3 filter bank with padding 1 over
/// a batch of `batch` maps of 8 × 8 pixels and `channels` channels, `filters` filters, forward
/// (as `convolve`: im2col, then one product plus the bias) and backward (`convolutionBackward`
/// on the same patch matrix: Pᵀ·G, the column sums of G, and col2im of G·Kᵀ), with a fixed
/// gradient G. Returns the check
/// sums (Σz, ΣdK, Σdb, ΣdX) and the median seconds of one forward and backward pass.
func convolutionWorkload(batch: Int, channels: Int, filters: Int, runs: Int, minimumSeconds: Double) -> (
    checks: [Double], seconds: Double
) {
    let geometry = ConvolutionGeometry(height: 8, width: 8, channels: channels, kernel: 3, padding: 1)
    let pixels = batch * 64
    let maps = Matrix(rows: pixels, columns: channels, values: pattern(pixels * channels, 7919, 1000))
    let kernel = Matrix(
        rows: geometry.patchSize, columns: filters, values: pattern(geometry.patchSize * filters, 104729, 997))
    let bias = Matrix(row: (0..<filters).map { Double($0) / 100 })
    let gradient = Matrix(rows: pixels, columns: filters, values: pattern(pixels * filters, 15_485_863, 1009))
    // `convolve` and `convolutionBackward` with the patch matrix built once, as a training step
    // (and the numpy peer) does.
    func step() -> (Matrix, (filters: Matrix, bias: Matrix, maps: Matrix)) {
        let patches = patchMatrix(maps, geometry: geometry)
        return (
            patches.times(kernel, plusRow: bias),
            convolutionBackward(gradient, patches: patches, filters: kernel, geometry: geometry)
        )
    }
    let (z, backward) = step()
    let checks = [z, backward.filters, backward.bias, backward.maps].map { $0.values.reduce(0, +) }
    var sink = 0.0
    var repetitions = 1
    while true {
        let t = seconds { for _ in 0..<repetitions { sink += step().0.values[0] } }
        if t >= minimumSeconds { break }
        repetitions *= 2
    }
    let times = (0..<runs).map { _ in
        seconds { for _ in 0..<repetitions { sink += step().0.values[0] } } / Double(repetitions)
    }
    if sink.isNaN { print("") }  // keeps the passes from being optimised away
    return (checks, median(times))
}
