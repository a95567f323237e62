import Foundation
import Testing

/// Compares generated output with a checked-in golden file under `fixtures/expected/`, in the
/// manner of swift-argument-parser's `assertSnapshot`: a line diff on mismatch, re-recorded only
/// when `RETIER_RECORD_GOLDEN=1`, and the test fails after recording so a recording is never
/// mistaken for a pass.
enum GoldenFile {
  /// Whether this test run records golden files instead of comparing.
  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["RETIER_RECORD_GOLDEN"] == "1"
  }

  /// Checks `actual` against `fixtures/expected/<name>`.
  static func check(
    _ actual: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let relativePath = "fixtures/expected/" + name
    let url = RepositoryFiles.url(relativePath)
    if isRecording {
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual).write(to: url)
        Issue.record(
          "recorded \(relativePath); rerun without RETIER_RECORD_GOLDEN to compare",
          sourceLocation: sourceLocation)
      } catch {
        Issue.record("cannot record \(relativePath): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = RepositoryFiles.bytes(relativePath) else {
      Issue.record(
        "\(relativePath) is missing; record it with RETIER_RECORD_GOLDEN=1 swift test",
        sourceLocation: sourceLocation)
      return
    }
    guard expected != actual else { return }
    let diff = lineDiff(expected: expected, actual: actual)
    Issue.record("\(relativePath) differs:\n\(diff)", sourceLocation: sourceLocation)
  }

  /// A compact diff: each differing line number with `-expected` / `+actual`, at most 40 lines.
  static func lineDiff(expected: [UInt8], actual: [UInt8]) -> String {
    let expectedLines = String(decoding: expected, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let actualLines = String(decoding: actual, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    var output: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let old = index < expectedLines.count ? expectedLines[index] : nil
      let new = index < actualLines.count ? actualLines[index] : nil
      guard old != new else { continue }
      if let old { output.append("\(index + 1): -\(old)") }
      if let new { output.append("\(index + 1): +\(new)") }
      if output.count >= 40 {
        output.append("…")
        break
      }
    }
    return output.joined(separator: "\n")
  }
}
