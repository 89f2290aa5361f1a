import XCTest
import DeepLearning

final class SeededGeneratorTests: XCTestCase {
    /// The first outputs for seed 42, computed by a separate Python transcription of the
    /// published SplitMix64 and xoshiro256** algorithms (not from this Swift code).
    func testFirstValuesForAFixedSeedArePinned() {
        var generator = SeededGenerator(seed: 42)
        let first = (0..<4).map { _ in generator.next() }
        XCTAssertEqual(first, [1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193])
    }

    /// uniform() is the top 53 bits times 2⁻⁵³: for seed 42, 1546998764402558742 >> 11 · 2⁻⁵³.
    func testFirstUniformValuesArePinned() {
        var generator = SeededGenerator(seed: 42)
        assertClose(0.08386297105988216, generator.uniform(), tolerance: 0)
        assertClose(0.3789802506626686, generator.uniform(), tolerance: 0)
    }

    func testSameSeedSameSequenceDifferentSeedDifferentSequence() {
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 7)
        var c = SeededGenerator(seed: 8)
        let sa = (0..<100).map { _ in a.next() }
        XCTAssertEqual(sa, (0..<100).map { _ in b.next() })
        XCTAssertNotEqual(sa, (0..<100).map { _ in c.next() })
    }

    func testUniformStaysInTheHalfOpenUnitInterval() {
        var generator = SeededGenerator(seed: 1)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = generator.uniform()
            XCTAssert(u >= 0 && u < 1, "\(u) is outside [0, 1)")
            sum += u
        }
        // The mean of 100 000 U(0,1) draws has standard deviation √(1/12/100000) ≈ 0.0009;
        // 0.005 is over five of those.
        assertClose(0.5, sum / 100_000, tolerance: 0.005)
    }

    func testNormalDrawsHaveMeanZeroAndVarianceOne() {
        var generator = SeededGenerator(seed: 2024)
        let n = 100_000
        let draws = (0..<n).map { _ in generator.normal() }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        // Standard error of the mean: 1/√n ≈ 0.0032; of the variance: √(2/n) ≈ 0.0045.
        // Tolerances are about four standard errors.
        assertClose(0, mean, tolerance: 0.013)
        assertClose(1, variance, tolerance: 0.018)
        // About 68.3 % of draws fall within one standard deviation.
        let within = Double(draws.filter { abs($0) < 1 }.count) / Double(n)
        assertClose(0.6827, within, tolerance: 0.006)
    }

    func testNormalWithMeanAndStandardDeviation() {
        var generator = SeededGenerator(seed: 3)
        let draws = (0..<50_000).map { _ in generator.normal(mean: 8, standardDeviation: 0.3) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        assertClose(8, mean, tolerance: 0.006)
    }

    func testIndexBelowIsUniformAndInRange() {
        var generator = SeededGenerator(seed: 5)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[generator.index(below: 6)] += 1 }
        for count in counts {
            // Each face expects 10 000 with standard deviation √(60000·1/6·5/6) ≈ 91.
            XCTAssert(abs(count - 10_000) < 450, "counts \(counts) are not uniform")
        }
    }

    func testShuffleIsAPermutationAndDependsOnTheSeed() {
        var generator = SeededGenerator(seed: 9)
        let original = Array(0..<50)
        let shuffled = generator.shuffled(original)
        XCTAssertEqual(shuffled.sorted(), original)
        XCTAssertNotEqual(shuffled, original)
        var again = SeededGenerator(seed: 9)
        XCTAssertEqual(again.shuffled(original), shuffled)
    }

    func testShuffleGivesEveryOrderOfThreeAboutEquallyOften() {
        var generator = SeededGenerator(seed: 11)
        var counts: [[Int]: Int] = [:]
        for _ in 0..<60_000 { counts[generator.shuffled([0, 1, 2]), default: 0] += 1 }
        XCTAssertEqual(counts.count, 6)
        for (order, count) in counts {
            XCTAssert(abs(count - 10_000) < 450, "order \(order) came \(count) times")
        }
    }
}
