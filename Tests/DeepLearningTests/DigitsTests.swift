import XCTest
import Foundation
import DeepLearning

final class DigitLoaderTests: XCTestCase {
    /// A line of 64 pixels and a label.
    func line(pixels: [Int] = Array(repeating: 0, count: 64), label: Int = 3) -> String {
        (pixels.map(String.init) + [String(label)]).joined(separator: ",")
    }

    func testParsesAndScalesPixels() throws {
        var pixels = Array(repeating: 0, count: 64)
        pixels[0] = 16
        pixels[63] = 8
        let set = try parseDigits(line(pixels: pixels, label: 7) + "\n" + line(label: 0) + "\n\n", name: "tiny.tra")
        XCTAssertEqual(set.count, 2)
        XCTAssertEqual(set.labels, [7, 0])
        XCTAssertEqual(set.images[0, 0], 1)
        XCTAssertEqual(set.images[0, 63], 0.5)
        XCTAssertEqual(set.oneHotLabels.row(0), [0, 0, 0, 0, 0, 0, 0, 1, 0, 0])
    }

    func testEachKindOfMalformedLineNamesFileAndLine() {
        func error(_ text: String) -> String? {
            do {
                _ = try parseDigits(text, name: "bad.tra")
                return nil
            } catch { return "\(error)" }
        }
        let good = line()
        XCTAssertEqual(
            error(good + "\n1,2,3"), "bad.tra:2: expected 65 comma-separated values (64 pixels and a label), found 3")
        var pixels = Array(repeating: "0", count: 64)
        pixels[5] = "x"
        XCTAssertEqual(
            error((pixels + ["1"]).joined(separator: ",")), "bad.tra:1: value 6 is \"x\", not a whole number")
        var bright = Array(repeating: 0, count: 64)
        bright[10] = 17
        XCTAssertEqual(
            error(good + "\n" + good + "\n" + line(pixels: bright)), "bad.tra:3: pixel 11 is 17, outside 0…16")
        XCTAssertEqual(error(line(label: 10)), "bad.tra:1: the label is 10, outside 0…9")
        XCTAssertEqual(error(""), "bad.tra: holds no digits")
        XCTAssertEqual(error("\n\n"), "bad.tra: holds no digits")
    }

    func testMissingFile() {
        XCTAssertThrowsError(try loadDigits(from: URL(fileURLWithPath: "/nonexistent/optdigits.tra"))) { error in
            XCTAssertEqual("\(error)", "/nonexistent/optdigits.tra: no such file")
        }
    }

    func testTheShippedDataIsComplete() throws {
        let training = try loadDigits(from: bundledDigitsFolder.appendingPathComponent("optdigits.tra"))
        let test = try loadDigits(from: bundledDigitsFolder.appendingPathComponent("optdigits.tes"))
        XCTAssertEqual(training.count, 3823)
        XCTAssertEqual(test.count, 1797)
        XCTAssertEqual(Set(training.labels), Set(0...9))
    }

    func testShortTrainingDoesClearlyBetterThanChance() throws {
        let training = try loadDigits(from: bundledDigitsFolder.appendingPathComponent("optdigits.tra")).prefix(500)
        let test = try loadDigits(from: bundledDigitsFolder.appendingPathComponent("optdigits.tes")).prefix(500)
        var generator = SeededGenerator(seed: 1)
        var network = Network(sizes: [64, 16, 10], activations: [.sigmoid, .sigmoid], using: &generator)
        for _ in 0..<5 {
            trainOneEpoch(
                &network, inputs: training.images, targets: training.oneHotLabels, batchSize: 10,
                optimizer: StochasticGradientDescent(learningRate: 20), using: &generator)
        }
        let score = accuracy(predicted: argmaxOfRows(network(test.images)), expected: test.labels)
        XCTAssertGreaterThan(score, 0.6, "chance is 0.1")
    }
}

final class ClassificationTests: XCTestCase {
    func testArgmaxAccuracyAndConfusionOnHandMadePredictions() {
        let scores = Matrix([[0.1, 0.9, 0.0], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6], [0.5, 0.5, 0.0]])
        XCTAssertEqual(argmaxOfRows(scores), [1, 0, 2, 0], "a tie goes to the first")
        let predicted = [1, 0, 2, 0]
        let expected = [1, 0, 1, 2]
        XCTAssertEqual(accuracy(predicted: predicted, expected: expected), 0.5)
        XCTAssertEqual(
            confusionMatrix(predicted: predicted, expected: expected, classes: 3),
            [
                [1, 0, 0],
                [0, 1, 1],
                [1, 0, 0]
            ])
        XCTAssertEqual(oneHot([2, 0], classes: 3), Matrix([[0, 0, 1], [1, 0, 0]]))
    }
}
