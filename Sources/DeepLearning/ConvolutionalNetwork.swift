import Foundation

/// One convolution layer of a `ConvolutionalNetwork`: `filters` filters of 3×3 (or the network's
/// kernel) with "same" padding, then ReLU, then, when `pooled`, 2×2 max pooling.
public struct ConvolutionStage: Sendable, Equatable {
    /// F, the number of filters: the number of feature maps (channels) the layer puts out.
    public var filters: Int
    /// Whether a 2×2 max pooling halves the maps' height and width after the ReLU.
    public var pooled: Bool

    /// A stage of `filters` filters, pooled or not.
    public init(filters: Int, pooled: Bool) {
        precondition(filters > 0, "A convolution needs at least one filter, got \(filters)")
        self.filters = filters
        self.pooled = pooled
    }
}

/// A small convolutional network for square grey images:
///
///     X → [convolution (F filters k×k, "same" padding) → ReLU → (2×2 max pooling)] × stages
///       → [dense, ReLU] → dense → softmax
///
/// trained with the core's softmax cross-entropy, L = −(1/N) Σₙ log softmax(zₙ)_yₙ. Every pass keeps
/// what its backward pass needs; the backward pass is the chain rule written layer by layer (see
/// `gradients`).
///
/// A convolution is a dense layer applied to every patch: its filter matrix K, (k·k·C) × F, plays
/// the weights and its F biases the biases. So the network keeps all its learned numbers as a list
/// of `Dense` layers, the convolutions first, and any `NetworkOptimizer` (SGD, `Momentum`, `Adam`)
/// updates them layer by layer as it does a dense network's.
public struct ConvolutionalNetwork: Sendable {
    /// Where each convolution's filters slide (input size, channels, kernel, padding), in order.
    public let geometries: [ConvolutionGeometry]
    /// Whether 2×2 max pooling follows each convolution's ReLU.
    public let pooled: [Bool]
    /// The learned layers in order: one per convolution (weights: the filter matrix, (k·k·C) × F,
    /// column f is filter f and row (i·k + j)·C + c its weight at (i, j) for channel c; biases:
    /// 1 × F), then the dense layers (the hidden one with ReLU, the output one with the identity:
    /// its outputs are the scores).
    public var layers: [Dense]

    /// How many of `layers` are convolutions.
    public var convolutionCount: Int { geometries.count }
    /// The first convolution's filters, (k·k) × F for grey images.
    public var filters: Matrix { layers[0].weights }
    /// Units in the hidden dense layer (0: the flattened maps go straight to the output layer).
    public var hidden: Int { layers.count - convolutionCount == 2 ? layers[convolutionCount].outputSize : 0 }
    /// Numbers that reach the dense layers from one image: height · width · channels of the last maps.
    public var flattenedSize: Int { layers[convolutionCount].inputSize }

    /// A network with He-normal weights (standard deviation √(2 / fan-in), lesson 13's rule for
    /// ReLU layers; the output layer too) and zero biases. Every convolution keeps the size of
    /// its input (padding (k − 1)/2, k odd); each pooled stage halves it (rounded down).
    public init(
        height: Int, width: Int, stages: [ConvolutionStage], kernel: Int = 3, hidden: Int = 0,
        classes: Int = 10, using generator: inout SeededGenerator
    ) {
        precondition(
            !stages.isEmpty && hidden >= 0 && classes >= 2 && kernel % 2 == 1,
            "Need at least one convolution, hidden ≥ 0, classes ≥ 2 and an odd kernel")
        var geometries: [ConvolutionGeometry] = []
        var layers: [Dense] = []
        var (h, w, c) = (height, width, 1)
        for stage in stages {
            let geometry = ConvolutionGeometry(height: h, width: w, channels: c, kernel: kernel, padding: kernel / 2)
            geometries.append(geometry)
            layers.append(
                Dense(
                    inputSize: geometry.patchSize, outputSize: stage.filters, activation: .relu,
                    initialization: .he, using: &generator))
            if stage.pooled {
                precondition(h >= 2 && w >= 2, "The feature maps must be at least 2×2 to pool, got \(h)×\(w)")
                (h, w) = (h / 2, w / 2)
            }
            c = stage.filters
        }
        let flattened = h * w * c
        if hidden > 0 {
            layers.append(
                Dense(
                    inputSize: flattened, outputSize: hidden, activation: .relu, initialization: .he, using: &generator)
            )
        }
        layers.append(
            Dense(
                inputSize: hidden > 0 ? hidden : flattened, outputSize: classes, activation: .identity,
                initialization: .he, using: &generator))
        self.geometries = geometries
        self.pooled = stages.map(\.pooled)
        self.layers = layers
    }

