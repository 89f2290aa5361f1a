// swift-tools-version:6.0
//
// The students' package: one file per exercise under Sources/Exercises, the checks of each under
// Tests/ExercisesTests. Work on a file until its checks pass:
//
//     swift run exercises          (from the course's root folder: progress, next exercise, hint)
//     cd Exercises && swift test   (all the checks, raw; `swift test --filter E08` for one)
//
// Every exercise is a module of its own (named like its file), with a test target of its own, so
// a file that does not compile stops only its own checks (and those of the exercises that use
// it): the runner checks and counts all the others.
//
// The exercises use plain Swift arrays and do not depend on the course's core library, so each
// computation has to be written here; Solutions/ holds reference solutions for teachers.
import PackageDescription
import Foundation

/// The exercises in course order, one a line: the name of its file under Sources/Exercises (also
/// the name of its module), and the earlier exercises whose functions it uses.
///
/// Adding an exercise is adding three files and one line here (and in the root list): the stub
/// `Sources/Exercises/<name>.swift`, the checks `Tests/ExercisesTests/<name>Tests.swift`, the
/// reference solution `Solutions/<name>.swift` (with its "Why it works" note), and the line.
/// The root Package.swift holds the same list (a test checks that the two agree), to compile the
/// solutions and run the same checks.
let exercises: [(name: String, uses: [String])] = [
    ("E01_NeuronOutput", []),
    ("E02_ReLUThreshold", []),
    ("E03_Activations", []),
    ("E04_SigmoidDerivative", ["E03_Activations"]),
    ("E05_Softplus", ["E03_Activations"]),
    ("E06_DenseForward", ["E03_Activations"]),
    ("E07_CollapseLinearLayers", []),
    ("E08_MeanSquaredError", []),
    ("E09_PredictExpectedLoss", []),
    ("E10_CentralDifference", []),
    ("E11_FiniteDifferenceStep", []),
    ("E12_LineGradient", []),
    ("E13_GradientDescent", ["E12_LineGradient"]),
    ("E14_StableLearningRate", []),
    ("E15_PredictParabolaSteps", []),
    ("E16_LocalDerivatives", []),
    ("E17_TopologicalOrder", []),
    ("E18_AccumulatedGradients", []),
    ("E19_MiniBatches", []),
    ("E20_PredictUpdatesPerEpoch", []),
    ("E21_MiniBatchEpoch", []),
    ("E22_DenseBackward", []),
    ("E23_TrainXOR", ["E03_Activations"]),
    ("E24_ChainRuleTwoLayers", []),
    ("E25_Accuracy", []),
    ("E26_OneHot", []),
    ("E27_ConfusionMatrix", []),
    ("E28_EarlyStopping", []),
    ("E29_PredictGeneralisationGap", []),
    ("E30_WeightDecayStep", []),
    ("E31_StableSoftmax", []),
    ("E32_CrossEntropyGradient", []),
    ("E33_MomentumStep", []),
    ("E34_AdamStep", []),
    ("E35_Convolution2D", []),
    ("E36_MaxPooling", [])
]

/// Exercises left out of this build: those named in EXERCISES_SKIP (the runner sets it to leave
/// out a file that does not compile), those whose file or checks are missing, and those that use one of them.
let here = URL(fileURLWithPath: Context.packageDirectory)
var skipped = Set((ProcessInfo.processInfo.environment["EXERCISES_SKIP"] ?? "").split(separator: ",").map(String.init))
for exercise in exercises {
    let files = ["Sources/Exercises/\(exercise.name).swift", "Tests/ExercisesTests/\(exercise.name)Tests.swift"]
    let missing = files.contains { !FileManager.default.fileExists(atPath: here.appendingPathComponent($0).path) }
    if missing || exercise.uses.contains(where: skipped.contains) {
        skipped.insert(exercise.name)
    }
}
let built = exercises.filter { !skipped.contains($0.name) }

let package = Package(
    name: "Exercises",
    targets: [
        // What every exercise's checks share: the messages with expected, got and the lesson.
        .target(name: "ExerciseChecks", path: "Tests/ExerciseChecks")
    ]
)

for exercise in built {
    // Each target takes one file of the shared folder and leaves out the others that exist.
    let others = exercises.map(\.name).filter { $0 != exercise.name }
    func present(_ folder: String, _ suffix: String) -> [String] {
        others.map { "\($0)\(suffix).swift" }
            .filter { FileManager.default.fileExists(atPath: here.appendingPathComponent("\(folder)/\($0)").path) }
    }
    package.targets.append(
        .target(
            name: exercise.name,
            dependencies: exercise.uses.map { .target(name: $0) },
            path: "Sources/Exercises",
            exclude: present("Sources/Exercises", ""),
            sources: ["\(exercise.name).swift"]
        ))
    package.targets.append(
        .testTarget(
            name: "\(exercise.name)Tests",
            dependencies: [.target(name: exercise.name), "ExerciseChecks"],
            path: "Tests/ExercisesTests",
            exclude: present("Tests/ExercisesTests", "Tests"),
            sources: ["\(exercise.name)Tests.swift"]
        ))
}
