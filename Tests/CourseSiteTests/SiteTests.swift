import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Builds the whole site once, from real runs of the lessons, and checks it as a reader's browser
/// would meet it: every page well-formed, every link and picture there, nothing from the network.
final class SiteTests: XCTestCase {
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return Bundle.main.bundleURL
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ program: String, _ arguments: [String], in folder: URL = packageRoot) throws -> Run {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = nil
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let done = DispatchSemaphore(value: 0)
        Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }

    /// What a page holds, as read by XMLParser.
    final class PageReader: NSObject, XMLParserDelegate {
        var ids: [String] = []
        var links: [String] = []  // href of <a> and <link>
        var sources: [String] = []  // src of anything
        var elements: [String: Int] = [:]
        var figureIDs: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements[name, default: 0] += 1
            if let id = attributes["id"] {
                ids.append(id)
                if name == "figure" { figureIDs.append(id) }
            }
            if name == "a" || name == "link", let href = attributes["href"] { links.append(href) }
            if let src = attributes["src"] { sources.append(src) }
        }
    }

    static func read(_ url: URL) throws -> PageReader {
        var text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(
            text.hasPrefix("<!DOCTYPE html>\n"), "\(url.lastPathComponent) does not start with <!DOCTYPE html>")
        text = String(text.dropFirst("<!DOCTYPE html>\n".count))
        let parser = XMLParser(data: Data(text.utf8))
        let reader = PageReader()
        parser.delegate = reader
        if !parser.parse() {
            XCTFail(
                "\(url.lastPathComponent) is not well-formed at line \(parser.lineNumber), column \(parser.columnNumber): "
                    + "\(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return reader
    }

    func testTheSiteIsBuiltWellFormedWithEveryLessonLinkAndPicture() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent(
            "course-site-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Self.run("course-site", [site.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("Wrote the course site to"), result.output)

        // Every lesson folder has its page, and its teaching notes their page.
        let root = Self.packageRoot
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons").path)
            .filter { $0.range(of: #"^[0-9][0-9]-"#, options: .regularExpression) != nil }.sorted()
        XCTAssertGreaterThanOrEqual(folders.count, 12)
        let files = try FileManager.default.contentsOfDirectory(atPath: site.path)
        for folder in folders {
            let number = Int(folder.prefix(2))!
            XCTAssertTrue(files.contains("lesson-\(number).html"), "no page for Lessons/\(folder)")
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Lessons/\(folder)/TEACHING.md").path)
            {
                XCTAssertTrue(files.contains("teaching-\(number).html"), "no page for Lessons/\(folder)/TEACHING.md")
            }
        }
        XCTAssertTrue(files.contains("index.html"))
        XCTAssertTrue(files.contains("teaching.html"))
        XCTAssertTrue(files.contains("style.css"))

        // Every page parses; every link is relative and lands on a page and id that exist.
        var pages: [String: PageReader] = [:]
        for file in files where file.hasSuffix(".html") {
            pages[file] = try Self.read(site.appendingPathComponent(file))
        }
        for (file, page) in pages.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(Set(page.ids).count, page.ids.count, "\(file) has an id twice")
            XCTAssertEqual(page.elements["script"], nil, "\(file) has a script")
            for link in page.links + page.sources {
                XCTAssertFalse(
                    link.contains("://") || link.hasPrefix("//") || link.hasPrefix("/"),
                    "\(file) links outside the site: \(link)")
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? file : parts[0]
                XCTAssertTrue(
                    FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path),
                    "\(file) links to \(link), which is not in the site")
                if parts.count == 2, target.hasSuffix(".html") {
                    XCTAssertTrue(
                        pages[target]?.ids.contains(parts[1]) ?? false, "\(file) links to \(link): no such id")
                }
            }
        }

        // Every lesson page holds its walkthrough, its output and every picture of its --svg run.
        let pictureFiles = try FileManager.default.contentsOfDirectory(
            atPath: site.appendingPathComponent("pictures").path)
        XCTAssertGreaterThanOrEqual(pictureFiles.count, 20)
        for folder in folders {
            let number = Int(folder.prefix(2))!
            let page = try XCTUnwrap(pages["lesson-\(number).html"])
            XCTAssertTrue(page.ids.contains("walkthrough") && page.ids.contains("output"), "lesson-\(number).html")
            XCTAssertGreaterThanOrEqual(page.elements["pre", default: 0], 2, "lesson-\(number).html shows no output")
            let own = pictureFiles.filter { $0.hasPrefix("lesson-\(number)-") }.map { "picture-" + $0.dropLast(4) }
            XCTAssertEqual(Set(page.figureIDs), Set(own), "lesson-\(number).html")
            XCTAssertEqual(page.elements["svg", default: 0], own.count, "lesson-\(number).html")
        }

        // The quick lessons' pictures, written by the lessons themselves, are all on the site.
        let direct = site.appendingPathComponent("direct")
        for number in 1...9 {
            let run = try Self.run("lesson-\(number)", ["--svg", direct.path])
            XCTAssertEqual(run.status, 0, run.error)
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: direct.path)
        XCTAssertFalse(written.isEmpty)
        for file in written {
            XCTAssertTrue(pictureFiles.contains(file), "\(file) is missing from the site")
        }
    }

    func testBadUsageIsOneLineAndStatusTwo() throws {
        for arguments in [[], ["--frobnicate"], ["a", "b"], ["/proc/not-a-folder/site"]] {
            let run = try Self.run("course-site", arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.error)")
            XCTAssertEqual(run.error.split(separator: "\n").count, 1, "\(arguments): \(run.error)")
        }
        let help = try Self.run("course-site", ["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.hasPrefix("usage: swift run course-site DIR"))
    }
}
