import XCTest
@testable import DeepLearning

/// The hardest class and the most frequent confusion, with ties kept.
final class ConfusionSummaryTests: XCTestCase {
    func testOneHardestClassAndOneWorstConfusion() {
        let confusion = [
            [9, 1, 0],
            [0, 6, 4],
            [1, 0, 9]
        ]
        let hardest = hardestClasses(in: confusion)!
        XCTAssertEqual(hardest.classes, [1])
        XCTAssertEqual(hardest.share, 0.6, accuracy: 1e-12)
        let worst = mostFrequentConfusions(in: confusion)!
        XCTAssertEqual(worst.pairs.map(\.truth), [1])
        XCTAssertEqual(worst.pairs.map(\.said), [2])
        XCTAssertEqual(worst.count, 4)
    }

    func testTiesAreAllReported() {
        // Classes 1 and 2 are never right; 1→0 and 2→0 happen 5 times each.
        let confusion = [
            [5, 0, 0],
            [5, 0, 0],
            [5, 0, 0]
        ]
        let hardest = hardestClasses(in: confusion)!
        XCTAssertEqual(hardest.classes, [1, 2])
        XCTAssertEqual(hardest.share, 0)
        let worst = mostFrequentConfusions(in: confusion)!
        XCTAssertEqual(worst.pairs.map(\.truth), [1, 2])
        XCTAssertEqual(worst.pairs.map(\.said), [0, 0])
        XCTAssertEqual(worst.count, 5)
    }

    func testEmptyRowsAreSkippedAndNoMistakesGiveNil() {
        let confusion = [[3, 0], [0, 0]]
        XCTAssertEqual(hardestClasses(in: confusion)!.classes, [0])
        XCTAssertNil(mostFrequentConfusions(in: confusion))
        XCTAssertNil(hardestClasses(in: [[0, 0], [0, 0]]))
    }
}
