import Foundation

/// A number that remembers how it was computed, so the chain rule can be run backwards through
/// the computation for us: a tiny reverse-mode gradient tracker for scalars.
///
/// Each operation creates a new `Value` holding its result, its inputs and the local
/// derivative of the result with respect to each input (∂out/∂in). `backward()` walks the
/// computation from the end to the start and applies the chain rule,
///
///     ∂loss/∂in += ∂loss/∂out · ∂out/∂in
///
/// adding into `gradient`. Gradients accumulate: run `backward()` twice without `zeroGradient()`
/// and every gradient is doubled, as in PyTorch, which is why the training loop zeroes them after
/// each update.
public final class Value {
    /// The number itself.
    public var data: Double
    /// ∂(output of the last backward)/∂(this value), summed over every `backward()` since the
    /// last `zeroGradient()`.
    public var gradient: Double = 0
    /// The values this one was computed from (emptied only while the value is being freed).
    public private(set) var inputs: [Value]
    /// ∂self/∂input for each input, worked out when the operation ran.
    public let localDerivatives: [Double]
    /// What produced this value ("+", "×", "exp", … or "" for an input).
    public let operation: String
    /// A name to show in drawings and tables ("w₁", "n"); empty unless a lesson names it.
    public var label: String = ""

    /// A value with no history: an input or a parameter.
    public init(_ data: Double) {
        self.data = data
        self.inputs = []
        self.localDerivatives = []
        self.operation = ""
    }

    private init(_ data: Double, inputs: [Value], localDerivatives: [Double], operation: String) {
        self.data = data
        self.inputs = inputs
        self.localDerivatives = localDerivatives
        self.operation = operation
    }

    /// Frees the chain of values behind this one without recursion.
    ///
    /// Left to itself, freeing the loss of a long computation frees its inputs, whose freeing
    /// frees theirs, and so on: one nested call per link, which overflows the call stack for a
    /// chain of some ten thousand values (the running sum over the points of a large data set).
    /// Instead, each value hands its inputs to an explicit stack; every input that nobody else
    /// still holds gives up its own inputs to the same stack before it goes, so each value is
    /// freed with an empty `inputs` and the depth of calls stays at one.
    deinit {
        guard !inputs.isEmpty else { return }
        var pending: [Value] = []
        swap(&pending, &inputs)
        while var value = pending.popLast() {
            if isKnownUniquelyReferenced(&value), !value.inputs.isEmpty {
                pending.append(contentsOf: value.inputs)
                value.inputs.removeAll()
            }
            // `value` is released here; its inputs are empty or still held elsewhere.
        }
    }

    // MARK: - Operations, each with its local derivatives

    /// a + b: ∂/∂a = 1, ∂/∂b = 1.
    public static func + (a: Value, b: Value) -> Value {
        Value(a.data + b.data, inputs: [a, b], localDerivatives: [1, 1], operation: "+")
    }

    /// a − b: ∂/∂a = 1, ∂/∂b = −1.
    public static func - (a: Value, b: Value) -> Value {
        Value(a.data - b.data, inputs: [a, b], localDerivatives: [1, -1], operation: "−")
    }

    /// a · b: ∂/∂a = b, ∂/∂b = a.
    public static func * (a: Value, b: Value) -> Value {
        Value(a.data * b.data, inputs: [a, b], localDerivatives: [b.data, a.data], operation: "×")
    }

    /// a / b: ∂/∂a = 1/b, ∂/∂b = −a/b².
    public static func / (a: Value, b: Value) -> Value {
        Value(
            a.data / b.data, inputs: [a, b],
            localDerivatives: [1 / b.data, -a.data / (b.data * b.data)], operation: "÷")
    }

    /// −a: ∂/∂a = −1.
    public static prefix func - (a: Value) -> Value {
        Value(-a.data, inputs: [a], localDerivatives: [-1], operation: "neg")
    }

    /// aⁿ for a constant exponent n: ∂/∂a = n·aⁿ⁻¹.
    public func power(_ n: Double) -> Value {
        Value(
            Foundation.pow(data, n), inputs: [self],
            localDerivatives: [n * Foundation.pow(data, n - 1)], operation: "^\(n)")
    }

    /// eᵃ: ∂/∂a = eᵃ.
    public func exp() -> Value {
        let e = Foundation.exp(data)
        return Value(e, inputs: [self], localDerivatives: [e], operation: "exp")
    }

    /// ln a (for a > 0): ∂/∂a = 1/a.
    public func log() -> Value {
        Value(Foundation.log(data), inputs: [self], localDerivatives: [1 / data], operation: "log")
    }

    /// tanh a: ∂/∂a = 1 − tanh²a.
    public func tanh() -> Value {
        let t = Foundation.tanh(data)
        return Value(t, inputs: [self], localDerivatives: [1 - t * t], operation: "tanh")
    }

