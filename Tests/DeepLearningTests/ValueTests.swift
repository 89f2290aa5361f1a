import XCTest
import Foundation
import DeepLearning

final class ValueTests: XCTestCase {
    /// Each operation's gradient against a central difference of the same expression, at many
    /// random points. `build` makes the expression from two leaf values.
    func check(
        _ name: String, domain: ClosedRange<Double> = -2...2,
        _ build: (Value, Value) -> Value, file: StaticString = #filePath, line: UInt = #line
    ) {
        var generator = SeededGenerator(seed: UInt64(name.unicodeScalars.map(\.value).reduce(0, +)))
        for _ in 0..<200 {
            let x = generator.uniform(domain.lowerBound, domain.upperBound)
            let y = generator.uniform(domain.lowerBound, domain.upperBound)
            let a = Value(x)
            let b = Value(y)
            let out = build(a, b)
            out.backward()
            let numeric = centralDifferenceGradient(of: { p in build(Value(p[0]), Value(p[1])).data }, at: [x, y])
            assertGradientsAgree([a.gradient, b.gradient], numeric, tolerance: 1e-6, name, file: file, line: line)
        }
    }

    func testEveryOperationAgainstFiniteDifferences() {
        check("+") { $0 + $1 }
        check("−") { $0 - $1 }
        check("×") { $0 * $1 }
        check("÷", domain: 0.5...2) { $0 / $1 }
        check("neg") { -$0 * $1 }
        check("power") { $0.power(3) + $1.power(2) }
        check("exp") { $0.exp() * $1 }
        check("log", domain: 0.2...3) { $0.log() + $1.log() * $0 }
        check("tanh") { ($0 * $1).tanh() }
        check("sigmoid") { ($0 - $1).sigmoid() }
        check("relu") { ($0 * 3 + 0.05).relu() * $1 }
        check("mixed with constants") { 2 * $0 + $1 / 4 - 1 }
    }

    func testByHand() {
        // f = a·b + a with a = 2, b = −3: f = −4, ∂f/∂a = b + 1 = −2, ∂f/∂b = a = 2.
        let a = Value(2)
        let b = Value(-3)
        let f = a * b + a
        XCTAssertEqual(f.data, -4)
        f.backward()
        XCTAssertEqual(a.gradient, -2)
        XCTAssertEqual(b.gradient, 2)
    }

    func testReusedValueCollectsEveryPath() {
        // f = x·x·x at 2: ∂f/∂x = 3x² = 12, found only if all three uses add up.
        let x = Value(2)
        let f = x * x * x
        f.backward()
        XCTAssertEqual(x.gradient, 12)
    }

    func testGradientsAccumulateAndZeroing() {
        let a = Value(3)
        let f = a * a  // ∂f/∂a = 6
        f.backward()
        XCTAssertEqual(a.gradient, 6)
        f.backward()  // documented: a second backward adds the same amount again
        XCTAssertEqual(a.gradient, 12)
        a.zeroGradient()
        XCTAssertEqual(a.gradient, 0)
        f.backward()
        XCTAssertEqual(a.gradient, 6)
    }

    func testTrackedLineLossMatchesTheAnalyticGradient() {
        var generator = SeededGenerator(seed: 21)
        let data = LineData.noisyLine(count: 50, using: &generator)
        let a = Value(0.7)
        let b = Value(-1.2)
        let loss = trackedMeanSquaredError(slope: a, intercept: b, on: data)
        let line = Line(slope: 0.7, intercept: -1.2)
        assertClose(meanSquaredError(of: line, on: data), loss.data, tolerance: 1e-12)
        loss.backward()
        assertClose(meanSquaredErrorGradient(of: line, on: data), [a.gradient, b.gradient], tolerance: 1e-12)
    }

    func testLongChainsDoNotOverflowTheStack() {
        let x = Value(1)
        var total = Value(0)
        for _ in 0..<20_000 { total = total + x }
        total.backward()
        XCTAssertEqual(x.gradient, 20_000)
    }
}

/// A network's loss built from tracked values, one operation at a time, against the matrix
/// backprop of `Network`: the same loss and the same gradient for every parameter, for every
/// activation and for more than one output.
final class TrackedNetworkTests: XCTestCase {
    func testTrackedNetworkGradientsEqualTheMatrixBackprop() {
        var random = SeededGenerator(seed: 11)
        let network = Network(sizes: [2, 3, 4, 2], activations: [.tanh, .relu, .sigmoid], using: &random)
        let inputs = Matrix.random(rows: 4, columns: 2, using: &random)
        let targets = Matrix.random(rows: 4, columns: 2, using: &random)
        let (loss, parameters) = trackedMeanSquaredError(of: network, inputs: inputs, targets: targets)
        loss.backward()
        let matrix = network.lossAndGradients(input: inputs, target: targets)
        XCTAssertEqual(loss.data, matrix.loss, accuracy: 1e-12)
        let tracked = parameters.map(\.gradient)
        let flat = Network.flatten(matrix.gradients)
        XCTAssertEqual(tracked.count, flat.count)
        for (t, m) in zip(tracked, flat) { XCTAssertEqual(t, m, accuracy: 1e-12) }
    }

    func testATrackedNetworkByHand() {
        // y = 3·(2x + 1) + 0.5 at x = 1, target 0: h = 3, y = 9.5, loss = 9.5² = 90.25.
        // ∂L/∂y = 2·9.5 = 19, so ∂L/∂w₂ = 19·h = 57, ∂L/∂b₂ = 19, ∂L/∂h = 19·w₂ = 57,
        // ∂L/∂w₁ = 57·x = 57, ∂L/∂b₁ = 57 (in the order w₁, b₁, w₂, b₂).
        let network = Network([
            Dense(weights: Matrix([[2]]), bias: Matrix(row: [1]), activation: .identity),
            Dense(weights: Matrix([[3]]), bias: Matrix(row: [0.5]), activation: .identity)
        ])
        let (loss, parameters) = trackedMeanSquaredError(of: network, inputs: Matrix([[1]]), targets: Matrix([[0]]))
        loss.backward()
        XCTAssertEqual(loss.data, 90.25, accuracy: 1e-12)
        XCTAssertEqual(parameters.map(\.gradient), [57, 57, 57, 19])
    }
}
