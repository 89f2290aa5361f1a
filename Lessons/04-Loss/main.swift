// Lesson 4 · Loss: the mean squared error
//
// To improve a model we first need a number that says how wrong it is. This lesson draws 50
// points around the line y = 3x + 8, measures how badly a few candidate lines fit them with the
// mean squared error, judges whether our draw of points is an ordinary one, and finds the best
// line among those with a = b by scanning.
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 4, title: "Loss: the mean squared error",
    summary: "How wrong is a line? Square each error, take the mean, and look for the lowest value.",
    options: [.points(maximum: 10_000)])

/// "none of the 1000" or "4 of the 1000": a count out of a total, in words.
func share(_ count: Int, of total: Int) -> String {
    count == 0 ? "none of the \(total)" : "\(count) of the \(total)"
}

// MARK: - Step 1: the data

let data = LineData.noisyLine(count: lesson.integer("points"), using: &lesson.random)
let n = data.count
lesson.step("\(n) points around y = 3x + 8")
lesson.say("x is drawn uniformly from [0, 1), and then")
lesson.say("  y = 3x + 8 + 0.1·N(0, 3)")
lesson.say(
    """
    where N(0, 3) is a normal draw of mean 0 and standard deviation 3 (the post's NumPy \
    convention): noise of typical size 0.3 around the line. \
    \(n > 5 ? "The first five of the \(n) points" : "The \(n) points") (seed \(lesson.seed)):\n
    """)
let shown = min(5, n)
var firstPoints = Table(["k", "x", "y", "3x + 8"])
for k in 0..<shown {
    firstPoints.add(["\(k + 1)", fixed(data.x[k], 3), fixed(data.y[k], 3), fixed(3 * data.x[k] + 8, 3)])
}
firstPoints.print()
print("")
lesson.show(
    Chart(
        title: "The points and the line they came from", xLabel: "x", yLabel: "y",
        series: [
            Series("points", x: data.x, y: data.y, style: .points),
            Series("y = 3x + 8", from: 0, to: 1) { 3 * $0 + 8 }
        ]),
    name: "points")
lesson.say(
    """
    Each point is a labelled example: an input x together with the answer y we want the model to \
    give for it, its label. Learning from labelled examples is supervised learning. Our task from \
    now on: find a and b of y = ax + b from the points alone.
    """)

// MARK: - Step 2: the loss of a line

lesson.step("How wrong is the line a = 0, b = 0?")
lesson.say(
    """
    For each point the line predicts ŷ = ax + b; the error is ŷ − y. Square each error, then \
    average over all N points:
    """)
lesson.say("  MSE = (1/N) Σ (a·xₖ + b − yₖ)²\n")
let flat = Line(slope: 0, intercept: 0)
let one = Line(slope: 1, intercept: 1)
var working = Table(["k", "prediction ŷ", "y", "error ŷ − y", "squared"])
for k in 0..<shown {
    let error = flat(data.x[k]) - data.y[k]
    working.add(["\(k + 1)", fixed(flat(data.x[k]), 3), fixed(data.y[k], 3), fixed(error, 3), fixed(error * error, 3)])
}
working.print()
if n > shown { lesson.say("  … and \(n - shown) more points.") }
print("")
let lossFlat = meanSquaredError(of: flat, on: data)
let lossOne = meanSquaredError(of: one, on: data)
let postFlat = 92.67
let postOne = 65.36
let expectedFlat = 9.5 * 9.5 + 9.0 / 12 + 0.09
let expectedOne = 8.0 * 8.0 + 4.0 / 12 + 0.09
var losses = Table(["line (a, b)", "our loss", "the post's draw", "expected value"])
losses.add(["(0, 0)", fixed(lossFlat, 2), fixed(postFlat, 2), fixed(expectedFlat, 2)])
losses.add(["(1, 1)", fixed(lossOne, 2), fixed(postOne, 2), fixed(expectedOne, 2)])
losses.print()
lesson.say(
    """
    \nEvery draw of the points gives a different loss. The expected value is the loss averaged \
    over all possible draws. Working it out takes two ideas. The mean E[v] of a random number v is \
    its average over many draws. Its variance is the average squared distance from that mean,
    """)
lesson.say("  Var(v) = E[(v − E[v])²]")
lesson.say(
    """
    and its square root is the standard deviation, the typical distance from the mean. Expanding \
    the square gives
    """)
lesson.say("  E[v²] = (E[v])² + Var(v)")
lesson.say(
    """
    The loss of (0, 0) is the mean of y². A uniform x on [0, 1) has mean ½ and variance 1/12, the \
    noise has variance 0.3² = 0.09, so
    """)
