/// A drawing of a small computation graph: boxes for the nodes, arrows from each node's inputs
/// to the node, an optional label on each arrow. It knows nothing of what the nodes compute: a
/// lesson fills in the text (an operation, a value, a gradient) and the labels.
///
/// In the terminal the graph is drawn as a tree read from its result back to its inputs, the
/// way the chain rule walks it; a node that feeds several others appears once in full and then
/// as a reference. As SVG it is drawn left to right in layers, every node placed one layer after
/// the last of its inputs.
public struct GraphDiagram: Sendable {
    /// A box of the drawing.
    public struct Node: Sendable {
        /// The lines of text in the box; the first is the node's name and is drawn in bold.
        public var lines: [String]
        /// Whether to draw the box highlighted (the result, a parameter…).
        public var highlighted: Bool

        /// A node with these lines of text.
        public init(_ lines: [String], highlighted: Bool = false) {
            self.lines = lines
            self.highlighted = highlighted
        }
    }

    /// An arrow from node `from` (an input) to node `to`, with a short label ("" for none).
    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        public var label: String

        /// An arrow from input `from` to node `to`.
        public init(from: Int, to: Int, label: String = "") {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// The title above the drawing.
    public var title: String
    /// The boxes, referred to by their index.
    public var nodes: [Node]
    /// The arrows.
    public var edges: [Edge]

    /// A diagram; every edge must join two existing nodes and the graph must have no cycle.
    public init(title: String, nodes: [Node], edges: [Edge]) {
        precondition(
            edges.allSatisfy { nodes.indices.contains($0.from) && nodes.indices.contains($0.to) },
            "An edge refers to a node that does not exist")
        self.title = title
        self.nodes = nodes
        self.edges = edges
    }

    /// The edges coming into `node`, in the order they were given.
    func inputs(of node: Int) -> [Edge] {
        edges.filter { $0.to == node }
    }

    /// Each node's layer, counted from the left: the result sits in the last layer and every
    /// other node in the layer just before the latest node it feeds, so an input is drawn next
    /// to where it is used. Computed without recursion, by relaxing the edges until nothing
    /// changes (at most once per node).
    func layers() -> [Int] {
        var stepsToEnd = [Int](repeating: 0, count: nodes.count)
        for _ in 0..<nodes.count {
            var changed = false
            for edge in edges where stepsToEnd[edge.from] < stepsToEnd[edge.to] + 1 {
                stepsToEnd[edge.from] = stepsToEnd[edge.to] + 1
                changed = true
            }
            if !changed { break }
        }
        let deepest = stepsToEnd.max() ?? 0
        return stepsToEnd.map { deepest - $0 }
    }

    // MARK: - Text

    /// The graph as a tree of text lines, from `root` back to the inputs:
    ///
    ///     L = d × f               data −8.000  grad 1.000
    ///     ├─ d = e + c            data  4.000  grad −2.000   (∂L/∂d = f = −2.000)
    ///     │  ├─ e = a × b …
    ///
    /// Each node's lines are joined by two spaces; an arrow's label follows in parentheses. A
    /// node met a second time is written as "↑ name (again: see above)" and not expanded.
    public func renderTree(root: Int, _ options: RenderOptions = RenderOptions()) -> String {
        let (branch, last, pipe, blank) = options.ascii ? ("|- ", "`- ", "|  ", "   ") : ("├─ ", "└─ ", "│  ", "   ")
        var lines = wrapWords(title, width: options.width).split(separator: "\n").map { options.bold(String($0)) }
        var seen = Set<Int>()
        // Depth-first with an explicit stack: (node, prefix for its line, prefix for its children, label).
        var stack: [(node: Int, linePrefix: String, childPrefix: String, label: String)] = [(root, "", "", "")]
        while let (node, linePrefix, childPrefix, label) = stack.popLast() {
            let labelText = label.isEmpty ? "" : "   (\(label))"
            if seen.contains(node) {
                lines.append(
                    linePrefix + (options.ascii ? "^ " : "↑ ") + (nodes[node].lines.first ?? "") + " (again: see above)"
                        + labelText)
                continue
            }
            seen.insert(node)
            let incoming = inputs(of: node)
            // A node too long for the width goes on as many lines as it needs, under its name.
            let pieces = nodes[node].lines + (label.isEmpty ? [] : ["(\(label))"])
            var rows = [pieces[0]]
            let continuation = childPrefix + (incoming.isEmpty ? blank : pipe)
            for piece in pieces.dropFirst() {
                let prefixLength = rows.count == 1 ? linePrefix.count : continuation.count
                let separator = rows.count == 1 && piece.hasPrefix("(") ? "   " : "  "
                if prefixLength + rows[rows.count - 1].count + separator.count + piece.count > options.width {
                    rows.append(piece)
                } else {
                    rows[rows.count - 1] += separator + piece
                }
            }
            for (k, row) in rows.enumerated() {
                let text = nodes[node].highlighted ? options.bold(row) : row
                lines.append((k == 0 ? linePrefix : continuation) + text)
            }
            for (k, edge) in incoming.enumerated().reversed() {
                let isLast = k == incoming.count - 1
                stack.append(
                    (
                        edge.from, childPrefix + (isLast ? last : branch), childPrefix + (isLast ? blank : pipe),
                        edge.label
                    ))
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - SVG

    /// Where the SVG puts each box: its top-left corner and size.
    struct Box {
        var x: Double, y: Double, width: Double, height: Double
    }

    /// Boxes in columns by layer, each column as tall as its boxes, the whole centred vertically.
    func svgBoxes() -> (boxes: [Box], width: Double, height: Double) {
        let layer = layers()
        let lineHeight = 17.0
        let padding = 8.0
        let rowGap = 22.0
        let top = 50.0
        let left = 20.0
        let widths = nodes.map { node in max(60, 7.4 * Double(node.lines.map(\.count).max() ?? 0) + 2 * padding) }
        let heights = nodes.map { Double($0.lines.count) * lineHeight + 2 * padding - 4 }
        let columns = (layer.max() ?? 0) + 1
        let columnWidth = (0..<columns).map { c in nodes.indices.filter { layer[$0] == c }.map { widths[$0] }.max() ?? 0
        }
        let columnHeight = (0..<columns).map { c in
            nodes.indices.filter { layer[$0] == c }.map { heights[$0] + rowGap }.reduce(0, +) - rowGap
        }
        let tallest = columnHeight.max() ?? 0
        var boxes = [Box](repeating: Box(x: 0, y: 0, width: 0, height: 0), count: nodes.count)
        // The gap after each column leaves room for the labels of the arrows that leave it.
        let gaps = (0..<columns).map { (c: Int) -> Double in
            let labels: [Double] = edges.filter { layer[$0.from] == c }.map { Self.labelWidth($0.label) + 36 }
            return max(56, labels.max() ?? 0)
        }
        var x = left
        for c in 0..<columns {
            var y = top + (tallest - columnHeight[c]) / 2
            for node in nodes.indices where layer[node] == c {
                boxes[node] = Box(
                    x: x + (columnWidth[c] - widths[node]) / 2, y: y, width: widths[node], height: heights[node])
                y += heights[node] + rowGap
            }
            x += columnWidth[c] + gaps[c]
        }
        return (boxes, x - gaps[columns - 1] + left, top + tallest + 30)
    }

    /// The width in pixels of an arrow's label at font size 11.
    static func labelWidth(_ label: String) -> Double {
        label.isEmpty ? 0 : 6.4 * Double(label.count) + 8
    }

    /// The graph as a standalone SVG document: boxes in layers from left to right, arrows with
    /// their labels, a `<title>` and a `<desc>` listing the nodes.
    public func svg() -> String {
        let (boxes, contentWidth, contentHeight) = svgBoxes()
        let titleWidth: Double = 7.4 * Double(title.count) + 40
        let width = Int(max(contentWidth, titleWidth).rounded(.up))
        let height = Int(contentHeight.rounded(.up))
        let description =
            "Graph of \(nodes.count) nodes: " + nodes.map { $0.lines.joined(separator: " ") }.joined(separator: "; ")
        var svg = svgHeader(width: width, height: height, title: title, description: description)
        svg += """
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>

            """
        for edge in edges {
            let a = boxes[edge.from]
            let b = boxes[edge.to]
            let (x0, y0) = (a.x + a.width, a.y + a.height / 2)
            let (x1, y1) = (b.x, b.y + b.height / 2)
            let bend = (x1 - x0) / 2
            svg +=
                "<path d=\"M \(svgNumber(x0)) \(svgNumber(y0)) C \(svgNumber(x0 + bend)) \(svgNumber(y0)), \(svgNumber(x1 - bend)) \(svgNumber(y1)), \(svgNumber(x1)) \(svgNumber(y1))\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n"
            if !edge.label.isEmpty {
                // In the gap after the input's box, at the height the curve has there, on a white
                // patch so the arrow does not run through the text.
                let labelWidth = Self.labelWidth(edge.label)
                let mx = x0 + 12 + labelWidth / 2
                let t = 0.25
                let my = y0 + (y1 - y0) * (3 * t * t - 2 * t * t * t)
                svg +=
                    "<rect x=\"\(svgNumber(mx - labelWidth / 2))\" y=\"\(svgNumber(my - 11))\" width=\"\(svgNumber(labelWidth))\" height=\"15\" fill=\"white\" opacity=\"0.9\"/>"
                svg +=
                    "<text x=\"\(svgNumber(mx))\" y=\"\(svgNumber(my))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">\(xmlEscaped(edge.label))</text>\n"
            }
        }
        for (node, box) in zip(nodes, boxes) {
            let fill = node.highlighted ? "#FCE8C3" : "#F3F8FC"
            let stroke = node.highlighted ? RenderOptions.svgPalette[0] : RenderOptions.svgPalette[5]
            svg +=
                "<rect x=\"\(svgNumber(box.x))\" y=\"\(svgNumber(box.y))\" width=\"\(svgNumber(box.width))\" height=\"\(svgNumber(box.height))\" rx=\"6\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.5\"/>\n"
            for (k, line) in node.lines.enumerated() {
                let weight = k == 0 ? " font-weight=\"bold\"" : ""
                svg +=
                    "<text x=\"\(svgNumber(box.x + box.width / 2))\" y=\"\(svgNumber(box.y + 20 + 17 * Double(k)))\" text-anchor=\"middle\"\(weight)>\(xmlEscaped(line))</text>\n"
            }
        }
        svg += "</svg>\n"
        return svg
    }
}
