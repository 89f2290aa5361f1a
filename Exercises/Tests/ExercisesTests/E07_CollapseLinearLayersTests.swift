import XCTest
import Foundation
import ExerciseChecks
@testable import E07_CollapseLinearLayers

/// Checks of exercise 7 · Two linear layers collapse into one.
final class E07_CollapseLinearLayersTests: XCTestCase {
    let exercise = Exercise(lesson: 3, failure: XCTFail)

    /// "1×2", "0×0": a matrix's shape as lesson 3 prints it.
    func shape(_ m: [[Double]]) -> String {
        "\(m.count)×\(m.first?.count ?? 0)"
    }

    /// XW + B with B added to every row, written here without the exercise's helper.
    func layer(_ x: [[Double]], _ w: [[Double]], _ b: [[Double]]) -> [[Double]] {
        x.map { (row: [Double]) -> [Double] in
            (0..<b[0].count).map { (j: Int) -> Double in
                var sum = b[0][j]
                for l in 0..<row.count { sum += row[l] * w[l][j] }
                return sum
            }
        }
    }

    func randomMatrix(_ rows: Int, _ columns: Int, _ random: inout TestRandom) -> [[Double]] {
        (0..<rows).map { _ in (0..<columns).map { _ in random.uniform(-2, 2) } }
    }

    /// B′ has one row of `count` numbers, or a message naming the shape that came.
    func expectBiasRow(_ b: [[Double]], count: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line)
        -> Bool
    {
        let ok = b.count == 1 && b[0].count == count
        exercise.expect(
            ok, "the shape of B′ \(what)", expected: "1×\(count) (one row, like B₂)", got: shape(b), file: file,
            line: line)
        return ok
    }

    func test1_ByHand() {
        // W₁ = [[1, 2], [0, 1]], B₁ = [[1, −1]], W₂ = [[3, 0], [4, 1]], B₂ = [[0.5, 2]]:
        // B₁W₂ = [[1·3 − 1·4, 1·0 − 1·1]] = [[−1, −1]], so B′ = [[−0.5, 1]]; W′ = [[11, 2], [4, 1]].
        let result = collapse(w1: [[1, 2], [0, 1]], b1: [[1, -1]], w2: [[3, 0], [4, 1]], b2: [[0.5, 2]])
        exercise.expectClose(
            result.w, [[11, 2], [4, 1]], tolerance: 1e-12, "W′ = W₁W₂ by hand (given: did you change it?)")
        guard expectBiasRow(result.b, count: 2, "in the 2 → 2 → 2 example") else { return }
        let nudge: String
        switch result.b[0] {
        case [1.5, 1]:
            nudge = "That is B₁ + B₂: B₁ passes through the second layer too, so it is multiplied by W₂ first."
        case [-1, -1]: nudge = "That is B₁W₂ alone: the second layer then adds its own bias B₂."
        default: nudge = ""
        }
        exercise.expectClose(result.b[0], [-0.5, 1], tolerance: 1e-12, "B′ = B₁W₂ + B₂ by hand, the row", nudge: nudge)
    }

    func test2_ShapesOfLessonThreesLayers() {
        // Lesson 3, step 6: 3 inputs → 4 → 2, so W′ is 3×2 and B′ is 1×2.
        var random = TestRandom(seed: 3)
        let w1 = randomMatrix(3, 4, &random)
        let b1 = randomMatrix(1, 4, &random)
        let w2 = randomMatrix(4, 2, &random)
        let b2 = randomMatrix(1, 2, &random)
        let result = collapse(w1: w1, b1: b1, w2: w2, b2: b2)
        exercise.expectEqual(shape(result.w), "3×2", "the shape of W′ for layers 3 → 4 → 2")
        _ = expectBiasRow(result.b, count: 2, "for layers 3 → 4 → 2")
    }

    func test3_SameOutputsOnRandomInputs() {
        var random = TestRandom(seed: 33)
        for (nIn, nHidden, nOut) in [(3, 4, 2), (2, 5, 3), (4, 1, 1)] {
            let w1 = randomMatrix(nIn, nHidden, &random)
            let b1 = randomMatrix(1, nHidden, &random)
            let w2 = randomMatrix(nHidden, nOut, &random)
            let b2 = randomMatrix(1, nOut, &random)
            let result = collapse(w1: w1, b1: b1, w2: w2, b2: b2)
            let layers = "layers \(nIn) → \(nHidden) → \(nOut)"
            guard expectBiasRow(result.b, count: nOut, "for \(layers)"), shape(result.w) == "\(nIn)×\(nOut)" else {
                return
            }
            let x = randomMatrix(5, nIn, &random)
            let twoLayers = layer(layer(x, w1, b1), w2, b2)
            let oneLayer = layer(x, result.w, result.b)
            // The first input whose outputs differ is enough to say it; the others would repeat it.
            if let k = x.indices.first(where: { k in
                zip(oneLayer[k], twoLayers[k]).contains { !(abs($0 - $1) <= 1e-12) }
            }) {
                exercise.expectClose(
                    oneLayer[k], twoLayers[k], tolerance: 1e-12,
                    "XW′ + B′ against (XW₁ + B₁)W₂ + B₂ for random input \(shown(x[k])), \(layers)",
                    nudge: "Every input gets the same B′: the part of (XW₁ + B₁)W₂ + B₂ without X.")
                return
            }
        }
    }
}
