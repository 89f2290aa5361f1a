import Foundation
import DeepLearning

/// The handwritten digits as lessons 11 and 12 use them: the training file split into a pool to
/// train on and the last `validationCount` digits to validate with, and the test file for the end.
public struct DigitsForLesson {
    /// The folder the files were read from.
    public let folder: URL
    /// Every digit of optdigits.tra.
    public let trainingFile: DigitSet
    /// The digits of optdigits.tra before the validation digits: what a lesson trains on.
    public let pool: DigitSet
    /// The last digits of optdigits.tra, held out to watch training and make choices by.
    public let validation: DigitSet
    /// optdigits.tes, used once at the end.
    public let test: DigitSet
}

extension Lesson {
    /// Reads optdigits.tra and optdigits.tes from `--data` (or the course's copy) and splits the
    /// training file; stops with one line and status 2 when a file cannot be read or the training
    /// file holds fewer than `needed` digits.
    public func loadDigitsFolder(validationCount: Int, needed: Int) -> DigitsForLesson {
        let folder = path("data").map { URL(fileURLWithPath: $0, isDirectory: true) } ?? bundledDigitsFolder
        let trainingURL = folder.appendingPathComponent("optdigits.tra")
        let trainingFile: DigitSet
        let test: DigitSet
        do {
            trainingFile = try loadDigits(from: trainingURL)
            test = try loadDigits(from: folder.appendingPathComponent("optdigits.tes"))
        } catch {
            stop("\(error)")
        }
        guard trainingFile.count >= needed else {
            stop(
                """
                \(trainingURL.path) holds \(trainingFile.count) digits; this lesson needs at least \
                \(needed) (\(validationCount) to validate, the rest to train on)
                """)
        }
        // The last digits of the training file validate; the ones before them are the pool to train on.
        let split = trainingFile.count - validationCount
        return DigitsForLesson(
            folder: folder, trainingFile: trainingFile,
            pool: trainingFile.subset(Array(0..<split)),
            validation: trainingFile.subset(Array(split..<trainingFile.count)), test: test)
    }
}
