import XCTest
@testable import DeepLearning

final class FasterDescentTests: XCTestCase {
    func testOneMomentumStepByHand() {
        // v = 0.9·(1, −2) + (0.5, 4) = (1.4, 2.2); p = (1, 1) − 0.1·v = (0.86, 0.78)
        let (p, v) = momentumStep(
            parameters: [1, 1], velocity: [1, -2], gradient: [0.5, 4], learningRate: 0.1, momentum: 0.9)
        XCTAssertEqual(v[0], 1.4, accuracy: 1e-12)
        XCTAssertEqual(v[1], 2.2, accuracy: 1e-12)
        XCTAssertEqual(p[0], 0.86, accuracy: 1e-12)
        XCTAssertEqual(p[1], 0.78, accuracy: 1e-12)
        // β = 0 is plain gradient descent.
        let plain = momentumStep(
            parameters: [1, 1], velocity: [5, 5], gradient: [0.5, 4], learningRate: 0.1, momentum: 0)
        XCTAssertEqual(plain.parameters, gradientDescentStep(parameters: [1, 1], gradient: [0.5, 4], learningRate: 0.1))
    }

    func testAdamFirstStepIsLearningRateTimesSign() {
        var moments = AdamMoments(count: 3)
        let p = adamStep(parameters: [0, 0, 0], moments: &moments, gradient: [1000, -0.001, 3], learningRate: 0.01)
        XCTAssertEqual(p[0], -0.01, accuracy: 1e-9)
        XCTAssertEqual(p[1], 0.01, accuracy: 1e-7)  // ε matters a little for a tiny gradient
        XCTAssertEqual(p[2], -0.01, accuracy: 1e-9)
        XCTAssertEqual(moments.steps, 1)
    }

    func testTwoAdamStepsByHand() {
        // g = 2 then 1, lr = 0.1. Step 1: m = 0.2, s = 0.004, m̂ = 2, ŝ = 4, p = −0.1.
        // Step 2: m = 0.18 + 0.1 = 0.28, s = 0.003996 + 0.001 = 0.004996,
        // m̂ = 0.28/0.19, ŝ = 0.004996/0.001999, p = −0.1 − 0.1·m̂/√ŝ.
        var moments = AdamMoments(count: 1)
        var p = adamStep(parameters: [0], moments: &moments, gradient: [2], learningRate: 0.1)
        XCTAssertEqual(p[0], -0.1, accuracy: 1e-9)
        p = adamStep(parameters: p, moments: &moments, gradient: [1], learningRate: 0.1)
        XCTAssertEqual(moments.first[0], 0.28, accuracy: 1e-12)
        XCTAssertEqual(moments.second[0], 0.004996, accuracy: 1e-12)
        let expected = -0.1 * 2 / (2 + 1e-8) - 0.1 * (0.28 / 0.19) / ((0.004996 / 0.001999).squareRoot() + 1e-8)
        XCTAssertEqual(p[0], expected, accuracy: 1e-12)
    }

    /// The network optimisers do on every weight what the vector steps do.
    func testNetworkOptimizersMatchVectorSteps() {
        var generator = SeededGenerator(seed: 3)
        let network = Network(sizes: [3, 4, 2], activations: [.sigmoid, .sigmoid], using: &generator)
        let x = Matrix(rows: 5, columns: 3, values: (0..<15).map { _ in generator.uniform(-1, 1) })
        let z = Matrix(rows: 5, columns: 2, values: (0..<10).map { _ in generator.uniform(0, 1) })
        var byMomentum = network
        var byAdam = network
        var momentum = Momentum(learningRate: 0.3, momentum: 0.8)
        var adam = Adam(learningRate: 0.05)
        var p = network.parameters
        var v = Array(repeating: 0.0, count: p.count)
        var q = network.parameters
        var moments = AdamMoments(count: q.count)
        for _ in 0..<3 {
            momentum.step(&byMomentum, with: byMomentum.lossAndGradients(input: x, target: z).gradients)
            var reference = network
            reference.parameters = p
            (p, v) = momentumStep(
                parameters: p, velocity: v,
                gradient: Network.flatten(reference.lossAndGradients(input: x, target: z).gradients),
                learningRate: 0.3, momentum: 0.8)
            adam.step(&byAdam, with: byAdam.lossAndGradients(input: x, target: z).gradients)
            var adamReference = network
            adamReference.parameters = q
            q = adamStep(
                parameters: q, moments: &moments,
                gradient: Network.flatten(adamReference.lossAndGradients(input: x, target: z).gradients),
                learningRate: 0.05)
        }
        for (a, b) in zip(byMomentum.parameters, p) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        for (a, b) in zip(byAdam.parameters, q) { XCTAssertEqual(a, b, accuracy: 1e-12) }
    }