lesson.say("  E[y] = 3·½ + 8 = 9.5\n  Var(y) = 9·Var(x) + Var(noise) = 9/12 + 0.09")
lesson.say("  E[y²] = 9.5² + 9/12 + 0.09 = \(fixed(expectedFlat, 2))")
lesson.say("The error of the line (1, 1) is")
lesson.say("  y − x − 1 = 2x + 7 + noise")
lesson.say("with mean 8 and variance 4/12 + 0.09, so")
lesson.say("  E[(y − x − 1)²] = 8² + 4/12 + 0.09 = \(fixed(expectedOne, 2))")

/// The losses of (0, 0) and (1, 1) on `draws` fresh sets of `count` points.
@MainActor func lossesOfFreshDraws(count: Int, draws: Int) -> (flat: [Double], one: [Double]) {
    var flatLosses: [Double] = []
    var oneLosses: [Double] = []
    for _ in 0..<draws {
        let fresh = LineData.noisyLine(count: count, using: &lesson.random)
        flatLosses.append(meanSquaredError(of: flat, on: fresh))
        oneLosses.append(meanSquaredError(of: one, on: fresh))
    }
    return (flatLosses, oneLosses)
}
let drawCount = 1000
let ourSize = lossesOfFreshDraws(count: n, draws: drawCount)
let postSize = n == 50 ? ourSize : lossesOfFreshDraws(count: 50, draws: drawCount)
let ourFlat = DrawComparison(value: lossFlat, draws: ourSize.flat)
let ourOne = DrawComparison(value: lossOne, draws: ourSize.one)
let postFlatDraw = DrawComparison(value: postFlat, draws: postSize.flat)
let postOneDraw = DrawComparison(value: postOne, draws: postSize.one)
let judged = [
    ("ours, (0, 0)", ourFlat), ("ours, (1, 1)", ourOne), ("post, (0, 0)", postFlatDraw), ("post, (1, 1)", postOneDraw)
]
func verdictText(_ verdict: DrawVerdict) -> String {
    switch verdict {
    case .typical: return "ordinary"
    case .unusuallyHigh: return "unusually high"
    case .unusuallyLow: return "unusually low"
    }
}
let postDrawsNote =
    n == 50 ? "" : ", and \(drawCount) sets of 50 points for the post's numbers, which come from 50 points"
lesson.say(
    """
    \nHow far from the expected value does one draw land? We drew \(drawCount) more sets of \
    \(n) points\(postDrawsNote). The z column is how many standard deviations a loss lies from \
    the mean of its draws; a loss counts as unusual when fewer than 1 in 20 of the draws land \
    as far from the mean or farther:\n
    """)
var spread = Table(["draw", "loss", "mean", "std. dev.", "z", "as far", "verdict"])
for (name, comparison) in judged {
    spread.add([
        name, fixed(comparison.value, 2), fixed(comparison.mean, 2), fixed(comparison.standardDeviation, 2),
        String(format: "%+.1f", comparison.standardScore), "\(comparison.atLeastAsFar)/\(comparison.drawCount)",
        verdictText(comparison.verdict)
    ])
}
spread.print()
print("")
if let odd = [("(0, 0)", ourFlat), ("(1, 1)", ourOne)].first(where: { $0.1.verdict != .typical }) {
    lesson.say(
        """
        Our draw (seed \(lesson.seed)) is an unusual one: the loss of \(odd.0) lies \
        \(fixed(abs(odd.1.standardScore), 1)) standard deviations \
        \(odd.1.verdict == .unusuallyHigh ? "above" : "below") the mean of \(n)-point draws, and \
        \(share(odd.1.atLeastAsFar, of: odd.1.drawCount)) other draws landed as far out. Nothing \
        is wrong with it; it is simply one of the rarer sets of points, so do not expect its \
        numbers to match the post's or the expected values closely.
        """)
} else {
    lesson.say(
        """
        Our draw (seed \(lesson.seed)) is an ordinary one: both its losses lie within the usual \
        spread of \(n)-point draws.
        """)
}
if postFlatDraw.verdict == .typical && postOneDraw.verdict == .typical {
    lesson.say("The post's 92.67 and 65.36 are ordinary draws of 50 points.")
} else {
    lesson.say(
        """
        The post's numbers are not both ordinary for 50 points: at least one lies outside the \
        usual spread of 50-point draws.
        """)
}
if n != 50 {
    let ours = ourFlat.standardDeviation
    let fifty = postFlatDraw.standardDeviation
    let narrower = ours < fifty
    lesson.say(
        """
        The spread of (0, 0) is \(fixed(ours, 2)) for \(n) points against \(fixed(fifty, 2)) for 50 \
        points: \(fixed(narrower ? fifty / ours : ours / fifty, 2)) times \(narrower ? "narrower" : "wider"). \
        A mean of N independent numbers varies like 1/√N, which predicts \
        √(\(max(n, 50))/\(min(n, 50))) = \(fixed((Double(max(n, 50)) / Double(min(n, 50))).squareRoot(), 2)) times.
        """)
}
print("")
lesson.show(
    Chart(
        title: "Two guesses, both far from the points", xLabel: "x", yLabel: "y",
        series: [
            Series("points", x: data.x, y: data.y, style: .points),
            Series("a = 0, b = 0 (loss \(fixed(lossFlat, 2)))", from: 0, to: 1) { flat($0) },
            Series("a = 1, b = 1 (loss \(fixed(lossOne, 2)))", from: 0, to: 1) { one($0) }
        ]),
    name: "two-guesses")

