/// The mean of some numbers, x̄ = (1/n) Σ xᵢ.
public func mean(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "The mean of no numbers is undefined")
    return values.reduce(0, +) / Double(values.count)
}

/// The sample standard deviation, s = √( Σ (xᵢ − x̄)² / (n − 1) ): how far the numbers typically
/// are from their mean (n − 1, Bessel's correction, because x̄ was estimated from the same numbers).
public func standardDeviation(_ values: [Double]) -> Double {
    precondition(values.count >= 2, "A standard deviation needs at least two numbers, got \(values.count)")
    let m = mean(values)
    return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
}
