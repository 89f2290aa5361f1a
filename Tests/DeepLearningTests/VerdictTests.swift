import XCTest
import DeepLearning

/// The small classification functions lessons 2 to 4 choose their sentences with, each tested
/// with hand-made inputs that go every way.
final class VerdictTests: XCTestCase {
    // MARK: - DrawComparison

    /// 100 draws: 1, 2, …, 100. Mean 50.5; a value's "as far" count is worked out by hand.
    let hundred = (1...100).map(Double.init)

    func testAValueInTheMiddleOfItsDrawsIsTypical() {
        let comparison = DrawComparison(value: 50.5, draws: hundred)
        assertClose(50.5, comparison.mean, tolerance: Tolerance.rounding)
        assertClose(0, comparison.standardScore, tolerance: Tolerance.rounding)
        XCTAssertEqual(comparison.atLeastAsFar, 100, "every draw is at least 0 away from the mean")
        XCTAssertEqual(comparison.drawCount, 100)
        XCTAssertEqual(comparison.verdict, .typical)
    }

    func testAValueBeyondEveryDrawIsUnusuallyHighOrLow() {
        let high = DrawComparison(value: 200, draws: hundred)
        XCTAssertEqual(high.atLeastAsFar, 0)
        XCTAssertEqual(high.verdict, .unusuallyHigh)
        XCTAssertGreaterThan(high.standardScore, 2)
        let low = DrawComparison(value: -100, draws: hundred)
        XCTAssertEqual(low.verdict, .unusuallyLow)
        XCTAssertLessThan(low.standardScore, -2)
    }

    func testTheOneInTwentyRuleCountsBothSides() {
        // |d − 50.5| ≥ 47.5 holds for 1, 2, 3 and 98, 99, 100: 6 of 100, not fewer than 5.
        XCTAssertEqual(DrawComparison(value: 98, draws: hundred).atLeastAsFar, 6)
        XCTAssertEqual(DrawComparison(value: 98, draws: hundred).verdict, .typical)
        // |d − 50.5| ≥ 48.5 holds for 1, 2 and 99, 100: 4 of 100, fewer than 5.
        XCTAssertEqual(DrawComparison(value: 99, draws: hundred).atLeastAsFar, 4)
        XCTAssertEqual(DrawComparison(value: 99, draws: hundred).verdict, .unusuallyHigh)
        XCTAssertEqual(DrawComparison(value: 2, draws: hundred).verdict, .unusuallyLow)
    }

    func testStandardScoreUsesTheSampleStandardDeviation() {
        // Draws 1, 2, 3: mean 2, s = 1, so 5 lies 3 standard deviations above.
        let comparison = DrawComparison(value: 5, draws: [1, 2, 3])
        assertClose(1, comparison.standardDeviation, tolerance: Tolerance.rounding)
        assertClose(3, comparison.standardScore, tolerance: Tolerance.rounding)
    }

    func testIdenticalDrawsGiveAZeroScoreNotADivisionByZero() {
        let same = DrawComparison(value: 4, draws: [3, 3, 3, 3])
        XCTAssertEqual(same.standardScore, 0)
        XCTAssertEqual(same.verdict, .unusuallyHigh, "no draw lies 1 away from 3")
        XCTAssertEqual(DrawComparison(value: 3, draws: [3, 3, 3, 3]).verdict, .typical)
    }

    // MARK: - Agreement

    func testAgreementWithinRoundingAndBeyondIt() {
        XCTAssertEqual(agreement(largestDifference: 8.9e-16), .agree)
        XCTAssertEqual(agreement(largestDifference: 0), .agree)
        XCTAssertEqual(agreement(largestDifference: 1e-9), .differ)
        XCTAssertEqual(agreement(largestDifference: 3.6), .differ)
        XCTAssertEqual(agreement(largestDifference: .nan), .differ, "NaN never agrees")
    }

    func testAgreementScalesWithTheSizeOfTheNumbers() {
        // 1e-9 on numbers of size 10⁴ is within 10⁻¹² · 10⁴ = 10⁻⁸.
        XCTAssertEqual(agreement(largestDifference: 1e-9, scale: 1e4), .agree)
        XCTAssertEqual(agreement(largestDifference: 1e-7, scale: 1e4), .differ)
        // A scale below 1 does not make the test stricter than 10⁻¹².
        XCTAssertEqual(agreement(largestDifference: 5e-13, scale: 1e-6), .agree)
    }

