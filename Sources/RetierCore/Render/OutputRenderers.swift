/// The list of output renderers; `run.json` is added by ``Retier/render(_:)`` after these.
enum OutputRenderers {
  /// Every output but `run.json`.
  static func render(_ result: RunResult) -> [OutputFile] {
    [
      OutputFile(path: "tiers.csv", bytes: TiersCSV.render(result)),
      OutputFile(path: "rejected.csv", bytes: RejectedCSV.render(result)),
    ]
  }
}
