import Foundation

/// Handwritten digits as 8×8 images: the UCI "Optical Recognition of Handwritten Digits" data
/// (E. Alpaydin and C. Kaynak, 1998, CC BY 4.0), which ships with the course under
/// `Sources/DeepLearning/Data/`.
///
/// Each line of a file is 65 comma-separated integers: 64 pixels, row by row, each a count 0–16
/// of ink in a 4×4 block of the original 32×32 bitmap, then the label 0–9.
public struct DigitSet: Sendable {
    /// One image per row, 64 columns, pixels scaled to 0…1 (count / 16).
    public var images: Matrix
    /// The digit each image shows, 0–9.
    public var labels: [Int]

    /// Number of images.
    public var count: Int { labels.count }

    /// A set from images (N × 64, scaled to 0…1) and their labels.
    public init(images: Matrix, labels: [Int]) {
        precondition(
            images.rows == labels.count, "\(images.rows) images need \(images.rows) labels, got \(labels.count)")
        self.images = images
        self.labels = labels
    }

    /// The first `n` images (or all of them if there are fewer).
    public func prefix(_ n: Int) -> DigitSet {
        subset(Array(0..<min(n, count)))
    }

    /// The images at `indices`.
    public func subset(_ indices: [Int]) -> DigitSet {
        DigitSet(images: images.rows(at: indices), labels: indices.map { labels[$0] })
    }

    /// The labels as one-hot rows (N × 10): row k has 1 in column labels[k], 0 elsewhere. The
    /// network learns to output this row for each image.
    public var oneHotLabels: Matrix { oneHot(labels, classes: 10) }
}

/// Why a digits file could not be read; `description` names the file and the line.
public struct DigitFileError: Error, CustomStringConvertible, Equatable {
    /// The file's path.
    public var file: String
    /// The 1-based line number, or nil for a problem with the file as a whole.
    public var line: Int?
    /// What was wrong.
    public var reason: String

    /// "file:line: reason", or "file: reason" for the file as a whole.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// Parses the text of a digits file (see `DigitSet`). `name` is used in error messages.
/// Blank lines are skipped; anything else that is not 64 pixels in 0…16 and a label in 0…9
/// throws a `DigitFileError` naming the line. (The text is read byte by byte: the files are
/// plain ASCII, and 365 000 numbers are read each time lesson 9 starts.)
public func parseDigits(_ text: String, name: String) throws -> DigitSet {
    var pixels: [Double] = []
    var labels: [Int] = []
    let bytes = Array(text.utf8)
    let comma = UInt8(ascii: ",")
    let newline = UInt8(ascii: "\n")
    func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") }
    var lineNumber = 0
    var lineStart = 0
    while lineStart < bytes.count {
        lineNumber += 1
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != newline { lineEnd += 1 }
        defer { lineStart = lineEnd + 1 }
        let line = bytes[lineStart..<lineEnd]
        if line.allSatisfy(isSpace) { continue }
        let fields = line.split(separator: comma, omittingEmptySubsequences: false)
        guard fields.count == 65 else {
            throw DigitFileError(
                file: name, line: lineNumber,
                reason: "expected 65 comma-separated values (64 pixels and a label), found \(fields.count)")
        }
        for (column, field) in fields.enumerated() {
            let digits = field.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
            var number = 0
            let isNumber =
                !digits.isEmpty && digits.count <= 9
                && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            if isNumber {
                for digit in digits { number = number * 10 + Int(digit - UInt8(ascii: "0")) }
            } else {
                var text = String(decoding: Array(digits), as: UTF8.self).filter { !$0.isNewline && $0 != "\r" }
                if text.count > 20 { text = String(text.prefix(20)) + "…" }
                throw DigitFileError(
                    file: name, line: lineNumber, reason: "value \(column + 1) is \"\(text)\", not a whole number")
            }
            if column < 64 {
                guard number <= 16 else {
                    throw DigitFileError(
                        file: name, line: lineNumber, reason: "pixel \(column + 1) is \(number), outside 0…16")
                }
                pixels.append(Double(number) / 16)
            } else {
                guard number <= 9 else {
                    throw DigitFileError(file: name, line: lineNumber, reason: "the label is \(number), outside 0…9")
                }
                labels.append(number)
            }
        }
    }
    guard !labels.isEmpty else {
        throw DigitFileError(file: name, line: nil, reason: "holds no digits")
    }
    return DigitSet(images: Matrix(rows: labels.count, columns: 64, values: pixels), labels: labels)
}

/// Reads a digits file from disk (see `parseDigits`).
public func loadDigits(from url: URL) throws -> DigitSet {
    let text: String
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw DigitFileError(file: url.path, line: nil, reason: "no such file")
    }
    do {
        text = try String(contentsOf: url, encoding: .utf8)
    } catch {
        throw DigitFileError(file: url.path, line: nil, reason: "cannot be read as text")
    }
    return try parseDigits(text, name: url.path)
}

/// The folder holding the copy of the digits that ships with the course
/// (`optdigits.tra`, 3823 training images, and `optdigits.tes`, 1797 test images).
public var bundledDigitsFolder: URL {
    Bundle.module.url(forResource: "Data", withExtension: nil)!
}
