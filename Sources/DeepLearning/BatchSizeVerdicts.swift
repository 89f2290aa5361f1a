import Foundation

// Small classifications of lesson 7's numbers, so that every sentence the lesson prints about
// its mini-batch runs is chosen from what the runs did.

/// The angle between two vectors in degrees, arccos(u·v / (|u| |v|)): 0° when they point the
/// same way, 90° when they are perpendicular, 180° when opposite. Nil if either is zero.
public func angleInDegrees(between u: [Double], and v: [Double]) -> Double? {
    precondition(u.count == v.count, "Vectors of \(u.count) and \(v.count) numbers have no angle")
    let dot = zip(u, v).map { $0 * $1 }.reduce(0, +)
    let lengths = (u.map { $0 * $0 }.reduce(0, +) * v.map { $0 * $0 }.reduce(0, +)).squareRoot()
    guard lengths > 0, lengths.isFinite else { return nil }
    return acos(min(max(dot / lengths, -1), 1)) * 180 / Double.pi
}

/// Who got furthest when the same data and learning rate were given to several batch sizes.
public enum BatchSizeRanking: Equatable, Sendable {
    /// Every run diverged.
    case allDiverged
    /// No run that finished ended below the loss it started from.
    case noneImproved
    /// The final loss is strictly lower for every smaller batch size: the runs that made more
    /// updates in the same epochs got further.
    case moreUpdatesGotFurther
    /// The run at `lowest` (an index into the batch sizes, smallest first) ended with the lowest
    /// loss; the run at `behind` made more updates (a smaller batch) yet ended higher than a
    /// run with fewer updates, or diverged.
    case lowestAt(Int, behind: Int)
}

/// Ranks runs given their final losses ordered by batch size, smallest batch first (so the
/// number of updates per epoch falls along the array), all started from the same loss
/// `startLoss`. `nil` marks a run that diverged.
///
/// - all nil → `.allDiverged`
/// - no finite loss below `startLoss` → `.noneImproved`
/// - every loss finite and each strictly below the next → `.moreUpdatesGotFurther`
/// - otherwise → `.lowestAt(i, behind: j)`: i the index of the lowest final loss (the first,
///   on a tie), j the first index whose run diverged or ended at or above the loss of some run
///   with a larger batch
public func rankBatchSizes(finalLosses: [Double?], startLoss: Double) -> BatchSizeRanking {
    let finite = finalLosses.enumerated().compactMap { item in item.element.map { (item.offset, $0) } }
    guard let lowest = finite.min(by: { $0.1 < $1.1 }) else { return .allDiverged }
    guard lowest.1 < startLoss else { return .noneImproved }
    let values = finalLosses.compactMap { $0 }
    if values.count == finalLosses.count && zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) {
        return .moreUpdatesGotFurther
    }
    let behind = finalLosses.indices.first { i in
        guard let loss = finalLosses[i] else { return true }
        return finalLosses[(i + 1)...].contains { other in other.map { $0 <= loss } ?? false }
    }!
    return .lowestAt(lowest.0, behind: behind)
}

/// Whether a final loss is within `tolerance` (relative) of the least loss any line can reach
/// on the data, the least-squares line's:
///
///     loss − best ≤ tolerance · max(best, 10⁻⁹)
///
/// (the floor 10⁻⁹ keeps the test meaningful when the best line passes through every point).
public func isNearBestLoss(_ loss: Double, best: Double, tolerance: Double = 0.05) -> Bool {
    loss.isFinite && loss - best <= tolerance * max(best, 1e-9)
}

/// How many times a sequence of losses went up from one value to the next: 0 for a run that
/// only ever went down (or stayed), a large share of the steps for a jittering one.
public func rises(in losses: [Double]) -> Int {
    zip(losses, losses.dropFirst()).filter { $1 > $0 }.count
}

/// Whether a run's recent losses went below `level` and later back above it: the run was not
/// settling below that level but wandering around it. With `level` another run's final loss,
/// a leader whose losses do this owes its lead to where its last steps happened to leave it.
///
///     first k with losses[k] < level exists, and some losses[j] > level with j > k
public func wandersAcross(level: Double, losses: [Double]) -> Bool {
    guard let first = losses.firstIndex(where: { $0 < level }) else { return false }
    return losses[(first + 1)...].contains { $0 > level }
}