    /// The generic epoch with SGD gives the same bits as the existing SGD epoch.
    func testGenericEpochWithSGDMatchesExistingEpoch() {
        var g1 = SeededGenerator(seed: 9)
        var g2 = SeededGenerator(seed: 9)
        let network = Network(sizes: [4, 3, 2], activations: [.sigmoid, .sigmoid], using: &g1)
        _ = Network(sizes: [4, 3, 2], activations: [.sigmoid, .sigmoid], using: &g2)
        let x = Matrix(rows: 7, columns: 4, values: (0..<28).map { Double($0 % 5) / 5 })
        let z = Matrix(rows: 7, columns: 2, values: (0..<14).map { Double($0 % 2) })
        var a = network
        var b = network
        trainOneEpoch(
            &a, inputs: x, targets: z, batchSize: 3, optimizer: StochasticGradientDescent(learningRate: 0.7), using: &g1
        )
        var sgd = StochasticGradientDescent(learningRate: 0.7)
        let losses = trainOneEpoch(&b, inputs: x, targets: z, batchSize: 3, optimizer: &sgd, using: &g2)
        XCTAssertEqual(a.parameters, b.parameters)
        XCTAssertEqual(losses.count, 3)
    }

    func testDescendFindsLeastSquaresAndCountsSteps() {
        let data = LineData(x: [0, 1, 2, 3], y: [1, 3, 5, 7])
        let loss: ([Double]) -> Double = { meanSquaredError(of: Line(parameters: $0), on: data) }
        let gradient: ([Double]) -> [Double] = { meanSquaredErrorGradient(of: Line(parameters: $0), on: data) }
        for optimizer in [
            LineOptimizer.gradientDescent(learningRate: 0.1), .momentum(learningRate: 0.05, beta: 0.8),
            .adam(learningRate: 0.05)
        ] {
            let run = descend(start: [0, 0], steps: 4000, optimizer: optimizer, loss: loss, gradient: gradient)
            XCTAssertNotNil(run.firstStep(stayingWithin: 1e-3, of: [2, 1]), "\(optimizer)")
        }
        XCTAssertEqual(
            descend(
                start: [0, 0], steps: 50, optimizer: .gradientDescent(learningRate: 5), loss: loss, gradient: gradient
            ).outcome,
            .diverged(
                step: descend(
                    start: [0, 0], steps: 50, optimizer: .gradientDescent(learningRate: 5), loss: loss,
                    gradient: gradient
                ).losses.count))
        let history = DescentHistory(
            parameters: [[5], [0.0005], [2], [0.0001], [0]], losses: [1, 1, 1, 1, 1], outcome: .finished,
            lossEvaluations: 5)
        // leaves at step 2, so step 1 does not count
        XCTAssertEqual(history.firstStep(stayingWithin: 1e-3, of: [0]), 3)
    }

