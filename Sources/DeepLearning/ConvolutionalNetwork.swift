import Foundation

/// A small convolutional network for square grey images:
///
///     X → convolution (F filters k×k, padding p) → ReLU → 2×2 max pooling → [dense, ReLU] → dense → softmax
///
/// trained with the cross-entropy loss L = −(1/N) Σₙ log pₙ,yₙ. Every pass keeps what its backward
/// pass needs; the backward pass is the chain rule written layer by layer (see `gradients`).
///
/// Its output goes through the core's `softmaxOfRows`; its loss is the cross-entropy of labelled
/// rows, `ConvolutionalNetwork.crossEntropy`.
public struct ConvolutionalNetwork: Sendable {
    /// Where the filters slide: input height, width, kernel and padding.
    public let geometry: ConvolutionGeometry
    /// The filters, (k·k) × F: column f is filter f, row i·k + j its weight at (i, j).
    public var filters: Matrix
    /// One bias per filter, 1 × F.
    public var filterBiases: Matrix
    /// The hidden dense layer's weights, (H′/2·W′/2·F) × hidden (0 × 0 when there is none).
    public var hiddenWeights: Matrix
    /// The hidden dense layer's biases, 1 × hidden.
    public var hiddenBiases: Matrix
    /// The output layer's weights, (inputs) × classes.
    public var outputWeights: Matrix
    /// The output layer's biases, 1 × classes.
    public var outputBiases: Matrix
    /// The momentum's running step, one number per parameter (empty until the first step with momentum).
    public var velocity: [Double] = []

    /// Numbers that reach the dense layers from one image: (H′/2)·(W′/2)·F.
    public var pooledSize: Int { (geometry.outputHeight / 2) * (geometry.outputWidth / 2) * filters.columns }
    /// Units in the hidden dense layer (0: the pooled maps go straight to the output layer).
    public var hidden: Int { hiddenWeights.columns }

    /// A network with He-normal weights (standard deviation √(2 / fan-in), lesson 13's rule for
    /// ReLU layers) and zero biases.
    public init(
        height: Int, width: Int, filters: Int, kernel: Int = 3, padding: Int = 1, hidden: Int = 0,
        classes: Int = 10, using generator: inout SeededGenerator
    ) {
        precondition(filters > 0 && hidden >= 0 && classes >= 2, "Need filters > 0, hidden ≥ 0, classes ≥ 2")
        geometry = ConvolutionGeometry(height: height, width: width, kernel: kernel, padding: padding)
        precondition(
            geometry.outputHeight >= 2 && geometry.outputWidth >= 2, "The feature maps must be at least 2×2 to pool")
        func he(_ rows: Int, _ columns: Int) -> Matrix {
            Matrix.random(
                rows: rows, columns: columns, standardDeviation: (2 / Double(rows)).squareRoot(), using: &generator)
        }
        self.filters = he(kernel * kernel, filters)
        filterBiases = Matrix(rows: 1, columns: filters)
        let pooled = (geometry.outputHeight / 2) * (geometry.outputWidth / 2) * filters
        if hidden > 0 {
            hiddenWeights = he(pooled, hidden)
            hiddenBiases = Matrix(rows: 1, columns: hidden)
        } else {
            hiddenWeights = Matrix(rows: 0, columns: 0)
            hiddenBiases = Matrix(rows: 0, columns: 0)
        }
        outputWeights = he(hidden > 0 ? hidden : pooled, classes)
        outputBiases = Matrix(rows: 1, columns: classes)
    }

    // MARK: Softmax and cross-entropy

    /// The mean cross-entropy of labelled rows of probabilities, L = −(1/N) Σₙ log pₙ,yₙ.
    public static func crossEntropy(probabilities: Matrix, labels: [Int]) -> Double {
        precondition(
            probabilities.rows == labels.count, "One label per row: \(probabilities.rows) rows, \(labels.count) labels")
        var total = 0.0
        for (n, label) in labels.enumerated() { total -= log(probabilities[n, label]) }
        return total / Double(labels.count)
    }

    // MARK: Forward

    /// Everything one forward pass computed, kept for the backward pass and for pictures.
    public struct Pass: Sendable {
        /// The images, N × (H·W).
        public var images: Matrix
        /// The patch matrix of the images, (N·H′·W′) × (k·k).
        public var patches: Matrix
        /// The convolution's output before ReLU, (N·H′·W′) × F.
        public var convolved: Matrix
        /// The feature maps after ReLU, (N·H′·W′) × F.
        public var featureMaps: Matrix
        /// The pooled maps flattened per image, N × (H′/2·W′/2·F).
        public var pooled: Matrix
        /// Which input won each pooled value (see `maxPool2x2`).
        public var winners: [Int]
        /// The hidden layer before ReLU, N × hidden (empty when there is none).
        public var hiddenSums: Matrix
        /// The input of the output layer, N × (hidden or pooled size).
        public var outputInputs: Matrix
        /// The ten scores per image, N × classes.
        public var scores: Matrix
        /// softmax(scores), N × classes.
        public var probabilities: Matrix
    }