    // MARK: Forward

    /// Everything one forward pass computed, kept for the backward pass and for pictures.
    public struct Pass: Sendable {
        /// The images, N × (H·W).
        public var images: Matrix
        /// Each convolution's patch matrix, (N·H′·W′) × (k·k·C).
        public var patches: [Matrix]
        /// Each convolution's output before ReLU, (N·H′·W′) × F: its feature maps.
        public var convolved: [Matrix]
        /// Which input won each pooled value of each convolution (see `maxPool2x2`; empty when
        /// that convolution is not pooled).
        public var winners: [[Int]]
        /// The input of each dense layer; the first is the last maps flattened, one image per row.
        public var denseInputs: [Matrix]
        /// Each dense layer's weighted sums before its activation; the last are the scores.
        public var denseSums: [Matrix]
        /// The scores, N × classes.
        public var scores: Matrix { denseSums[denseSums.count - 1] }
        /// softmax(scores), N × classes.
        public var probabilities: Matrix
    }

    /// The forward pass of a batch of images, one image per row (N × H·W).
    public func forward(_ images: Matrix) -> Pass {
        let first = geometries[0]
        precondition(
            images.columns == first.height * first.width,
            "Images of \(first.height)×\(first.width) need \(first.height * first.width) columns, got \(images.shape)"
        )
        let count = images.rows
        var maps = Matrix(rows: count * first.height * first.width, columns: 1, values: images.values)
        var patches: [Matrix] = []
        var convolved: [Matrix] = []
        var winners: [[Int]] = []
        for (i, geometry) in geometries.enumerated() {
            let p = patchMatrix(maps, geometry: geometry)
            let z = p.times(layers[i].weights, plusRow: layers[i].bias)
            let a = z.map { max(0, $0) }
            patches.append(p)
            convolved.append(z)
            if pooled[i] {
                let (pooledMaps, won) = maxPool2x2(a, height: geometry.outputHeight, width: geometry.outputWidth)
                maps = pooledMaps
                winners.append(won)
            } else {
                maps = a
                winners.append([])
            }
        }
        var x = Matrix(rows: count, columns: flattenedSize, values: maps.values)
        var denseInputs: [Matrix] = []
        var denseSums: [Matrix] = []
        for layer in layers[convolutionCount...] {
            let (z, y) = layer.forward(x)
            denseInputs.append(x)
            denseSums.append(z)
            x = y
        }
        return Pass(
            images: images, patches: patches, convolved: convolved, winners: winners, denseInputs: denseInputs,
            denseSums: denseSums, probabilities: softmaxOfRows(denseSums[denseSums.count - 1]))
    }

    /// The predicted class of each image: the largest score.
    public func predict(_ images: Matrix) -> [Int] { argmaxOfRows(forward(images).scores) }

    /// The mean cross-entropy on labelled images, `softmaxCrossEntropy` of the scores against
    /// the one-hot labels.
    public func loss(_ images: Matrix, labels: [Int]) -> Double {
        let scores = forward(images).scores
        return softmaxCrossEntropy(scores: scores, targets: oneHot(labels, classes: scores.columns))
    }

    // MARK: Backward

