import XCTest
import DeepLearning

final class MiniBatchTests: XCTestCase {
    func testEverySampleExactlyOncePerEpochOverManySeedsAndSizes() {
        for seed in 0..<50 {
            var generator = SeededGenerator(seed: UInt64(seed))
            let count = 1 + generator.index(below: 200)
            let batchSize = 1 + generator.index(below: 40)
            let batches = miniBatches(count: count, batchSize: batchSize, using: &generator)
            XCTAssertEqual(batches.flatMap { $0 }.sorted(), Array(0..<count), "seed \(seed)")
            XCTAssertEqual(batches.count, (count + batchSize - 1) / batchSize)
            for batch in batches.dropLast() { XCTAssertEqual(batch.count, batchSize) }
            let remainder = count % batchSize
            XCTAssertEqual(batches.last!.count, remainder == 0 ? batchSize : remainder)
        }
    }

    func testOrderChangesBetweenEpochs() {
        var generator = SeededGenerator(seed: 4)
        let first = miniBatches(count: 100, batchSize: 10, using: &generator)
        let second = miniBatches(count: 100, batchSize: 10, using: &generator)
        XCTAssertNotEqual(first, second)
        XCTAssertNotEqual(first.flatMap { $0 }, Array(0..<100), "the first epoch is shuffled too")
    }

    func testMiniBatchCountByHand() {
        // 3823 digits in batches of 10: 382 full batches and one of 3; 100 points in batches of
        // 16: 6 full and one of 4; 64 in 64: one; none: none.
        XCTAssertEqual(miniBatchCount(count: 3823, batchSize: 10), 383)
        XCTAssertEqual(miniBatchCount(count: 100, batchSize: 16), 7)
        XCTAssertEqual(miniBatchCount(count: 64, batchSize: 64), 1)
        XCTAssertEqual(miniBatchCount(count: 0, batchSize: 5), 0)
        var generator = SeededGenerator(seed: 9)
        XCTAssertEqual(
            miniBatchCount(count: 101, batchSize: 20), miniBatches(count: 101, batchSize: 20, using: &generator).count)
    }

    func testEmptyAndSingle() {
        var generator = SeededGenerator(seed: 1)
        XCTAssertEqual(miniBatches(count: 0, batchSize: 5, using: &generator), [])
        XCTAssertEqual(miniBatches(count: 1, batchSize: 5, using: &generator), [[0]])
    }

    func testFullBatchMiniBatchDescentIsPlainGradientDescent() {
        var generator = SeededGenerator(seed: 6)
        let data = LineData.noisyLine(count: 30, using: &generator)
        let loss: ([Double]) -> Double = { meanSquaredError(of: Line(parameters: $0), on: data) }
        let history = miniBatchGradientDescent(
            start: [0, 0], count: 30, batchSize: 30, epochs: 25, learningRate: 0.2, loss: loss,
            batchGradient: { p, batch in meanSquaredErrorGradient(of: Line(parameters: p), on: data.subset(batch)) },
            using: &generator)
        let plain = gradientDescent(
            start: [0, 0], steps: 25, learningRate: { _ in 0.2 }, loss: loss,
            gradient: { meanSquaredErrorGradient(of: Line(parameters: $0), on: data) })
        assertClose(plain.parameters.last!, history.parameters, tolerance: 1e-12)
        XCTAssertEqual(history.updateLosses.count, 25)
        XCTAssertEqual(history.epochLosses.count, 26)
    }
}

