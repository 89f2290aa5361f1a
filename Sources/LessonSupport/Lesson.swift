import Foundation
import DeepLearning
import Plotting

/// What every lesson shares: its title, the common flags (`--seed`, `--pause`, `--svg`,
/// `--ascii`, `--width`, `--no-animation`, `--help`) and its own, step headings, pictures in the
/// terminal and as SVG files, and the one-line error with exit status 2 for bad input.
public final class Lesson {
    /// "lesson-4".
    public let name: String
    /// The random generator of this run, seeded by `--seed`. Pass it as `&lesson.random`.
    public var random: SeededGenerator
    /// The seed in use.
    public let seed: UInt64
    /// How pictures are drawn (width, Unicode or ASCII, colour).
    public let render: RenderOptions
    /// Whether charts animate and progress bars redraw in place (a capable terminal, and no
    /// `--no-animation`).
    public let animates: Bool
    /// Where the output goes.
    public let terminal: Terminal

    private var values: [String: String]
    private let defaults: [String: String]
    private let switches: Set<String>
    private let pauses: Bool
    private var projector: ProjectorMode?
    private let svgFolder: URL?
    private var stepNumber = 0
    private var stepTitle = ""

    /// The widths `--width` allows.
    public static let widths = 40...300

    /// The default seed of every lesson.
    public static let defaultSeed: UInt64 = 42

