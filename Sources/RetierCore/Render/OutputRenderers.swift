/// The list of output renderers; `run.json` is added by ``Retier/render(_:)`` after these.
package enum OutputRenderers {
  /// Every output but `run.json`. The files are independent, so they render concurrently, and
  /// the one ``WhyMoved`` they share is built once.
  package static func render(_ result: RunResult) -> [OutputFile] {
    let explainer = WhyMoved(result)
    let paths = ["tiers.csv", "rejected.csv", "reassignments.csv", "movements.csv", "memo.md"]
    let contents = Parallel.map(paths.count) { index -> [UInt8] in
      switch index {
      case 0: TiersCSV.render(result)
      case 1: RejectedCSV.render(result)
      case 2: ReassignmentsCSV.render(result)
      case 3: MovementsCSV.render(result, explainer: explainer)
      default: ReviewMemo.render(result, explainer: explainer)
      }
    }
    return zip(paths, contents).map { OutputFile(path: $0, bytes: $1) }
      + AccountMemo.render(result, explainer: explainer)
  }
}
