/// One file of a run's output folder, in memory.
struct OutputFile: Sendable, Hashable {
  /// Path relative to `<output>/<QUARTER>/`, `/`-separated, e.g. `memos/ACC-1.md`.
  var path: String
  /// The file's bytes.
  var bytes: [UInt8]
}
