import Foundation

// MARK: - Training without allocation: one workspace for every step of an epoch
//
// `Network.lossAndGradients` and `StochasticGradientDescent.update` are the readable form of a
// training step: each returns new matrices. An epoch of `trainOneEpoch` takes hundreds or
// thousands of such steps, and on small batches allocating and freeing those matrices costs as
// much as the arithmetic. This workspace holds every buffer a step needs, sized for the largest
// batch, and runs the same step in place: the same kernels and the same element formulas
// (`Activation.apply`, `Activation.backward`, `StochasticGradientDescent.step`, the MSE below)
// in the same order, so it gives the same bits as the readable form; the tests check that.

/// The buffers of one training step for a given network shape and largest batch.
final class TrainingWorkspace {
    let sizes: [Int]
    let capacity: Int
    /// The batch's input rows X₀ and its target rows.
    let input: UnsafeMutablePointer<Double>, target: UnsafeMutablePointer<Double>
    /// For each layer: Z_l, X_l = f(Z_l), the gradient dX_l (turned into dZ_l in place), dW_l,
    /// dB_l, and W_lᵀ (copied before dZ·W_lᵀ, so that the product reads it row by row).
    let preactivations: [UnsafeMutablePointer<Double>], outputs: [UnsafeMutablePointer<Double>]
    let gradients: [UnsafeMutablePointer<Double>]
    let weightGradients: [UnsafeMutablePointer<Double>], biasGradients: [UnsafeMutablePointer<Double>]
    let transposedWeights: [UnsafeMutablePointer<Double>]