/// How a descent path in parameter space behaves over a stretch of updates (the last epoch,
/// say): from its length L = Σ ‖p_{k+1} − p_k‖, its net move D = ‖p_last − p_first‖ and its
/// largest distance R from the least-loss point p*.
public enum PathEnding: Equatable, Sendable {
    /// It (almost) did not move: L ≤ 10⁻⁹ · (1 + ‖p*‖).
    case stopped
    /// It keeps one direction: D ≥ L / 2, most of the way it travelled took it somewhere.
    case headsOn
    /// Its steps mostly cancel (D < L / 2) and it stays near p*: it travelled more than its
    /// largest distance from p*, R ≤ L, and R is at most a quarter of the distance the whole
    /// descent started from, so it circles the bottom instead of settling on it.
    case wandersAroundMinimum
    /// Its steps mostly cancel (D < L / 2) and are long (R ≤ L), but it strays more than a quarter
    /// of its starting distance from p*: thrown about over a wide region.
    case wandersWide
    /// Its steps mostly cancel (D < L / 2) and together are shorter than its distance from p*
    /// (R > L): it zigzags in a small region short of the bottom.
    case zigzagsShort
}

/// The three lengths that describe a stretch of a descent path `points` (parameter vectors in the
/// order the updates made them) near the least-loss point `minimum` = p*:
///
///     length = Σ ‖p_{k+1} − p_k‖,   netMove = ‖p_last − p_first‖,   farthest = max_k ‖p_k − p*‖
public func pathMeasures(_ points: [[Double]], minimum: [Double]) -> (
    length: Double, netMove: Double, farthest: Double
) {
    func distance(_ p: [Double], _ q: [Double]) -> Double {
        zip(p, q).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }
    guard let first = points.first, let last = points.last else { return (0, 0, 0) }
    let length = zip(points, points.dropFirst()).map { distance($0, $1) }.reduce(0, +)
    return (length, distance(first, last), points.map { distance($0, minimum) }.max()!)
}

/// The behaviour of a stretch `points` of a descent that began at `start`, around the least-loss
/// point `minimum`, from the lengths of `pathMeasures` (L = length, D = netMove, R = farthest):
///
///     L ≤ 10⁻⁹(1 + ‖p*‖) → stopped;  D ≥ L/2 → headsOn;  R > L → zigzagsShort;
///     R ≤ ‖start − p*‖ / 4 → wandersAroundMinimum;  else wandersWide
public func pathEnding(_ points: [[Double]], start: [Double], minimum: [Double]) -> PathEnding {
    let (length, netMove, farthest) = pathMeasures(points, minimum: minimum)
    let scale = 1 + minimum.map { $0 * $0 }.reduce(0, +).squareRoot()
    if length <= 1e-9 * scale { return .stopped }
    if netMove >= length / 2 { return .headsOn }
    let startDistance = zip(start, minimum).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    if farthest > length { return .zigzagsShort }
    return farthest <= startDistance / 4 ? .wandersAroundMinimum : .wandersWide
}

/// Runs sorted by how their final loss compares with the least loss any line can reach: the
/// indices (into `finalLosses`) of the runs that ended within `tolerance` of `best`
/// (`isNearBestLoss`), of those that finished further away, and of those that diverged
/// (`nil`, or a loss that is not a finite number). Every index is in exactly one of the three.
///
///     near:     loss − best ≤ tolerance · max(best, 10⁻⁹)
///     far:      finished, not near
///     diverged: nil or not finite
public func nearnessToBest(
    finalLosses: [Double?], best: Double, tolerance: Double = 0.05
) -> (near: [Int], far: [Int], diverged: [Int]) {
    var split: (near: [Int], far: [Int], diverged: [Int]) = ([], [], [])
    for (index, loss) in finalLosses.enumerated() {
        guard let loss, loss.isFinite else {
            split.diverged.append(index)
            continue
        }
        if isNearBestLoss(loss, best: best, tolerance: tolerance) {
            split.near.append(index)
        } else {
            split.far.append(index)
        }
    }
    return split
}
