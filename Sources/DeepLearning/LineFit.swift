import Foundation

/// A straight line y = a·x + b, the model of lessons 4 to 7.
public struct Line: Sendable, Equatable {
    /// The slope a.
    public var slope: Double
    /// The intercept b.
    public var intercept: Double

    /// The line y = slope · x + intercept.
    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept
    }

    /// The line with parameters p = [a, b].
    public init(parameters p: [Double]) {
        precondition(p.count == 2, "A line has two parameters (a, b), got \(p.count)")
        self.init(slope: p[0], intercept: p[1])
    }

    /// [a, b], for code that treats parameters as a vector.
    public var parameters: [Double] { [slope, intercept] }

    /// y = a·x + b.
    public func callAsFunction(_ x: Double) -> Double { slope * x + intercept }

    /// y = a·x + b for every x.
    public func callAsFunction(_ xs: [Double]) -> [Double] { xs.map { self($0) } }
}

/// Points (x, y) for fitting a line, one array per coordinate.
public struct LineData: Sendable {
    /// The inputs.
    public var x: [Double]
    /// The targets.
    public var y: [Double]

    /// Points from their coordinates.
    public init(x: [Double], y: [Double]) {
        precondition(x.count == y.count, "Need as many x as y, got \(x.count) and \(y.count)")
        self.x = x
        self.y = y
    }

    /// Number of points.
    public var count: Int { x.count }

    /// The points of the second post: n points with x ~ U(0, 1) and
    ///
    ///     y = a·x + b + 0.1 · N(0, 3)
    ///
    /// (noise of standard deviation 0.1 · 3 = 0.3). All n values of x are drawn first, then
    /// the n noise terms, as the post does.
    public static func noisyLine(
        count n: Int, slope a: Double = 3, intercept b: Double = 8,
        using generator: inout SeededGenerator
    ) -> LineData {
        let x = (0..<n).map { _ in generator.uniform() }
        let noise = (0..<n).map { _ in 0.1 * generator.normal(mean: 0, standardDeviation: 3) }
        let y = zip(x, noise).map { a * $0 + b + $1 }
        return LineData(x: x, y: y)
    }

    /// The rows at `indices` (a mini-batch).
    public func subset(_ indices: [Int]) -> LineData {
        LineData(x: indices.map { x[$0] }, y: indices.map { y[$0] })
    }
}

/// The mean squared error of a line on the points: loss(a, b) = (1/N) Σ (a·xₖ + b − yₖ)².
public func meanSquaredError(of line: Line, on data: LineData) -> Double {
    meanSquaredError(predicted: line(data.x), expected: data.y)
}

/// The gradient of the line's loss, worked out by hand with the chain rule:
///
///     ∂loss/∂a = (1/N) Σ 2(a·xₖ + b − yₖ) · xₖ
///     ∂loss/∂b = (1/N) Σ 2(a·xₖ + b − yₖ)
///
/// Returned as [∂loss/∂a, ∂loss/∂b]. Cost: one pass over the points, whatever the number of
/// parameters would be.
public func meanSquaredErrorGradient(of line: Line, on data: LineData) -> [Double] {
    var da = 0.0
    var db = 0.0
    for k in 0..<data.count {
        let error = line(data.x[k]) - data.y[k]
        da += 2 * error * data.x[k]
        db += 2 * error
    }
    let n = Double(data.count)
    return [da / n, db / n]
}

/// The line that minimises the mean squared error exactly (ordinary least squares), in
/// closed form:
///
///     a = Σ (xₖ − x̄)(yₖ − ȳ) / Σ (xₖ − x̄)²,    b = ȳ − a·x̄
///
/// Gradient descent should walk to this line; the course uses it to check that it did.
public func leastSquaresLine(_ data: LineData) -> Line {
    precondition(data.count >= 2, "A line through fewer than two points is not determined")
    let n = Double(data.count)
    let meanX = data.x.reduce(0, +) / n
    let meanY = data.y.reduce(0, +) / n
    var covariance = 0.0
    var variance = 0.0
    for k in 0..<data.count {
        covariance += (data.x[k] - meanX) * (data.y[k] - meanY)
        variance += (data.x[k] - meanX) * (data.x[k] - meanX)
    }
    precondition(variance > 0, "All x are equal: no single line fits best")
    let a = covariance / variance
    return Line(slope: a, intercept: meanY - a * meanX)
}

/// The largest constant learning rate for which gradient descent on the line's loss does not
/// blow up: 2/λ_max, where λ_max is the largest eigenvalue of the loss's (constant) Hessian
///
///     H = (2/N) [[Σ xₖ², Σ xₖ], [Σ xₖ, N]]
///
/// Along the eigenvector of λ_max, each step multiplies the distance to the minimum by
/// (1 − lr·λ_max): below 2/λ_max it shrinks, at 2/λ_max it flips sign forever (the parameters
/// bounce between two places), above it grows (divergence).
public func largestStableLearningRate(_ data: LineData) -> Double {
    let n = Double(data.count)
    let sxx = data.x.map { $0 * $0 }.reduce(0, +)
    let sx = data.x.reduce(0, +)
    let (p, q, r) = (2 * sxx / n, 2 * sx / n, 2.0)  // H = [[p, q], [q, r]]
    let largest = (p + r) / 2 + (((p - r) / 2) * ((p - r) / 2) + q * q).squareRoot()
    return 2 / largest
}
