// Lesson 11 · A real classifier: handwritten digits
//
// Everything so far, on real data: 8×8 images of handwritten digits, a 64-h-10 network, mini-batch
// training with backprop, a validation set to watch during training and a test set used only at
// the end, and the practitioner's questions: how big a net, how fast, how long, and does it
// generalise?
import Foundation
import DeepLearning
import LessonSupport
import Plotting

/// Digits held out from the training file as the validation set.
let validationCount = 500
/// The training file must hold the validation digits and some to train on (lesson 12 needs 1300).
let neededTrainingDigits = validationCount + 800
/// The bundled training file holds 3823 digits; 500 of them validate.
let maximumTrainSize = 3823 - validationCount

let lesson = Lesson(
    number: 11, title: "A real classifier: handwritten digits",
    summary:
        "Train a network to read 8×8 handwritten digits, with a validation set to watch and a test set for the end.",
    options: [
        .epochs(default: 12, maximum: 100, help: "passes through the training images"),
        LessonOption("hidden", default: "48", .integer(1...256), help: "hidden units"),
        .learningRate(default: "30", maximum: 1000, help: "the peak of the cyclical learning rate"),
        LessonOption("batch-size", default: "10", .integer(1...maximumTrainSize), help: "images per mini-batch"),
        LessonOption(
            "train-size", default: "\(maximumTrainSize)", .integer(1...maximumTrainSize),
            help: "how many training images to use (the last 500 of the training file validate)"),
        LessonOption(
            "data", default: "", .path,
            help: "a folder holding optdigits.tra and optdigits.tes (default: the copy in the course)")
    ])

// MARK: - Step 1: the data

let digits = lesson.loadDigitsFolder(validationCount: validationCount, needed: neededTrainingDigits)
let (trainingFileDigits, pool, validation, test) = (digits.trainingFile, digits.pool, digits.validation, digits.test)
let training = pool.prefix(lesson.integer("train-size"))

lesson.step("The data: \(trainingFileDigits.count + test.count) handwritten digits")
if lesson.path("data") == nil {
    lesson.say(
        """
        The UCI \"Optical Recognition of Handwritten Digits\" set (Alpaydin and Kaynak, 1998, CC BY \
        4.0): each digit was scanned at 32×32, cut into 4×4 blocks, and the ink in each block \
        counted, giving 8×8 images with pixels 0–16. Thirty people wrote the \
        \(trainingFileDigits.count) digits of the training file and thirteen others the \
        \(test.count) test digits, so the test measures reading a stranger's handwriting.
        """)
    lesson.say(
        """
        \nThe first post promises a network that tells cats from dogs. Photos of animals need far \
        larger networks and data sets, trained for hours, or a network trained beforehand by \
        someone else; this course trains everything itself in seconds, so handwritten digits \
        stand in: the same task of a picture in and a class out, with ten classes instead of two.
        """)
} else {
    lesson.say(
        """
        Your folder holds \(trainingFileDigits.count) digits in optdigits.tra and \(test.count) in \
        optdigits.tes, 8×8 images with pixels 0–16.
        """)
}
lesson.say(
    """
    Three sets, three jobs. The last \(validationCount) digits of the training file are the \
    validation set: we watch it during training and choose by it. The test digits are used once, \
    at the end, to report how well the chosen net reads digits it never saw. We train on \
    \(training.count == pool.count ? "all \(pool.count) other digits" : "\(training.count) of the other \(pool.count) digits"). Pixels are scaled \
    to 0…1. The first ten:\n
    """)
func image(_ set: DigitSet, _ k: Int, caption: String) -> GrayImage {
    GrayImage(width: 8, height: 8, pixels: set.images.row(k), caption: caption)
}
lesson.show(
    (0..<min(10, training.count)).map { image(training, $0, caption: "a \(training.labels[$0])") },
    title: "The first ten training digits", name: "first-digits")

// MARK: - Step 2: the network

lesson.step("A 64-\(lesson.integer("hidden"))-10 network")
let hidden = lesson.integer("hidden")
var network = Network(sizes: [64, hidden, 10], activations: [.sigmoid, .sigmoid], using: &lesson.random)
lesson.say(
    """
    64 inputs (one per pixel), \(hidden) sigmoid hidden unit\(hidden == 1 ? "" : "s"), 10 sigmoid \
    outputs (one per digit): \(network.parameterCount) parameters, drawn at random (scaled normal). \
    The target for a 3 is the one-hot row (0, 0, 0, 1, 0, 0, 0, 0, 0, 0); the loss is the mean \
    squared error against it, and the network's answer is the output with the largest value \
    (argmax).
    """)