    /// Reads the command line, prints the lesson's banner, and stops with status 2 (or 0 for
    /// `--help`) when the flags ask for it.
    public init(
        number: Int, title: String, summary: String, options: [LessonOption] = [],
        switches lessonSwitches: [(name: String, help: String)] = [],
        arguments: [String] = Array(CommandLine.arguments.dropFirst())
    ) {
        self.name = "lesson-\(number)"
        let common: [LessonOption] = [
            LessonOption(
                "seed", default: String(Lesson.defaultSeed), .integer(0...Int.max),
                help: "seed of the random generator; the same seed prints the same text"),
            LessonOption(
                "width", default: "80", .integer(Lesson.widths),
                help: "width of the text and pictures in characters (without it: the terminal's, up to 100)"),
            LessonOption("svg", default: "", .path, help: "also write every picture as an SVG file into this folder")
        ]
        let all = common + options
        var values = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.defaultValue) })
        var switches = Set<String>()
        var given = Set<String>()
        let switchHelp: [(String, String)] =
            lessonSwitches.map { ($0.name, $0.help) } + [
                (
                    "pause",
                    "one step at a time on a clean screen: Enter next, b back, r again, q quit (on a terminal only)"
                ),
                ("ascii", "draw with plain ASCII characters"),
                ("no-animation", "draw only the final picture of an animation"),
                ("help", "show this help (also -h)")
            ]

        func stop(_ message: String) -> Never {
            exitForBadInput("lesson-\(number): \(message) (see --help)")
        }
        watchForLostOutput(name: "lesson-\(number)")

        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "-h" {  // the short form every command-line tool understands
                switches.insert("help")
                continue
            }
            guard argument.hasPrefix("--") else { stop("unexpected argument '\(argument)'") }
            var flag = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = flag.firstIndex(of: "=") {
                inlineValue = String(flag[flag.index(after: equals)...])
                flag = String(flag[..<equals])
            }
            if switchHelp.contains(where: { $0.0 == flag }) {
                if inlineValue != nil { stop("--\(flag) takes no value") }
                switches.insert(flag)
                continue
            }
            guard let option = all.first(where: { $0.name == flag }) else { stop("unknown flag '\(argument)'") }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    stop("--\(flag) needs a value")
                }
                value = arguments[index]
                index += 1
            }
            if let problem = option.problem(with: value) { stop(problem) }
            values[flag] = value
            given.insert(flag)
        }

        if switches.contains("help") {
            var text = "lesson-\(number): \(title)\n\(summary)\n\nUsage: swift run lesson-\(number) [flags]\n\nFlags:\n"
            let rows =
                all.map { ("--\($0.name) \($0.placeholder)", $0.help + $0.defaultAndRange) }
                + switchHelp.map { ("--\($0.0)", $0.1) }
            let width = rows.map(\.0.count).max() ?? 0
            for (flag, help) in rows { text += "  " + padRight(flag, width) + "  " + help + "\n" }
            print(text, terminator: "")
            exit(0)
        }

        self.values = values
        self.defaults = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.defaultValue) })
        self.switches = switches
        self.seed = UInt64(values["seed"]!)!
        self.random = SeededGenerator(seed: seed)
        let environment = ProcessInfo.processInfo.environment
        let terminal = Terminal.current(environment: environment)
        self.terminal = terminal
        self.render = RenderOptions(
            width: given.contains("width") ? Int(values["width"]!)! : terminal.defaultWidth(allowed: Lesson.widths),
            height: 16,
            ascii: switches.contains("ascii") || !terminal.isCapable,
            color: terminal.isTerminal && terminal.isCapable && environment["NO_COLOR"] == nil)
        Table.plainASCII = render.ascii
        Table.width = render.width
        self.animates = terminal.isTerminal && terminal.isCapable && !switches.contains("no-animation")
        // Pausing needs someone at a terminal to press Enter, and a screen to read the step on.
        self.pauses = switches.contains("pause") && isatty(STDIN_FILENO) == 1 && terminal.isTerminal
        self.projector = pauses ? ProjectorMode(environment: environment) : nil

        if let folder = values["svg"], !folder.isEmpty {
            let url = URL(fileURLWithPath: folder, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                stop("cannot create the SVG folder '\(folder)'")
            }
            guard FileManager.default.isWritableFile(atPath: url.path) else {
                stop("cannot write into the SVG folder '\(folder)'")
            }
            self.svgFolder = url
            svgSummary = (folder.hasSuffix("/") ? folder : folder + "/", [], render.ascii)
            atexit { reportSVGFiles() }
        } else {
            self.svgFolder = nil
        }

        emitHeading(prefix: "Lesson \(number) · ", title, rule: "═")
        print(wrapped(render.ascii ? asciiOnly(summary) : summary, width: render.width))
    }

    // MARK: - Flag values

    /// Whether a switch of this lesson (a flag without a value, like `--timing`) was given.
    public func isOn(_ name: String) -> Bool {
        switches.contains(name)
    }

    /// The value of an integer flag of this lesson.
    public func integer(_ name: String) -> Int {
        Int(values[name]!)!
    }

    /// The value of a number flag of this lesson.
    public func number(_ name: String) -> Double {
        Double(values[name]!)!
    }

    /// Whether a flag of this lesson has its default value (given or not): "0.10" for a default of
    /// "0.1" counts as the default, since both are the same number.
    public func hasDefaultValue(_ name: String) -> Bool {
        let value = values[name]!
        let standard = defaults[name]!
        if let a = Double(value), let b = Double(standard) { return a == b }
        return value == standard
    }

    /// The value of a path flag, or nil if it was left empty.
    public func path(_ name: String) -> String? {
        let value = values[name]!
        return value.isEmpty ? nil : value
    }

    /// Stops the lesson with one line on standard error and exit status 2: for input that is
    /// wrong in a way only the lesson can see (a data folder that cannot be read, say).
    public func stop(_ message: String) -> Never {
        svgSummary = nil
        exitForBadInput("\(name): \(message)")
    }

    // MARK: - Steps

    /// Starts the next step and prints its numbered heading. With `--pause` on a terminal, it
    /// first waits for the teacher (Enter, b for back, r for again, q to quit; see
    /// `ProjectorMode`) and starts the step on a clean screen.
    public func step(_ heading: String) {
        stepNumber += 1
        if projector?.beginStep(stepNumber, previousTitle: stepTitle) == true {
            print("\u{1B}[2J\u{1B}[H", terminator: "")  // clear the screen, cursor to the top
        }
        stepTitle = heading
        print("")
        emitHeading(prefix: "Step \(stepNumber) · ", heading, rule: "─")
    }

    /// Prints a heading in bold, broken at spaces to fit the width (see `headingLines`).
    private func emitHeading(prefix: String, _ heading: String, rule: Character) {
        // Printed as they are: through `emit`, the bold's escape codes would count as characters
        // and break a line that already fits.
        for line in headingLines(prefix: prefix, heading, rule: rule, render: render) { print(line) }
    }

    /// Prints a paragraph of explanation, broken into lines that fit the width (80 columns by
    /// default), so the lessons' text reads well on any terminal.
    public func say(_ text: String) {
        // Spelled in ASCII first when asked, so the wrapping counts the characters really printed.
        print(wrapped(render.ascii ? asciiOnly(text) : text, width: render.width))
    }

    /// Prints text as it is, spelled in plain ASCII under `--ascii` or `TERM=dumb`. Lessons print
    /// through `say`, `show` and `Table`, which all end here or do the same. A single line longer
    /// than the width (a formula set on its own line) is broken like `say` breaks it: before an
    /// operator, its continuation under its indent.
    public func emit(_ text: String) {
        let spelled = render.ascii ? asciiOnly(text) : text
        print(!spelled.contains("\n") && spelled.count > render.width ? wrapped(spelled, width: render.width) : spelled)
    }

    /// Prints a matrix under a name with its shape, one row per line, numbers aligned.
    public func show(_ name: String, _ matrix: Matrix, decimals: Int = 3) {
        emit("\(name)  (\(matrix.shape))")
        for i in 0..<matrix.rows {
            // A row is never broken: its numbers stay under each other.
            print(
                "    "
                    + matrix.row(i).map { padLeft(formatFixed($0, decimals: decimals), decimals + 4) }.joined(
                        separator: " "))
        }
    }

    // MARK: - Pictures

    /// The SVG file name for a picture: "lesson-4-loss-along-a-equals-b.svg".
    public func svgFileName(_ pictureName: String) -> String {
        "\(name)-\(pictureName).svg"
    }

    private func writeSVG(_ svg: String, pictureName: String) {
        guard let svgFolder else { return }
        let url = svgFolder.appendingPathComponent(svgFileName(pictureName))
        do {
            try svg.write(to: url, atomically: true, encoding: .utf8)
            svgSummary?.files.insert(url.lastPathComponent)
        } catch {
            stop("cannot write \(url.path)")
        }
    }

    /// A picture drawn for the lesson's width, drawn again narrower when its plain-ASCII spelling
    /// (σ → "sigma", √ → "sqrt") makes a line longer than the width.
    private func fitted(_ draw: (RenderOptions) -> String) -> String {
        var options = render
        var text = draw(options)
        guard render.ascii else { return text }
        for _ in 0..<3 {
            let longest = asciiOnly(text).split(separator: "\n").map { visibleLength($0) }.max() ?? 0
            guard longest > render.width, options.width > Lesson.widths.lowerBound / 2 else { break }
            options.width -= longest - render.width
            text = draw(options)
        }
        return text
    }

    /// Prints a chart, and writes it as `<lesson>-<name>.svg` when `--svg` is given.
    public func show(_ chart: Chart, name pictureName: String) {
        emit(fitted { chart.renderText($0) })
        writeSVG(chart.svg(), pictureName: pictureName)
    }

    /// Prints a bar chart, and writes its SVG when `--svg` is given.
    public func show(_ bars: BarChart, name pictureName: String) {
        emit(fitted { bars.renderText($0) })
        writeSVG(bars.svg(), pictureName: pictureName)
    }

    /// Prints a computation graph as a tree read from `root` back to its inputs, and writes it as
    /// a layered SVG when `--svg` is given.
    public func show(_ diagram: GraphDiagram, root: Int, name pictureName: String) {
        emit(fitted { diagram.renderTree(root: root, $0) })
        writeSVG(diagram.svg(), pictureName: pictureName)
    }

    /// Writes a chart as SVG when `--svg` is given, without printing it: a still picture for
    /// slides of what the terminal showed another way (an animation, say).
    public func writePicture(_ chart: Chart, name pictureName: String) {
        writeSVG(chart.svg(), pictureName: pictureName)
    }

    /// Writes a diagram as a layered SVG when `--svg` is given, without printing it: for a
    /// picture whose text form would say less than the lesson's own table (a fully connected
    /// network, say).
    public func writePicture(_ diagram: GraphDiagram, name pictureName: String) {
        writeSVG(diagram.svg(), pictureName: pictureName)
    }

    /// Prints a labelled matrix of numbers shaded by size (a confusion matrix), and writes it as
    /// SVG when `--svg` is given.
    public func show(_ heatMap: MatrixHeatMap, name pictureName: String) {
        emit(fitted { heatMap.renderText($0) })
        writeSVG(heatMap.svg(), pictureName: pictureName)
    }

    /// Prints small images side by side, and writes them as one SVG when `--svg` is given.
    public func show(_ images: [GrayImage], title: String, name pictureName: String) {
        emit(fitted { renderImages(images, $0) })
        writeSVG(imagesSVG(images, title: title), pictureName: pictureName)
    }

    /// Redraws a progress line in place on a terminal ("epoch 3  ███████▌     120/383"); prints
    /// nothing when the output is not a terminal, so transcripts and pipes stay clean. Call
    /// `endProgress()` when done to clear the line.
    public func progress(_ label: String, done: Int, total: Int) {
        guard animates else { return }
        // The line stays shorter than the width: a line that wraps could not be redrawn in place.
        let counter = "\(done)/\(total)"
        let room = render.width - 1 - label.count - 4 - counter.count
        let bar = progressBar(done: done, total: total, width: min(30, max(room, 5)), ascii: render.ascii)
        let line = room >= 5 ? "\(label)  \(bar)  \(counter)" : String("\(label)  \(bar)".prefix(render.width - 1))
        print("\r\(line)", terminator: "")
        fflush(nil)
    }

    /// Clears the progress line drawn by `progress`.
    public func endProgress() {
        guard animates else { return }
        print("\r\u{1B}[2K", terminator: "")
        fflush(nil)
    }

    /// Plays the charts as an animation on a terminal (only the last one otherwise) and writes
    /// the last one as SVG when `--svg` is given.
    public func animate(_ frames: [Chart], name pictureName: String) {
        guard let last = frames.last else { return }
        let texts = frames.map { $0.renderText(render) }
        let height = texts.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }.max() ?? 0
        playAnimation(
            render.ascii ? texts.map(asciiOnly) : texts, animate: animates && terminal.canRedraw(lines: height))
        writeSVG(last.svg(), pictureName: pictureName)
    }
}

/// The `--svg` folder as given and the files written into it, for the line at the end of the run.
nonisolated(unsafe) private var svgSummary: (folder: String, files: Set<String>, ascii: Bool)?

/// Ends a run with `--svg DIR` with one line: "Wrote 4 SVG pictures to out/".
private func reportSVGFiles() {
    guard let summary = svgSummary else { return }
    let count = summary.files.count
    let line = "Wrote \(count == 0 ? "no" : String(count)) SVG picture\(count == 1 ? "" : "s") to \(summary.folder)"
    print("\n" + (summary.ascii ? asciiOnly(line) : line))
}

/// How many characters of a line show on the screen: its length without colour escapes.
private func visibleLength(_ line: Substring) -> Int {
    var count = 0
    var inEscape = false
    for character in line {
        if inEscape {
            if character.isLetter { inEscape = false }
        } else if character == "\u{1B}" {
            inEscape = true
        } else {
            count += 1
        }
    }
    return count
}