    /// σ(a): ∂/∂a = σ(a)(1 − σ(a)).
    public func sigmoid() -> Value {
        let s = DeepLearning.sigmoid(data)
        return Value(s, inputs: [self], localDerivatives: [s * (1 - s)], operation: "σ")
    }

    /// ReLU(a): ∂/∂a = 1 if a > 0, else 0.
    public func relu() -> Value {
        Value(DeepLearning.relu(data), inputs: [self], localDerivatives: [reluDerivative(data)], operation: "ReLU")
    }

    // MARK: - Mixing with plain numbers (constants carry no gradient)

    /// a + c for a constant c: ∂/∂a = 1.
    public static func + (a: Value, b: Double) -> Value { a + Value(b) }
    /// c + b for a constant c: ∂/∂b = 1.
    public static func + (a: Double, b: Value) -> Value { Value(a) + b }
    /// a − c for a constant c: ∂/∂a = 1.
    public static func - (a: Value, b: Double) -> Value { a - Value(b) }
    /// c − b for a constant c: ∂/∂b = −1.
    public static func - (a: Double, b: Value) -> Value { Value(a) - b }
    /// a · c for a constant c: ∂/∂a = c.
    public static func * (a: Value, b: Double) -> Value { a * Value(b) }
    /// c · b for a constant c: ∂/∂b = c.
    public static func * (a: Double, b: Value) -> Value { Value(a) * b }
    /// a / c for a constant c: ∂/∂a = 1/c.
    public static func / (a: Value, b: Double) -> Value { a / Value(b) }
    /// c / b for a constant c: ∂/∂b = −c/b².
    public static func / (a: Double, b: Value) -> Value { Value(a) / b }

    // MARK: - Backward

    /// Every value this one depends on, each after all the values it depends on
    /// (a topological order), ending with `self`.
    public func topologicalOrder() -> [Value] {
        var order: [Value] = []
        var visited = Set<ObjectIdentifier>()
        // Depth-first search with an explicit stack, so long chains cannot overflow the call stack.
        var stack: [(value: Value, inputsPushed: Bool)] = [(self, false)]
        while let (value, inputsPushed) = stack.popLast() {
            if inputsPushed {
                order.append(value)
                continue
            }
            if visited.contains(ObjectIdentifier(value)) { continue }
            visited.insert(ObjectIdentifier(value))
            stack.append((value, true))
            // Reversed, so the first input is taken first and the order reads like the computation.
            for input in value.inputs.reversed() where !visited.contains(ObjectIdentifier(input)) {
                stack.append((input, false))
            }
        }
        return order
    }

    /// One step of the backward pass: at `value`, whose ∂self/∂value is `upstream`, the chain
    /// rule sends `upstream · local` to each input, where `local` = ∂value/∂input.
    public struct BackwardStep {
        /// The value being visited.
        public let value: Value
        /// ∂(the value `backward` started from)/∂value, complete when it is visited.
        public let upstream: Double
        /// What each input receives: the input, the local derivative and upstream · local.
        public let contributions: [(input: Value, local: Double, amount: Double)]
    }

    /// The backward pass as a list of steps, without touching any `gradient`: the values in
    /// reverse topological order (this value first, each value after every value computed from
    /// it), each with its complete upstream derivative and what it sends to its inputs,
    ///
    ///     ∂self/∂input += ∂self/∂value · ∂value/∂input.
    ///
    /// The += matters: an input used by several values receives one contribution from each.
    public func backwardSteps() -> [BackwardStep] {
        let order = topologicalOrder()
        var upstream: [ObjectIdentifier: Double] = [ObjectIdentifier(self): 1]
        var steps: [BackwardStep] = []
        steps.reserveCapacity(order.count)
        for value in order.reversed() {
            let dOut = upstream[ObjectIdentifier(value), default: 0]
            var contributions: [(input: Value, local: Double, amount: Double)] = []
            for (input, local) in zip(value.inputs, value.localDerivatives) {
                upstream[ObjectIdentifier(input), default: 0] += dOut * local
                contributions.append((input, local, dOut * local))
            }
            steps.append(BackwardStep(value: value, upstream: dOut, contributions: contributions))
        }
        return steps
    }

    /// Runs the chain rule from this value back to every value it was computed from, and adds
    /// ∂self/∂v into `v.gradient` for each of them (∂self/∂self = 1): the steps of
    /// `backwardSteps()`, each value's complete upstream derivative added into its gradient.
    ///
    /// Because it adds, a second call without `zeroGradient()` doubles every gradient.
    public func backward() {
        for step in backwardSteps() {
            step.value.gradient += step.upstream
        }
    }

    /// Sets `gradient` back to 0 (call it on each parameter after an update).
    public func zeroGradient() {
        gradient = 0
    }
}
