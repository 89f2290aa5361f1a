// Lesson 9 · A real classifier: handwritten digits
//
// Everything so far, on real data: 8×8 images of handwritten digits, a 64-h-10 network, mini-batch
// training with backprop, accuracy measured on digits written by other people, and the
// practitioner's questions: how big a net, how fast, how long, and does it generalise?
import Foundation
import DeepLearning
import LessonSupport
import Plotting

let lesson = Lesson(
    number: 9, title: "A real classifier: handwritten digits",
    summary: "Train a network to read 8×8 handwritten digits, and watch for overfitting.",
    options: [
        .epochs(default: 12, maximum: 1000, help: "passes through the training images"),
        LessonOption("hidden", default: "48", .integer(1...1024), help: "hidden units"),
        .learningRate(default: "30", maximum: 1000, help: "the peak of the cyclical learning rate"),
        LessonOption("batch-size", default: "10", .integer(1...10_000), help: "images per mini-batch"),
        LessonOption("train-size", default: "3823", .integer(1...3823), help: "how many training images to use"),
        LessonOption("data", default: "", .path, help: "a folder holding optdigits.tra and optdigits.tes (default: the copy in the course)"),
    ])

// MARK: - Step 1: the data

lesson.step("The data: 5620 handwritten digits")
let folder = lesson.path("data").map { URL(fileURLWithPath: $0, isDirectory: true) } ?? bundledDigitsFolder
let fullTraining: DigitSet, test: DigitSet
do {
    fullTraining = try loadDigits(from: folder.appendingPathComponent("optdigits.tra"))
    test = try loadDigits(from: folder.appendingPathComponent("optdigits.tes"))
} catch {
    lesson.stop("\(error)")
}
let training = fullTraining.prefix(lesson.integer("train-size"))
lesson.say("""
    The UCI \"Optical Recognition of Handwritten Digits\" set (Alpaydin and Kaynak, 1998, CC BY \
    4.0): each digit was scanned at 32×32, cut into 4×4 blocks, and the ink in each block counted, \
    giving 8×8 images with pixels 0–16. Thirty people wrote the \(fullTraining.count) training \
    digits and thirteen others the \(test.count) test digits, so the test measures reading a \
    stranger's handwriting. We train on \(training.count) of the training digits. Pixels are \
    scaled to 0…1. The first ten:\n
    """)
func image(_ set: DigitSet, _ k: Int, caption: String) -> GrayImage {
    GrayImage(width: 8, height: 8, pixels: set.images.row(k), caption: caption)
}
lesson.show((0..<min(10, training.count)).map { image(training, $0, caption: "a \(training.labels[$0])") },
            title: "The first ten training digits", name: "first-digits")

// MARK: - Step 2: the network

lesson.step("A 64-\(lesson.integer("hidden"))-10 network")
let hidden = lesson.integer("hidden")
var network = Network(sizes: [64, hidden, 10], activations: [.sigmoid, .sigmoid], using: &lesson.random)
lesson.say("""
    64 inputs (one per pixel), \(hidden) sigmoid hidden units, 10 sigmoid outputs (one per digit): \
    \(network.parameterCount) parameters, drawn at random (scaled normal). The target for a 3 is \
    the one-hot row (0, 0, 0, 1, 0, 0, 0, 0, 0, 0); the loss is the mean squared error against it, \
    and the network's answer is the output with the largest value (argmax).
    """)
let guesses = argmaxOfRows(network(test.images))
lesson.say("""
    Untrained, it gets \(fixed(100 * accuracy(predicted: guesses, expected: test.labels), 1)) % of \
    the test digits right: about chance (10 %).
    """)

// MARK: - Step 3: training

let epochs = lesson.integer("epochs"), batchSize = lesson.integer("batch-size"), peakRate = lesson.number("learning-rate")
let schedule = LearningRateSchedule.cyclical(low: peakRate / 10, high: peakRate, steps: max(epochs - 1, 1))
var optimizer = StochasticGradientDescent(learningRate: peakRate)
lesson.step("Training: \(epochs) epochs, batches of \(batchSize), lr up to \(peakRate)")
lesson.say("""
    Each epoch shuffles the \(training.count) images into batches of \(batchSize) and takes one \
    step per batch. The learning rate follows lesson 6's cyclical schedule, one cycle over the \
    epochs: from \(fixed(peakRate / 10, 2)) up to \(fixed(peakRate, 2)) and back, so the last \
    epochs settle instead of bouncing. (Our loss averages over the 10 outputs too, so its \
    gradients are 5× smaller than with the ½Σ(a − y)² convention of many books, and the rates are \
    5× larger.)\n
    """)
