import XCTest
import LessonSupport

/// The lesson-support text helpers, on hand-made inputs.
final class TextTests: XCTestCase {
    /// A limit printed beside a rate stays on its side of it: 0.714954 is not "0.715" beside 0.715.
    func testFixedApartFromKeepsItsSide() {
        XCTAssertEqual(fixed(0.714_954, 3, apartFrom: 0.715), "0.71495")
        XCTAssertEqual(fixed(0.714_954, 3, apartFrom: 0.72), "0.715")
        XCTAssertEqual(fixed(0.715_04, 3, apartFrom: 0.715), "0.71504")
        XCTAssertEqual(fixed(0.5, 3, apartFrom: 0.5), "0.500")
    }

    func testListsAreJoinedAsASentenceJoinsThem() {
        XCTAssertEqual(listed([]), "")
        XCTAssertEqual(listed(["2"]), "2")
        XCTAssertEqual(listed(["2", "4"]), "2 and 4")
        XCTAssertEqual(listed(["1", "3", "5–7"]), "1, 3 and 5–7")
    }

    func testAnUpperBoundIsRoundedUp() {
        // Lesson 9's widest angles on three seeds: 3.83°, 3.93°, 8.45° are within 3.9°, 4.0°, 8.5°.
        XCTAssertEqual(fixedUpperBound(3.83, 1), "3.9")
        XCTAssertEqual(fixedUpperBound(3.93, 1), "4.0")
        XCTAssertEqual(fixedUpperBound(8.45, 1), "8.5")
        XCTAssertEqual(fixedUpperBound(3.8, 1), "3.8", "a value already on the grid stays")
        XCTAssertEqual(fixedUpperBound(0.001, 2), "0.01")
        for i in 0..<2000 {
            let value = Double(i) * 0.0437
            XCTAssertGreaterThanOrEqual(Double(fixedUpperBound(value, 1))!, value)
            XCTAssertLessThan(Double(fixedUpperBound(value, 1))! - value, 0.1 + 1e-12)
        }
    }

    func testWrappingBreaksAtSpacesWithinTheWidth() {
        XCTAssertEqual(wrapped("one two three four", width: 9), "one two\nthree\nfour")
        XCTAssertEqual(wrapped("short", width: 80), "short")
        XCTAssertEqual(wrapped("  indented words here", width: 12), "  indented\n  words here")
        XCTAssertEqual(wrapped("first line\nsecond", width: 6), "first\nline\nsecond")
        XCTAssertEqual(wrapped("averyveryverylongword x", width: 5), "averyveryverylongword\nx")
    }

    func testFormulasAreNeverBroken() {
        // Without the rule, width 30 would break after "f(Σ".
        XCTAssertEqual(
            wrapped("A neuron computes y = f(Σ wᵢxᵢ + b) from its inputs.", width: 30),
            "A neuron computes\ny = f(Σ wᵢxᵢ + b) from its\ninputs.")
        // Two formulas on one line are separate units.
        XCTAssertEqual(
            wrapped("so tanh(x) = 2σ(2x) − 1 and σ′(x) = σ(x)(1 − σ(x)) here", width: 34),
            "so tanh(x) = 2σ(2x) − 1 and\nσ′(x) = σ(x)(1 − σ(x)) here")
        // Short parenthesised groups stay whole, long ones may break.
        XCTAssertEqual(wrapped("the point (0.25, 8.75) is", width: 15), "the point\n(0.25, 8.75) is")
        // A formula longer than the line breaks before an operator, never after one.
        XCTAssertEqual(wrapped("loss = a + b + c + d + e", width: 12), "loss = a + b\n+ c + d + e")
    }

    func testASumMayStartALineAfterProseButNotInsideAFormula() {
        XCTAssertEqual(wrapped("it changes by about Σ a·b here", width: 20), "it changes by about\nΣ a·b here")
        XCTAssertEqual(wrapped("so loss = (1/N) Σ e² here", width: 18), "so\nloss = (1/N) Σ e²\nhere")
    }

    func testListItemsGetAHangingIndent() {
        XCTAssertEqual(wrapped("1. one two three four", width: 13), "1. one two\n   three four")
        XCTAssertEqual(wrapped("  - alpha beta gamma", width: 14), "  - alpha beta\n    gamma")
    }