    /// The forward pass of a batch of images, one image per row (N × H·W).
    public func forward(_ images: Matrix) -> Pass {
        precondition(
            images.columns == geometry.height * geometry.width,
            "Images of \(geometry.height)×\(geometry.width) need \(geometry.height * geometry.width) columns, got \(images.shape)"
        )
        let count = images.rows
        let maps = Matrix(rows: count * geometry.height * geometry.width, columns: 1, values: images.values)
        let patches = patchMatrix(maps, geometry: geometry)
        let convolved = patches.times(filters, plusRow: filterBiases)
        let featureMaps = convolved.map { max(0, $0) }
        let (pooledMaps, winners) = maxPool2x2(featureMaps, height: geometry.outputHeight, width: geometry.outputWidth)
        let pooled = Matrix(rows: count, columns: pooledSize, values: pooledMaps.values)
        var hiddenSums = Matrix(rows: 0, columns: 0)
        var outputInputs = pooled
        if hidden > 0 {
            hiddenSums = pooled.times(hiddenWeights, plusRow: hiddenBiases)
            outputInputs = hiddenSums.map { max(0, $0) }
        }
        let scores = outputInputs.times(outputWeights, plusRow: outputBiases)
        return Pass(
            images: images, patches: patches, convolved: convolved, featureMaps: featureMaps, pooled: pooled,
            winners: winners, hiddenSums: hiddenSums, outputInputs: outputInputs, scores: scores,
            probabilities: softmaxOfRows(scores))
    }

    /// The predicted class of each image: the largest score.
    public func predict(_ images: Matrix) -> [Int] { argmaxOfRows(forward(images).scores) }

    /// The cross-entropy loss on labelled images.
    public func loss(_ images: Matrix, labels: [Int]) -> Double {
        ConvolutionalNetwork.crossEntropy(probabilities: forward(images).probabilities, labels: labels)
    }

    // MARK: Backward

    /// The gradients of the loss with respect to every parameter, in the network's shapes.
    public struct Gradients: Sendable {
        public var filters: Matrix, filterBiases: Matrix
        public var hiddenWeights: Matrix, hiddenBiases: Matrix
        public var outputWeights: Matrix, outputBiases: Matrix

        /// Every gradient in one list, in the order of `ConvolutionalNetwork.parameters`.
        public var values: [Double] {
            filters.values + filterBiases.values + hiddenWeights.values + hiddenBiases.values
                + outputWeights.values + outputBiases.values
        }
    }

    /// The loss of a pass and its gradients, by the chain rule from the top:
    ///
    ///     ∂L/∂scores = (P − Y)/N                                 (softmax with cross-entropy, Y one-hot)
    ///     ∂L/∂W = inᵀ·G,  ∂L/∂b = Σ_rows G,  ∂L/∂in = G·Wᵀ       (each dense layer)
    ///     ∂L/∂h = ∂L/∂(ReLU h) ⊙ [h > 0]                         (each ReLU)
    ///     pooled gradients go back to the winner of each 2×2 block (maxPool2x2Backward)
    ///     ∂L/∂K = Pᵀ·G,  ∂L/∂b = Σ_rows G                         (the convolution, P the patches)
    public func gradients(of pass: Pass, labels: [Int]) -> (loss: Double, gradients: Gradients) {
        let count = pass.images.rows
        precondition(labels.count == count, "One label per image: \(count) images, \(labels.count) labels")
        let loss = ConvolutionalNetwork.crossEntropy(probabilities: pass.probabilities, labels: labels)
        var scoreGradient = pass.probabilities
        for (n, label) in labels.enumerated() { scoreGradient[n, label] -= 1 }
        scoreGradient = (1 / Double(count)) * scoreGradient

        let outputWeightGradient = pass.outputInputs.transposedTimes(scoreGradient)
        let outputBiasGradient = scoreGradient.columnSums()
        var pooledGradient = scoreGradient.timesTransposed(outputWeights)
        var hiddenWeightGradient = Matrix(rows: 0, columns: 0)
        var hiddenBiasGradient = Matrix(rows: 0, columns: 0)
        if hidden > 0 {
            var sumGradient = pooledGradient
            for k in sumGradient.values.indices where pass.hiddenSums.values[k] <= 0 { sumGradient.values[k] = 0 }
            hiddenWeightGradient = pass.pooled.transposedTimes(sumGradient)
            hiddenBiasGradient = sumGradient.columnSums()
            pooledGradient = sumGradient.timesTransposed(hiddenWeights)
        }
        let pooledMapsGradient = Matrix(
            rows: pooledGradient.values.count / filters.columns, columns: filters.columns,
            values: pooledGradient.values)
        var convolvedGradient = maxPool2x2Backward(
            pooledMapsGradient, winners: pass.winners,
            inputRows: pass.convolved.rows)
        for k in convolvedGradient.values.indices where pass.convolved.values[k] <= 0 {
            convolvedGradient.values[k] = 0
        }
        return (
            loss,
            Gradients(
                filters: pass.patches.transposedTimes(convolvedGradient),
                filterBiases: convolvedGradient.columnSums(),
                hiddenWeights: hiddenWeightGradient, hiddenBiases: hiddenBiasGradient,
                outputWeights: outputWeightGradient, outputBiases: outputBiasGradient)
        )
    }

