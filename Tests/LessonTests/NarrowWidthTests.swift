import XCTest

@testable import LessonSupport

/// Text at a narrow width: tables reflowed so every line fits and no cell is lost, and formulas
/// longer than a line broken so they fit.
final class NarrowWidthTests: XCTestCase {
    /// Tables like the lessons': numbers, long headers, text cells, an empty header.
    private var samples: [Table] {
        var epochs = Table(["epoch", "lr", "training loss", "training accuracy", "validation accuracy"])
        for k in 1...12 { epochs.add(["\(k)", "27.55", "0.07274", "59.83 %", "59.40 %"]) }
        var methods = Table(["method", "lr", "training loss mean", "range", "test accuracy mean", "range"])
        methods.add(["momentum, one cycle", "≤ 3.533", "0.0055", "0.0054–0.0056", "95.03 %", "94.82–95.38 %"])
        methods.add(["SGD", "10.000", "0.0088", "0.0080–0.0095", "94.06 %", "92.99–94.77 %"])
        var adam = Table(["step", "", "g", "m", "s", "m̂", "√ŝ", "step −lr·m̂/√ŝ"])
        adam.add(["1", "a", "-12.549", "-1.255", "0.157", "-12.549", "12.549", "0.100"])
        adam.add(["1", "b", "-19.757", "-1.976", "0.390", "-19.757", "19.757", "0.100"])
        var words = Table(["a", "∂loss/∂a", "sign", "a step −lr·∂loss/∂a moves a"])
        words.add(["0.831", "-1.7773", "negative", "up: go on, towards the bottom of the valley"])
        return [epochs, methods, adam, words]
    }

    func testEveryLineOfAReflowedTableFits() {
        for (index, table) in samples.enumerated() {
            for width in [40, 45, 50, 60, 80] {
                for line in table.rendered(width: width).split(separator: "\n") {
                    XCTAssertLessThanOrEqual(line.count, width, "table \(index) at width \(width): \(line)")
                }
            }
        }
    }

    func testNoCellIsLostWhenATableIsReflowed() {
        for (index, table) in samples.enumerated() {
            for width in [40, 45, 50, 60, 80, 300] {
                let words = table.rendered(width: width).split(whereSeparator: { $0 == " " || $0 == "\n" })
                // Every header word is printed (a header may be set on two lines)…
                for word in table.headers.flatMap({ $0.split(separator: " ") }) {
                    XCTAssertTrue(words.contains(word), "table \(index) at width \(width) lost \(word)")
                }
                // …and the words of the rows come in order, none left out.
                let expected = table.rows.joined().flatMap { $0.split(separator: " ") }
                var next = expected.startIndex
                for word in words where next < expected.endIndex && word == expected[next] { next += 1 }
                XCTAssertEqual(next, expected.endIndex, "table \(index) at width \(width) lost a cell")
            }
        }
    }

    func testLongHeadersGoOnTwoLinesBeforeATableBecomesRecords() {
        var table = Table(["epoch", "training loss", "validation accuracy"])
        table.add(["1", "0.07274", "59.40 %"])
        XCTAssertEqual(
            table.rendered(width: 30),
            """
                     training  validation
              epoch      loss    accuracy
              ───────────────────────────
                  1   0.07274     59.40 %
            """)
    }

    func testATableTooWideForColumnsIsPrintedAsOneBlockPerRow() {
        var table = Table(["method", "", "steps to 0.001", "distance after 3000"])
        table.add(["momentum, best β 0.482 lr 1.026", "x", "37", "1.78e-15"])
        table.add(["Adam lr 1", "y", "196", "1.78e-15"])
        XCTAssertEqual(
            table.rendered(width: 40),
            """
              ──────────────────────────────────────
              method               momentum, best β
                                   0.482 lr 1.026  x
              steps to 0.001       37
              distance after 3000  1.78e-15
              ──────────────────────────────────────
              method               Adam lr 1  y
              steps to 0.001       196
              distance after 3000  1.78e-15
              ──────────────────────────────────────
            """)
    }

