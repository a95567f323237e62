/// Renders a run's output files in the order they are handed out: the five top-level files
/// first, then the account memos in batches. `run.json` is added by
/// ``Retier/render(_:emit:)`` after these, because it holds their checksums.
package enum OutputRenderers {
  /// Account memos per batch: about 10 MB of text, enough to keep both cores busy and little
  /// enough that a million-account run never holds all its memos (some 300 MB) at once.
  package static let memoBatchSize = 4096

  /// Renders every output but `run.json`, hashing each file as it is rendered, and passes them
  /// to `emit` in batches. Returns the digest of every file passed, in the order passed.
  ///
  /// The top-level files are independent, so they render concurrently; the one ``WhyMoved``
  /// they share is built once. Each memo depends only on its own account, so a batch renders on
  /// every core; results come back in index order, so the bytes never depend on scheduling.
  package static func render<Failure: Error>(
    _ result: RunResult, memoBatchSize: Int = memoBatchSize,
    emit: ([OutputFile]) throws(Failure) -> Void
  ) throws(Failure) -> [OutputDigest] {
    let explainer = WhyMoved(result)
    let paths = ["tiers.csv", "rejected.csv", "reassignments.csv", "movements.csv", "memo.md"]
    let topLevel = Parallel.map(paths.count) { index -> (OutputFile, OutputDigest) in
      let bytes: [UInt8] =
        switch index {
        case 0: TiersCSV.render(result)
        case 1: RejectedCSV.render(result)
        case 2: ReassignmentsCSV.render(result)
        case 3: MovementsCSV.render(result, explainer: explainer)
        default: ReviewMemo.render(result, explainer: explainer)
        }
      let file = OutputFile(path: paths[index], bytes: bytes)
      return (file, OutputDigest(of: file))
    }
    try emit(topLevel.map(\.0))
    var digests = topLevel.map(\.1)

    let memos = AccountMemo.plan(explainer)
    digests.reserveCapacity(digests.count + memos.count)
    var start = 0
    while start < memos.count {
      let batch = memos[start..<min(start + max(1, memoBatchSize), memos.count)]
      let rendered = Parallel.map(batch.count, minimumChunk: 64) { position in
        let memo = batch[batch.startIndex + position]
        let file = OutputFile(
          path: memo.path, bytes: AccountMemo.markdownBytes(for: memo.index, explainer: explainer))
        return (file, OutputDigest(of: file))
      }
      try emit(rendered.map(\.0))
      digests += rendered.map(\.1)
      start = batch.endIndex
    }
    return digests
  }
}
