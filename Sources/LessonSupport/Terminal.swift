#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// What the lesson knows about where its output goes.
public struct Terminal: Sendable {
    /// Whether standard output is a terminal (not a pipe or a file).
    public var isTerminal: Bool
    /// Whether the terminal understands cursor movement and colour (not `TERM=dumb`).
    public var isCapable: Bool
    /// The terminal's size in characters, when it can be asked (nil for a pipe).
    public var columns: Int?
    public var rows: Int?

    /// The terminal of this process's standard output and environment.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var columns: Int?
        var rows: Int?
        if isTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                columns = Int(size.ws_col)
                rows = Int(size.ws_row)
            }
        }
        // COLUMNS and LINES, when set, say what the user wants even without a terminal.
        if let text = environment["COLUMNS"], let value = Int(text), value > 0 { columns = value }
        if let text = environment["LINES"], let value = Int(text), value > 0 { rows = value }
        return Terminal(
            isTerminal: isTerminal, isCapable: environment["TERM"] != "dumb",
            columns: columns, rows: rows)
    }

    /// The width pictures and text are drawn to when `--width` is not given: the terminal's
    /// width within `allowed`, but at most `comfortable` (lines much longer than 100 characters
    /// are hard to read), and 80 when nothing says otherwise.
    public func defaultWidth(allowed: ClosedRange<Int>, comfortable: Int = 100) -> Int {
        guard let columns else { return 80 }
        return min(max(columns, allowed.lowerBound), min(comfortable, allowed.upperBound))
    }

    /// Whether a frame of `lines` lines can be redrawn in place: on a capable terminal whose
    /// height (when known) leaves room for it. A taller frame would scroll, and every frame
    /// would stay behind in the scrollback.
    public func canRedraw(lines: Int) -> Bool {
        guard isTerminal && isCapable else { return false }
        guard let rows else { return true }
        return lines < rows
    }
}