// MARK: - Step 3: why square the errors

lesson.step("Why square the errors?")
let truth = Line(slope: 3, intercept: 8)
let tilted = Line(slope: -3, intercept: mean(data.y) + 3 * mean(data.x))  // through the centre (x̄, ȳ) of the points
func meanError(_ line: Line) -> Double { mean(zip(line(data.x), data.y).map { $0 - $1 }) }
let tiltedLoss = meanSquaredError(of: tilted, on: data)
let truthLoss = meanSquaredError(of: truth, on: data)
lesson.say(
    """
    Take the line y = −3x + \(fixed(tilted.intercept, 2)) through the centre (x̄, ȳ) of the points: \
    it slopes the wrong way, yet its errors above and below the points cancel out. Next to it, the \
    line the points came from:\n
    """)
let tiltedName = "y = −3x + \(fixed(tilted.intercept, 2))"
var why = Table(["measure", tiltedName, "y = 3x + 8"])
why.add(["mean of the errors (ŷ − y)", fixed(meanError(tilted), 4), fixed(meanError(truth), 4)])
why.add(["mean of the squared errors", fixed(tiltedLoss, 4), fixed(truthLoss, 4)])
why.print()
print("")
let evenBetter = abs(meanError(tilted)) < abs(meanError(truth)) ? ", even better than the right one" : ""
switch compare(loss: tiltedLoss, with: truthLoss) {
case .clearlyHigher:
    lesson.say(
        """
        By the plain mean the wrong line looks perfect\(evenBetter). The squared errors see \
        through it: \(fixed(tiltedLoss / truthLoss, 1)) times the loss of y = 3x + 8.
        """)
case .similar, .clearlyLower:
    lesson.say(
        """
        By the plain mean the wrong line looks perfect. On these \(n) points even the squared \
        errors barely tell it from y = 3x + 8: the wrong slope costs little where these few points \
        happen to lie. With more points (swift run lesson-4 --points 50) the difference shows.
        """)
}
lesson.say("Squaring also makes an error of −4 as bad as +4: both count as 16.")

// MARK: - Step 4: what a loss must satisfy

lesson.step("What a loss must satisfy")
let perfect = meanSquaredError(predicted: data.y, expected: data.y)
let bestLine = leastSquaresLine(data)
let bestLoss = meanSquaredError(of: bestLine, on: data)
let bestText = "a = \(fixed(bestLine.slope, 3)), b = \(fixed(bestLine.intercept, 3))"
lesson.say("1. Never negative: a mean of squares is ≥ 0, so 0 is the best score any model can get.")
switch agreement(largestDifference: bestLoss, scale: lossFlat) {
case .differ:
    lesson.say(
        """
        2. Zero only when every prediction is right: predicting each y exactly gives \
        \(fixed(perfect, 4)), while even the best straight line, \(bestText), keeps \
        \(fixed(bestLoss, 4)): the noise no line can explain.
        """)
case .agree:
    lesson.say(
        """
        2. Zero only when every prediction is right: predicting each y exactly gives \
        \(fixed(perfect, 4)), and so does the best straight line, \(bestText), because a line can \
        pass through \(n) points exactly. A loss of 0 here means the line copies these points, \
        noise and all, not that it found y = 3x + 8.
        """)
}
lesson.say("3. Easy to differentiate: (ŷ − y)² has the derivative 2(ŷ − y), which lesson 6 will use.")
// A network often answers with several numbers at once; the same loss covers that case.
let vectorPrediction = [0.2, 0.9, 0.1]
let vectorTarget = [0.0, 1.0, 0.0]
let vectorErrors = zip(vectorPrediction, vectorTarget).map { $0 - $1 }
let vectorLoss = meanSquaredError(predicted: vectorPrediction, expected: vectorTarget)
lesson.say(
    """
    \nA model can answer with several numbers at once, a vector ŷ (lesson 11's network gives ten, \
    one per digit). Its loss on one sample is the mean over the n outputs, \
    MSE(ŷ, y) = (1/n) Σᵢ (ŷᵢ − yᵢ)². For ŷ = (0.2, 0.9, 0.1) against y = (0, 1, 0) the errors \
    are \(vectorErrors.map { signed($0, 1) }.joined(separator: ", ")), so
    """)
