import Foundation

/// A number over a rectangle of the plane (a loss over two parameters, say), sampled on a grid
/// and drawn behind a chart's series as banded levels: contour lines in the terminal, filled
/// bands with their boundaries in SVG. `Chart(…, background: field)` draws it.
///
/// The levels are the values where one band ends and the next begins, in increasing order. By
/// default they are chosen from the values: on a logarithmic spacing (1, 2, 5 × 10ᵏ, for a
/// loss that spans orders of magnitude) or on a linear one (nice steps), at most nine of them so
/// each can be named by one digit in the terminal.
public struct Field: Sendable {
    /// How automatic levels are spaced.
    public enum Spacing: Sendable, Equatable {
        /// Evenly spaced nice values (multiples of 1, 2 or 5 × 10ᵏ).
        case linear
        /// 1, 2, 5 × 10ᵏ (or 1, 3 × 10ᵏ, or powers of ten when the values span many decades).
        case logarithmic
    }

    /// What the values are ("loss"): said in the legend.
    public var name: String
    /// The horizontal range the grid covers.
    public var x: ClosedRange<Double>
    /// The vertical range the grid covers.
    public var y: ClosedRange<Double>
    /// Grid points across (at least 2), from `x.lowerBound` to `x.upperBound`.
    public var columns: Int
    /// Grid points up (at least 2), from `y.lowerBound` to `y.upperBound`.
    public var rows: Int
    /// The values row by row, the first row at `y.lowerBound`, each row from `x.lowerBound`.
    public var values: [Double]
    /// The level boundaries, increasing: band 0 lies below `levels[0]`, band k between
    /// `levels[k − 1]` and `levels[k]`.
    public var levels: [Double]

    /// A field from a grid of values (row by row, the first row at the bottom), with the given
    /// levels or levels chosen from the values.
    public init(
        name: String, x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int,
        values: [Double], spacing: Spacing = .logarithmic, levels: [Double]? = nil
    ) {
        precondition(columns >= 2 && rows >= 2, "A field needs at least 2 × 2 grid points, got \(columns) × \(rows)")
        precondition(
            values.count == columns * rows,
            "A \(columns) × \(rows) field needs \(columns * rows) values, got \(values.count)")
        precondition(
            x.upperBound > x.lowerBound && y.upperBound > y.lowerBound, "A field needs ranges of positive width")
        self.name = name
        self.x = x
        self.y = y
        self.columns = columns
        self.rows = rows
        self.values = values
        self.levels = (levels ?? Self.automaticLevels(values, spacing: spacing)).filter(\.isFinite).sorted()
    }

    /// A field sampled from `f(x, y)` on a `samples` × `samples` grid over the two ranges.
    public init(
        name: String, x: ClosedRange<Double>, y: ClosedRange<Double>, samples: Int = 101,
        spacing: Spacing = .logarithmic, levels: [Double]? = nil, _ f: (Double, Double) -> Double
    ) {
        let n = max(samples, 2)
        var values: [Double] = []
        values.reserveCapacity(n * n)
        for row in 0..<n {
            let b = y.lowerBound + (y.upperBound - y.lowerBound) * Double(row) / Double(n - 1)
            for column in 0..<n {
                values.append(f(x.lowerBound + (x.upperBound - x.lowerBound) * Double(column) / Double(n - 1), b))
            }
        }
        self.init(name: name, x: x, y: y, columns: n, rows: n, values: values, spacing: spacing, levels: levels)
    }

    /// The value at (x, y) by bilinear interpolation between the grid points, or nil outside
    /// the grid or where a neighbouring value is not finite.
    public func value(x px: Double, y py: Double) -> Double? {
        guard px >= x.lowerBound, px <= x.upperBound, py >= y.lowerBound, py <= y.upperBound else { return nil }
        let fx = (px - x.lowerBound) / (x.upperBound - x.lowerBound) * Double(columns - 1)
        let fy = (py - y.lowerBound) / (y.upperBound - y.lowerBound) * Double(rows - 1)
        let c = min(Int(fx), columns - 2)
        let r = min(Int(fy), rows - 2)
        let u = fx - Double(c)
        let v = fy - Double(r)
        let v00 = values[r * columns + c]
        let v10 = values[r * columns + c + 1]
        let v01 = values[(r + 1) * columns + c]
        let v11 = values[(r + 1) * columns + c + 1]
        let value = (1 - v) * ((1 - u) * v00 + u * v10) + v * ((1 - u) * v01 + u * v11)
        return value.isFinite ? value : nil
    }

    /// The band of a value: how many levels lie at or below it (0 … `levels.count`); nil for a
    /// value that is not a finite number.
    public func band(of value: Double) -> Int? {
        guard value.isFinite else { return nil }
        return levels.filter { $0 <= value }.count
    }

    /// A level as a short label: "0.05", "2", "500", "20000".
    public static func levelText(_ level: Double) -> String {
        guard level != 0, level.isFinite else { return formatFixed(level, decimals: 0) }
        let magnitude = Int((log10(abs(level)) + 1e-9).rounded(.down))
        // Enough decimals for two significant digits, with trailing zeros dropped.
        var text = formatFixed(level, decimals: max(0, 1 - magnitude))
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text
    }

    /// At most nine levels strictly inside the finite values' range.
    static func automaticLevels(_ values: [Double], spacing: Spacing) -> [Double] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low else { return [] }
        if spacing == .logarithmic && low > 0 {
            for mantissas in [[1.0, 2, 5], [1.0, 3], [1.0]] {
                var candidates: [Double] = []
                for exponent in Int(log10(low).rounded(.down))...Int(log10(high).rounded(.up)) {
                    for m in mantissas {
                        // 3/10 is 0.3, 3 × 0.1 is not
                        let level = exponent >= 0 ? m * pow(10, Double(exponent)) : m / pow(10, Double(-exponent))
                        if level > low && level < high { candidates.append(level) }
                    }
                }
                if candidates.count <= 9 {
                    // Fewer than three levels on 1, 2, 5: the values span too little for a log scale.
                    return mantissas.count == 3 && candidates.count < 3 ? linearLevels(low, high) : candidates
                }
            }
            // Many decades: every k-th power of ten.
            let first = Int(log10(low).rounded(.up))
            let last = Int(log10(high).rounded(.down))
            let stride = (last - first) / 9 + 1
            let powers = Swift.stride(from: first, through: last, by: stride).map { (exponent: Int) -> Double in
                exponent >= 0 ? pow(10.0, Double(exponent)) : 1 / pow(10.0, Double(-exponent))
            }
            return powers.filter { $0 > low && $0 < high }
        }
        return linearLevels(low, high)
    }

    /// Nice, evenly spaced levels strictly inside low…high, at most nine.
    static func linearLevels(_ low: Double, _ high: Double) -> [Double] {
        var count = 7
        while count > 2 {
            let levels = ticksInside(low...high, count: count).filter { $0 > low && $0 < high }
            if levels.count <= 9 { return levels }
            count -= 1
        }
        return [(low + high) / 2]
    }
}
