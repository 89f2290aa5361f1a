import Foundation
import XCTest
import DeepLearning

/// Softmax, cross-entropy and its gradient p − y, the softmax training path, and lesson 13's
/// signal sizes and verdicts, against values worked out by hand and finite differences.
final class SoftmaxCrossEntropyTests: XCTestCase {
    func testSoftmaxByHand() {
        // Scores (0, log 2, log 3): e^z = (1, 2, 3), sum 6.
        assertClose([1.0 / 6, 2.0 / 6, 3.0 / 6], softmax([0, log(2), log(3)]), tolerance: Tolerance.rounding)
        // Equal scores: uniform.
        assertClose([0.25, 0.25, 0.25, 0.25], softmax([7, 7, 7, 7]), tolerance: Tolerance.rounding)
        // Two scores: softmax(z, 0)₀ = σ(z).
        assertClose(sigmoid(1.3), softmax([1.3, 0])[0], tolerance: Tolerance.rounding)
    }

    func testSoftmaxIsStableForHugeScores() {
        let p = softmax([1000, 1000 + log(3)])  // e^1000 overflows; the answer is (1/4, 3/4)
        assertClose([0.25, 0.75], p, tolerance: Tolerance.rounding)
        let q = softmax([-1000, 0])
        XCTAssertTrue(q.allSatisfy(\.isFinite))
        assertClose([0, 1], q, tolerance: Tolerance.rounding)
        assertClose(1000 + log(4.0), logSumExp([1000, 1000 + log(3)]), tolerance: 1e-9)
    }

    func testSoftmaxOfRowsIsSoftmaxOfEachRow() {
        let m = Matrix([[1, 2, 3], [1000, -1000, 0]])
        let p = softmaxOfRows(m)
        XCTAssertEqual(p.row(0), softmax([1, 2, 3]))
        XCTAssertEqual(p.row(1), softmax([1000, -1000, 0]))
    }

    func testCrossEntropyByHand() {
        assertClose(
            -log(0.5), crossEntropy(probabilities: [0.25, 0.5, 0.25], target: [0, 1, 0]), tolerance: Tolerance.rounding)
        XCTAssertEqual(crossEntropy(probabilities: [0, 1], target: [0, 1]), 0)  // 0·log 0 adds nothing
        // From the scores: uniform over 10 classes costs log 10.
        assertClose(
            log(10.0),
            softmaxCrossEntropy(
                scores: [Double](repeating: 3, count: 10),
                target: oneHot([4], classes: 10).row(0)), tolerance: Tolerance.rounding)
        // Scores (0, log 3), label 1: p = 3/4, L = log(4/3); and stable at +1000.
        assertClose(log(4.0 / 3), softmaxCrossEntropy(scores: [1000, 1000 + log(3)], target: [0, 1]), tolerance: 1e-9)
        // The mean over rows.
        let scores = Matrix([[0, log(3)], [0, 0]])
        let targets = Matrix([[0, 1], [1, 0]])
        assertClose(
            (log(4.0 / 3) + log(2.0)) / 2, softmaxCrossEntropy(scores: scores, targets: targets),
            tolerance: Tolerance.rounding)
    }

    func testGradientIsPMinusYByHandAndByFiniteDifferences() {
        assertClose(
            [0.25, -0.25], softmaxCrossEntropyGradient(scores: [0, log(3)], target: [0, 1]),
            tolerance: Tolerance.rounding)
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<5 {
            let z = (0..<10).map { _ in 3 * generator.normal() }
            let y = oneHot([generator.index(below: 10)], classes: 10).row(0)
            let numeric = centralDifferenceGradient(of: { softmaxCrossEntropy(scores: $0, target: y) }, at: z)
            assertGradientsAgree(softmaxCrossEntropyGradient(scores: z, target: y), numeric)
        }
        // The matrix form: (P − Y)/N against finite differences of the mean loss.
        let scores = Matrix.random(rows: 4, columns: 5, standardDeviation: 2, using: &generator)
        let targets = oneHot([0, 3, 4, 1], classes: 5)
        let numeric = centralDifferenceGradient(
            of: { softmaxCrossEntropy(scores: Matrix(rows: 4, columns: 5, values: $0), targets: targets) },
            at: scores.values)
        assertGradientsAgree(softmaxCrossEntropyGradient(scores: scores, targets: targets).values, numeric)
    }

    func testSquaredErrorThroughSigmoidByHandAndFiniteDifference() {
        // a = 0.99, y = 0: 2 · 0.99 · 0.99 · 0.01 = 0.019602.
        assertClose(0.019602, squaredErrorGradientThroughSigmoid(score: log(99), target: 0), tolerance: 1e-12)
        let numeric = centralDifference(of: { pow(sigmoid($0) - 1, 2) }, at: -0.7)
        assertClose(
            numeric, squaredErrorGradientThroughSigmoid(score: -0.7, target: 1), tolerance: Tolerance.finiteDifference)
    }

    func testNetworkCrossEntropyGradientsAgainstFiniteDifferences() {
        var generator = SeededGenerator(seed: 21)
        var network = Network(sizes: [5, 6, 4], activations: [.relu, .identity], using: &generator)
        let input = Matrix.random(rows: 7, columns: 5, using: &generator)
        let target = oneHot([0, 1, 2, 3, 3, 2, 1], classes: 4)
        let (_, gradients) = network.lossAndGradients(input: input, target: target, loss: .softmaxCrossEntropy)
        let start = network.parameters
        let numeric = centralDifferenceGradient(
            of: { p in
                network.parameters = p
                return softmaxCrossEntropy(scores: network(input), targets: target)
            }, at: start)
        network.parameters = start
        assertGradientsAgree(Network.flatten(gradients), numeric)
        // The MSE choice is the old function.
        let old = network.lossAndGradients(input: input, target: target)
        let new = network.lossAndGradients(input: input, target: target, loss: .meanSquaredError)
        XCTAssertEqual(old.loss, new.loss)
        XCTAssertEqual(Network.flatten(old.gradients), Network.flatten(new.gradients))
    }

