/// One image, given as `height` × `width` pixels row by row, moved `down` rows and `right`
/// columns (negative: up, left); the pixels that come in from outside are 0:
///
///     S[y, x] = X[y − down, x − right]   when that pixel lies inside the image, else 0
///
/// A digit moved by one pixel is still the same digit: training on such copies ("data
/// augmentation") shows a network more ways each digit can sit in its 8×8 box.
public func shiftedImage(_ pixels: [Double], height: Int, width: Int, down: Int, right: Int) -> [Double] {
    precondition(
        pixels.count == height * width,
        "An image of \(height)×\(width) has \(height * width) pixels, got \(pixels.count)")
    var result = [Double](repeating: 0, count: pixels.count)
    for y in 0..<height {
        let from = y - down
        guard from >= 0 && from < height else { continue }
        for x in 0..<width {
            let source = x - right
            guard source >= 0 && source < width else { continue }
            result[y * width + x] = pixels[from * width + source]
        }
    }
    return result
}

/// Every image of a batch (one per row) moved by its own random shift (down, right), each of the
/// two drawn uniformly from −`maximumShift` … `maximumShift` by `generator` (so the same seed
/// gives the same copies). With `maximumShift` 1 an image stays put with probability 1/9.
public func randomlyShiftedImages(
    _ images: Matrix, height: Int, width: Int, maximumShift: Int = 1, using generator: inout SeededGenerator
) -> Matrix {
    precondition(
        images.columns == height * width && maximumShift >= 0,
        "Images of \(height)×\(width) need \(height * width) columns and a shift ≥ 0, got \(images.shape)")
    var values: [Double] = []
    values.reserveCapacity(images.values.count)
    let choices = 2 * maximumShift + 1
    for n in 0..<images.rows {
        let down = generator.index(below: choices) - maximumShift
        let right = generator.index(below: choices) - maximumShift
        values += shiftedImage(images.row(n), height: height, width: width, down: down, right: right)
    }
    return Matrix(rows: images.rows, columns: images.columns, values: values)
}
