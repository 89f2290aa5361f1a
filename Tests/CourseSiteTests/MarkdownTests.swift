import XCTest
@testable import course_site

/// The course's own Markdown renderer, one construct at a time, on inputs made by hand.
final class MarkdownTests: XCTestCase {
    private func render(_ source: String, links: @escaping (String) -> Markdown.LinkTarget = { .href($0) }) -> String {
        Markdown(resolveLink: links).html(source)
    }

    func testHeadingsGetIdsAndLevels() {
        XCTAssertEqual(render("# Lesson 4 · Loss"), "<h1 id=\"lesson-4-loss\">Lesson 4 · Loss</h1>\n")
        XCTAssertEqual(render("### Try *this* ###"), "<h3 id=\"try-this\">Try <em>this</em></h3>\n")
        XCTAssertEqual(render("## A\n\n## A"), "<h2 id=\"a\">A</h2>\n<h2 id=\"a-2\">A</h2>\n")
        XCTAssertEqual(Markdown(headingShift: 1).html("# Top"), "<h2 id=\"top\">Top</h2>\n")
        XCTAssertEqual(render("#hashtag"), "<p>#hashtag</p>\n")
    }

    func testParagraphsJoinLinesAndEndAtBlankLines() {
        XCTAssertEqual(render("one\ntwo\n\nthree"), "<p>one\ntwo</p>\n<p>three</p>\n")
    }

    func testBulletedAndNumberedLists() {
        XCTAssertEqual(
            render("- a\n- b\n  continued\n* c"),
            "<ul>\n<li>a</li>\n<li>b\ncontinued</li>\n<li>c</li>\n</ul>\n")
        XCTAssertEqual(render("1. one\n2. two"), "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n")
        XCTAssertEqual(render("3. three\n4. four"), "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n")
        // A nested list, and a loose list whose items are paragraphs.
        XCTAssertEqual(
            render("- outer\n  - inner\n- next"),
            "<ul>\n<li>outer\n<ul>\n<li>inner</li>\n</ul>\n</li>\n<li>next</li>\n</ul>\n")
        XCTAssertEqual(render("1. a\n\n2. b"), "<ol>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>\n")
        // A wrapped line that happens to start with "0." stays in its paragraph (as in CommonMark).
        XCTAssertEqual(
            render("- divides by 2h = 2e-5; that\n  0. The rounding"),
            "<ul>\n<li>divides by 2h = 2e-5; that\n0. The rounding</li>\n</ul>\n")
        XCTAssertEqual(render("text\n1. item"), "<p>text</p>\n<ol>\n<li>item</li>\n</ol>\n")
    }

    func testCodeBlocksKeepTheirTextEscaped() {
        XCTAssertEqual(
            render("```bash\nswift run lesson-1 < /dev/null\n  # indented & <kept>\n```"),
            "<pre><code class=\"language-bash\">swift run lesson-1 &lt; /dev/null\n  # indented &amp; &lt;kept&gt;</code></pre>\n"
        )
        XCTAssertEqual(
            render("text\n\n    loss(a, b) = (1/N) Σ *not emphasis*\n\nafter"),
            "<p>text</p>\n<pre><code>loss(a, b) = (1/N) Σ *not emphasis*</code></pre>\n<p>after</p>\n")
        XCTAssertEqual(
            render("- item\n\n  ```\n  code in an item\n  ```"),
            "<ul>\n<li>item\n<pre><code>code in an item</code></pre>\n</li>\n</ul>\n")
    }

    func testTablesWithAlignmentAndEscapedBars() {
        let html = render("| a | b |\n|---|--:|\n| `x` | \\|x\\| |\n| only |")
        XCTAssertEqual(
            html,
            """
            <div class="table"><table>
            <thead><tr><th>a</th><th style="text-align: right">b</th></tr></thead>
            <tbody>
            <tr><td><code>x</code></td><td style="text-align: right">|x|</td></tr>
            <tr><td>only</td><td style="text-align: right"></td></tr>
            </tbody>
            </table></div>

            """)
    }

    func testInlineEmphasisStrongCodeAndLinks() {
        XCTAssertEqual(
            Markdown().inline("**What you will learn.** a *word* and _this_"),
            "<strong>What you will learn.</strong> a <em>word</em> and <em>this</em>")
        XCTAssertEqual(Markdown().inline("`swift run` and ``a ` b``"), "<code>swift run</code> and <code>a ` b</code>")
        XCTAssertEqual(
            Markdown().inline("[lesson 3](../03-Layers/README.md)"),
            "<a href=\"../03-Layers/README.md\">lesson 3</a>")
        // Not emphasis: an underscore inside a word, stars around spaces, an escaped star.
        XCTAssertEqual(Markdown().inline("2/λ_max and Σ_rows dP"), "2/λ_max and Σ_rows dP")
        XCTAssertEqual(Markdown().inline("2 * 3 * 4 and \\*x\\*"), "2 * 3 * 4 and *x*")
        XCTAssertEqual(Markdown().inline("a `*b*` c"), "a <code>*b*</code> c")
        XCTAssertEqual(Markdown().inline("an [unclosed link and a ] bracket"), "an [unclosed link and a ] bracket")
    }