    func testCrossEntropyEpochEqualsTheReadableStepsExactly() {
        var generator = SeededGenerator(seed: 8)
        let network = Network(sizes: [13, 9, 4], activations: [.relu, .identity], using: &generator)
        let inputs = Matrix.random(rows: 47, columns: 13, using: &generator)
        let targets = oneHot((0..<47).map { $0 % 4 }, classes: 4)
        let optimizer = StochasticGradientDescent(learningRate: 0.1)
        var fast = network
        var readable = network
        var fastGenerator = generator
        var readableGenerator = generator
        for _ in 0..<2 {
            let fastLoss = trainOneEpoch(
                &fast, inputs: inputs, targets: targets, batchSize: 10, optimizer: optimizer,
                using: &fastGenerator, loss: .softmaxCrossEntropy)
            var weighted = 0.0
            for batch in miniBatches(count: inputs.rows, batchSize: 10, using: &readableGenerator) {
                let (loss, gradients) = readable.lossAndGradients(
                    input: inputs.rows(at: batch), target: targets.rows(at: batch),
                    loss: .softmaxCrossEntropy)
                optimizer.update(&readable, with: gradients)
                weighted += loss * Double(batch.count)
            }
            XCTAssertEqual(fastLoss, weighted / Double(inputs.rows))
        }
        XCTAssertEqual(fast.parameters, readable.parameters)
    }

    func testScoreWithCrossEntropy() {
        var generator = SeededGenerator(seed: 2)
        var network = Network(sizes: [2, 3], activations: [.identity], using: &generator)
        network.parameters = [Double](repeating: 0, count: network.parameterCount)  // every score 0
        let s = score(network, images: Matrix([[1, 2], [3, 4]]), labels: [1, 2], loss: .softmaxCrossEntropy, classes: 3)
        assertClose(log(3.0), s.loss, tolerance: Tolerance.rounding)
        XCTAssertEqual(s.accuracy, 0)  // ties go to class 0
    }

    func testRootMeanSquareAndLayerSizes() {
        assertClose((12.5).squareRoot(), rootMeanSquare(Matrix([[3, -4]])), tolerance: Tolerance.rounding)
        var generator = SeededGenerator(seed: 3)
        let input = Matrix.random(rows: 400, columns: 100, using: &generator)
        let he = layerSizes(
            input: input, width: 100, depth: 6, activation: .relu, initialization: .he, using: &generator)
        let scaled = layerSizes(
            input: input, width: 100, depth: 6, activation: .relu, initialization: .scaledNormal, using: &generator)
        XCTAssertEqual(he.count, 7)
        // He: E[x²] kept after the first layer (which halves a zero-mean input's rms² once: ReLU
        // of an N(0,1) input's sum); scaled normal: rms falls by √2 per layer after the first.
        XCTAssertEqual(signalScaleVerdict(Array(he.dropFirst())), .kept)
        // (Each layer's factor fluctuates by about √(2/n) ≈ 14 % with n = 100 random weights per unit.)
        let expected = pow(0.5, 2.5)
        let observed = scaled[6] / scaled[1]
        XCTAssertTrue(observed > expected / 2 && observed < expected * 2, "expected about \(expected), got \(observed)")
        XCTAssertEqual(signalScaleVerdict(scaled), .shrank)
    }

    func testSignalScaleVerdictGoesEachWay() {
        XCTAssertEqual(signalScaleVerdict([1, 1.9]), .kept)
        XCTAssertEqual(signalScaleVerdict([1, 0.6]), .kept)
        XCTAssertEqual(signalScaleVerdict([1, 2.1]), .grew)
        XCTAssertEqual(signalScaleVerdict([1, 0.4]), .shrank)
    }

    func testRaceVerdictGoesEachWay() {
        XCTAssertEqual(raceVerdict(first: Spread([0.9, 0.95]), second: Spread([0.5, 0.8])), .firstAhead)
        XCTAssertEqual(raceVerdict(first: Spread([0.5, 0.8]), second: Spread([0.9, 0.95])), .secondAhead)
        XCTAssertEqual(raceVerdict(first: Spread([0.5, 0.9]), second: Spread([0.8, 0.95])), .cannotTell)
        XCTAssertEqual(firstEpoch(reaching: 0.9, in: [0.5, 0.92, 0.95]), 2)
        XCTAssertNil(firstEpoch(reaching: 0.9, in: [0.5, 0.8]))
    }

    func testFasterLearnerGoesEachWay() {
        XCTAssertEqual(fasterLearner(afterFirstEpoch: .firstAhead, firstFellBack: false, secondFellBack: true), .first)
        XCTAssertEqual(
            fasterLearner(afterFirstEpoch: .firstAhead, firstFellBack: true, secondFellBack: false),
            .firstAheadThenFellBack)
        XCTAssertEqual(
            fasterLearner(afterFirstEpoch: .secondAhead, firstFellBack: true, secondFellBack: false), .second)
        XCTAssertEqual(
            fasterLearner(afterFirstEpoch: .secondAhead, firstFellBack: false, secondFellBack: true),
            .secondAheadThenFellBack)
        XCTAssertEqual(
            fasterLearner(afterFirstEpoch: .cannotTell, firstFellBack: true, secondFellBack: true), .cannotTell)
    }
}
