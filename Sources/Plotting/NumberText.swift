import Foundation

/// `value` with exactly `decimals` digits after the point: `formatFixed(3.14159, decimals: 2)`
/// is "3.14". A result that rounds to zero prints without a minus sign ("0.00", never "-0.00");
/// `nan` and infinities print as "nan", "inf" and "-inf".
public func formatFixed(_ value: Double, decimals: Int) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    let text = String(format: "%.\(max(0, decimals))f", value)
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
        return String(text.dropFirst())
    }
    return text
}

/// `text` padded with spaces on the left to `width` characters (right-aligned).
public func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// `text` padded with spaces on the right to `width` characters (left-aligned).
public func padRight(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
