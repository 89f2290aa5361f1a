/// Early stopping: watch a score measured on held-out validation data after every epoch, keep
/// the best, and stop once it has not improved for `patience` epochs in a row.
///
/// Training longer always lowers the training loss, but past some point the network starts to
/// learn its training examples rather than the task, and the validation score stops rising.
/// Keeping the network from the best epoch is a regularisation that costs nothing but data.
public struct EarlyStopping: Sendable {
    /// How many epochs without a new best to wait before stopping.
    public let patience: Int
    /// The best score so far (higher is better), and the epoch it came at.
    public private(set) var best: (score: Double, epoch: Int)?
    private var epochsWithoutImprovement = 0

    /// Early stopping with the given patience.
    public init(patience: Int) {
        precondition(patience > 0, "Patience must be at least one epoch, got \(patience)")
        self.patience = patience
    }

    /// Records the score of `epoch`; returns true when training should stop. A score is a new
    /// best only if it is strictly higher than the best so far.
    public mutating func shouldStop(epoch: Int, score: Double) -> Bool {
        if best == nil || score > best!.score {
            best = (score, epoch)
            epochsWithoutImprovement = 0
        } else {
            epochsWithoutImprovement += 1
        }
        return epochsWithoutImprovement >= patience
    }

    /// Whether the last recorded epoch was the best so far (then keep a copy of the network).
    public func lastWasBest(epoch: Int) -> Bool { best?.epoch == epoch }
}
