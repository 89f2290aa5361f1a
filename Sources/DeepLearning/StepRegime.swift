/// What one gradient-descent step does along a direction of the loss whose curvature is λ,
/// read from the factor f = 1 − lr·λ by which the step multiplies the distance to the bottom
/// in that direction (lesson 7):
///
///     f ≥ 1        (lr ≤ 0)            `.neverCloser`
///     0 < f < 1    (0 < lr < 1/λ)      `.undershoots`: lands short, same side, nearer
///     f = 0        (lr = 1/λ)          `.lands`: on the bottom in one step
///     −1 < f < 0   (1/λ < lr < 2/λ)    `.zigzagShrinks`: lands on the other side, nearer
///     f = −1       (lr = 2/λ)          `.zigzagSameSize`
///     f < −1       (lr > 2/λ)          `.diverges`: lands on the other side, further out
public enum StepRegime: Equatable, Sendable {
    /// f ≥ 1: the step does not bring the point any nearer.
    case neverCloser
    /// 0 < f < 1: the step lands short of the bottom, on the same side, nearer.
    case undershoots
    /// f = 0: the step lands on the bottom.
    case lands
    /// −1 < f < 0: the step lands on the other side, nearer: a zigzag that shrinks.
    case zigzagShrinks
    /// f = −1: the step lands on the other side, as far: a zigzag that keeps its size.
    case zigzagSameSize
    /// f < −1: the step lands on the other side, further out: the zigzag grows.
    case diverges

    /// The regime of a step that multiplies the distance to the bottom by `factor` = 1 − lr·λ
    /// (see the type's table). A factor that is not a number counts as `.diverges`.
    public init(factor: Double) {
        if factor.isNaN || factor < -1 {
            self = .diverges
        } else if factor == -1 {
            self = .zigzagSameSize
        } else if factor < 0 {
            self = .zigzagShrinks
        } else if factor == 0 {
            self = .lands
        } else if factor < 1 {
            self = .undershoots
        } else {
            self = .neverCloser
        }
    }

    /// The regime of rate `learningRate` along a direction of curvature `curvature`: the regime
    /// of the factor f = 1 − lr·λ.
    public init(learningRate: Double, curvature: Double) {
        self.init(factor: 1 - learningRate * curvature)
    }

    /// Whether each step lands on the other side of the bottom (f < 0: lr > 1/λ).
    public var crossesTheBottom: Bool {
        switch self {
        case .zigzagShrinks, .zigzagSameSize, .diverges: return true
        case .neverCloser, .undershoots, .lands: return false
        }
    }
}
