/// One file of a run's output folder in memory, or one piece of it: a file that grows with the
/// book is handed out in consecutive pieces (see ``PiecewiseFile``), never whole.
package struct OutputFile: Sendable, Hashable {
  /// Path relative to `<output>/<QUARTER>/`, `/`-separated, e.g. `memos/ACC-1.md`.
  package var path: String
  /// The file's bytes, or this piece's.
  package var bytes: [UInt8]
  /// Whether `bytes` continue the file at `path`, whose earlier pieces came before; `false`
  /// for a whole file and for a file's first piece.
  package var isContinuation: Bool

  /// A whole file, or the first or a later piece of one.
  init(path: String, bytes: [UInt8], isContinuation: Bool = false) {
    self.path = path
    self.bytes = bytes
    self.isContinuation = isContinuation
  }
}