lesson.say("  MSE = (\(vectorErrors.map { fixed($0 * $0, 2) }.joined(separator: " + "))) / 3 = \(fixed(vectorLoss, 4))")
lesson.say(
    """
    \nFor many samples the total loss is the mean of each sample's loss, so it does not grow just \
    because we have more data.
    """)

// MARK: - Step 5: the loss along a = b

lesson.step("The loss as a function of the parameters")
lesson.say(
    """
    The loss depends on two numbers, a and b: a surface over a plane. To draw it as a curve, look \
    only at lines with a = b = t, that is y = t·x + t, for t from 0 to 12:\n
    """)
let ts = (0...240).map { Double($0) / 20 }
let lossAlong = ts.map { t in meanSquaredError(of: Line(slope: t, intercept: t), on: data) }
let best = lossAlong.indices.min { lossAlong[$0] < lossAlong[$1] }!
lesson.show(
    Chart(
        title: "Loss of the line y = t·x + t", xLabel: "t (= a = b)", yLabel: "MSE",
        series: [
            Series("loss", x: ts, y: lossAlong),
            Series("lowest", x: [ts[best]], y: [lossAlong[best]], style: .points)
        ]),
    name: "loss-along-a-equals-b")
lesson.say("The lowest point of the scan is t = \(fixed(ts[best], 2)) with a loss of \(fixed(lossAlong[best], 4)).")
lesson.say("The expected loss, averaged over all draws of the points, is lowest at")
lesson.say("  t = E[y(x + 1)] / E[(x + 1)²] = 14.5 / (7/3) ≈ 6.21")

// MARK: - Step 6: the best line with a = b

lesson.step("The line at t = \(fixed(ts[best], 2))")
let tLine = Line(slope: ts[best], intercept: ts[best])
let tLoss = lossAlong[best]
lesson.show(
    Chart(
        title: "y = \(fixed(ts[best], 2))x + \(fixed(ts[best], 2)) against the points", xLabel: "x", yLabel: "y",
        series: [
            Series("points", x: data.x, y: data.y, style: .points),
            Series("a = b = \(fixed(ts[best], 2))", from: 0, to: 1) { tLine($0) }
        ]),
    name: "best-line-a-equals-b")
let betterThanGuesses = compare(loss: tLoss, with: min(lossFlat, lossOne)) == .clearlyLower
lesson.say(
    betterThanGuesses
        ? "Its loss, \(fixed(tLoss, 4)), is far below those of (0, 0) and (1, 1)."
        : "Its loss, \(fixed(tLoss, 4)), is not far below those of (0, 0) and (1, 1).")
switch (compare(loss: tLoss, with: bestLoss), agreement(largestDifference: bestLoss, scale: lossFlat)) {
case (.clearlyHigher, .agree):
    lesson.say(
        """
        But it is not the best line: the best of all, \(bestText) from step 4, has a loss of 0, \
        and a = b cannot reach it.
        """)
case (.clearlyHigher, .differ):
    lesson.say(
        """
        But it is not the best line: the best of all, \(bestText) from step 4, has a loss \
        \(fixed(tLoss / bestLoss, 1)) times lower, and a = b cannot reach it.
        """)
case (.similar, _), (.clearlyLower, _):
    lesson.say(
        """
        It comes within a factor of 2 of the best line of all, \(bestText) from step 4 (loss \
        \(fixed(bestLoss, 4))): for these points, a = b costs little.
        """)
}
lesson.say(
    """
    Scanning every (a, b) would cost a grid in two dimensions, and a grid in millions of \
    dimensions for a real network. Lesson 5 walks downhill instead.
    """)
