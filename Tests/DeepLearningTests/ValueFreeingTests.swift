import XCTest
import DeepLearning

/// Freeing a long computation must not recurse once per link (lesson 6's loss over 100 000
/// points is such a chain; a recursive free overflowed the call stack near 37 000 points).
final class ValueFreeingTests: XCTestCase {
    func testAChainOfAMillionValuesIsFreedWithoutOverflowingTheStack() {
        weak var first: Value?
        do {
            let start = Value(1)
            first = start
            var chain = start
            for _ in 0..<1_000_000 {
                chain = chain + start  // every link also holds the shared start: a DAG, not a list
            }
            XCTAssertEqual(chain.data, 1_000_001)
            XCTAssertNotNil(first)
        }
        XCTAssertNil(first, "the whole chain, down to its first value, is freed")
    }

    func testFreeingLeavesValuesHeldElsewhereIntact() {
        let a = Value(2)
        let b = Value(3)
        var kept: Value?
        do {
            let product = a * b
            let sum = product + a
            kept = product
            XCTAssertEqual(sum.data, 8)
        }
        // `sum` is gone; `product`, still held, keeps its inputs and still back-propagates.
        XCTAssertEqual(kept?.inputs.count, 2)
        kept?.backward()
        XCTAssertEqual(a.gradient, 3)
        XCTAssertEqual(b.gradient, 2)
    }

    func testALongChainStillBackPropagates() {
        let x = Value(0.5)
        var chain = x
        for _ in 0..<100_000 { chain = chain + x }
        chain.backward()
        XCTAssertEqual(x.gradient, 100_001)
    }
}
