// swift-tools-version:6.0
//
// The students' package: one file per exercise under Sources/Exercises, one XCTest class per
// exercise under Tests/ExercisesTests. Work on a file until its checks pass:
//
//     swift run exercises          (from the course's root folder: progress, next exercise, hint)
//     cd Exercises && swift test   (all the checks, raw)
//
// The exercises use plain Swift arrays and do not depend on the course's core library, so each
// computation has to be written here; Solutions/ holds reference solutions for teachers.
import PackageDescription

let package = Package(
    name: "Exercises",
    targets: [
        .target(name: "Exercises", path: "Sources/Exercises"),
        .testTarget(name: "ExercisesTests", dependencies: ["Exercises"], path: "Tests/ExercisesTests"),
    ]
)