let untrained = score(network, images: validation.images, labels: validation.labels)
let untrainedAnswers = argmaxOfRows(network(validation.images))
let commonAnswer = (0...9).max { a, b in
    untrainedAnswers.filter { $0 == a }.count < untrainedAnswers.filter { $0 == b }.count
}!
let commonShare = Double(untrainedAnswers.filter { $0 == commonAnswer }.count) / Double(validation.count)
let untrainedVerdict: String
switch compareWithChance(accuracy: untrained.accuracy, classes: 10) {
case .aboutChance: untrainedVerdict = "about chance, the 10 % that guessing gets"
case .aboveChance: untrainedVerdict = "above the 10 % of guessing, by luck: nothing has been learned yet"
case .belowChance: untrainedVerdict = "below the 10 % of guessing, by bad luck: nothing has been learned yet"
}
lesson.say(
    """
    Untrained, it answers \(commonAnswer) for \(fixed(100 * commonShare, 0)) % of the validation \
    digits and gets \(fixed(100 * untrained.accuracy, 1)) % of them right: \(untrainedVerdict).
    """)

// MARK: - Step 3: training

let epochs = lesson.integer("epochs")
let batchSize = lesson.integer("batch-size")
let peakRate = lesson.number("learning-rate")
let schedule = LearningRateSchedule.cyclical(low: peakRate / 10, high: peakRate, steps: max(epochs - 1, 1))
let rates = (0..<epochs).map { schedule.rate(at: $0) }
/// A learning rate as text: two decimals, or scientific notation when that would show 0.00.
func rateText(_ rate: Double) -> String { rate >= 0.01 ? fixed(rate, 2) : scientific(rate, 1) }
var optimizer = StochasticGradientDescent(learningRate: peakRate)
lesson.step(
    "Training: \(epochs) epoch\(epochs == 1 ? "" : "s"), batches of \(batchSize), lr up to \(rateText(rates.max()!))")
let batchesPerEpoch = miniBatchCount(count: training.count, batchSize: batchSize)
lesson.say(
    """
    Each epoch shuffles the \(training.count) image\(training.count == 1 ? "" : "s") into \
    \(batchesPerEpoch) batch\(batchesPerEpoch == 1 ? "" : "es") of at most \(batchSize) and takes one \
    step per batch. The learning rate follows lesson 7's cyclical schedule with its peak at \
    --learning-rate \(rateText(peakRate)), one cycle over the epochs.
    """)
if rates.max()! == rates.min()! {
    lesson.say(
        """
        With \(epochs) epoch\(epochs == 1 ? "" : "s") the cycle has no room to rise: every epoch \
        uses \(rateText(rates[0])).
        """)
} else {
    let peakNote =
        rates.max()! < peakRate
        ? " (the peak falls between two epochs, so no epoch uses \(rateText(peakRate)) itself)" : ""
    lesson.say(
        """
        Taken once per epoch, it goes from \(rateText(rates.first!)) up to \(rateText(rates.max()!))\
        \(peakNote) and back to \(rateText(rates.last!)): the last epochs take smaller steps, meant to \
        let the weights settle.
        """)
}
lesson.say(
    """
    (Our loss averages over the 10 outputs too, so its gradients are 5× smaller than with the \
    ½Σ(a − y)² convention of many books, and the rates are 5× larger.) After each epoch the \
    table shows the training loss and both accuracies of the net as it is then, each measured \
    in one pass over the whole set.\n
    """)
