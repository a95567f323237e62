/// One file of a run's output folder, in memory.
package struct OutputFile: Sendable, Hashable {
  /// Path relative to `<output>/<QUARTER>/`, `/`-separated, e.g. `memos/ACC-1.md`.
  package var path: String
  /// The file's bytes.
  package var bytes: [UInt8]
}
