// Lesson 4 · Loss: the mean squared error
//
// To improve a model we first need a number that says how wrong it is. This lesson draws 50
// points around the line y = 3x + 8, measures how badly a few candidate lines fit them with the
// mean squared error, and finds the best line among those with a = b by scanning.
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 4, title: "Loss: the mean squared error",
    summary: "How wrong is a line? Square each error, take the mean, and look for the lowest value.",
    options: [.points()])

// MARK: - Step 1: the data

lesson.step("50 points around y = 3x + 8")
let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
lesson.say("""
    x is drawn uniformly from [0, 1); y = 3x + 8 + 0.1·N(0, 3), a little noise of standard \
    deviation 0.3 around the line. The first five of \(data.count) points (seed \(lesson.seed)):\n
    """)
var firstPoints = Table(["k", "x", "y", "3x + 8"])
for k in 0..<min(5, data.count) {
    firstPoints.add(["\(k + 1)", fixed(data.x[k], 3), fixed(data.y[k], 3), fixed(3 * data.x[k] + 8, 3)])
}
firstPoints.print()
print("")
lesson.show(
    Chart(title: "The points and the line they came from", xLabel: "x", yLabel: "y",
          series: [Series("points", x: data.x, y: data.y, style: .points),
                   Series("y = 3x + 8", from: 0, to: 1) { 3 * $0 + 8 }]),
    name: "points")
lesson.say("Our task from now on: find a and b of y = ax + b from the points alone.")

// MARK: - Step 2: the loss of a line

lesson.step("How wrong is the line a = 0, b = 0?")
lesson.say("""
    For each point the line predicts ŷ = ax + b; the error is ŷ − y. Square it, then average over \
    all points: MSE = (1/N) Σ (a·xₖ + b − yₖ)².\n
    """)
let flat = Line(slope: 0, intercept: 0)
var working = Table(["k", "prediction ŷ", "y", "error ŷ − y", "squared"])
for k in 0..<min(5, data.count) {
    let error = flat(data.x[k]) - data.y[k]
    working.add(["\(k + 1)", fixed(flat(data.x[k]), 3), fixed(data.y[k], 3), fixed(error, 3), fixed(error * error, 3)])
}
working.print()
lesson.say("  … and \(data.count - min(5, data.count)) more points.\n")
let lossFlat = meanSquaredError(of: flat, on: data)
let lossOne = meanSquaredError(of: Line(slope: 1, intercept: 1), on: data)
var losses = Table(["line (a, b)", "our loss", "the post's draw", "expected value"])
losses.add(["(0, 0)", fixed(lossFlat, 2), "92.67", "91.09"])
losses.add(["(1, 1)", fixed(lossOne, 2), "65.36", "64.42"])
losses.print()
lesson.say("""
    \nEach draw of the points gives a different loss. The expected value comes from the \
    distributions: for (0, 0) it is E[y²] = (E y)² + Var y = 9.5² + 9/12 + 0.09 = 91.09; for (1, \
    1) it is E[(2x + 7 + noise)²] = 8² + 4/12 + 0.09 = 64.42.
    """)
let otherDraws = (0..<1000).map { _ in
    meanSquaredError(of: flat, on: LineData.noisyLine(count: data.count, using: &lesson.random))
}
let drawMean = mean(otherDraws), drawSpread = standardDeviation(otherDraws)
lesson.say("""
    Over 1000 more draws of \(data.count) points, the loss of (0, 0) averages \
    \(fixed(drawMean, 2)) and varies by \(fixed(drawSpread, 2)) (one standard deviation): the \
    post's 92.67 and our \(fixed(lossFlat, 2)) are both draws from that spread.\n
    """)
lesson.show(
    Chart(title: "Two guesses, both far from the points", xLabel: "x", yLabel: "y",
          series: [Series("points", x: data.x, y: data.y, style: .points),
                   Series("a = 0, b = 0 (loss \(fixed(lossFlat, 2)))", from: 0, to: 1) { flat($0) },
                   Series("a = 1, b = 1 (loss \(fixed(lossOne, 2)))", from: 0, to: 1) { $0 + 1 }]),
    name: "two-guesses")

