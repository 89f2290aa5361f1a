import XCTest
import Foundation
import ExerciseChecks
@testable import E28_EarlyStopping

/// Checks of exercise 28 · Early stopping: which net to keep, when to stop.
final class E28_EarlyStoppingTests: XCTestCase {
    let exercise = Exercise(lesson: 12, failure: XCTFail)

    /// The rule said another way, with no running count: training stops after the first epoch s
    /// that comes `patience` epochs after the first best of epochs 1 … s (or after the last epoch),
    /// and keeps that first best.
    func reference(_ accuracies: [Double], patience: Int) -> (keep: Int, stop: Int) {
        func firstBest(upTo s: Int) -> Int { 1 + accuracies[0..<s].firstIndex(of: accuracies[0..<s].max()!)! }
        let stop = (1...accuracies.count).first { $0 - firstBest(upTo: $0) >= patience } ?? accuracies.count
        return (firstBest(upTo: stop), stop)
    }

    /// Checks one case; `nudges` names the answers of the usual slips.
    func check(
        _ accuracies: [Double], patience: Int, _ expected: (keep: Int, stop: Int), _ what: String,
        nudges: [(keep: Int, stop: Int, text: String)] = [], file: StaticString = #filePath, line: UInt = #line
    ) {
        let got = earlyStopping(validationAccuracies: accuracies, patience: patience)
        guard got != expected else { return }
        let untouched = got == (0, 0)
        let nudge = untouched ? "" : nudges.first { $0.keep == got.keep && $0.stop == got.stop }?.text ?? ""
        let list = accuracies.map { shown($0) }.joined(separator: ", ")
        exercise.fail(
            "\(what), accuracies (\(list)), patience \(patience): expected to keep epoch \(expected.keep) and stop after epoch \(expected.stop), got keep \(got.keep), stop \(got.stop)."
                + (nudge.isEmpty ? "" : " " + nudge), file: file, line: line)
    }

    func test1ImprovesToTheEnd() {
        check(
            [0.5, 0.6, 0.7, 0.8], patience: 2, (4, 4), "a new best every epoch",
            nudges: [(3, 3, "Epochs are numbered from 1: the first accuracy is epoch 1's.")])
    }

    func test2NeverImproves() {
        check(
            [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], patience: 3, (1, 4), "no new best after epoch 1",
            nudges: [
                (1, 6, "Stop at the epoch where the count of epochs without a new best reaches the patience."),
                (0, 3, "Epochs are numbered from 1: the first accuracy is epoch 1's.")
            ])
    }

    func test3Ties() {
        check(
            [0.5, 0.7, 0.7, 0.6, 0.7, 0.65], patience: 3, (2, 5), "a tie with the best",
            nudges: [(5, 6, "A tie is not a new best: only a strictly higher accuracy is (>, not >=).")])
        check(
            [0.3, 0.5, 0.5], patience: 1, (2, 3), "a tie with patience 1",
            nudges: [(3, 3, "A tie is not a new best: only a strictly higher accuracy is (>, not >=).")])
    }

    func test4TheCountStartsAgainAtANewBest() {
        check(
            [0.5, 0.4, 0.6, 0.55, 0.5, 0.45], patience: 2, (3, 5), "a new best after a worse epoch",
            nudges: [(3, 4, "At a new best the count of epochs without one goes back to 0.")])
    }

    func test5EpochsAfterTheStopDoNotCount() {
        check(
            [0.5, 0.6, 0.55, 0.58, 0.9], patience: 2, (2, 4), "a higher accuracy after the stop",
            nudges: [
                (5, 4, "Training stopped after epoch 4: epoch 5 never happened, so its net cannot be kept."),
                (5, 5, "Training stops after epoch 4, two epochs without a new best; epoch 5 never happens.")
            ])
    }

    func test6AgainstTheRuleSaidAnotherWay() {
        // Accuracies on a coarse grid, so ties happen often.
        var random = TestRandom(seed: 28)
        for _ in 0..<200 {
            let epochs = Int(random.uniform(1, 16))
            let patience = Int(random.uniform(1, 6))
            let accuracies = (0..<epochs).map { _ in (random.uniform(0, 10)).rounded(.down) / 10 }
            let expected = reference(accuracies, patience: patience)
            guard earlyStopping(validationAccuracies: accuracies, patience: patience) == expected else {
                return check(accuracies, patience: patience, expected, "made-up accuracies")
            }
        }
    }
}