    init(sizes: [Int], capacity: Int) {
        self.sizes = sizes
        self.capacity = capacity
        let layers = sizes.count - 1
        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let pointer = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            return pointer
        }
        input = buffer(capacity * sizes[0])
        target = buffer(capacity * sizes[layers])
        preactivations = (1...layers).map { buffer(capacity * sizes[$0]) }
        outputs = (1...layers).map { buffer(capacity * sizes[$0]) }
        gradients = (1...layers).map { buffer(capacity * sizes[$0]) }
        weightGradients = (0..<layers).map { buffer(sizes[$0] * sizes[$0 + 1]) }
        transposedWeights = (0..<layers).map { buffer(sizes[$0] * sizes[$0 + 1]) }
        biasGradients = (1...layers).map { buffer(sizes[$0]) }
    }

    deinit {
        for pointer in [input, target] + preactivations + outputs + gradients + weightGradients + transposedWeights
            + biasGradients
        { pointer.deallocate() }
    }

    /// One step on the rows `batch` of (inputs, targets): forward, the loss and its gradient
    /// (the mean squared error, 2(Y − Z)/(N·n_out), or softmax with cross-entropy, (P − Y)/N),
    /// backward, and `optimizer`'s update of every layer. Returns the batch's loss.
    func step(
        _ network: inout Network, inputs: Matrix, targets: Matrix, batch: [Int],
        optimizer: StochasticGradientDescent, loss lossKind: TrainingLoss = .meanSquaredError
    ) -> Double {
        var sgd = optimizer
        return step(&network, inputs: inputs, targets: targets, batch: batch, optimizer: &sgd, loss: lossKind)
    }

    /// The same step with any optimiser, which may keep state between steps (lesson 14).
    func step<Optimizer: NetworkOptimizer>(
        _ network: inout Network, inputs: Matrix, targets: Matrix, batch: [Int],
        optimizer: inout Optimizer,
        loss lossKind: TrainingLoss = .meanSquaredError
    ) -> Double {
        let rows = batch.count
        precondition(rows > 0 && rows <= capacity, "A batch of \(rows) rows does not fit a workspace for \(capacity)")
        let layerCount = network.layers.count
        gather(inputs, batch, into: input)
        gather(targets, batch, into: target)
        /// The input of layer l: the batch's rows for the first layer, the previous layer's output after.
        func inputOf(_ l: Int) -> UnsafePointer<Double> { UnsafePointer(l == 0 ? input : outputs[l - 1]) }

        // Forward: Z_l = X_{l−1}W_l + B_l, X_l = f(Z_l).
        for l in 0..<layerCount {
            let nIn = sizes[l]
            let nOut = sizes[l + 1]
            let count = rows * nOut
            let layer = network.layers[l]
            layer.weights.values.withUnsafeBufferPointer { w in
                layer.bias.values.withUnsafeBufferPointer { b in
                    multiply(
                        StridedOperand(base: inputOf(l), rowStride: nIn, columnStride: 1),
                        StridedOperand(base: w.baseAddress!, rowStride: nOut, columnStride: 1),
                        into: preactivations[l], m: rows, n: nOut, k: nIn, row: b.baseAddress!)
                }
            }
            layer.activation.apply(
                UnsafeBufferPointer(start: preactivations[l], count: count),
                into: UnsafeMutableBufferPointer(start: outputs[l], count: count))
        }

        // The loss and its gradient, as meanSquaredError and meanSquaredErrorGradient compute them.
        let last = layerCount - 1
        let count = rows * sizes[layerCount]
        let y = outputs[last]
        let t = target
        let d = gradients[last]
        let loss: Double
        switch lossKind {
        case .meanSquaredError:
            var sum = 0.0
            let n = Double(count)
            for k in 0..<count {
                let error = t[k] - y[k]
                sum += error * error
            }
            // d = 2(Y − T)/N, four numbers at a time (each lane the same steps as one number).
            var k = 0
            while k + 4 <= count {
                let difference = load4(y + k) - load4(t + k)
                store4(2 * difference / SIMD4(repeating: n), d + k)
                k += 4
            }
            while k < count {
                d[k] = 2 * (y[k] - t[k]) / n
                k += 1
            }
            loss = sum / n
        case .softmaxCrossEntropy:
            // As softmaxCrossEntropy and softmaxCrossEntropyGradient compute them: P into d, then
            // L = (1/N) Σᵢ Σₖ yᵢₖ(−log pᵢₖ) and d ← (P − Y)/N.
            let classes = sizes[layerCount]
            softmaxRows(
                UnsafeBufferPointer(start: y, count: count), into: UnsafeMutableBufferPointer(start: d, count: count),
                rows: rows, columns: classes)
            var sum = 0.0
            for i in 0..<rows {
                let start = i * classes
                var m = y[start]
                for k in start..<(start + classes) where y[k] > m { m = y[k] }
                var exponentials = 0.0
                for k in start..<(start + classes) { exponentials += exp(y[k] - m) }
                let lse = m + log(exponentials)  // logSumExp of the row, without an array
                var rowLoss = 0.0
                for k in start..<(start + classes) where t[k] != 0 { rowLoss += t[k] * (lse - y[k]) }
                sum += rowLoss
            }
            let n = Double(rows)
            for k in 0..<count { d[k] = (d[k] - t[k]) / n }
            loss = sum / n
        }

        // Backward, last layer first: dZ = dX ⊙ f′, dW = X_{l−1}ᵀ dZ, dB = Σ rows of dZ,
        // dX_{l−1} = dZ W_lᵀ (not for the first layer), then the update of layer l, whose
        // weights nothing else in this step reads any more.
        for l in stride(from: last, through: 0, by: -1) {
            let nIn = sizes[l]
            let nOut = sizes[l + 1]
            let count = rows * nOut
            let dZ = gradients[l]
            network.layers[l].activation.backward(
                UnsafeMutableBufferPointer(start: dZ, count: count),
                preactivation: UnsafeBufferPointer(start: preactivations[l], count: count),
                output: UnsafeBufferPointer(start: outputs[l], count: count))
            multiply(
                StridedOperand(base: inputOf(l), rowStride: 1, columnStride: nIn),
                StridedOperand(base: dZ, rowStride: nOut, columnStride: 1),
                into: weightGradients[l], m: nIn, n: nOut, k: rows)
            // dB_j = 0 + dZ_0j + dZ_1j + …, in that order, four columns at a time.
            let dB = biasGradients[l]
            var j = 0
            while j + 4 <= nOut {
                var sums = SIMD4<Double>()
                for i in 0..<rows { sums += load4(dZ + i * nOut + j) }
                store4(sums, dB + j)
                j += 4
            }
            while j < nOut {
                var sum = 0.0
                for i in 0..<rows { sum += dZ[i * nOut + j] }
                dB[j] = sum
                j += 1
            }
            if l > 0 {
                let wt = transposedWeights[l]
                network.layers[l].weights.values.withUnsafeBufferPointer { w in
                    for i in 0..<nIn {
                        for j in 0..<nOut { wt[j * nIn + i] = w[i * nOut + j] }
                    }
                }
                multiply(
                    StridedOperand(base: dZ, rowStride: nOut, columnStride: 1),
                    StridedOperand(base: wt, rowStride: nIn, columnStride: 1),
                    into: gradients[l - 1], m: rows, n: nIn, k: nOut)
            }
            optimizer.updateLayer(
                l, &network.layers[l],
                weightGradient: UnsafeBufferPointer(start: weightGradients[l], count: nIn * nOut),
                biasGradient: UnsafeBufferPointer(start: dB, count: nOut))
        }
        return loss
    }

    /// Copies the rows `batch` of `matrix`, in that order, to the start of `buffer`.
    private func gather(_ matrix: Matrix, _ batch: [Int], into buffer: UnsafeMutablePointer<Double>) {
        let width = matrix.columns
        matrix.values.withUnsafeBufferPointer { source in
            for (k, i) in batch.enumerated() {
                precondition(i >= 0 && i < matrix.rows, "Row \(i) is outside a \(matrix.shape) matrix")
                (buffer + k * width).update(from: source.baseAddress! + i * width, count: width)
            }
        }
    }
}

@inline(__always)
private func load4(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
}

@inline(__always)
private func store4(_ value: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Double>.self)
}
