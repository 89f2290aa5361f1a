import XCTest

@testable import DeepLearning

/// The fast forms of the convolution's backward pass against the plain ones, bit for bit, on
/// random geometries with odd sizes, several channels, kernels wider than the image's border and
/// paddings from "valid" to more than "same".
final class ConvolutionSpeedTests: XCTestCase {
    static let geometries: [ConvolutionGeometry] = [
        ConvolutionGeometry(height: 8, width: 8, channels: 1, kernel: 3, padding: 1),
        ConvolutionGeometry(height: 8, width: 8, channels: 16, kernel: 3, padding: 1),
        ConvolutionGeometry(height: 5, width: 7, channels: 3, kernel: 3, padding: 0),
        ConvolutionGeometry(height: 7, width: 5, channels: 1, kernel: 5, padding: 2),
        ConvolutionGeometry(height: 3, width: 4, channels: 2, kernel: 2, padding: 1),
        ConvolutionGeometry(height: 4, width: 3, channels: 1, kernel: 4, padding: 3),
        ConvolutionGeometry(height: 1, width: 1, channels: 5, kernel: 1, padding: 0),
        ConvolutionGeometry(height: 6, width: 9, channels: 7, kernel: 3, padding: 2)
    ]

    /// `patchMatrix`, a run of offsets at a time, copies the entries of the walk.
    func testPatchMatrixEqualsTheWalk() {
        var generator = SeededGenerator(seed: 40)
        for g in Self.geometries {
            for count in [1, 3] {
                let maps = Matrix.random(rows: count * g.height * g.width, columns: g.channels, using: &generator)
                XCTAssertEqual(
                    patchMatrix(maps, geometry: g), patchMatrixByWalk(maps, geometry: g), "\(g), \(count) maps")
            }
        }
    }

    /// The pixel-by-pixel `addPatchesBack` adds each pixel's entries in the walk's order.
    func testAddPatchesBackGivesTheWalksBits() {
        var generator = SeededGenerator(seed: 41)
        for g in Self.geometries {
            for count in [1, 3] {
                let patches = Matrix.random(
                    rows: count * g.outputHeight * g.outputWidth, columns: g.patchSize, using: &generator)
                XCTAssertEqual(
                    addPatchesBack(patches, geometry: g).values, addPatchesBackByScatter(patches, geometry: g).values,
                    "\(g), \(count) maps")
            }
        }
    }

    /// The backward pass from the forward pass's patch matrix equals the one that builds it again.
    func testBackwardFromThePatchesEqualsTheBackwardFromTheMaps() {
        var generator = SeededGenerator(seed: 42)
        for g in Self.geometries {
            let maps = Matrix.random(rows: 3 * g.height * g.width, columns: g.channels, using: &generator)
            let filters = Matrix.random(rows: g.patchSize, columns: 5, using: &generator)
            let gradient = Matrix.random(rows: 3 * g.outputHeight * g.outputWidth, columns: 5, using: &generator)
            let fromMaps = convolutionBackward(gradient, maps: maps, filters: filters, geometry: g)
            let fromPatches = convolutionBackward(
                gradient, patches: patchMatrix(maps, geometry: g), filters: filters, geometry: g)
            XCTAssertEqual(fromPatches.filters, fromMaps.filters, "\(g)")
            XCTAssertEqual(fromPatches.bias, fromMaps.bias, "\(g)")
            XCTAssertEqual(fromPatches.maps, fromMaps.maps, "\(g)")
        }
    }
}
