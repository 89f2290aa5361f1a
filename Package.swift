// swift-tools-version:6.0
//
// The deep-learning course: one package, read top to bottom.
//
//   DeepLearning    the tested core every lesson uses (matrices, activations, layers, losses,
//                   gradients, optimisers, data)
//   Plotting        terminal charts and SVG export; knows nothing about deep learning
//   LessonSupport   what every lesson shares: flags, steps, --pause, --svg, number formatting
//   lesson-1 … 9    the lessons, one executable each, under Lessons/NN-Name
//   exercises       `swift run exercises`: the students' progress through Exercises/
//   benchmark       `swift run -c release benchmark`: the core against numpy
//   Exercises       the reference solutions, tested by the same checks the students run
import PackageDescription
#if os(Linux)
import Foundation
#endif

/// The core is compiled with optimisation even in debug builds, so that the default
/// `swift run lesson-9` trains on the digits in a few seconds. The core is tested code that a
/// student reads but rarely steps through in a debugger; the lessons and exercises stay at -Onone.
///
/// Release builds (the benchmark) also use the vector instructions of the machine that builds
/// them, AVX2 and FMA, when it is a Linux x86-64 machine that has them: Swift's default x86-64
/// target stops at SSE2, which halves the speed of the matrix product. A release build made this
/// way runs only on processors with AVX2 (every x86-64 processor since about 2015). Debug builds,
/// which is what the lessons and tests use, never get these flags.
let hostHasAVX2AndFMA: Bool = {
    #if os(Linux) && arch(x86_64)
    let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
    let words = Set(flags.split(separator: " "))
    return words.contains("avx2") && words.contains("fma")
    #else
    return false
    #endif
}()
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
    + (hostHasAVX2AndFMA ? [.unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release))] : [])

let lessons: [(number: Int, folder: String)] = [
    (1, "01-Neuron"),
    (2, "02-Activations"),
    (3, "03-Layers"),
    (4, "04-Loss"),
    (5, "05-FiniteDifferences"),
    (6, "06-AnalyticGradients"),
    (7, "07-MiniBatches"),
    (8, "08-Backprop"),
    (9, "09-Digits"),
    (13, "13-GradientTracker"),
]

let package = Package(
    name: "DeepLearningCourse",
    products: [
        .library(name: "DeepLearning", targets: ["DeepLearning"]),
        .library(name: "Plotting", targets: ["Plotting"]),
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
        .target(name: "Plotting", exclude: ["README.md"], swiftSettings: optimisedInDebug),
        .target(name: "LessonSupport", dependencies: ["DeepLearning", "Plotting"]),

        // MARK: Tools

        // MARK: Tools
        .executableTarget(name: "exercises", path: "Sources/exercises"),
        .executableTarget(name: "benchmark", dependencies: ["DeepLearning"], path: "Sources/benchmark"),

        // MARK: Reference solutions of the exercises, compiled as module `Exercises`, so that
        // `swift test` runs every exercise's checks against a correct answer
        .target(name: "Exercises", path: "Exercises/Solutions"),

        // MARK: Tests
        .testTarget(name: "DeepLearningTests", dependencies: ["DeepLearning"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "ExercisesTests", dependencies: ["Exercises"], path: "Exercises/Tests/ExercisesTests"),
        .testTarget(
            name: "LessonTests",
            dependencies: ["LessonSupport"] + lessons.map { .target(name: "lesson-\($0.number)") },
            exclude: ["Transcripts"]
        ),
    ]
)

// MARK: Lessons: `swift run lesson-N` runs Lessons/NN-Name/main.swift
for lesson in lessons {
    package.targets.append(
        .executableTarget(
            name: "lesson-\(lesson.number)",
            dependencies: ["DeepLearning", "Plotting", "LessonSupport"],
            path: "Lessons/\(lesson.folder)",
            exclude: ["README.md"]
        )
    )
}
