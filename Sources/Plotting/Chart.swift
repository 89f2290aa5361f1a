/// A point of a series.
public struct Point: Sendable, Equatable {
    /// The horizontal coordinate.
    public var x: Double
    /// The vertical coordinate.
    public var y: Double
    /// The point (x, y).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named list of points, drawn either as a connected line or as separate marks.
public struct Series: Sendable {
    /// How a series is drawn.
    public enum Style: Sendable, Equatable {
        /// Consecutive points joined by straight segments.
        case line
        /// Each point drawn on its own, as a mark.
        case points
    }

    /// The name shown in the legend.
    public var name: String
    /// The points, in drawing order.
    public var points: [Point]
    /// Line or marks.
    public var style: Style

    /// A series from x and y coordinates (the shorter list decides the length).
    public init(_ name: String, x: [Double], y: [Double], style: Style = .line) {
        self.name = name
        self.points = zip(x, y).map { Point(x: $0, y: $1) }
        self.style = style
    }

    /// A series of y values at x = 0, 1, 2, … (a curve over steps or epochs).
    public init(_ name: String, y: [Double], style: Style = .line) {
        self.init(name, x: y.indices.map(Double.init), y: y, style: style)
    }

    /// A function sampled at `samples` evenly spaced x from `low` to `high`.
    public init(
        _ name: String, from low: Double, to high: Double, samples: Int = 161,
        style: Style = .line, _ f: (Double) -> Double
    ) {
        let xs = (0..<max(samples, 2)).map { low + (high - low) * Double($0) / Double(max(samples, 2) - 1) }
        self.init(name, x: xs, y: xs.map(f), style: style)
    }

    /// The points whose coordinates are both finite numbers (not-a-number and ±∞ are left out of drawings).
    public var finitePoints: [Point] { points.filter { $0.x.isFinite && $0.y.isFinite } }
}

/// A chart of one or more series over shared axes: what the text renderer and the SVG writer draw.
public struct Chart: Sendable {
    /// The title above the chart.
    public var title: String
    /// The name of the horizontal axis.
    public var xLabel: String
    /// The name of the vertical axis.
    public var yLabel: String
    /// The series, drawn in order (later ones on top).
    public var series: [Series]
    /// The horizontal range to show; nil fits the data.
    public var xRange: ClosedRange<Double>?
    /// The vertical range to show; nil fits the data.
    public var yRange: ClosedRange<Double>?
    /// A field drawn behind the series as banded levels (a loss over two parameters under the
    /// descent paths), or nil. The axes cover its ranges.
    public var background: Field?

    /// A chart; leave a range nil to fit it to the data.
    public init(
        title: String, xLabel: String = "x", yLabel: String = "y", series: [Series],
        xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, background: Field? = nil
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
        self.background = background
    }

    /// How many coordinates were `nan` or infinite and so were left out.
    public var nonFiniteCount: Int {
        series.map { $0.points.count - $0.finitePoints.count }.reduce(0, +)
    }

    /// What both renderers draw: the ranges shown and the ticks inside them.
    public struct Axes: Sendable, Equatable {
        /// The horizontal range shown.
        public var x: ClosedRange<Double>
        /// The vertical range shown.
        public var y: ClosedRange<Double>
        /// Tick values along x, inside `x`.
        public var xTicks: [Double]
        /// Tick values along y, inside `y`.
        public var yTicks: [Double]
    }

    /// The share of the data's span left empty on each side, so no line lies on the frame and
    /// no point at the edge is cut.
    public static let margin = 0.05

    /// The axes of the chart, the same for the terminal and for SVG: the data's range (or the
    /// range the chart was given) widened by `margin` on each side, with about `tickCount` nice
    /// ticks (multiples of 1, 2 or 5 × 10ᵏ) inside it. A background field's ranges are covered
    /// as they are (the field fills the plot): the range shown is the field's, widened only where
    /// the data with its margin reaches beyond it.
    public func axes(tickCount: Int = 6) -> Axes {
        let points = series.flatMap(\.finitePoints)
        func shown(_ values: [Double], _ fixed: ClosedRange<Double>?, _ field: ClosedRange<Double>?) -> (
            range: ClosedRange<Double>, ticks: [Double]
        ) {
            var (low, high): (Double, Double)
            if let fixed {
                (low, high) = (fixed.lowerBound, fixed.upperBound)
            } else if let first = values.min(), let last = values.max() {
                (low, high) = (first, last)
            } else {
                (low, high) = (0, 1)
            }
            if high - low < 1e-12 * max(1, abs(low)) {
                let pad = low == 0 ? 1 : abs(low) * 0.1
                (low, high) = (low - pad, high + pad)
            }
            let pad = (high - low) * Self.margin
            var range = (low - pad)...(high + pad)
            if fixed == nil, let field {
                range =
                    values.isEmpty
                    ? field : min(field.lowerBound, range.lowerBound)...max(field.upperBound, range.upperBound)
            }
            return (range, ticksInside(range, count: tickCount))
        }
        let x = shown(points.map(\.x), xRange, background?.x)
        let y = shown(points.map(\.y), yRange, background?.y)
        return Axes(x: x.range, y: y.range, xTicks: x.ticks, yTicks: y.ticks)
    }
}
