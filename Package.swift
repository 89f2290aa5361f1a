// swift-tools-version:6.0
//
// The deep-learning course: one package, read top to bottom.
//
//   DeepLearning    the tested core every lesson uses (matrices, activations, layers, losses,
//                   gradients, optimisers, data)
//   Plotting        terminal charts and SVG export; knows nothing about deep learning
//   LessonSupport   what every lesson shares: flags, steps, --pause, --svg, number formatting
//   lesson-1 … 15   the lessons, one executable each, under Lessons/NN-Name
//   exercises       `swift run exercises`: the students' progress through Exercises/
//   benchmark       `swift run -c release benchmark`: the core against numpy
//   course-site     `swift run course-site DIR`: the course as a static web site, from real runs
//   E01_… E36_…     the reference solutions of the exercises, one module each (as in the
//                   students' package), tested by the same checks the students run
import PackageDescription
import Foundation

/// The core is compiled with optimisation even in debug builds, so that the default
/// `swift run lesson-11` trains on the digits in a few seconds. The core is tested code that a
/// student reads but rarely steps through in a debugger; the lessons, Plotting and the exercises
/// stay at -Onone. (Measured on a 2-core machine: the first `swift run lesson-1` of a fresh clone
/// takes 26 s this way, 37 s with Plotting at -O too, which made no lesson faster by more than 0.2 s;
/// -Osize for the core saves no time and leaves the kernels' vector arithmetic unspecialised.)
///
/// Release builds (the benchmark) also use the vector instructions of the machine that builds
/// them, when it is a Linux x86-64 machine that has them: Swift's default x86-64 target stops at
/// SSE2, which halves the speed of the matrix product.
/// - With AVX-512 (F, CD, BW, DQ, VL: every Intel server processor since Skylake-SP, AMD since
///   Zen 4): `-target-cpu skylake-avx512` and WIDE_VECTORS, so the product kernels compute with
///   8 doubles per vector in 32 registers (see Matrix+MultiplyAdd.swift).
/// - Else with AVX2 and FMA (every x86-64 processor since about 2015): `-target-cpu haswell`,
///   4 doubles per vector.
/// A release build made this way runs only on processors with those instructions. Debug builds,
/// which is what the lessons and tests use, never get these flags. FUSED_MULTIPLY_ADD (both
/// cases) lets the matrix product round each step acc + a·b once instead of twice: twice the
/// speed, and the same numbers up to the last bits. The vector width changes no number.
let hostVectorFlags: Set<Substring> = {
    #if os(Linux) && arch(x86_64)
    let flags =
        (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
    return Set(flags.split(separator: " "))
    #else
    return []
    #endif
}()
let hostHasAVX2AndFMA = hostVectorFlags.isSuperset(of: ["avx2", "fma"])
let hostHasAVX512 =
    hostHasAVX2AndFMA && hostVectorFlags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])
let releaseVectorFlags: [SwiftSetting] =
    hostHasAVX512
    ? [
        .unsafeFlags(["-target-cpu", "skylake-avx512"], .when(configuration: .release)),
        .define("FUSED_MULTIPLY_ADD", .when(configuration: .release)),
        .define("WIDE_VECTORS", .when(configuration: .release))
    ]
    : hostHasAVX2AndFMA
        ? [
            .unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release)),
            .define("FUSED_MULTIPLY_ADD", .when(configuration: .release))
        ] : []
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))] + releaseVectorFlags

let lessons: [(number: Int, folder: String)] = [
    (1, "01-Neuron"),
    (2, "02-Activations"),
    (3, "03-Layers"),
    (4, "04-Loss"),
    (5, "05-FiniteDifferences"),
    (6, "06-ExactGradients"),
    (7, "07-LearningRates"),
    (8, "08-GradientTracker"),
    (9, "09-MiniBatches"),
    (10, "10-Backprop"),
    (11, "11-Digits"),
    (12, "12-Generalisation"),
    (13, "13-SoftmaxCrossEntropy"),
    (14, "14-FasterDescent"),
    (15, "15-Convolutions")
]

/// The exercises in course order, the same list as in Exercises/Package.swift (a test checks that
/// the two agree): one line per exercise, its name and the earlier exercises it uses. The root
/// package compiles each reference solution, Exercises/Solutions/<name>.swift, as a module of that
/// name (the students' package does the same with their files), so the very same check files run
/// against the solutions here. (The list is written out rather than read from the other manifest:
/// SwiftPM caches a manifest's result by its own text, so a list read from elsewhere could go stale.)
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

let package = Package(
    name: "DeepLearningCourse",
    products: [
        .library(name: "DeepLearning", targets: ["DeepLearning"]),
        .library(name: "Plotting", targets: ["Plotting"])
    ],
    targets: [
        // MARK: Core library
        .target(
            name: "DeepLearning",
            exclude: ["README.md"],
            resources: [.copy("Data")],
            swiftSettings: optimisedInDebug
        ),

        // MARK: Pictures and lesson support
        .target(name: "Plotting", exclude: ["README.md"]),
        .target(name: "LessonSupport", dependencies: ["DeepLearning", "Plotting"]),

        // MARK: Tools
        .executableTarget(name: "exercises", path: "Sources/exercises"),
        .executableTarget(
            name: "benchmark", dependencies: ["DeepLearning"], path: "Sources/benchmark", exclude: ["Peers"]),
        .executableTarget(
            name: "course-site",
            dependencies: lessons.map { .target(name: "lesson-\($0.number)") },
            path: "Sources/course-site"
        ),

        // MARK: The exercises' checks (their solutions are added below)
        .target(name: "ExerciseChecks", path: "Exercises/Tests/ExerciseChecks"),

        // MARK: Tests
        .testTarget(name: "DeepLearningTests", dependencies: ["DeepLearning"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(
            name: "ExercisesTests",
            dependencies: ["ExerciseChecks"] + exercises.map { .target(name: $0.name) },
            path: "Exercises/Tests/ExercisesTests"
        ),
        .testTarget(name: "CourseSiteTests", dependencies: ["course-site"]),
        .testTarget(
            name: "LessonTests",
            dependencies: ["LessonSupport"] + lessons.map { .target(name: "lesson-\($0.number)") },
            exclude: ["Transcripts"]
        )
    ]
)

// MARK: Exercises: each reference solution a module of its own, named like the exercise
for exercise in exercises {
    package.targets.append(
        .target(
            name: exercise.name,
            dependencies: exercise.uses.map { .target(name: $0) },
            path: "Exercises/Solutions",
            exclude: exercises.map { "\($0.name).swift" }.filter { $0 != "\(exercise.name).swift" },
            sources: ["\(exercise.name).swift"]
        )
    )
}

// MARK: Lessons: `swift run lesson-N` runs Lessons/NN-Name/main.swift
for lesson in lessons {
    package.targets.append(
        .executableTarget(
            name: "lesson-\(lesson.number)",
            dependencies: ["DeepLearning", "Plotting", "LessonSupport"],
            path: "Lessons/\(lesson.folder)",
            exclude: ["README.md", "TEACHING.md"]
        )
    )
}
