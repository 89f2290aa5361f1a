import Foundation

/// A flag a lesson accepts beyond the common ones, e.g. `--points 50`.
public struct LessonOption: Sendable {
    /// What kind of value the flag takes, and which values are allowed.
    public enum Kind: Sendable {
        /// A whole number in the range.
        case integer(ClosedRange<Int>)
        /// A decimal number in the range.
        case number(ClosedRange<Double>)
        /// A path to a folder or file.
        case path
    }

    /// The flag's name without the dashes ("points").
    public var name: String
    /// The default value, as text (shown by --help).
    public var defaultValue: String
    /// One line for --help.
    public var help: String
    /// What it takes.
    public var kind: Kind

    /// An option `--name VALUE`.
    public init(_ name: String, default defaultValue: String, _ kind: Kind, help: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
        self.kind = kind
    }

    /// How the value is described in --help ("N", "X", "DIR").
    var placeholder: String {
        switch kind {
        case .integer: return "N"
        case .number: return "X"
        case .path: return "DIR"
        }
    }

    /// " (default 50; 2 to 100000)": the default and the allowed values, for --help.
    var defaultAndRange: String {
        var parts: [String] = []
        if !defaultValue.isEmpty { parts.append("default \(defaultValue)") }
        if let range = rangeText { parts.append(range) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// "2 to 100000" for a flag that takes a number, nil for a path.
    var rangeText: String? {
        switch kind {
        case .integer(let range): return "\(range.lowerBound) to \(range.upperBound)"
        case .number(let range): return "\(Self.short(range.lowerBound)) to \(Self.short(range.upperBound))"
        case .path: return nil
        }
    }

    /// A limit as people write it: 0.000001 → "1e-06", 100 → "100", 0.5 → "0.5".
    static func short(_ value: Double) -> String {
        String(format: "%g", value)
    }

    /// Checks `text` against the kind; returns the problem in words, or nil if it is fine.
    func problem(with text: String) -> String? {
        switch kind {
        case .integer(let range):
            guard let value = Int(text) else {
                // Digits that do not fit in an Int are a number that is far too large (or small).
                let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
                if !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) {
                    let side = text.hasPrefix("-") ? "too small" : "too large"
                    return "--\(name) must be from \(rangeText!), got \(text) (\(side))"
                }
                return "--\(name) needs a whole number, got '\(text)'"
            }
            guard range.contains(value) else {
                return "--\(name) must be from \(rangeText!), got \(value)"
            }
        case .number(let range):
            guard let value = Double(text), value.isFinite else { return "--\(name) needs a number, got '\(text)'" }
            guard range.contains(value) else {
                return "--\(name) must be from \(rangeText!), got \(text)"
            }
        case .path:
            if text.isEmpty { return "--\(name) needs a path" }
        }
        return nil
    }
}

// MARK: - The flags several lessons share

extension LessonOption {
    /// `--points N`: how many noisy points around y = 3x + 8 to draw (lessons 4 to 7), from 2 up
    /// to `maximum` (a lesson lowers it to what it can draw and compute in a few seconds).
    public static func points(default value: Int = 50, maximum: Int = 100_000) -> LessonOption {
        LessonOption("points", default: String(value), .integer(2...maximum), help: "how many noisy points to draw")
    }

    /// `--learning-rate X`: a positive step size, at most `maximum`.
    public static func learningRate(default value: String, maximum: Double = 100, help: String = "the step size lr")
        -> LessonOption
    {
        LessonOption("learning-rate", default: value, .number(1e-6...maximum), help: help)
    }

    /// `--epochs N`: passes through the data.
    public static func epochs(default value: Int, maximum: Int = 100_000, help: String = "passes through the data")
        -> LessonOption
    {
        LessonOption("epochs", default: String(value), .integer(1...maximum), help: help)
    }
}
