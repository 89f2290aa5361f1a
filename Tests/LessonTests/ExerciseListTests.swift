import Foundation
import XCTest

/// The course's two manifests list the exercises twice: the students' Exercises/Package.swift
/// builds their files, the root Package.swift builds the reference solutions against the same
/// checks. The two lists must be the same, line for line, and in course order.
final class ExerciseListTests: XCTestCase {
    /// The `("E07_…", [...]),` lines of a manifest.
    static func listLines(_ path: String) throws -> [String] {
        let text = try String(contentsOf: LessonRunner.packageRoot.appendingPathComponent(path), encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            $0.hasPrefix("(\"E")
        }
    }

    func testBothManifestsListTheSameExercisesInCourseOrder() throws {
        let students = try Self.listLines("Exercises/Package.swift")
        let root = try Self.listLines("Package.swift")
        XCTAssertFalse(students.isEmpty)
        XCTAssertEqual(students, root, "Package.swift and Exercises/Package.swift must list the same exercises")
        let numbers = students.compactMap { Int($0.dropFirst(3).prefix(2)) }
        XCTAssertEqual(numbers.count, students.count)
        XCTAssertEqual(numbers, numbers.sorted(), "the exercises are listed in course order")
        XCTAssertEqual(Set(numbers).count, numbers.count, "each number once")
    }

    /// GitHub Classroom's autograding configuration gives every exercise its own test, in order.
    func testClassroomAutogradingCoversEveryExercise() throws {
        let url = LessonRunner.packageRoot.appendingPathComponent(".github/classroom/autograding.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let tests = try XCTUnwrap(json?["tests"] as? [[String: Any]])
        let names = try Self.listLines("Exercises/Package.swift").map { line in
            String(line.dropFirst(2).prefix { $0 != "\"" })
        }
        XCTAssertEqual(
            tests.compactMap { $0["run"] as? String },
            names.map { "cd Exercises && swift test --filter \($0)Tests" })
    }
}
