/// The mean squared error of a line on a fixed set of points, kept as the five means it
/// depends on. Expanding the square,
///
///     loss(a, b) = (1/N) Σ (a·xₖ + b − yₖ)²
///                = a²·⟨x²⟩ + 2ab·⟨x⟩ + b² − 2a·⟨xy⟩ − 2b·⟨y⟩ + ⟨y²⟩
///
/// where ⟨·⟩ is the mean over the points. The loss is a quadratic in (a, b) whose coefficients
/// are moments of the data, so after one pass to compute them every later evaluation costs a
/// handful of operations instead of a pass over all N points. Lesson 7 evaluates the loss after
/// every single update; with this the cost of a run grows like N per epoch, not N².
public struct LineLossMoments: Sendable {
    /// ⟨x⟩, ⟨y⟩, ⟨x²⟩, ⟨xy⟩ and ⟨y²⟩ over the points.
    public let meanX, meanY, meanXX, meanXY, meanYY: Double

    /// The five means of `data` (at least one point).
    public init(_ data: LineData) {
        precondition(data.count > 0, "The loss on no points is undefined")
        var sx = 0.0
        var sy = 0.0
        var sxx = 0.0
        var sxy = 0.0
        var syy = 0.0
        for k in 0..<data.count {
            let x = data.x[k]
            let y = data.y[k]
            sx += x
            sy += y
            sxx += x * x
            sxy += x * y
            syy += y * y
        }
        let n = Double(data.count)
        (meanX, meanY, meanXX, meanXY, meanYY) = (sx / n, sy / n, sxx / n, sxy / n, syy / n)
    }

    /// loss(a, b) = a²·⟨x²⟩ + 2ab·⟨x⟩ + b² − 2a·⟨xy⟩ − 2b·⟨y⟩ + ⟨y²⟩, never below 0 (rounding
    /// near a perfect fit could otherwise make it a tiny negative number).
    public func loss(_ line: Line) -> Double {
        let a = line.slope
        let b = line.intercept
        let value = a * a * meanXX + 2 * a * b * meanX + b * b - 2 * a * meanXY - 2 * b * meanY + meanYY
        return max(value, 0)
    }
}
