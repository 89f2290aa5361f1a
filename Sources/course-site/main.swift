import Foundation

// `swift run course-site DIR`: the whole course as a static web site, built from real runs of the
// lessons, so it cannot drift from the code. See CourseSite.swift.

exit(CourseSite.main(Array(CommandLine.arguments.dropFirst())))
