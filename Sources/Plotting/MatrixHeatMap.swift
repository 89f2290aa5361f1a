import Foundation

/// A table of numbers drawn as a heat map with its labels: each cell shows its number and is
/// shaded by it (darker for larger), rows and columns are named, and the two axes have titles.
/// A confusion matrix is one (rows: the true class, columns: the predicted class, counts in the
/// cells), but the type knows nothing of classes: any non-negative table will do.
///
/// Shading runs linearly from 0 (no shade) to the largest value in the table. Exact zeros print
/// as a dot, so in a confusion matrix the diagonal and the few mistakes stand out.
public struct MatrixHeatMap: Sendable {
    /// The title above the map.
    public var title: String
    /// What the rows are ("true class").
    public var rowTitle: String
    /// What the columns are ("predicted class").
    public var columnTitle: String
    /// One label per row.
    public var rowLabels: [String]
    /// One label per column.
    public var columnLabels: [String]
    /// The values, one array per row.
    public var values: [[Double]]
    /// Decimals of the printed numbers (0 for counts).
    public var decimals: Int

    /// A heat map of `values` (one array per row, each as long as `columnLabels`).
    public init(
        title: String, rowTitle: String, columnTitle: String, rowLabels: [String], columnLabels: [String],
        values: [[Double]], decimals: Int = 0
    ) {
        precondition(
            values.count == rowLabels.count,
            "\(rowLabels.count) row labels need \(rowLabels.count) rows, got \(values.count)")
        precondition(
            values.allSatisfy { $0.count == columnLabels.count },
            "every row needs \(columnLabels.count) values, one per column label")
        self.title = title
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.decimals = decimals
    }

    /// A heat map of counts (a confusion matrix: `counts[true][predicted]`).
    public init(
        title: String, rowTitle: String, columnTitle: String, rowLabels: [String], columnLabels: [String],
        counts: [[Int]]
    ) {
        self.init(
            title: title, rowTitle: rowTitle, columnTitle: columnTitle, rowLabels: rowLabels,
            columnLabels: columnLabels,
            values: counts.map { $0.map(Double.init) }, decimals: 0)
    }

    /// The largest finite value, the top of the shading (1 when there is none above zero).
    public var largest: Double {
        let top = values.joined().filter(\.isFinite).max() ?? 0
        return top > 0 ? top : 1
    }

    /// Where a value sits on the shading: 0 (none) … 1 (the largest), 0 for what is not finite.
    func shade(_ value: Double) -> Double {
        value.isFinite ? min(max(value / largest, 0), 1) : 0
    }

    /// A value as printed in a cell: fixed decimals, a dot for exactly zero, "nan" and "inf" as such.
    func cellText(_ value: Double, ascii: Bool) -> String {
        value == 0 ? (ascii ? "." : "·") : formatFixed(value, decimals: decimals)
    }
}