    func testBestBowlSettings() {
        // λ_max = 4, λ_min = 1: κ = 4, GD lr = 2/5, factor 3/5; momentum lr = 4/9, β = (1/3)² = 1/9.
        let s = bestBowlSettings(steep: 4, shallow: 1)
        XCTAssertEqual(s.descentRate, 0.4, accuracy: 1e-12)
        XCTAssertEqual(s.descentFactor, 0.6, accuracy: 1e-12)
        XCTAssertEqual(s.momentumRate, 4.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(s.momentumBeta, 1.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(s.momentumFactor, 1.0 / 3, accuracy: 1e-12)
    }

    func testRangeTestRatesAndPick() {
        let rates = LearningRateRangeTest.rates(from: 0.01, to: 100, count: 5)
        for (r, e) in zip(rates, [0.01, 0.1, 1, 10, 100]) { XCTAssertEqual(r, e, accuracy: 1e-12 * e) }
        // A constant loss is its own smoothed loss (the bias correction).
        let flat = LearningRateRangeTest(rates: rates, losses: [2, 2, 2, 2, 2])
        for s in flat.smoothed { XCTAssertEqual(s, 2, accuracy: 1e-12) }
        XCTAssertFalse(flat.turnsUp)
        // Falls then blows up: lowest before the turn, pick a tenth of its rate.
        let many = LearningRateRangeTest.rates(from: 0.001, to: 10, count: 41)
        let losses = many.map { r in r < 0.5 ? 1 - 0.9 * log10(r / 0.001) / log10(500) : 100.0 }
        let test = LearningRateRangeTest(rates: many, losses: losses)
        XCTAssertTrue(test.turnsUp)
        XCTAssertLessThan(test.rateAtLowest, 0.5)
        XCTAssertGreaterThan(test.rateAtLowest, 0.2)
        XCTAssertEqual(test.pickedRate, test.rateAtLowest / 10, accuracy: 1e-15)
        XCTAssertEqual(test.smoothed[1], (0.9 * 0.1 * losses[0] + 0.1 * losses[1]) / (1 - 0.81), accuracy: 1e-12)
    }

    /// Without a turn: a loss falling to the end of 20 rates has its lowest at index 19 (in the
    /// last tenth, ⌊9·20/10⌋ = 18 on); one that falls a little to index 9 and then stays at 1.3,
    /// above it but below 1.5 times it (no turn), has its lowest at 9, which is not.
    func testRangeTestLowestNearTheEndOrNot() {
        let rates = LearningRateRangeTest.rates(from: 0.001, to: 100, count: 20)
        let falling = LearningRateRangeTest(rates: rates, losses: (0..<20).map { 2 - 0.05 * Double($0) })
        XCTAssertFalse(falling.turnsUp)
        XCTAssertEqual(falling.lowest, 19)
        XCTAssertTrue(falling.lowestIsNearTheEnd)
        let stuck = LearningRateRangeTest(rates: rates, losses: (0..<20).map { $0 < 10 ? 1 - 0.01 * Double($0) : 1.3 })
        XCTAssertFalse(stuck.turnsUp)
        XCTAssertEqual(stuck.lowest, 9)
        XCTAssertFalse(stuck.lowestIsNearTheEnd)
    }

    func testOneCycleShape() {
        let cycle = OneCycleSchedule(peak: 1, steps: 11, warmup: 0.3)  // w = 3
        XCTAssertEqual(cycle.rate(at: 0), 0.1, accuracy: 1e-12)
        XCTAssertEqual(cycle.rate(at: 3), 1, accuracy: 1e-12)
        XCTAssertEqual(cycle.rate(at: 10), 0.001, accuracy: 1e-12)
        XCTAssertEqual(cycle.rate(at: 1), 0.4, accuracy: 1e-12)
        XCTAssertEqual(cycle.rate(at: 7), 1 + (0.001 - 1) * 4 / 7, accuracy: 1e-12)
        XCTAssertEqual(cycle.rate(at: 50), 0.001, accuracy: 1e-12)
    }

    func testVerdicts() {
        XCTAssertEqual(fewestSteps([nil, nil]), .none)
        XCTAssertEqual(fewestSteps([30, nil, 12]), .single(2))
        XCTAssertEqual(fewestSteps([12, 40, 12]), .tie([0, 2]))
        XCTAssertEqual(bestSetting([Spread([90, 91]), Spread([95, 96])], higherIsBetter: true), .clear(1))
        XCTAssertEqual(
            bestSetting([Spread([90, 95.5]), Spread([95, 96]), Spread([80])], higherIsBetter: true),
            .aheadOnAverage(1, overlapping: [0]))
        XCTAssertEqual(bestSetting([Spread([0.1, 0.2]), Spread([0.3])], higherIsBetter: false), .clear(0))
    }
}

final class LongRunStepRatioTests: XCTestCase {
    func testKeepingTheSquareOfTheFactorHalvesTheSteps() {
        // A quarter per step is two halvings per step: exactly twice as few steps.
        XCTAssertEqual(longRunStepRatio(slow: 0.5, fast: 0.25), 2, accuracy: 1e-15)
        XCTAssertEqual(longRunStepRatio(slow: 0.9, fast: 0.81), 2, accuracy: 1e-14)
        XCTAssertEqual(longRunStepRatio(slow: 0.5, fast: 0.5), 1)
    }

    func testTheRatioIsWhatCountingStepsGivesForAFarTarget() {
        // Count the steps d ← q·d takes from 1 to below 1e-200 for both factors.
        func steps(_ q: Double) -> Int {
            var d = 1.0
            var k = 0
            while d >= 1e-200 {
                d *= q
                k += 1
            }
            return k
        }
        let counted = Double(steps(0.937)) / Double(steps(0.694))
        XCTAssertEqual(longRunStepRatio(slow: 0.937, fast: 0.694), counted, accuracy: 0.01 * counted)
    }
}