    /// The loss of a pass and the gradients of every layer (in the order of `layers`), by the
    /// chain rule from the top:
    ///
    ///     ∂L/∂scores = (P − Y)/N                  (softmaxCrossEntropyGradient, Y one-hot)
    ///     each dense layer: `Dense.backward` (∂L/∂W = inᵀ·G, ∂L/∂b = Σ_rows G, ∂L/∂in = G·Wᵀ)
    ///     pooled gradients go back to the winner of each 2×2 block (maxPool2x2Backward)
    ///     ∂L/∂z = ∂L/∂(ReLU z) ⊙ [z > 0]           (each convolution's ReLU)
    ///     ∂L/∂K = Pᵀ·G,  ∂L/∂b = Σ_rows G,  ∂L/∂X = addPatchesBack(G·Kᵀ)   (each convolution, P its patches)
    public func gradients(of pass: Pass, labels: [Int]) -> (loss: Double, gradients: [LayerGradient]) {
        let count = pass.images.rows
        precondition(labels.count == count, "One label per image: \(count) images, \(labels.count) labels")
        let targets = oneHot(labels, classes: pass.scores.columns)
        let loss = softmaxCrossEntropy(scores: pass.scores, targets: targets)
        var gradients = [LayerGradient?](repeating: nil, count: layers.count)
        var g = softmaxCrossEntropyGradient(scores: pass.scores, targets: targets)
        for d in stride(from: layers.count - convolutionCount - 1, through: 0, by: -1) {
            let layer = layers[convolutionCount + d]
            let (dX, dW, dB) = layer.backward(
                input: pass.denseInputs[d], preactivation: pass.denseSums[d], outputGradient: g)
            gradients[convolutionCount + d] = LayerGradient(weights: dW, bias: dB)
            g = dX
        }
        // Back to the one-row-per-pixel layout of the last maps.
        var mapGradient = Matrix(
            rows: g.values.count / layers[convolutionCount - 1].outputSize,
            columns: layers[convolutionCount - 1].outputSize, values: g.values)
        for i in stride(from: convolutionCount - 1, through: 0, by: -1) {
            var dZ =
                pooled[i]
                ? maxPool2x2Backward(mapGradient, winners: pass.winners[i], inputRows: pass.convolved[i].rows)
                : mapGradient
            let z = pass.convolved[i]
            for k in dZ.values.indices where z.values[k] <= 0 { dZ.values[k] = 0 }
            gradients[i] = LayerGradient(weights: pass.patches[i].transposedTimes(dZ), bias: dZ.columnSums())
            if i > 0 { mapGradient = addPatchesBack(dZ.timesTransposed(layers[i].weights), geometry: geometries[i]) }
        }
        return (loss, gradients.map { $0! })
    }

    // MARK: Parameters and training

    /// Every parameter in one list: each layer's weights (row by row), then its biases, layer by
    /// layer. Setting it puts the numbers back in that order.
    public var parameters: [Double] {
        get { layers.flatMap { $0.weights.values + $0.bias.values } }
        set {
            precondition(newValue.count == parameterCount, "Need \(parameterCount) parameters, got \(newValue.count)")
            var start = 0
            for l in layers.indices {
                let w = layers[l].weights.values.count
                let b = layers[l].bias.values.count
                layers[l].weights.values = Array(newValue[start..<start + w])
                layers[l].bias.values = Array(newValue[start + w..<start + w + b])
                start += w + b
            }
        }
    }

    /// How many numbers the network learns.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// The gradients of `gradients(of:labels:)` in the order of `parameters`.
    public static func flattened(_ gradients: [LayerGradient]) -> [Double] {
        gradients.flatMap { $0.weights.values + $0.bias.values }
    }

    /// One update of every layer by `optimizer` (its `updateLayer` on layer l with that layer's
    /// gradients): SGD, momentum or Adam, exactly as they update a dense network.
    public mutating func step<Optimizer: NetworkOptimizer>(
        with gradients: [LayerGradient], optimizer: inout Optimizer
    ) {
        precondition(
            gradients.count == layers.count,
            "\(layers.count) layers need \(layers.count) gradients, got \(gradients.count)")
        for l in layers.indices {
            gradients[l].weights.values.withUnsafeBufferPointer { dW in
                gradients[l].bias.values.withUnsafeBufferPointer { dB in
                    optimizer.updateLayer(l, &layers[l], weightGradient: dW, biasGradient: dB)
                }
            }
        }
    }

    /// One epoch of mini-batch training: shuffle, then for each batch of at most `batchSize`
    /// images forward, backward and `step(with:optimizer:)`. Before batch k (from 0) the
    /// optimiser's rate is set to `learningRate(k)` when that is given (a schedule). Returns every
    /// batch's loss, measured before its step, in order.
    public mutating func trainOneEpoch<Optimizer: NetworkOptimizer>(
        images: Matrix, labels: [Int], batchSize: Int, optimizer: inout Optimizer,
        learningRate: ((Int) -> Double)? = nil, using generator: inout SeededGenerator
    ) -> [Double] {
        precondition(images.rows == labels.count, "One label per image: \(images.rows) images, \(labels.count) labels")
        let batches = miniBatches(count: images.rows, batchSize: batchSize, using: &generator)
        var losses: [Double] = []
        losses.reserveCapacity(batches.count)
        for (k, batch) in batches.enumerated() {
            if let learningRate { optimizer.learningRate = learningRate(k) }
            let (loss, gradients) = gradients(of: forward(images.rows(at: batch)), labels: batch.map { labels[$0] })
            step(with: gradients, optimizer: &optimizer)
            losses.append(loss)
        }
        return losses
    }
}