// MARK: - Step 3: why square the errors

lesson.step("Why square the errors?")
let tilted = Line(slope: -3, intercept: mean(data.y) + 3 * mean(data.x))  // through the centre (x̄, ȳ) of the points
let plainErrors = zip(tilted(data.x), data.y).map { $0 - $1 }
lesson.say("""
    Take the line y = −3x + \(fixed(tilted.intercept, 2)): it slopes the wrong way, yet it crosses \
    the cloud in the middle. Its errors above and below the points cancel out:\n
    """)
var why = Table(["measure", "value"])
why.add(["mean of the errors (ŷ − y)", fixed(mean(plainErrors), 4)])
why.add(["mean of the squared errors", fixed(meanSquaredError(of: tilted, on: data), 4)])
why.print()
lesson.say("""
    \nThe plain mean says \"almost perfect\"; the squared one sees a bad line. An error of −4 is \
    as bad as +4, and squaring makes both count as 16.
    """)

// MARK: - Step 4: what a loss must satisfy

lesson.step("What a loss must satisfy")
let perfect = meanSquaredError(predicted: data.y, expected: data.y)
let bestLine = leastSquaresLine(data)
lesson.say("1. Never negative: a sum of squares is ≥ 0, so a lower loss always means a better fit.")
lesson.say("""
    2. Zero only when every prediction is right: predicting each y exactly gives \
    \(fixed(perfect, 4)), while even the best straight line, a = \(fixed(bestLine.slope, 3)), b = \
    \(fixed(bestLine.intercept, 3)), keeps \(fixed(meanSquaredError(of: bestLine, on: data), 4)): \
    the noise no line can explain.
    """)
lesson.say("""
    3. Easy to differentiate: (ŷ − y)² has the derivative 2(ŷ − y), which lesson 6 will use.
    """)
lesson.say("""
    \nFor many samples the total loss is the mean of each sample's loss, so it does not grow just \
    because we have more data.
    """)

// MARK: - Step 5: the loss along a = b

lesson.step("The loss as a function of the parameters")
lesson.say("""
    The loss depends on two numbers, a and b: a surface over a plane. To draw it as a curve, look \
    only at lines with a = b = t, that is y = t·x + t, for t from 0 to 12:\n
    """)
let ts = (0...240).map { Double($0) / 20 }
let lossAlong = ts.map { t in meanSquaredError(of: Line(slope: t, intercept: t), on: data) }
let best = lossAlong.indices.min { lossAlong[$0] < lossAlong[$1] }!
lesson.show(
    Chart(title: "Loss of the line y = t·x + t", xLabel: "t (= a = b)", yLabel: "MSE",
          series: [Series("loss", x: ts, y: lossAlong),
                   Series("lowest", x: [ts[best]], y: [lossAlong[best]], style: .points)]),
    name: "loss-along-a-equals-b")
lesson.say("""
    The lowest point of the scan is t = \(fixed(ts[best], 2)) with a loss of \
    \(fixed(lossAlong[best], 4)). (From the distributions the minimum is at t = E[y(x+1)] / \
    E[(x+1)²] = 14.5 / (7/3) ≈ 6.21.)
    """)

// MARK: - Step 6: the best line with a = b

lesson.step("The line at t = \(fixed(ts[best], 2))")
let tLine = Line(slope: ts[best], intercept: ts[best])
lesson.show(
    Chart(title: "y = \(fixed(ts[best], 2))x + \(fixed(ts[best], 2)) against the points", xLabel: "x", yLabel: "y",
          series: [Series("points", x: data.x, y: data.y, style: .points),
                   Series("a = b = \(fixed(ts[best], 2))", from: 0, to: 1) { tLine($0) }]),
    name: "best-line-a-equals-b")
lesson.say("""
    Much better than (0, 0) and (1, 1), but not right: the points want a ≈ 3 and b ≈ 8, which a = \
    b cannot give. Scanning every (a, b) would cost a grid in two dimensions, and millions of \
    dimensions for a real network. Lesson 5 walks downhill instead.
    """)
