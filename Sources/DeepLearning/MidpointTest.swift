/// The midpoint test for a function of input rows, the numerical way to show that no single layer
/// without activation can copy it.
///
/// Any map of the form g(X) = XW′ + B′ (one layer, identity activation) keeps midpoints:
///
///     g((u + v)/2) = ((u + v)/2)W′ + B′ = (uW′ + B′ + vW′ + B′)/2 = (g(u) + g(v))/2
///
/// for every W′, B′ and every pair of inputs u, v. So if a function breaks this rule for even one
/// pair, no choice of W′ and B′ reproduces it.
public struct MidpointTest: Sendable {
    /// The largest gap |f((u + v)/2) − (f(u) + f(v))/2| over the outputs of all tested pairs.
    public let largestGap: Double
    /// The rows (i, j) of the inputs whose pair gave the largest gap.
    public let worstPair: (Int, Int)
    /// How many pairs were tested.
    public let pairCount: Int

    /// Tests `f` on every pair of distinct rows of `inputs` (at least two rows). `f` maps a batch
    /// (one input per row) to a batch of outputs (one output row per input row).
    public init(of f: (Matrix) -> Matrix, on inputs: Matrix) {
        precondition(inputs.rows >= 2, "The midpoint test needs at least two inputs, got \(inputs.rows)")
        var pairs: [(Int, Int)] = []
        for i in 0..<inputs.rows {
            for j in (i + 1)..<inputs.rows { pairs.append((i, j)) }
        }
        let u = inputs.rows(at: pairs.map(\.0))
        let v = inputs.rows(at: pairs.map(\.1))
        let midpoints = 0.5 * (u + v)
        let atMidpoints = f(midpoints)
        let meanOfEnds = 0.5 * (f(u) + f(v))
        var largest = 0.0
        var worst = pairs[0]
        for p in pairs.indices {
            let gap = zip(atMidpoints.row(p), meanOfEnds.row(p)).map { abs($0 - $1) }.max() ?? 0
            if gap > largest || gap.isNaN {
                largest = gap
                worst = pairs[p]
            }
        }
        self.largestGap = largest
        self.worstPair = worst
        self.pairCount = pairs.count
    }

    /// Whether the function kept every midpoint up to rounding (see `agreement`), with `scale`
    /// the size of its outputs. `.differ` proves that no W′, B′ can copy it; `.agree` only says
    /// these inputs cannot tell it from one linear layer.
    public func keepsMidpoints(scale: Double) -> Agreement {
        agreement(largestDifference: largestGap, scale: scale)
    }
}