let trainingTargets = training.oneHotLabels
let untrainedLoss = score(network, images: training.images, labels: training.labels).loss
var table = Table(["epoch", "lr", "training loss", "training accuracy", "validation accuracy"])
var trainingScores: [ClassifierScore] = []
var validationScores: [ClassifierScore] = []
var divergedAt: Int?
if lesson.animates {
    // Printed row by row: the columns are sized once, for the widest values to come.
    table.reserveSpace(for: ["\(epochs)", rateText(rates.max()!), fixed(0, 5), "100.00 %", "100.00 %"])
    print(table.rendered())
}
for epoch in 1...epochs {
    optimizer.learningRate = rates[epoch - 1]
    trainOneEpoch(
        &network, inputs: training.images, targets: trainingTargets, batchSize: batchSize,
        optimizer: optimizer, using: &lesson.random
    ) { done, total in
        lesson.progress("epoch \(epoch)/\(epochs)", done: done, total: total)
    }
    lesson.endProgress()
    let trainingScore = score(network, images: training.images, labels: training.labels)
    guard trainingScore.loss.isFinite, network.parameters.allSatisfy(\.isFinite) else {
        divergedAt = epoch
        break
    }
    trainingScores.append(trainingScore)
    validationScores.append(score(network, images: validation.images, labels: validation.labels))
    table.add([
        "\(epoch)", rateText(optimizer.learningRate), fixed(trainingScore.loss, 5),
        fixed(100 * trainingScore.accuracy, 2) + " %", fixed(100 * validationScores.last!.accuracy, 2) + " %"
    ])
    if lesson.animates { print(table.rendered().split(separator: "\n").last!) }
}
if !lesson.animates { table.print(maxRows: 20) }
print("")
if trainingScores.count >= 2 {
    let measured = (1...trainingScores.count).map(Double.init)
    lesson.show(
        Chart(
            title: "Accuracy after each epoch", xLabel: "epoch", yLabel: "% right",
            series: [
                Series("training", x: measured, y: trainingScores.map { 100 * $0.accuracy }),
                Series("validation", x: measured, y: validationScores.map { 100 * $0.accuracy })
            ]),
        name: "accuracy")
}
let trained = divergedAt == nil
/// The accuracy on the test set, measured once at the end of a run that did not diverge.
var testAccuracy: Double?
if let divergedAt {
    lesson.say(
        """
        At epoch \(divergedAt) (lr \(rateText(rates[divergedAt - 1]))) the weights overflowed and the \
        loss became NaN: the steps were far too big. There is no trained net to test, so steps 4 \
        and 5 are skipped; try a smaller --learning-rate.
        """)
} else {
    let final = validationScores.last!
    let bestValidation = validationScores.map(\.accuracy).max()!
    let bestEpoch = validationScores.firstIndex { $0.accuracy == bestValidation }! + 1
    let afterFirst = epochs > 1 ? " and \(fixed(trainingScores.first!.loss, 5)) after epoch 1" : ""
    let bestText =
        final.accuracy == bestValidation
        ? ", its best\(bestEpoch < epochs ? " (first reached at epoch \(bestEpoch))" : "")"
        : " (its best, \(fixed(100 * bestValidation, 2)) %, came at epoch \(bestEpoch))"
    lesson.say(
        """
        The training loss was \(fixed(untrainedLoss, 5)) untrained\(afterFirst); it ends at \
        \(fixed(trainingScores.last!.loss, 5)) after epoch \(epochs). Validation accuracy ends at \
        \(fixed(100 * final.accuracy, 2)) %\(bestText).
        """)
    if abs(trainingScores.last!.loss - trainingScores.first!.loss) < 0.01 * trainingScores.first!.loss && epochs > 1 {
        if untrainedLoss - trainingScores.first!.loss < 0.01 * untrainedLoss {
            lesson.say(
                """
                The training loss hardly moved at all (less than 1 % in epoch 1 and after it): \
                the steps are too small to move the weights.
                """)
        } else {
            lesson.say(
                """
                After epoch 1 the training loss hardly moved (less than 1 %), although epoch 1 \
                itself took it from \(fixed(untrainedLoss, 5)) to \(fixed(trainingScores.first!.loss, 5)): \
                the weights are stuck. The usual cause is sigmoids pushed far out to their flat \
                ends, where almost no gradient passes back; steps far too big do that.
                """)
        }
    }
    // Still climbing at the end: the last epoch set a new best, a point or more above every earlier
    // epoch (a rebound to a best only a little above an earlier one is not called learning; a run
    // that fell from an earlier best is spoken of below).
    let earlierBest = epochs > 1 ? validationScores[0..<(epochs - 1)].map(\.accuracy).max()! : 0
    if epochs > 1 && final.accuracy - earlierBest >= 0.01
        && compareWithChance(accuracy: final.accuracy, classes: 10) == .aboveChance
    {
        lesson.say(
            """
            That is \(fixed(100 * (final.accuracy - earlierBest), 1)) points above every earlier epoch \
            (\(fixed(100 * earlierBest, 2)) % at best): this run stopped while it was still learning.
            """)
    }
    if bestValidation - final.accuracy > 0.02 {
        lesson.say(
            """
            The last net is \(fixed(100 * (bestValidation - final.accuracy), 1)) points below the \
            net of epoch \(bestEpoch): later epochs lost ground it had won. Keeping the net of the \
            best validation epoch (early stopping, lesson 12) would have kept it.
            """)
    }
    switch compareWithChance(accuracy: final.accuracy, classes: 10) {
    case .aboveChance:
        break
    case .aboutChance, .belowChance:
        lesson.say(
            """
            That is no better than guessing: this run did not learn to read digits. (Too few \
            images, too few steps, a rate too small to move the weights or so big that the \
            sigmoids saturate: each can do it.)
            """)
    }
    let testScore = score(network, images: test.images, labels: test.labels)
    testAccuracy = testScore.accuracy
    lesson.say(
        """
        Now, once, the test set: \(fixed(100 * testScore.accuracy, 2)) % of \(test.count) digits \
        the network never saw\(lesson.path("data") == nil ? ", written by other people" : "").
        """)
}

