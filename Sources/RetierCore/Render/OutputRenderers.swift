/// Renders a run's output files in the order they are handed out: the six top-level files
/// first, then the four `crm/` files, then the account memos in batches. `run.json` is added by
/// ``Retier/render(_:emit:)`` after these, because it holds their checksums.
enum OutputRenderers {
  /// Account memos per batch: about 10 MB of text, enough to keep both cores busy and little
  /// enough that a million-account run never holds all its memos (some 160 MB) at once.
  static let memoBatchSize = 4096

  /// Items (rows, paragraphs) per piece of a file that grows with the book: a few MB of text,
  /// so that such a file is never whole in memory.
  static let itemsPerPiece = 16_384

  /// Pieces of one file rendered at a time, on every core.
  private static let piecesPerStep = 4

  /// Renders every output but `run.json`, hashing each file as it is rendered, and passes them
  /// to `emit`: first the top-level files, each in pieces of `itemsPerPiece` items, one piece per
  /// batch; then the account memos, `memoBatchSize` files per batch. Returns the digest of every
  /// file, in the order the files started.
  ///
  /// A file's pieces render concurrently and each memo depends only on its own account, so
  /// every batch renders on every core; results come back in index order, so the bytes never
  /// depend on scheduling.
  static func render<Failure: Error>(
    _ result: RunResult, lookups: RunLookups? = nil, memoBatchSize: Int = memoBatchSize,
    itemsPerPiece: Int = itemsPerPiece, emit: ([OutputFile]) throws(Failure) -> Void
  ) throws(Failure) -> [OutputDigest] {
    let lookups = lookups ?? RunLookups(result)
    // Each file sorts or groups its items first; the files are independent, so that runs on
    // every core too.
    // The review document is built once and written as memo.md and memo.html.
    var files = Parallel.map(5) { index -> [PiecewiseFile] in
      switch index {
      case 0: [TiersCSV.piecewise(result)]
      case 1: [RejectedCSV.piecewise(result)]
      case 2: [ReassignmentsCSV.piecewise(result)]
      case 3: [MovementsCSV.piecewise(result, lookups: lookups)]
      default:
        { document in [ReviewMemo.piecewise(document), ReviewPage.piecewise(document)] }(
          ReviewDocument(result, lookups: lookups))
      }
    }.flatMap { $0 }
    files += CRMFiles.piecewise(result, lookups: lookups)
    var digests: [OutputDigest] = []
    for file in files {
      digests.append(try emitPieces(of: file, itemsPerPiece: itemsPerPiece, emit: emit))
    }

    let memos = AccountMemo.plan(lookups)
    digests.reserveCapacity(digests.count + memos.count)
    var start = 0
    while start < memos.count {
      let batch = memos[start..<min(start + max(1, memoBatchSize), memos.count)]
      let rendered = Parallel.map(batch.count, minimumChunk: 64) { position in
        let memo = batch[batch.startIndex + position]
        let file = OutputFile(
          path: memo.path, bytes: AccountMemo.markdownBytes(for: memo.ref, lookups: lookups))
        return (file, OutputDigest(of: file))
      }
      try emit(rendered.map(\.0))
      digests += rendered.map(\.1)
      start = batch.endIndex
    }
    return digests
  }

  /// Renders `file` a few pieces at a time and emits each piece in its own batch, hashing them in
  /// order; returns the file's digest.
  static func emitPieces<Failure: Error>(
    of file: PiecewiseFile, itemsPerPiece: Int, emit: ([OutputFile]) throws(Failure) -> Void
  ) throws(Failure) -> OutputDigest {
    let pieces = file.pieces(itemsPerPiece: itemsPerPiece)
    var hasher = SHA256()
    var rows = CSVRowCounter.isCSV(file.path) ? CSVRowCounter() : nil
    var byteCount = 0
    var next = 0
    while next < pieces.count {
      let step = pieces[next..<min(next + piecesPerStep, pieces.count)]
      let rendered = Parallel.map(step.count) { file.renderItems(step[step.startIndex + $0]) }
      for (offset, bytes) in rendered.enumerated() {
        hasher.update(bytes)
        rows?.update(bytes)
        byteCount += bytes.count
        try emit([OutputFile(path: file.path, bytes: bytes, isContinuation: next + offset > 0)])
      }
      next = step.endIndex
    }
    return OutputDigest(
      path: file.path, byteCount: byteCount, sha256: hasher.finalizeHex(), rows: rows?.dataRows)
  }
}
