import XCTest
import DeepLearning

final class LayerTests: XCTestCase {
    func testNeuronByHand() {
        // y = ReLU(0.8·0.5 + 0.2·(−1) + 0.4·2 + 0.3) = ReLU(1.3) = 1.3
        let neuron = Neuron(weights: [0.8, 0.2, 0.4], bias: 0.3, activation: .relu)
        assertClose(1.3, neuron([0.5, -1, 2]), tolerance: Tolerance.rounding)
        assertClose([0.4, -0.2, 0.8], neuron.products([0.5, -1, 2]), tolerance: Tolerance.rounding)
        // A negative sum gives 0: ReLU(−0.5 + 0.3)
        XCTAssertEqual(Neuron(weights: [1], bias: 0.3, activation: .relu)([-0.5]), 0)
        // −b is the threshold: with b = −1.5 the output is 0 at s = 1.5 and positive just above.
        let gate = Neuron(weights: [1], bias: -1.5, activation: .relu)
        XCTAssertEqual(gate([1.5]), 0)
        XCTAssertGreaterThan(gate([1.5001]), 0)
    }

    func testDenseLayerByHand() {
        // X = [1 2], W = [[1 −1 0] [0 1 2]], B = [0.5 0 −5]
        // XW = [1, 1, 4]; + B = [1.5, 1, −1]; ReLU → [1.5, 1, 0]
        let layer = Dense(weights: Matrix([[1, -1, 0], [0, 1, 2]]), bias: Matrix(row: [0.5, 0, -5]), activation: .relu)
        let (z, y) = layer.forward(Matrix([[1, 2]]))
        XCTAssertEqual(z, Matrix([[1.5, 1, -1]]))
        XCTAssertEqual(y, Matrix([[1.5, 1, 0]]))
        XCTAssertEqual(layer.inputSize, 2)
        XCTAssertEqual(layer.outputSize, 3)
        XCTAssertEqual(layer.parameterCount, 9)
    }

    func testDenseLayerAgreesWithItsNeurons() {
        var generator = SeededGenerator(seed: 4)
        let layer = Dense(inputSize: 5, outputSize: 3, activation: .tanh, using: &generator)
        let x = Matrix.random(rows: 1, columns: 5, using: &generator)
        let y = layer(x)
        for i in 0..<3 {
            let neuron = Neuron(weights: layer.weights.column(i), bias: layer.bias[0, i], activation: .tanh)
            assertClose(neuron(x.row(0)), y[0, i], tolerance: Tolerance.rounding)
        }
    }

    func testNetworkStacksLayersAndReportsSizes() {
        var generator = SeededGenerator(seed: 8)
        let network = Network(sizes: [3, 4, 4, 2], activations: [.relu, .relu, .sigmoid], using: &generator)
        XCTAssertEqual(network.sizes, [3, 4, 4, 2])
        XCTAssertEqual(network.parameterCount, 3 * 4 + 4 + 4 * 4 + 4 + 4 * 2 + 2)
        let x = Matrix.random(rows: 6, columns: 3, using: &generator)
        var manual = x
        for layer in network.layers { manual = layer(manual) }
        XCTAssertEqual(network(x), manual)
        XCTAssertEqual(network(x).shape, "6×2")
    }

    func testInitialisationScales() {
        var generator = SeededGenerator(seed: 10)
        let layer = Dense(inputSize: 200, outputSize: 200, activation: .relu, initialization: .he, using: &generator)
        let variance = layer.weights.values.map { $0 * $0 }.reduce(0, +) / Double(layer.weights.values.count)
        // He: variance 2/200 = 0.01; 40 000 draws give a standard error of about 0.01·√(2/40000) ≈ 7e−5.
        assertClose(0.01, variance, tolerance: 4e-4)
        XCTAssertEqual(layer.bias, Matrix(rows: 1, columns: 200))
    }

    func testTwoLinearLayersCollapse() {
        var generator = SeededGenerator(seed: 12)
        let w1 = Matrix.random(rows: 3, columns: 4, using: &generator)
        let b1 = Matrix.random(rows: 1, columns: 4, using: &generator)
        let w2 = Matrix.random(rows: 4, columns: 2, using: &generator)
        let b2 = Matrix.random(rows: 1, columns: 2, using: &generator)
        let two = Network([
            Dense(weights: w1, bias: b1, activation: .identity), Dense(weights: w2, bias: b2, activation: .identity)
        ])
        let one = Dense(weights: w1 * w2, bias: b1 * w2 + b2, activation: .identity)
        let x = Matrix.random(rows: 10, columns: 3, using: &generator)
        XCTAssertLessThan(two(x).largestDifference(from: one(x)), 1e-12)
        var bent = two
        bent.layers[0].activation = .relu
        XCTAssertGreaterThan(bent(x).largestDifference(from: one(x)), 0.1)
    }
}