    func testWrappedLinesFitAndKeepEveryWord() {
        let text = (1...60).map { "word\($0)" }.joined(separator: " ")
        let lines = wrapped(text, width: 40).split(separator: "\n")
        XCTAssertTrue(lines.allSatisfy { $0.count <= 40 })
        XCTAssertEqual(lines.joined(separator: " "), text)
    }

    func testNumberHelpers() {
        XCTAssertEqual(sumText([0.4, -0.2, 0.8]), "0.40 − 0.20 + 0.80")
        XCTAssertEqual(sumText([-1]), "−1.00")
        XCTAssertEqual(signed(-1.25), "−1.25")
        XCTAssertEqual(signed(0.5), "+0.50")
        XCTAssertEqual(fixed(2.0 / 3, 3), "0.667")
    }

    func testTableAlignsNumbersRightAndTextLeft() {
        var table = Table(["name", "value"])
        table.add(["a", "1.5"])
        table.add(["bbb", "-10.25"])
        XCTAssertEqual(
            table.rendered(),
            """
              name   value
              ────────────
              a        1.5
              bbb   -10.25
            """)
    }

    func testLongTablesAreTrimmedWithACount() {
        var table = Table(["k"])
        for k in 1...10 { table.add(["\(k)"]) }
        XCTAssertEqual(
            table.rendered(maxRows: 4),
            """
               k
              ──
               1
               2
              … 6 more rows not shown …
               9
              10
            """)
        XCTAssertEqual(table.rendered(maxRows: 10), table.rendered())
    }

    func testPlainASCIISpellings() {
        XCTAssertEqual(asciiOnly("e⁻ˣ and x² and wᵢ and x₁₂"), "e^(-x) and x^2 and w_i and x_(12)")
        XCTAssertEqual(asciiOnly("σ′(x) = σ(x)(1 − σ(x))"), "sigma'(x) = sigma(x)(1 - sigma(x))")
        XCTAssertEqual(asciiOnly("plain"), "plain")
        XCTAssertTrue(asciiOnly("漢").allSatisfy(\.isASCII))
    }

    func testSquareRootsReadInASCII() {
        // A name or a number under the root is put in brackets…
        XCTAssertEqual(asciiOnly("√λ_max + √λ_min"), "sqrt(lambda_max) + sqrt(lambda_min)")
        XCTAssertEqual(asciiOnly("(√κ − 1)/(√κ + 1)"), "(sqrt(kappa) - 1)/(sqrt(kappa) + 1)")
        XCTAssertEqual(asciiOnly("−lr·m̂/(√ŝ + ε)"), "-lr*m^/(sqrt(s^) + eps)")
        XCTAssertEqual(asciiOnly("1/√2.5, and √N."), "1/sqrt(2.5), and sqrt(N).")
        XCTAssertEqual(asciiOnly("√n_in and √x₁₂"), "sqrt(n_in) and sqrt(x_(12))")
        // …a bracketed one stays as it is, and a root with nothing after it is the word.
        XCTAssertEqual(asciiOnly("√(a + b)"), "sqrt(a + b)")
        XCTAssertEqual(asciiOnly("√((a − a*)² + 1)"), "sqrt((a - a*)^2 + 1)")
        XCTAssertEqual(asciiOnly("√ŝ\"]"), "sqrt(s^)\"]")
        XCTAssertEqual(asciiOnly("the √ of it"), "the sqrt of it")
    }

    func testASCIITablesLineUpAfterSpelling() {
        Table.plainASCII = true
        defer { Table.plainASCII = false }
        var table = Table(["x", "σ(x)"])
        table.add(["0.0", "0.5"])
        XCTAssertEqual(
            table.rendered(),
            """
                x  sigma(x)
              -------------
              0.0       0.5
            """)
    }

    func testFactorTextNeverRoundsAFactorBelowOneUpToOne() {
        XCTAssertEqual(factorText(0.9366), "0.937")
        XCTAssertEqual(factorText(0.99999999), "0.99999999")
        XCTAssertEqual(factorText(1.2381), "1.238")
    }
}
