/// The list of output renderers; `run.json` is added by ``Retier/render(_:)`` after these.
package enum OutputRenderers {
  /// Every output but `run.json`.
  package static func render(_ result: RunResult) -> [OutputFile] {
    [
      OutputFile(path: "tiers.csv", bytes: TiersCSV.render(result)),
      OutputFile(path: "rejected.csv", bytes: RejectedCSV.render(result)),
      OutputFile(path: "reassignments.csv", bytes: ReassignmentsCSV.render(result)),
      OutputFile(path: "movements.csv", bytes: MovementsCSV.render(result)),
      OutputFile(path: "memo.md", bytes: ReviewMemo.render(result)),
    ] + AccountMemo.render(result)
  }
}