let trainingTargets = training.oneHotLabels
var table = Table(["epoch", "lr", "training loss", "training accuracy", "test accuracy"])
var trainAccuracy: [Double] = [], testAccuracy: [Double] = []
/// Accuracy of `net` on a set, in percent.
func percentRight(_ net: Network, _ set: DigitSet) -> Double {
    100 * accuracy(predicted: argmaxOfRows(net(set.images)), expected: set.labels)
}
for epoch in 1...epochs {
    optimizer.learningRate = schedule.rate(at: epoch - 1)
    let loss = trainOneEpoch(&network, inputs: training.images, targets: trainingTargets, batchSize: batchSize,
                             optimizer: optimizer, using: &lesson.random) { done, total in
        lesson.progress("epoch \(epoch)/\(epochs)", done: done, total: total)
    }
    lesson.endProgress()
    guard loss.isFinite else { lesson.stop("the loss became nan at epoch \(epoch): lr = \(optimizer.learningRate) is far too big") }
    trainAccuracy.append(percentRight(network, training))
    testAccuracy.append(percentRight(network, test))
    table.add(["\(epoch)", fixed(optimizer.learningRate, 2), fixed(loss, 5), fixed(trainAccuracy.last!, 2) + " %", fixed(testAccuracy.last!, 2) + " %"])
    if lesson.animates { print(table.rendered().split(separator: "\n").last!) }
}
if !lesson.animates { table.print() }
print("")
lesson.show(Chart(title: "Accuracy after each epoch", xLabel: "epoch", yLabel: "% right",
                  series: [Series("training", x: (1...epochs).map(Double.init), y: trainAccuracy),
                           Series("test", x: (1...epochs).map(Double.init), y: testAccuracy)]),
            name: "accuracy")
lesson.say("""
    Final test accuracy: \(fixed(testAccuracy.last!, 2)) % of \(test.count) digits the network \
    never saw.
    """)

// MARK: - Step 4: which digits it confuses

lesson.step("Which digits get confused")
let predictions = argmaxOfRows(network(test.images))
let confusion = confusionMatrix(predicted: predictions, expected: test.labels, classes: 10)
lesson.say("Row: the true digit; column: what the network said. The diagonal is right.\n")
var confusionTable = Table(["is \\ said"] + (0...9).map(String.init) + ["right"])
for digit in 0...9 {
    let total = confusion[digit].reduce(0, +)
    confusionTable.add(["\(digit)"] + confusion[digit].map { $0 == 0 ? "." : String($0) }
                       + [fixed(100 * Double(confusion[digit][digit]) / Double(max(total, 1)), 1) + "%"])
}
confusionTable.print()
let wrong = test.labels.indices.filter { predictions[$0] != test.labels[$0] }
lesson.say("\n\(wrong.count) mistakes. Some of them:\n")
lesson.show(wrong.prefix(8).map { image(test, $0, caption: "said \(predictions[$0]), is \(test.labels[$0])") },
            title: "Misread test digits", name: "mistakes")

// MARK: - Step 5: what the hidden units look for

lesson.step("What the first layer learned")
lesson.say("""
    Column j of W₁ holds hidden unit j's 64 weights, one per pixel. Drawn as 8×8 images (dark: \
    large positive weight, light: negative), they show the strokes each unit reacts to:\n
    """)
lesson.show((0..<min(6, hidden)).map { j in
    GrayImage.heatMap(width: 8, height: 8, values: network.layers[0].weights.column(j), caption: "unit \(j + 1)")
}, title: "Hidden units' weights", name: "hidden-weights")

// MARK: - Step 6: overfitting and a cure

lesson.step("Overfitting: a big net on few examples")
let few = fullTraining.prefix(200)
let validation = fullTraining.subset(Array(200..<min(700, fullTraining.count)))
let overfitEpochs = 150
lesson.say("""
    Train a 64-128-10 net on only 200 digits for \(overfitEpochs) epochs (lr 5, batches of 10). \
    Training loss and test loss after every 10 epochs:\n
    """)
