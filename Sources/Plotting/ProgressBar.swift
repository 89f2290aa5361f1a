/// A progress bar of `width` characters for `done` out of `total`: "████████▌       " in
/// Unicode (eighth blocks for the partial cell), "#########.......  " in ASCII.
public func progressBar(done: Int, total: Int, width: Int = 30, ascii: Bool = false) -> String {
    let fraction = total > 0 ? min(max(Double(done) / Double(total), 0), 1) : 1
    let eighths = Int((fraction * Double(width) * 8).rounded())
    if ascii {
        return String(repeating: "#", count: eighths / 8) + String(repeating: ".", count: width - eighths / 8)
    }
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
    let full = String(repeating: "█", count: eighths / 8)
    return full + partial + String(repeating: " ", count: width - eighths / 8 - (partial.isEmpty ? 0 : 1))
}
