import Foundation
@testable import Plotting

/// Sample pictures of the newer types, shared by the geometry tests and by the preview writer.
enum PictureSamples {
    /// 50 points near y = 3x + 8 (a fixed, hand-rolled scatter: no random generator here).
    static let xs = (0..<50).map { Double($0) / 49 }
    static let ys = xs.enumerated().map { k, x in 3 * x + 8 + 0.3 * sin(Double(k) * 2.1) }

    /// The mean squared error of the line y = ax + b over the points.
    static func loss(_ a: Double, _ b: Double) -> Double {
        zip(xs, ys).map { (a * $0 + b - $1) * (a * $0 + b - $1) }.reduce(0, +) / Double(xs.count)
    }

    /// Gradient descent on (a, b) from (0, 0) with learning rate `rate`, `steps` steps.
    static func path(rate: Double, steps: Int) -> (a: [Double], b: [Double]) {
        var (a, b) = (0.0, 0.0)
        var path = (a: [a], b: [b])
        for _ in 0..<steps {
            var (ga, gb) = (0.0, 0.0)
            for (x, y) in zip(xs, ys) {
                let r = a * x + b - y
                ga += 2 * r * x / Double(xs.count)
                gb += 2 * r / Double(xs.count)
            }
            a -= rate * ga
            b -= rate * gb
            path.a.append(a)
            path.b.append(b)
        }
        return path
    }

    /// The loss over (a, b) with two descent paths on it.
    static var lossField: Chart {
        let field = Field(name: "loss", x: -2...8, y: -1...13, samples: 121) { loss($0, $1) }
        let slow = path(rate: 0.1, steps: 60)
        let zigzag = path(rate: 0.7, steps: 40)
        return Chart(
            title: "Loss over (a, b) with two descent paths", xLabel: "a (slope)", yLabel: "b (intercept)",
            series: [
                Series("lr 0.1", x: slow.a, y: slow.b), Series("lr 0.7", x: zigzag.a, y: zigzag.b),
                Series("start", x: [0], y: [0], style: .points)
            ],
            background: field)
    }

    /// A confusion matrix of ten digit classes: about 36 test images each, a few mistakes.
    static var confusion: MatrixHeatMap {
        var counts = (0..<10).map { row in (0..<10).map { $0 == row ? 36 - row % 3 : 0 } }
        for (t, p, n) in [(1, 8, 2), (3, 8, 1), (8, 1, 3), (9, 5, 1), (7, 9, 2), (4, 0, 1), (5, 9, 1)] {
            counts[t][p] = n
        }
        let digits = (0..<10).map(String.init)
        return MatrixHeatMap(
            title: "Confusion matrix on the test set", rowTitle: "true digit", columnTitle: "predicted digit",
            rowLabels: digits, columnLabels: digits, counts: counts)
    }
}
