import XCTest
import DeepLearning

/// The convolution, pooling and the small convolutional network against hand values and finite
/// differences.
final class ConvolutionTests: XCTestCase {
    /// A 3×3 image 1…9 and a 2×2 filter, valid padding: each output worked out by hand.
    func testValidConvolutionByHand() {
        // image      filter
        // 1 2 3      1 0
        // 4 5 6      0 −1
        // 7 8 9
        let image = Matrix(rows: 9, columns: 1, values: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let g = ConvolutionGeometry(height: 3, width: 3, kernel: 2, padding: 0)
        XCTAssertEqual(g.outputHeight, 2)
        let filter = Matrix(rows: 4, columns: 1, values: [1, 0, 0, -1])
        let out = convolve(image, filters: filter, bias: Matrix(row: [0.5]), geometry: g)
        // 1 − 5, 2 − 6, 4 − 8, 5 − 9, each + 0.5
        XCTAssertEqual(out.values, [-3.5, -3.5, -3.5, -3.5])
        let patches = patchMatrix(image, geometry: g)
        XCTAssertEqual(patches.row(0), [1, 2, 4, 5])
        XCTAssertEqual(patches.row(3), [5, 6, 8, 9])
    }

    /// Padding 1 keeps a 3×3 image 3×3; the corner patch has zeros where it leaves the image.
    func testPaddedPatchesHoldZerosOutsideTheImage() {
        let image = Matrix(rows: 9, columns: 1, values: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let g = ConvolutionGeometry(height: 3, width: 3, kernel: 3, padding: 1)
        let patches = patchMatrix(image, geometry: g)
        XCTAssertEqual(patches.rows, 9)
        XCTAssertEqual(patches.row(0), [0, 0, 0, 0, 1, 2, 0, 4, 5])
        XCTAssertEqual(patches.row(4), [1, 2, 3, 4, 5, 6, 7, 8, 9])
        // A filter with a single 1 in the middle copies the image.
        var identity = Matrix(rows: 9, columns: 1)
        identity[4, 0] = 1
        XCTAssertEqual(convolve(image, filters: identity, bias: Matrix(row: [0]), geometry: g).values, image.values)
        // A vertical-edge filter (−1 0 1 in each row) on a left-to-right ramp: 2·3 = 6 inside, less at the padded edges.
        let edge = Matrix(rows: 9, columns: 1, values: [-1, 0, 1, -1, 0, 1, -1, 0, 1])
        let out = convolve(image, filters: edge, bias: Matrix(row: [0]), geometry: g)
        // Centre: (3 − 1) + (6 − 4) + (9 − 7) = 6. Top-left: (2 − 0) + (5 − 0) = 7.
        XCTAssertEqual(out[4, 0], 6)
        XCTAssertEqual(out[0, 0], 7)
    }

    /// Two channels: the patch holds both channels of each pixel, channel fastest.
    func testTwoChannelPatchOrder() {
        let maps = Matrix(rows: 4, columns: 2, values: [1, 10, 2, 20, 3, 30, 4, 40])
        let g = ConvolutionGeometry(height: 2, width: 2, channels: 2, kernel: 2, padding: 0)
        XCTAssertEqual(patchMatrix(maps, geometry: g).values, [1, 10, 2, 20, 3, 30, 4, 40])
    }

    /// ⟨patchMatrix(X), D⟩ = ⟨X, addPatchesBack(D)⟩: the second is the adjoint of the first.
    func testAddPatchesBackIsTheAdjoint() {
        var random = SeededGenerator(seed: 5)
        let g = ConvolutionGeometry(height: 5, width: 4, channels: 2, kernel: 3, padding: 1)
        let x = Matrix.random(rows: 2 * 20, columns: 2, using: &random)
        let d = Matrix.random(rows: 2 * g.outputHeight * g.outputWidth, columns: g.patchSize, using: &random)
        let left = zip(patchMatrix(x, geometry: g).values, d.values).map(*).reduce(0, +)
        let right = zip(x.values, addPatchesBack(d, geometry: g).values).map(*).reduce(0, +)
        assertClose(left, right, tolerance: 1e-10)
    }

    /// The convolution's three gradients against central differences of L = Σ Z ⊙ R at random points.
    func testConvolutionBackwardMatchesFiniteDifferences() {
        var random = SeededGenerator(seed: 7)
        let g = ConvolutionGeometry(height: 4, width: 5, channels: 2, kernel: 3, padding: 1)
        let maps = Matrix.random(rows: 2 * 20, columns: 2, using: &random)
        let filters = Matrix.random(rows: g.patchSize, columns: 3, using: &random)
        let bias = Matrix.random(rows: 1, columns: 3, using: &random)
        let weights = Matrix.random(rows: 2 * 20, columns: 3, using: &random)
        func loss(_ m: Matrix, _ f: Matrix, _ b: Matrix) -> Double {
            zip(convolve(m, filters: f, bias: b, geometry: g).values, weights.values).map(*).reduce(0, +)
        }
        let grads = convolutionBackward(weights, maps: maps, filters: filters, geometry: g)
        let h = 1e-5
        func numeric(_ matrix: Matrix, _ rebuild: (Matrix) -> Double) -> [Double] {
            matrix.values.indices.map { k in
                var up = matrix
                var down = matrix
                up.values[k] += h
                down.values[k] -= h
                return (rebuild(up) - rebuild(down)) / (2 * h)
            }
        }
        assertGradientsAgree(grads.filters.values, numeric(filters) { loss(maps, $0, bias) })
        assertGradientsAgree(grads.bias.values, numeric(bias) { loss(maps, filters, $0) })
        assertGradientsAgree(grads.maps.values, numeric(maps) { loss($0, filters, bias) })
    }

    /// 2×2 pooling of a 4×4 map by hand, and its gradient sent to the winners only.
    func testMaxPoolingByHand() {
        let map = Matrix(
            rows: 16, columns: 1,
            values: [
                1, 5, 2, 0,
                3, 4, 8, 1,
                0, 0, 7, 7,
                9, 1, 6, 2
            ])
        let (pooled, winners) = maxPool2x2(map, height: 4, width: 4)
        XCTAssertEqual(pooled.values, [5, 8, 9, 7])
        XCTAssertEqual(winners, [1, 6, 12, 10])  // a tie (7, 7) goes to the first
        let back = maxPool2x2Backward(
            Matrix(rows: 4, columns: 1, values: [1, 2, 3, 4]), winners: winners, inputRows: 16)
        XCTAssertEqual(back.values, [0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 4, 0, 3, 0, 0, 0])
        // An odd 3×3 map drops its last row and column.
        let odd = maxPool2x2(Matrix(rows: 9, columns: 1, values: [1, 2, 9, 3, 4, 9, 9, 9, 9]), height: 3, width: 3)
        XCTAssertEqual(odd.pooled.values, [4])
    }

    /// The network's loss is the core's softmax cross-entropy: scores (0, log 3) give
    /// probabilities (1/4, 3/4), so labels 0 and 1 cost −log ¼ and −log ¾, mean of the two.
    func testNetworkLossIsTheCoresCrossEntropyByHand() {
        var random = SeededGenerator(seed: 2)
        var network = ConvolutionalNetwork(
            height: 4, width: 4, stages: [ConvolutionStage(filters: 1, pooled: true)], classes: 2, using: &random)
        let last = network.layers.count - 1
        network.layers[last].weights = Matrix(rows: network.layers[last].inputSize, columns: 2)
        network.layers[last].bias = Matrix(row: [0, log(3)])
        let images = Matrix.random(rows: 2, columns: 16, using: &random)
        assertClose(
            [0.25, 0.75, 0.25, 0.75], network.forward(images).probabilities.values, tolerance: Tolerance.rounding)
        assertClose(
            -(log(0.25) + log(0.75)) / 2, network.loss(images, labels: [0, 1]), tolerance: Tolerance.rounding)
    }

    /// The shapes of the layers: a convolution is a dense layer on the patches, (k·k·C) × F.
    func testLayerShapesOfTwoConvolutions() {
        var random = SeededGenerator(seed: 1)
        let network = ConvolutionalNetwork(
            height: 8, width: 8,
            stages: [ConvolutionStage(filters: 4, pooled: false), ConvolutionStage(filters: 6, pooled: true)],
            hidden: 5, classes: 10, using: &random)
        XCTAssertEqual(network.layers.map(\.weights.rows), [9, 36, 96, 5])
        XCTAssertEqual(network.layers.map(\.weights.columns), [4, 6, 5, 10])
        XCTAssertEqual(network.flattenedSize, 4 * 4 * 6)
        XCTAssertEqual(network.hidden, 5)
        // 9·4 + 4, 36·6 + 6, 96·5 + 5, 5·10 + 10
        XCTAssertEqual(network.parameterCount, 40 + 222 + 485 + 60)
        XCTAssertEqual(network.forward(Matrix(rows: 3, columns: 64)).probabilities.rows, 3)
    }

    /// Every gradient of the network against central differences of its loss, at random
    /// parameters and random images: one convolution with and without the hidden layer, two
    /// convolutions (pooled after the second, and after each), and an unpooled last one.
    func testNetworkGradientsMatchFiniteDifferences() {
        let layouts: [(stages: [ConvolutionStage], hidden: Int)] = [
            ([ConvolutionStage(filters: 3, pooled: true)], 0),
            ([ConvolutionStage(filters: 3, pooled: true)], 5),
            ([ConvolutionStage(filters: 2, pooled: false), ConvolutionStage(filters: 3, pooled: true)], 0),
            ([ConvolutionStage(filters: 2, pooled: true), ConvolutionStage(filters: 3, pooled: true)], 4),
            ([ConvolutionStage(filters: 2, pooled: true), ConvolutionStage(filters: 2, pooled: false)], 0)
        ]
        for (n, layout) in layouts.enumerated() {
            var random = SeededGenerator(seed: UInt64(11 + n))
            var network = ConvolutionalNetwork(
                height: 6, width: 6, stages: layout.stages, hidden: layout.hidden, classes: 4, using: &random)
            // Random biases too, so no ReLU sits exactly at its kink.
            var theta = network.parameters
            for k in theta.indices { theta[k] += 0.1 * random.normal() }
            network.parameters = theta
            let images = Matrix.random(rows: 5, columns: 36, using: &random)
            let labels = [0, 3, 1, 2, 3]
            let analytic = ConvolutionalNetwork.flattened(
                network.gradients(of: network.forward(images), labels: labels).gradients)
            let h = 1e-5
            let numeric = theta.indices.map { k -> Double in
                var up = network
                var down = network
                up.parameters[k] += h
                down.parameters[k] -= h
                return (up.loss(images, labels: labels) - down.loss(images, labels: labels)) / (2 * h)
            }
            assertGradientsAgree(analytic, numeric, "layout \(n)")
        }
    }

    /// The gradient of the scores is (P − Y)/N: a one-image, output-only check of the sign and scale.
    func testScoreGradientIsProbabilitiesMinusOneHot() {
        var random = SeededGenerator(seed: 3)
        var network = ConvolutionalNetwork(
            height: 4, width: 4, stages: [ConvolutionStage(filters: 1, pooled: true)], classes: 3, using: &random)
        let last = network.layers.count - 1
        network.layers[last].weights = Matrix(rows: network.layers[last].inputSize, columns: 3)
        let image = Matrix.random(rows: 1, columns: 16, using: &random)
        // All scores 0 → p = (1/3, 1/3, 1/3); label 2 → ∂L/∂b = (1/3, 1/3, −2/3).
        let g = network.gradients(of: network.forward(image), labels: [2]).gradients
        assertClose([1.0 / 3, 1.0 / 3, -2.0 / 3], g[last].bias.values, tolerance: Tolerance.rounding)
    }

    /// The network's step is the core's momentum rule, worked out by hand for a constant
    /// gradient g: v₁ = g + λθ₀, θ₁ = θ₀ − lr·v₁; v₂ = β·v₁ + g + λθ₁, θ₂ = θ₁ − lr·v₂
    /// (biases without λ). With λ = 0 two steps move θ by −lr·g·(1 + (1 + β)).
    func testMomentumStepOnTheNetworkByHand() {
        var random = SeededGenerator(seed: 1)
        var network = ConvolutionalNetwork(
            height: 4, width: 4, stages: [ConvolutionStage(filters: 1, pooled: true)], classes: 2, using: &random)
        let start = network.parameters
        let images = Matrix.random(rows: 2, columns: 16, using: &random)
        let g = network.gradients(of: network.forward(images), labels: [0, 1]).gradients
        let flat = ConvolutionalNetwork.flattened(g)
        var optimizer = Momentum(learningRate: 0.1, momentum: 0.5)
        network.step(with: g, optimizer: &optimizer)
        network.step(with: g, optimizer: &optimizer)
        let expected = zip(start, flat).map { $0 - 0.1 * $1 * (1 + 1 + 0.5) }
        assertClose(expected, network.parameters, tolerance: Tolerance.rounding)

        // With weight decay λ = 0.2 on the weights, one parameter at a time by hand.
        var decayed = ConvolutionalNetwork(
            height: 4, width: 4, stages: [ConvolutionStage(filters: 1, pooled: true)], classes: 2, using: &random)
        let theta0 = decayed.parameters
        var isWeight: [Bool] = []
        for layer in decayed.layers {
            isWeight += Array(repeating: true, count: layer.weights.values.count)
            isWeight += Array(repeating: false, count: layer.bias.values.count)
        }
        var withDecay = Momentum(learningRate: 0.1, momentum: 0.5, weightDecay: 0.2)
        decayed.step(with: g, optimizer: &withDecay)
        decayed.step(with: g, optimizer: &withDecay)
        let byHand = theta0.indices.map { k -> Double in
            let lambda = isWeight[k] ? 0.2 : 0
            let v1 = flat[k] + lambda * theta0[k]
            let theta1 = theta0[k] - 0.1 * v1
            let v2 = 0.5 * v1 + flat[k] + lambda * theta1
            return theta1 - 0.1 * v2
        }
        assertClose(byHand, decayed.parameters, tolerance: Tolerance.rounding)
    }

    /// One epoch with plain SGD at lr = 0 changes nothing; its losses are one per batch.
    func testTrainOneEpochReturnsOneLossPerBatch() {
        var random = SeededGenerator(seed: 8)
        var network = ConvolutionalNetwork(
            height: 4, width: 4, stages: [ConvolutionStage(filters: 2, pooled: true)], classes: 3, using: &random)
        let before = network.parameters
        let images = Matrix.random(rows: 10, columns: 16, using: &random)
        var sgd = StochasticGradientDescent(learningRate: 0)
        let losses = network.trainOneEpoch(
            images: images, labels: [0, 1, 2, 0, 1, 2, 0, 1, 2, 0], batchSize: 4, optimizer: &sgd, using: &random)
        XCTAssertEqual(losses.count, 3)
        XCTAssertEqual(network.parameters, before)
        XCTAssertTrue(losses.allSatisfy { $0 > 0 && $0.isFinite })
    }
}

/// The verdicts the convolutions lesson picks its sentences from, each way.
final class ConvolutionVerdictTests: XCTestCase {
    func testGradientCheckVerdict() {
        XCTAssertEqual(GradientCheckVerdict(worstRelativeDifference: 3e-9), .agree)
        XCTAssertEqual(GradientCheckVerdict(worstRelativeDifference: 2e-3), .disagree)
        XCTAssertEqual(GradientCheckVerdict(worstRelativeDifference: .nan), .disagree)
    }

    func testTargetVerdict() {
        XCTAssertEqual(TargetVerdict(accuracy: 0.985, target: 0.98), .reached)
        XCTAssertEqual(TargetVerdict(accuracy: 0.98, target: 0.98), .reached)
        guard case .missed(let by) = TargetVerdict(accuracy: 0.97, target: 0.98) else { return XCTFail("should miss") }
        assertClose(0.01, by, tolerance: 1e-12)
    }

    func testDeadFiltersCause() {
        XCTAssertEqual(deadFiltersCause(peakRate: 0.5, usualRate: 0.1), .stepsTooBig)
        XCTAssertEqual(deadFiltersCause(peakRate: 0.1, usualRate: 0.1), .unluckyPush)
        XCTAssertEqual(deadFiltersCause(peakRate: 0.02, usualRate: 0.1), .unluckyPush)
    }

    func testMissIsWithinSpread() {
        // 36 mistakes where 35 are allowed on 1797 digits: 0.0003 below 98 %, within 2 × 0.16 points.
        XCTAssertTrue(missIsWithinSpread(by: 0.98 - 1761.0 / 1797, standardDeviation: 0.0016))
        // 52 mistakes: 0.0089 below, far beyond.
        XCTAssertFalse(missIsWithinSpread(by: 0.98 - 1745.0 / 1797, standardDeviation: 0.0016))
        XCTAssertTrue(missIsWithinSpread(by: 0.0032, standardDeviation: 0.0016))
    }

    func testDecimalsKeepingSide() {
        // 1761 of 1797 is 97.9966…%: "98.00" would look like the aim, "97.997" shows the miss.
        XCTAssertEqual(decimalsKeepingSide(of: 1761.0 / 1797, target: 0.98), 3)
        XCTAssertEqual(decimalsKeepingSide(of: 0.985, target: 0.98), 2)
        XCTAssertEqual(decimalsKeepingSide(of: 0.97, target: 0.98), 2)
        XCTAssertEqual(decimalsKeepingSide(of: 0.98, target: 0.98), 2)
        XCTAssertEqual(decimalsKeepingSide(of: 0.979999, target: 0.98), 4)
    }

    /// The check finds a correct backward pass right and a wrong gradient wrong.
    func testGradientCheckOnTheNetwork() {
        var random = SeededGenerator(seed: 4)
        let network = ConvolutionalNetwork(
            height: 6, width: 6,
            stages: [ConvolutionStage(filters: 2, pooled: false), ConvolutionStage(filters: 2, pooled: true)],
            classes: 3, using: &random)
        let images = Matrix.random(rows: 4, columns: 36, using: &random)
        let worst = convolutionalGradientCheck(
            network, images: images, labels: [0, 1, 2, 1],
            parameters: Array(0..<network.parameterCount))
        XCTAssertEqual(GradientCheckVerdict(worstRelativeDifference: worst), .agree, "worst \(worst)")
    }
}