var big = Network(sizes: [64, 128, 10], activations: [.sigmoid, .sigmoid], using: &lesson.random)
var earlyStopped = big
let bigOptimizer = StochasticGradientDescent(learningRate: 5)
var stopping = EarlyStopping(patience: 15)
var stoppedAt: Int?
var lossEpochs: [Double] = [], trainLosses: [Double] = [], testLosses: [Double] = []
var lossTable = Table(["epoch", "training loss", "test loss", "test accuracy"])
for epoch in 1...overfitEpochs {
    trainOneEpoch(&big, inputs: few.images, targets: few.oneHotLabels, batchSize: 10, optimizer: bigOptimizer,
                  using: &lesson.random) { done, total in lesson.progress("epoch \(epoch)/\(overfitEpochs)", done: done, total: total) }
    if epoch % 5 == 0 || epoch == 1 {  // the test loss costs a pass over 1797 digits: every 5 epochs is enough
        lossEpochs.append(Double(epoch))
        trainLosses.append(meanSquaredError(predicted: big(few.images), expected: few.oneHotLabels))
        testLosses.append(meanSquaredError(predicted: big(test.images), expected: test.oneHotLabels))
    }
    if epoch % 10 == 0 || epoch == 1 {
        lossTable.add(["\(epoch)", fixed(trainLosses.last!, 5), fixed(testLosses.last!, 5), fixed(percentRight(big, test), 2) + " %"])
    }
    // Early stopping looks only at the validation digits, never at the test set.
    if stoppedAt == nil {
        if stopping.shouldStop(epoch: epoch, score: percentRight(big, validation)) { stoppedAt = epoch }
        if stopping.lastWasBest(epoch: epoch) { earlyStopped = big }
    }
}
lesson.endProgress()
lossTable.print()
print("")
lesson.show(Chart(title: "Loss on the 200 training digits and on the test digits", xLabel: "epoch", yLabel: "log₁₀ loss",
                  series: [Series("training", x: lossEpochs, y: trainLosses.map { log10($0) }),
                           Series("test", x: lossEpochs, y: testLosses.map { log10($0) })]),
            name: "overfitting")
lesson.say("""
    The training loss keeps falling; the test loss stops improving early. After that the net is \
    learning these 200 images, not digits: it overfits.\n
    """)
lesson.say("""
    A cure: early stopping. Hold out 500 other training digits as a validation set, check its \
    accuracy after each epoch, keep the best net, and stop after 15 epochs without progress.
    """)
let best = stopping.best!
lesson.say("""
    Here the best validation accuracy came at epoch \
    \(best.epoch)\(stoppedAt.map { " and training stopped at epoch \($0)" } ?? ""):\n
    """)
var overfit = Table(["net", "training accuracy", "test accuracy", "gap"])
var gaps: [Double] = []
for (name, net) in [("after \(overfitEpochs) epochs", big), ("early-stopped at epoch \(best.epoch)", earlyStopped)] {
    let trainPercent = percentRight(net, few), testPercent = percentRight(net, test)
    gaps.append(trainPercent - testPercent)
    overfit.add([name, fixed(trainPercent, 2) + " %", fixed(testPercent, 2) + " %", fixed(trainPercent - testPercent, 2)])
}
overfit.print()
lesson.say("""
    \nEarly stopping \(gaps[1] < gaps[0] ? "narrows" : "does not narrow") the gap between what the \
    net knows and how it generalises (\(fixed(gaps[0], 1)) → \(fixed(gaps[1], 1)) points) and \
    needs \(stoppedAt ?? overfitEpochs) epochs instead of \(overfitEpochs). The best cure is more \
    data: the net trained on all \(training.count) digits above has a gap of \
    \(fixed(trainAccuracy.last! - testAccuracy.last!, 1)) points.
    """)

// MARK: - Step 7: the practitioner's choices

lesson.step("The practitioner's choices")
lesson.say("Everything in this course, on one screen:")
lesson.say("  architecture   how many layers, how many units, which activations (--hidden)")
lesson.say("  learning rate  too small crawls, too big diverges (--learning-rate, lesson 6)")
lesson.say("  batch size     many noisy steps or few smooth ones (--batch-size, lesson 7)")
lesson.say("  epochs         until the test accuracy stops improving (--epochs)")
lesson.say("  generalisation watch the gap between training and test; more data, weight decay")
lesson.say("""
    Try: swift run lesson-9 --hidden 8, --learning-rate 20, --batch-size 100, --train-size 500.
    """)