// MARK: - Step 4: which digits it confuses

if trained {
    lesson.step("Which digits get confused")
    let predictions = argmaxOfRows(network(test.images))
    let confusion = confusionMatrix(predicted: predictions, expected: test.labels, classes: 10)
    lesson.say("Row: the true digit; column: what the network said, on the test set. The diagonal is right.\n")
    let digitLabels = (0...9).map(String.init)
    lesson.show(
        MatrixHeatMap(
            title: "Confusion matrix on the test set", rowTitle: "true digit", columnTitle: "said",
            rowLabels: digitLabels, columnLabels: digitLabels, counts: confusion),
        name: "confusion-matrix")
    // On one shading scale the diagonal's hundreds leave every mistake in the lightest shade, so
    // the mistakes are drawn again on their own scale.
    var mistakesOnly = confusion
    for digit in 0..<10 { mistakesOnly[digit][digit] = 0 }
    if mistakesOnly.joined().contains(where: { $0 > 0 }) {
        lesson.say(
            """
            \nOn that scale every mistake gets the lightest shade. The mistakes alone, shaded against \
            the most frequent one, show which confusions stand out:\n
            """)
        lesson.show(
            MatrixHeatMap(
                title: "Mistakes only (the diagonal left out)", rowTitle: "true digit", columnTitle: "said",
                rowLabels: digitLabels, columnLabels: digitLabels, counts: mistakesOnly),
            name: "confusion-mistakes")
    }
    var rightPerDigit = Table(["true digit"] + digitLabels)
    rightPerDigit.add(
        ["% right"]
            + (0...9).map { digit -> String in
                let total = confusion[digit].reduce(0, +)
                return total == 0 ? "—" : fixed(100 * Double(confusion[digit][digit]) / Double(total), 1)
            })
    lesson.say("")
    rightPerDigit.print()
    let wrong = test.labels.indices.filter { predictions[$0] != test.labels[$0] }
    if wrong.isEmpty {
        lesson.say("\nNo mistakes at all.")
    } else {
        let hardest = hardestClasses(in: confusion)!
        let worst = mostFrequentConfusions(in: confusion)!
        let hardestText =
            hardest.classes.count == 1
            ? "The hardest digit here is \(hardest.classes[0]) (\(fixed(100 * hardest.share, 1)) % right)"
            : "The hardest digits here are \(listed(hardest.classes.map(String.init))) (\(fixed(100 * hardest.share, 1)) % right each)"
        let times = "\(worst.count) time\(worst.count == 1 ? "" : "s")"
        let pairWords = worst.pairs.map { "\($0.truth == 8 ? "an" : "a") \($0.truth) read as \($0.said)" }
        let confusionText =
            worst.pairs.count == 1
            ? "the most frequent confusion is \(pairWords[0]) (\(times))"
            : worst.pairs.count <= 4
                ? "the most frequent confusions are \(listed(pairWords)) (\(times) each)"
                : "\(worst.pairs.count) confusions tie as the most frequent, \(times) each"
        lesson.say(
            """
            \n\(wrong.count) mistake\(wrong.count == 1 ? "" : "s"). \(hardestText); \(confusionText). \
            \(wrong.count > 8 ? "The first eight" : "All of them"):\n
            """)
        lesson.show(
            wrong.prefix(8).map { image(test, $0, caption: "said \(predictions[$0]), is \(test.labels[$0])") },
            title: "Misread test digits", name: "mistakes")
    }
}

// MARK: - Step 5: what the hidden units look for

if trained {
    lesson.step("What the first layer learned")
    let shownUnits = Array(0..<min(6, hidden))
    lesson.say(
        """
        Column j of W₁ holds hidden unit j's 64 weights, one per pixel. Drawn as 8×8 images on one \
        scale shared by every unit (the denser the character, the more negative; the middle shade is \
        zero), they \
        show which strokes excite a unit and which hold it back:\n
        """)
    lesson.show(
        GrayImage.signedMaps(
            width: 8, height: 8,
            values: shownUnits.map { network.layers[0].weights.column($0) },
            captions: shownUnits.map { "unit \($0 + 1)" }),
        title: "Hidden units' weights", name: "hidden-weights")
}

if let testAccuracy, compareWithChance(accuracy: testAccuracy, classes: 10) == .aboveChance {
    lesson.say(
        """
        \nThe network reads digits it never saw, \(fixed(100 * testAccuracy, 2)) % of them right. How far \
        that holds, and what to do when a network learns its training digits by heart instead, is \
        lesson 12.
        """)
} else {
    lesson.say(
        """
        \nThis run's network reads digits it never saw no better than guessing. How well a network \
        that does learn holds up on new digits, and what to do when it learns its training digits \
        by heart instead, is lesson 12.
        """)
}