final class BackpropTests: XCTestCase {
    /// The 2-2-1 network of lesson 8, worked by hand.
    ///
    /// x = [1, 0.5], W₁ = [[0.5, −1], [1, 0.5]], B₁ = [0, 0.25], sigmoid; W₂ = [[1], [−2]], B₂ = [0.5],
    /// identity; target 1.
    ///   z₁ = [1·0.5 + 0.5·1, 1·(−1) + 0.5·0.5 + 0.25] = [1, −0.5]
    ///   h  = [σ(1), σ(−0.5)] = [0.7310585786, 0.3775406688]
    ///   y  = 0.7310585786 − 2·0.3775406688 + 0.5 = 0.4759772410
    ///   loss = (y − 1)² = 0.2746; dy = 2(y − 1) = −1.0480455180
    ///   dW₂ = hᵀ dy = [−0.7661827, −0.3956798]; dB₂ = dy
    ///   dh = dy·W₂ᵀ = [−1.0480455, 2.0960910]
    ///   dz₁ = dh ⊙ σ′(z₁) = [−1.0480455·0.1966119, 2.0960910·0.2350037] = [−0.2060583, 0.4925892]
    ///   dW₁ = xᵀ dz₁ = [[−0.2060583, 0.4925892], [−0.1030291, 0.2462946]]; dB₁ = dz₁
    /// (The eight-digit values below were computed separately, in Python, from these formulas.)
    static func handNetwork() -> Network {
        Network([
            Dense(weights: Matrix([[0.5, -1], [1, 0.5]]), bias: Matrix(row: [0, 0.25]), activation: .sigmoid),
            Dense(weights: Matrix([[1], [-2]]), bias: Matrix(row: [0.5]), activation: .identity)
        ])
    }

    func testHandWorkedTwoTwoOneExample() {
        let (loss, gradients) = Self.handNetwork().lossAndGradients(input: Matrix([[1, 0.5]]), target: Matrix([[1]]))
        assertClose(0.27459985, loss, tolerance: 1e-8)
        assertClose([-0.76618267, -0.39567981], gradients[1].weights.values, tolerance: 1e-8)
        assertClose([-1.04804552], gradients[1].bias.values, tolerance: 1e-8)
        assertClose([-0.20605826, 0.49258917, -0.10302913, 0.24629459], gradients[0].weights.values, tolerance: 1e-8)
        assertClose([-0.20605826, 0.49258917], gradients[0].bias.values, tolerance: 1e-8)
    }

    func testDenseBackwardAgainstFiniteDifferencesForRandomShapes() {
        var generator = SeededGenerator(seed: 2718)
        for trial in 0..<100 {
            let batch = 1 + generator.index(below: 5)
            let nIn = 1 + generator.index(below: 5)
            let nOut = 1 + generator.index(below: 5)
            let activation = Activation.allCases[generator.index(below: 4)]
            let layer = Dense(
                inputSize: nIn, outputSize: nOut, activation: activation, initialization: .standardNormal,
                using: &generator)
            let x = Matrix.random(rows: batch, columns: nIn, using: &generator)
            // A scalar of the output: loss = Σ c ⊙ Y with random c, so dY = c.
            let c = Matrix.random(rows: batch, columns: nOut, using: &generator)
            let (z, _) = layer.forward(x)
            let (dX, dW, dB) = layer.backward(input: x, preactivation: z, outputGradient: c)
            func scalar(_ l: Dense, _ input: Matrix) -> Double { l(input).multipliedElementwise(by: c).sum() }
            let numericX = centralDifferenceGradient(
                of: { scalar(layer, Matrix(rows: batch, columns: nIn, values: $0)) }, at: x.values)
            let numericW = centralDifferenceGradient(
                of: {
                    var l = layer
                    l.weights.values = $0
                    return scalar(l, x)
                }, at: layer.weights.values)
            let numericB = centralDifferenceGradient(
                of: {
                    var l = layer
                    l.bias.values = $0
                    return scalar(l, x)
                }, at: layer.bias.values)
            // ReLU has a kink at 0; a pre-activation within h of it makes the finite difference meaningless.
            if activation == .relu && z.values.contains(where: { abs($0) < 1e-4 }) { continue }
            assertGradientsAgree(dX.values, numericX, "dX, trial \(trial), \(activation)")
            assertGradientsAgree(dW.values, numericW, "dW, trial \(trial), \(activation)")
            assertGradientsAgree(dB.values, numericB, "dB, trial \(trial), \(activation)")
        }
    }

    func testNetworkGradientCheckForRandomNetworks() {
        var generator = SeededGenerator(seed: 1618)
        for trial in 0..<100 {
            let depth = 1 + generator.index(below: 3)
            let sizes = (0...depth).map { _ in 1 + generator.index(below: 5) }
            let activations = (0..<depth).map { _ in [Activation.sigmoid, .tanh, .identity][generator.index(below: 3)] }
            let network = Network(
                sizes: sizes, activations: activations, initialization: .standardNormal, using: &generator)
            let rows = 1 + generator.index(below: 6)
            let x = Matrix.random(rows: rows, columns: sizes.first!, using: &generator)
            let y = Matrix.random(rows: rows, columns: sizes.last!, using: &generator)
            let report = gradientCheck(network, input: x, target: y)
            XCTAssertLessThan(
                report.worstRelativeDifference, 1e-6,
                "trial \(trial): sizes \(sizes), \(activations), at \(report.worstLocation)")
            XCTAssertEqual(report.parametersChecked, network.parameterCount)
        }
    }

