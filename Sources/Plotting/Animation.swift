import Foundation

/// Plays frames of text in place on a terminal: each new frame moves the cursor back up over
/// the previous one (ANSI "cursor up" and "erase below") and draws over it.
///
/// When the output is not a terminal, or animation is off, only the final frame is printed, so
/// pipes, tests and CI see one clean picture. The whole animation is spread over at most
/// `totalSeconds` (2 s by default), however many frames there are.
public func playAnimation(_ frames: [String], animate: Bool, totalSeconds: Double = 2) {
    guard let last = frames.last else { return }
    guard animate, frames.count > 1 else {
        print(last)
        return
    }
    let delay = min(0.12, totalSeconds / Double(frames.count))
    var previousHeight = 0
    for frame in frames {
        if previousHeight > 0 { print("\u{1B}[\(previousHeight)A\u{1B}[J", terminator: "") }
        print(frame)
        fflush(nil)  // nil flushes every stream; naming stdout is not allowed under strict concurrency
        previousHeight = frame.split(separator: "\n", omittingEmptySubsequences: false).count
        Thread.sleep(forTimeInterval: delay)
    }
}
