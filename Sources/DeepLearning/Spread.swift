/// The results of one experiment repeated from several random starts: their mean and their
/// range, so one lucky or unlucky start cannot pass for a difference between two settings.
public struct Spread: Sendable, Equatable {
    /// The results, one per start.
    public var values: [Double]

    /// Several results (at least one).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "A spread needs at least one result")
        self.values = values
    }

    /// x̄ = (1/n) Σ xᵢ.
    public var mean: Double { values.reduce(0, +) / Double(values.count) }
    /// The smallest result.
    public var min: Double { values.min()! }
    /// The largest result.
    public var max: Double { values.max()! }
    /// Whether every result is a finite number.
    public var isFinite: Bool { values.allSatisfy(\.isFinite) }
}

/// How two settings' spreads of results compare.
public enum SpreadComparison: Sendable, Equatable {
    /// Every result of the first is below every result of the second.
    case clearlyLower
    /// Every result of the first is above every result of the second.
    case clearlyHigher
    /// The ranges overlap: these starts cannot tell the two settings apart.
    case overlapping
}

/// Compares two spreads by their ranges:
///
///     a.max < b.min → clearly lower,  a.min > b.max → clearly higher,  otherwise overlapping.
public func compare(_ a: Spread, _ b: Spread) -> SpreadComparison {
    if a.max < b.min { return .clearlyLower }
    if a.min > b.max { return .clearlyHigher }
    return .overlapping
}
