/// One step of gradient descent: every parameter moves against its slope,
///
///     new pᵢ = old pᵢ − lr · ∂loss/∂pᵢ
public func gradientDescentStep(parameters: [Double], gradient: [Double], learningRate: Double) -> [Double] {
    precondition(
        parameters.count == gradient.count,
        "A step needs one gradient per parameter, got \(parameters.count) parameters and \(gradient.count) gradients")
    return zip(parameters, gradient).map { $0 - learningRate * $1 }
}

/// How a run of gradient descent ended.
public enum DescentOutcome: Equatable, Sendable {
    /// Every step ran and the loss stayed finite.
    case finished
    /// The loss became `nan` or infinite, or grew past `divergenceFactor` times its start:
    /// the learning rate is too big. `step` is the first step where that was seen.
    case diverged(step: Int)
}

/// A record of a gradient-descent run: parameters and loss after every step (index 0 is the start).
public struct DescentHistory: Sendable {
    /// p after 0, 1, 2, … steps.
    public var parameters: [[Double]]
    /// loss(p) after 0, 1, 2, … steps.
    public var losses: [Double]
    /// Whether the run finished or was stopped because it diverged.
    public var outcome: DescentOutcome
    /// How many times the loss function was evaluated, gradient estimates included.
    public var lossEvaluations: Int

    /// A history from its records (`gradientDescent` makes these; tests and lessons may too).
    public init(parameters: [[Double]], losses: [Double], outcome: DescentOutcome, lossEvaluations: Int) {
        self.parameters = parameters
        self.losses = losses
        self.outcome = outcome
        self.lossEvaluations = lossEvaluations
    }
}

/// A loss that grows to this many times its starting value is taken as diverging.
public let divergenceFactor = 1e6

/// Runs `steps` steps of gradient descent from `start`, with the gradient from `gradient` and
/// the learning rate of step t from `learningRate(t)`. Stops early, and says so in `outcome`,
/// if the loss stops being a finite number or grows past `divergenceFactor` × the starting loss,
/// so a too-large learning rate is reported instead of filling the screen with `nan`.
public func gradientDescent(
    start: [Double], steps: Int,
    learningRate: (Int) -> Double,
    loss: ([Double]) -> Double,
    gradient: ([Double]) -> [Double]
) -> DescentHistory {
    runDescent(start: start, steps: steps, loss: loss) { p, t in
        p = gradientDescentStep(parameters: p, gradient: gradient(p), learningRate: learningRate(t))
    }
}

/// The loop every descent on a parameter vector shares: `steps` times, `update` moves the
/// parameters (step t, counted from 0), the loss is measured, and the run stops as soon as the
/// loss is not a finite number or passes `divergenceFactor` × max(loss at the start, 1). The
/// parameters and losses before the first step and after every step are kept.
func runDescent(
    start: [Double], steps: Int, loss: ([Double]) -> Double,
    update: (inout [Double], Int) -> Void
) -> DescentHistory {
    var p = start
    let startLoss = loss(p)
    var history = DescentHistory(parameters: [p], losses: [startLoss], outcome: .finished, lossEvaluations: 1)
    for t in 0..<steps {
        update(&p, t)
        let value = loss(p)
        history.lossEvaluations += 1
        if !value.isFinite || p.contains(where: { !$0.isFinite }) || value > divergenceFactor * max(startLoss, 1) {
            history.outcome = .diverged(step: t + 1)
            return history
        }
        history.parameters.append(p)
        history.losses.append(value)
    }
    return history
}

extension DescentHistory {
    /// The first step after which the loss is at most `threshold`, or nil if it never gets there.
    public func firstStep(reachingLoss threshold: Double) -> Int? {
        losses.firstIndex { $0 <= threshold }
    }

    /// Whether parameter `index` jumps from one side of `target` to the other at every one of
    /// the last `count` steps: the zigzag of a learning rate close to its stability limit.
    public func alternates(parameter index: Int, around target: Double, lastSteps count: Int) -> Bool {
        let tail = parameters.suffix(count + 1).map { $0[index] - target }
        guard tail.count == count + 1 else { return false }
        return zip(tail, tail.dropFirst()).allSatisfy { $0 * $1 < 0 }
    }
}