    func testAgreementWithTheToleranceOfAnEstimate() {
        XCTAssertEqual(agreement(largestDifference: 3.8e-11, tolerance: 1e-8), .agree)
        XCTAssertEqual(agreement(largestDifference: 0.02, tolerance: 1e-8), .differ)
    }

    // MARK: - LossComparison

    func testLossComparisonByRatio() {
        XCTAssertEqual(compare(loss: 2.25, with: 0.084), .clearlyHigher)
        XCTAssertEqual(compare(loss: 0.2, with: 0.1), .clearlyHigher, "exactly twice counts")
        XCTAssertEqual(compare(loss: 0.19, with: 0.1), .similar)
        XCTAssertEqual(compare(loss: 0.06, with: 0.1), .similar)
        XCTAssertEqual(compare(loss: 0.05, with: 0.1), .clearlyLower)
        XCTAssertEqual(compare(loss: 0.75, with: 98.2), .clearlyLower)
        XCTAssertEqual(compare(loss: 3, with: 2, factor: 1.5), .clearlyHigher)
    }

    func testLossComparisonAgainstZero() {
        XCTAssertEqual(compare(loss: 0.59, with: 0), .clearlyHigher)
        XCTAssertEqual(compare(loss: 0, with: 0.59), .clearlyLower)
        XCTAssertEqual(compare(loss: 0, with: 0), .similar)
        XCTAssertEqual(compare(loss: .nan, with: 1), .similar, "no claim either way")
    }

    // MARK: - MidpointTest

    func testALinearLayerKeepsEveryMidpoint() {
        let layer = Dense(
            weights: Matrix([[1, -2], [0.5, 3], [-1, 1]]), bias: Matrix([[0.25, -4]]), activation: .identity)
        let inputs = Matrix([[1, 2, 3], [-1, 0, 2], [0.5, -3, 1], [2, 2, -2]])
        let test = MidpointTest(of: { layer($0) }, on: inputs)
        XCTAssertEqual(test.pairCount, 6)
        XCTAssertEqual(test.keepsMidpoints(scale: 10), .agree)
    }

    func testReLUAcrossItsKinkBreaksTheMidpointRule() {
        // f(x) = max(0, x) on u = −1, v = 1: f(0) = 0 but (f(−1) + f(1))/2 = 0.5.
        let relu = Dense(weights: Matrix([[1]]), bias: Matrix([[0]]), activation: .relu)
        let test = MidpointTest(of: { relu($0) }, on: Matrix([[-1], [1]]))
        assertClose(0.5, test.largestGap, tolerance: Tolerance.rounding)
        XCTAssertTrue(test.worstPair == (0, 1))
        XCTAssertEqual(test.keepsMidpoints(scale: 1), .differ)
    }

    func testReLUOnOneSideOfItsKinkLooksLinear() {
        // All inputs positive: max(0, x) = x there, and the test cannot tell.
        let relu = Dense(weights: Matrix([[1]]), bias: Matrix([[0]]), activation: .relu)
        let test = MidpointTest(of: { relu($0) }, on: Matrix([[1], [2], [5]]))
        XCTAssertEqual(test.keepsMidpoints(scale: 5), .agree)
    }

    func testTheWorstPairIsTheOneWithTheLargestGap() {
        // f(x) = |x| as two ReLUs: |x| = max(0, x) + max(0, −x). Pairs of −1, 0.5, 3: the gap of
        // (−1, 3) is (1 + 3)/2 − 1 = 1, of (−1, 0.5) is 0.75 − 0.25 = 0.5, of (0.5, 3) is 0.
        let hidden = Dense(weights: Matrix([[1, -1]]), bias: Matrix([[0, 0]]), activation: .relu)
        let sum = Dense(weights: Matrix([[1], [1]]), bias: Matrix([[0]]), activation: .identity)
        let absolute = Network([hidden, sum])
        let test = MidpointTest(of: { absolute($0) }, on: Matrix([[-1], [0.5], [3]]))
        assertClose(1, test.largestGap, tolerance: Tolerance.rounding)
        XCTAssertTrue(test.worstPair == (0, 2))
    }
}