    func testATrimmedTableKeepsItsCountLineWhenReflowed() {
        var table = Table(["iteration", "loss, zeroing", "loss, never zeroing"])
        for k in 0..<10 { table.add(["\(k)", "98.1812", "101.4389"]) }
        let text = table.rendered(maxRows: 4, width: 40)
        XCTAssertTrue(text.contains("… 6 more rows not shown …"), text)
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 40 }, text)
    }

    func testAFormulaLongerThanALineBreaksBeforeAnOperatorAndFits() {
        let formula = "  (XW₁ + B₁)W₂ + B₂ = X(W₁W₂) + (B₁W₂ + B₂)"
        let lines = wrapped(formula, width: 40).split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("  + ") || $0.hasPrefix("  = ") }, "\(lines)")
        XCTAssertEqual(lines.joined(separator: " ").split(separator: " "), formula.split(separator: " "))
        // A bracket group too long for any line is broken at a space as a last resort.
        let group = "  momentum: lr = 4/(sqrtlambda_max + sqrtlambda_min)^2 = 1.026"
        XCTAssertTrue(wrapped(group, width: 40).split(separator: "\n").allSatisfy { $0.count <= 40 })
    }

    func testATablePrintedRowByRowKeepsOneLayoutWhenItsSpaceIsReserved() {
        var table = Table(["epoch", "lr", "training loss", "training accuracy", "validation accuracy"])
        table.reserveSpace(for: ["12", "27.55", "0.00000", "100.00 %", "100.00 %"])
        var printed = table.rendered(width: 40).split(separator: "\n").map(String.init)
        for (k, rate) in ["3.00", "27.55", "12.82"].enumerated() {
            table.add(["\(k + 1)", rate, "0.07274", "59.83 %", "59.40 %"])
            printed.append(String(table.rendered(width: 40).split(separator: "\n").last!))
        }
        // What was printed piece by piece is the table as a whole.
        XCTAssertEqual(printed.joined(separator: "\n"), table.rendered(width: 40))
        XCTAssertTrue(printed.allSatisfy { $0.count <= 40 })
    }

    func testABlankThatMeansSameAsAboveIsFilledInARecord() {
        var table = Table(["value", "made by", "input", "∂value/∂input", "because"])
        table.blanksRepeatAbove(["value", "made by", "because"])
        table.add(["x₁w₁", "×", "x₁", "0.8000", "the other factor"])
        table.add(["", "", "w₁", "1.5000", ""])
        // As columns the blank stays: the eye reads it from the row above.
        XCTAssertEqual(
            table.rendered(width: 80),
            """
              value  made by  input  ∂value/∂input  because
              ──────────────────────────────────────────────────────
              x₁w₁   ×        x₁            0.8000  the other factor
                              w₁            1.5000
            """)
        // As records each block stands alone, so it says whose input w₁ is.
        XCTAssertEqual(
            table.rendered(width: 40),
            """
              ───────────────────────────────
              value          x₁w₁
              made by        ×
              input          x₁
              ∂value/∂input  0.8000
              because        the other factor
              ───────────────────────────────
              value          x₁w₁
              made by        ×
              input          w₁
              ∂value/∂input  1.5000
              because        the other factor
              ───────────────────────────────
            """)
    }

    func testABlankThatMeansNothingIsStillLeftOutOfARecord() {
        // The first row's blank has no value above it; the last column's blank means "not measured".
        var table = Table(["", "loss", "largest difference"])
        table.blanksRepeatAbove(["loss"])
        table.add(["tracked values", "2.11700654340000", ""])
        table.add(["matrix backprop", "", "4.4e-16"])
        XCTAssertEqual(
            table.rendered(width: 40),
            """
              ────────────────────────────────────
                                  tracked values
              loss                2.11700654340000
              ────────────────────────────────────
                                  matrix backprop
              loss                2.11700654340000
              largest difference  4.4e-16
              ────────────────────────────────────
            """)
    }
}