    func testGradientCheckCatchesAWrongGradient() {
        // A check that cannot fail proves nothing: perturb the network after computing backprop's
        // gradients by hand and the report must see the difference.
        var generator = SeededGenerator(seed: 3)
        let network = Network(sizes: [2, 3, 1], activations: [.tanh, .identity], using: &generator)
        let x = Matrix.random(rows: 4, columns: 2, using: &generator)
        let y = Matrix.random(rows: 4, columns: 1, using: &generator)
        var analytic = Network.flatten(network.lossAndGradients(input: x, target: y).gradients)
        analytic[0] += 0.1
        let numeric = centralDifferenceGradient(
            of: { p in
                var n = network
                n.parameters = p
                return meanSquaredError(predicted: n(x), expected: y)
            },
            at: network.parameters)
        XCTAssertGreaterThan(abs(analytic[0] - numeric[0]), 0.05)
    }

    func testTrainingLowersTheLossOfASmallNet() {
        // y = x² on [−1, 1] with a 1-8-1 tanh net: 300 epochs of batches of 8 should cut the loss
        // by at least a factor 10 from the untrained net's.
        var generator = SeededGenerator(seed: 12)
        let xs = (0..<32).map { (i: Int) -> Double in -1 + 2 * Double(i) / 31 }
        let inputs = Matrix(column: xs)
        let targets = Matrix(column: xs.map { $0 * $0 })
        var network = Network(sizes: [1, 8, 1], activations: [.tanh, .identity], using: &generator)
        let before = meanSquaredError(predicted: network(inputs), expected: targets)
        for _ in 0..<300 {
            trainOneEpoch(
                &network, inputs: inputs, targets: targets, batchSize: 8,
                optimizer: StochasticGradientDescent(learningRate: 0.1), using: &generator)
        }
        let after = meanSquaredError(predicted: network(inputs), expected: targets)
        XCTAssertLessThan(after, before / 10, "before \(before), after \(after)")
    }

    func testWeightDecayPullsWeightsTowardsZero() {
        var network = Network([Dense(weights: Matrix([[2]]), bias: Matrix(row: [1]), activation: .identity)])
        let zero = [LayerGradient(weights: Matrix([[0]]), bias: Matrix(row: [0]))]
        StochasticGradientDescent(learningRate: 0.1, weightDecay: 0.5).update(&network, with: zero)
        // W ← W − lr·λ·W = 2 − 0.1·0.5·2 = 1.9; the bias is not decayed.
        assertClose(1.9, network.layers[0].weights[0, 0], tolerance: 1e-15)
        XCTAssertEqual(network.layers[0].bias[0, 0], 1)
    }
}

final class EarlyStoppingTests: XCTestCase {
    func testStopsAfterPatienceEpochsWithoutImprovement() {
        var stopping = EarlyStopping(patience: 3)
        let scores = [0.5, 0.7, 0.8, 0.79, 0.8, 0.75, 0.9]
        var stoppedAt: Int?
        for (epoch, score) in scores.enumerated() where stoppedAt == nil {
            if stopping.shouldStop(epoch: epoch + 1, score: score) { stoppedAt = epoch + 1 }
        }
        // Best 0.8 at epoch 3; epochs 4, 5 (equal is not better) and 6 bring nothing: stop at 6.
        XCTAssertEqual(stoppedAt, 6)
        XCTAssertEqual(stopping.best?.epoch, 3)
        XCTAssertEqual(stopping.best?.score, 0.8)
    }

    func testKeepsGoingWhileImproving() {
        var stopping = EarlyStopping(patience: 1)
        for epoch in 1...10 {
            XCTAssertFalse(stopping.shouldStop(epoch: epoch, score: Double(epoch)))
            XCTAssertTrue(stopping.lastWasBest(epoch: epoch))
        }
    }
}