    func testLinksTheSiteCannotFollowBecomeText() {
        let html = render("[Source](main.swift)") { _ in .text(note: "Lessons/04-Loss/main.swift") }
        XCTAssertEqual(html, "<p><span class=\"file\">Source</span> (<code>Lessons/04-Loss/main.swift</code>)</p>\n")
    }

    func testEverythingIsEscaped() {
        XCTAssertEqual(
            render("<script>alert(\"x\")</script> & 'q'"),
            "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>\n")
        XCTAssertEqual(render("[a](x\"onclick=\"y)"), "<p><a href=\"x&quot;onclick=&quot;y\">a</a></p>\n")
        XCTAssertEqual(
            render("| <b> |\n|---|\n| a&b |"),
            """
            <div class="table"><table>
            <thead><tr><th>&lt;b&gt;</th></tr></thead>
            <tbody>
            <tr><td>a&amp;b</td></tr>
            </tbody>
            </table></div>

            """)
    }
}

/// The pieces between the lessons' runs and the pages.
final class SitePartsTests: XCTestCase {
    func testOutputIsCutIntoStepsAndPicturesFollowTheStepThatNamesThem() {
        let output = """
            Lesson 9 · Title
            ════════════════
            Intro.

            Step 1 · Points
            ───────────────
            The points and the line
              chart
            Step 2 · Loss
            ─────────────
            Loss of the line y = t·x + t

            """
        let sections = OutputSections(output)
        XCTAssertEqual(sections.steps.map(\.id), ["output-start", "step-1", "step-2"])
        XCTAssertEqual(sections.steps.map(\.title), ["Start", "Step 1 · Points", "Step 2 · Loss"])
        XCTAssertTrue(sections.steps[1].text.hasPrefix("Step 1 · Points\n"))
        let pictures = [
            LessonRecording.Picture(file: "lesson-9-loss.svg", title: "Loss of the line y = t·x + t", svg: ""),
            LessonRecording.Picture(file: "lesson-9-points.svg", title: "The points and the line", svg: ""),
            LessonRecording.Picture(file: "lesson-9-other.svg", title: "Something else", svg: "")
        ]
        let placed = sections.place(pictures)
        XCTAssertEqual(placed.byStep[1]?.map(\.file), ["lesson-9-points.svg"])
        XCTAssertEqual(placed.byStep[2]?.map(\.file), ["lesson-9-loss.svg"])
        XCTAssertEqual(placed.unplaced.map(\.file), ["lesson-9-other.svg"])
    }

    func testInlineSVGGetsIdsUniqueOnThePage() {
        let svg =
            "<?xml version=\"1.0\"?>\n<svg><marker id=\"arrow\"/><path marker-end=\"url(#arrow)\"/><use href=\"#arrow\"/></svg>"
        XCTAssertEqual(
            SVGInline.prepare(svg, idPrefix: "lesson-8-graph"),
            "<svg><marker id=\"lesson-8-graph-arrow\"/><path marker-end=\"url(#lesson-8-graph-arrow)\"/><use href=\"#lesson-8-graph-arrow\"/></svg>"
        )
        XCTAssertEqual(
            SVGInline.title(of: "<svg><title>Hidden units&apos; weights &amp; more</title></svg>"),
            "Hidden units' weights & more")
    }

    func testTheSVGRunsClosingLineIsCutOff() {
        XCTAssertEqual(
            CourseSite.withoutSVGSummary("a\nb\n\nWrote 2 SVG pictures to /tmp/x/\n", folder: "/tmp/x"), "a\nb\n")
        XCTAssertNil(CourseSite.withoutSVGSummary("a\nb\n", folder: "/tmp/x"))
    }

    func testLinksBetweenCourseFilesBecomeLinksBetweenPages() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let course = try Course(root: root)
        let writer = SiteWriter(course: course, recordings: [:])
        let lesson4 = try XCTUnwrap(course.lessons.first { $0.number == 4 })
        let resolve = writer.linkResolver(from: "Lessons/\(lesson4.folder)/README.md")
        let lesson3 = try XCTUnwrap(course.lessons.first { $0.number == 3 })
        XCTAssertEqual(resolve("../\(lesson3.folder)/README.md"), .href("lesson-3.html"))
        XCTAssertEqual(resolve("../\(lesson3.folder)/README.md#try-this"), .href("lesson-3.html#try-this"))
        XCTAssertEqual(resolve("#the-maths"), .href("#the-maths"))
        XCTAssertEqual(resolve("main.swift"), .text(note: "Lessons/\(lesson4.folder)/main.swift"))
        XCTAssertEqual(resolve("https://example.org/x"), .text(note: "https://example.org/x"))
        XCTAssertEqual(
            writer.linkResolver(from: "Lessons/README.md")("\(lesson4.folder)/README.md"), .href("lesson-4.html"))
        XCTAssertEqual(writer.linkResolver(from: "README.md")("Lessons/TEACHING.md"), .href("teaching.html"))
    }
}
