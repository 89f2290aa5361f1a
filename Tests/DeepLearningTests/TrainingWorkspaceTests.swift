import XCTest
import DeepLearning

/// `trainOneEpoch` runs its steps in a preallocated workspace. Its numbers must be those of the
/// readable step, `lossAndGradients` then `update`, bit for bit: same kernels, same order.
final class TrainingWorkspaceTests: XCTestCase {
    func testEpochEqualsTheReadableStepsExactly() {
        for activations in [[Activation.sigmoid, .sigmoid], [.relu, .tanh, .identity]] {
            var generator = SeededGenerator(seed: 5)
            let sizes = activations.count == 2 ? [13, 9, 3] : [13, 40, 7, 3]
            let network = Network(sizes: sizes, activations: activations, using: &generator)
            let inputs = Matrix.random(rows: 47, columns: 13, using: &generator)  // batches of 10: the last has 7
            let targets = Matrix.random(rows: 47, columns: 3, using: &generator)
            let optimizer = StochasticGradientDescent(learningRate: 0.1, weightDecay: 0.01)

            var fast = network
            var readable = network
            var fastGenerator = generator
            var readableGenerator = generator
            var fastLosses: [Double] = []
            var readableLosses: [Double] = []
            for _ in 0..<3 {
                fastLosses.append(
                    trainOneEpoch(
                        &fast, inputs: inputs, targets: targets, batchSize: 10,
                        optimizer: optimizer, using: &fastGenerator))
                var weighted = 0.0
                for batch in miniBatches(count: inputs.rows, batchSize: 10, using: &readableGenerator) {
                    let (loss, gradients) = readable.lossAndGradients(
                        input: inputs.rows(at: batch), target: targets.rows(at: batch))
                    optimizer.update(&readable, with: gradients)
                    weighted += loss * Double(batch.count)
                }
                readableLosses.append(weighted / Double(inputs.rows))
            }
            XCTAssertEqual(fastLosses, readableLosses, "losses per epoch, \(activations)")
            XCTAssertEqual(fast.parameters, readable.parameters, "parameters after 3 epochs, \(activations)")
        }
    }

    func testABatchLargerThanTheDataIsOneBatch() {
        var generator = SeededGenerator(seed: 6)
        var network = Network(sizes: [4, 3, 2], activations: [.sigmoid, .sigmoid], using: &generator)
        let inputs = Matrix.random(rows: 5, columns: 4, using: &generator)
        let targets = Matrix(rows: 5, columns: 2)
        var readable = network
        var copy = generator
        let loss = trainOneEpoch(
            &network, inputs: inputs, targets: targets, batchSize: 100,
            optimizer: StochasticGradientDescent(learningRate: 1), using: &generator)
        let batch = miniBatches(count: 5, batchSize: 100, using: &copy)  // one batch: all five rows, shuffled
        XCTAssertEqual(batch.count, 1)
        let (expected, gradients) = readable.lossAndGradients(
            input: inputs.rows(at: batch[0]), target: targets.rows(at: batch[0]))
        StochasticGradientDescent(learningRate: 1).update(&readable, with: gradients)
        XCTAssertEqual(loss, expected)
        XCTAssertEqual(network.parameters, readable.parameters)
    }
}
