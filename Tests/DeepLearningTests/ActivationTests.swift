import XCTest
import Foundation
import DeepLearning

final class ActivationTests: XCTestCase {
    func testValuesAtZeroAndPlusMinusOne() {
        XCTAssertEqual(relu(0), 0)
        XCTAssertEqual(relu(1), 1)
        XCTAssertEqual(relu(-1), 0)
        XCTAssertEqual(sigmoid(0), 0.5)
        // σ(1) = e/(1+e) = 0.7310585786300049, σ(−1) = 1/(1+e) = 0.2689414213699951
        assertClose(0.7310585786300049, sigmoid(1), tolerance: Tolerance.rounding)
        assertClose(0.2689414213699951, sigmoid(-1), tolerance: Tolerance.rounding)
        // tanh(1) = (e − 1/e)/(e + 1/e) = 0.7615941559557649
        assertClose(0.7615941559557649, Activation.tanh(1), tolerance: Tolerance.rounding)
        assertClose(-0.7615941559557649, Activation.tanh(-1), tolerance: Tolerance.rounding)
        XCTAssertEqual(Activation.identity(-3.5), -3.5)
    }

    func testExtremeInputsStayFinite() {
        XCTAssertEqual(sigmoid(1000), 1)
        XCTAssertEqual(sigmoid(-1000), 0)
        XCTAssertEqual(sigmoidDerivative(1000), 0)
        XCTAssertEqual(sigmoidDerivative(-1000), 0)
        XCTAssertEqual(Activation.tanh(1000), 1)
        XCTAssertEqual(Activation.tanh(-1000), -1)
        XCTAssertEqual(relu(1000), 1000)
        XCTAssertEqual(relu(-1000), 0)
        for x in [-1000.0, -745, -40, 40, 710, 1000] {
            XCTAssertTrue(sigmoid(x).isFinite && sigmoidDerivative(x).isFinite, "σ at \(x)")
        }
    }

    func testTanhIsAStretchedSigmoid() {
        for k in 0...400 {
            let x = -10 + Double(k) / 20
            assertClose(Foundation.tanh(x), 2 * sigmoid(2 * x) - 1, tolerance: 1e-15, "at x = \(x)")
        }
    }

    func testDerivativesMatchCentralDifferencesAtRandomPoints() {
        var generator = SeededGenerator(seed: 123)
        for activation in Activation.allCases {
            for _ in 0..<500 {
                let x = generator.uniform(-6, 6)
                if activation == .relu && abs(x) < 1e-3 { continue }  // no derivative at the kink
                let estimate = centralDifference(of: { activation($0) }, at: x)
                assertClose(
                    estimate, activation.derivative(x), tolerance: Tolerance.finiteDifference, "\(activation) at \(x)")
            }
        }
    }

    func testVectorisedSigmoidMatchesTheScalarOne() {
        // Within 4e−16 relative (two units in the last place) over the whole range, and
        // exactly 0 and 1 far out, like the readable definition. Below x = −708 the true value
        // is under 1e−307 and the vectorised form gives 0: an absolute 1e−300 allows that.
        var generator = SeededGenerator(seed: 55)
        var values = (0..<20_000).map { _ in generator.uniform(-40, 40) }
        values += [0, -0.0, 1e-300, -1e-300, 708.5, -708.5, 709, -745, -1000, 1000, .infinity, -.infinity, 37.5, -37.5]
        let z = Matrix(row: values)
        let fast = Activation.sigmoid(z)
        for (x, s) in zip(values, fast.values) {
            let reference = sigmoid(x)
            XCTAssertLessThanOrEqual(
                abs(s - reference), 4e-16 * reference + 1e-300, "σ(\(x)): \(s) against \(reference)")
        }
        XCTAssertEqual(Activation.sigmoid(Matrix(row: [-1000, 1000, 0])).values, [0, 1, 0.5])
    }

    func testBackwardIsTheGradientTimesTheDerivative() {
        var generator = SeededGenerator(seed: 10)
        let z = Matrix.random(rows: 4, columns: 6, standardDeviation: 2, using: &generator)
        let dY = Matrix.random(rows: 4, columns: 6, using: &generator)
        for activation in Activation.allCases {
            let fused = activation.backward(dY, preactivation: z, output: activation(z))
            XCTAssertLessThan(
                fused.largestDifference(from: dY.multipliedElementwise(by: activation.derivative(z))), 1e-15,
                "\(activation)")
        }
    }

    func testDerivativeValuesByHand() {
        XCTAssertEqual(sigmoidDerivative(0), 0.25)  // σ(0)(1 − σ(0)) = ½·½
        XCTAssertEqual(tanhDerivative(0), 1)  // 1 − tanh²0
        XCTAssertEqual(reluDerivative(2), 1)
        XCTAssertEqual(reluDerivative(-2), 0)
        XCTAssertEqual(Activation.identity.derivative(5), 1)
    }

    func testSoftplusByHandAndItsSlopeIsSigmoid() {
        // softplus(0) = ln 2; softplus(1) = ln(1 + e); softplus(x) − softplus(−x) = x.
        XCTAssertEqual(softplus(0), log(2), accuracy: 1e-15)
        XCTAssertEqual(softplus(1), log(1 + exp(1)), accuracy: 1e-15)
        XCTAssertEqual(softplus(3) - softplus(-3), 3, accuracy: 1e-14)
        XCTAssertEqual(softplus(1000), 1000)
        XCTAssertEqual(softplus(-1000), 0)
        for x in [-4.0, -0.7, 0.2, 2.5] {
            XCTAssertEqual(centralDifference(of: softplus, at: x), sigmoid(x), accuracy: 1e-9)
        }
    }
}
