@testable import RetierCore

/// The job as the executable runs it, in memory: ``Retier/decide(_:log:)``, then
/// ``Retier/render(_:emit:)`` with an `emit` that keeps every batch, the pieces of each file
/// joined in the order they came.
enum RenderedRun {
  /// Every output file of `result`, sorted by path.
  static func files(of result: RunResult) -> [OutputFile] {
    var files: [OutputFile] = []
    _ = Retier.render(result) { (batch: [OutputFile]) -> Void in
      for piece in batch {
        if piece.isContinuation, let last = files.indices.last, files[last].path == piece.path {
          files[last].bytes += piece.bytes
        } else {
          files.append(OutputFile(path: piece.path, bytes: piece.bytes))
        }
      }
    }
    // Output paths are ASCII, so `String` order is byte order.
    return files.sorted { $0.path < $1.path }
  }

  /// The bytes of the output file at `path` (empty when the run writes no such file).
  static func bytes(_ path: String, of result: RunResult) -> [UInt8] {
    files(of: result).first { $0.path == path }?.bytes ?? []
  }

  /// One file's bytes as its renderer gives them, every item in one piece: for runs built by
  /// hand that hold only what that file reads.
  static func bytes(of file: PiecewiseFile) -> [UInt8] {
    file.renderItems(0..<file.itemCount)
  }

  /// Decides `input` and renders every output file.
  static func run(
    _ input: RunInput, log: (PhaseReport) -> Void = { _ in }
  ) throws(RetierError) -> (result: RunResult, files: [OutputFile]) {
    let result = try Retier.decide(input, log: log)
    return (result, files(of: result))
  }
}