    // MARK: Parameters and training

    /// Every parameter in one list: filters, filter biases, hidden weights and biases, output
    /// weights and biases (each matrix row by row). Setting it puts the numbers back in that order.
    public var parameters: [Double] {
        get {
            filters.values + filterBiases.values + hiddenWeights.values + hiddenBiases.values
                + outputWeights.values + outputBiases.values
        }
        set {
            precondition(newValue.count == parameterCount, "Need \(parameterCount) parameters, got \(newValue.count)")
            var start = 0
            func take(_ matrix: inout Matrix) {
                matrix.values = Array(newValue[start..<start + matrix.values.count])
                start += matrix.values.count
            }
            take(&filters)
            take(&filterBiases)
            take(&hiddenWeights)
            take(&hiddenBiases)
            take(&outputWeights)
            take(&outputBiases)
        }
    }

    /// How many numbers the network learns.
    public var parameterCount: Int {
        filters.values.count + filterBiases.values.count + hiddenWeights.values.count + hiddenBiases.values.count
            + outputWeights.values.count + outputBiases.values.count
    }

    /// One step of gradient descent on every parameter, θ ← θ − lr · ∂L/∂θ.
    public mutating func step(_ gradients: Gradients, learningRate: Double) {
        func update(_ matrix: inout Matrix, _ gradient: Matrix) {
            for k in matrix.values.indices { matrix.values[k] -= learningRate * gradient.values[k] }
        }
        update(&filters, gradients.filters)
        update(&filterBiases, gradients.filterBiases)
        update(&hiddenWeights, gradients.hiddenWeights)
        update(&hiddenBiases, gradients.hiddenBiases)
        update(&outputWeights, gradients.outputWeights)
        update(&outputBiases, gradients.outputBiases)
    }

    /// One step of SGD with momentum μ and weight decay λ on the weights (not the biases):
    ///
    ///     v ← μ·v − lr·(∂L/∂θ + λθ)        θ ← θ + v
    ///
    /// The velocity v remembers past steps, so steps that agree add up and steps that cancel die out.
    public mutating func step(_ gradients: Gradients, learningRate: Double, momentum: Double, weightDecay: Double) {
        var theta = parameters
        let g = gradients.values
        if velocity.count != theta.count { velocity = Array(repeating: 0, count: theta.count) }
        let biasRanges = biasIndexRanges
        var decays = Array(repeating: weightDecay, count: theta.count)
        for range in biasRanges { for k in range { decays[k] = 0 } }
        for k in theta.indices {
            velocity[k] = momentum * velocity[k] - learningRate * (g[k] + decays[k] * theta[k])
            theta[k] += velocity[k]
        }
        parameters = theta
    }

    /// Where the biases sit in `parameters`.
    var biasIndexRanges: [Range<Int>] {
        let a = filters.values.count
        let b = a + filterBiases.values.count
        let c = b + hiddenWeights.values.count
        let d = c + hiddenBiases.values.count
        let e = d + outputWeights.values.count
        let f = e + outputBiases.values.count
        return [a..<b, c..<d, e..<f]
    }

    /// One epoch of mini-batch SGD: shuffle, then one step per batch of at most `batchSize`
    /// images. Returns the mean of the batches' losses (as they were before each step).
    @discardableResult
    public mutating func trainOneEpoch(
        images: Matrix, labels: [Int], batchSize: Int, learningRate: Double,
        momentum: Double = 0, weightDecay: Double = 0,
        using generator: inout SeededGenerator
    ) -> Double {
        var total = 0.0
        let batches = miniBatches(count: images.rows, batchSize: batchSize, using: &generator)
        for batch in batches {
            let (loss, gradients) = gradients(of: forward(images.rows(at: batch)), labels: batch.map { labels[$0] })
            if momentum == 0 && weightDecay == 0 {
                step(gradients, learningRate: learningRate)
            } else {
                step(gradients, learningRate: learningRate, momentum: momentum, weightDecay: weightDecay)
            }
            total += loss
        }
        return total / Double(batches.count)
    }
}
