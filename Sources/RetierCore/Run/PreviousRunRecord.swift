/// The previous complete run as this run reads it (SPEC §8): its `tiers.csv` rows and, when it
/// could be read, its `run.json`. It feeds the across-quarter sections of `memo.md`, never a
/// decision.
package struct PreviousRunRecord: Sendable {
  /// One line of the previous `tiers.csv`.
  struct TierLine: Sendable, Hashable {
    // A run holds one line per account of the previous run: the amounts are packed and the
    // tiers stored as `Int32` (0 for none), 48 bytes rather than the 112 of optionals.

    /// `arr` in cents; meaningful when `hasARR`.
    private var storedARR: PackedInt128
    /// `total_score` in millionths; meaningful when `hasTotal`.
    private var storedTotal: PackedInt128
    /// `from_tier`, 0 for none.
    private var storedFromTier: Int32
    /// `to_tier`, 0 for none.
    private var storedToTier: Int32
    /// Whether `arr` and `total_score` were given.
    private var hasARR: Bool
    private var hasTotal: Bool
    /// Whether an override placed it (`reason` = `override`).
    private(set) var isOverride: Bool

    /// Creates a line; tiers outside 1…`Int32.max` count as none.
    init(
      fromTier: Int?, toTier: Int?, arr: Money?, total: ExactDecimal? = nil,
      isOverride: Bool = false
    ) {
      storedARR = PackedInt128(arr?.cents ?? 0)
      storedTotal = PackedInt128(total?.millionths ?? 0)
      storedFromTier = Self.stored(fromTier)
      storedToTier = Self.stored(toTier)
      hasARR = arr != nil
      hasTotal = total != nil
      self.isOverride = isOverride
    }

    /// `from_tier`: the CRM's tier before that run; `nil` for a first placement.
    var fromTier: Int? { storedFromTier > 0 ? Int(storedFromTier) : nil }
    /// `to_tier`: the tier that run gave the account; `nil` when it had none.
    var toTier: Int? { storedToTier > 0 ? Int(storedToTier) : nil }
    /// `arr`, exact to the cent; `nil` for a row rejected that quarter (blank).
    var arr: Money? { hasARR ? Money(cents: storedARR.value) : nil }
    /// `total_score`; `nil` for a row rejected that quarter.
    var total: ExactDecimal? { hasTotal ? ExactDecimal(millionths: storedTotal.value) : nil }

    /// A tier as stored: 0 for none or out of range.
    private static func stored(_ tier: Int?) -> Int32 {
      guard let tier, tier > 0, tier <= Int(Int32.max) else { return 0 }
      return Int32(tier)
    }
  }

  /// The account ids of the previous `tiers.csv`, sorted (the file is written sorted by id),
  /// one per id; ``lines`` is aligned with it. Sorted arrays searched by halving, rather than a
  /// dictionary, because a book of a million accounts is read on every run.
  private(set) var ids: [String]
  /// The previous `tiers.csv`'s lines, aligned with ``ids``.
  private(set) var lines: [TierLine]
  /// The previous `run.json`, read for what its shape has; `nil` when it was refused.
  var manifest: PreviousRunManifest?
  /// Why `manifest` is `nil`, in words for the memo.
  var manifestProblem: String?

  /// Reads a previous run from the bytes of its `tiers.csv` and `run.json`.
  init(tiersCSV: [UInt8], runJSON: [UInt8]?) {
    self.init(tiersCSV: tiersCSV, runJSON: { runJSON })
  }

  /// Reads a previous run from the bytes of its `tiers.csv`, lets them go, then reads the bytes
  /// `readRunJSON` gives of its `run.json` (`nil` when there is none): a 1M run's two files are
  /// never in memory together.
  init(tiersCSV: consuming [UInt8], runJSON readRunJSON: () -> [UInt8]?) {
    (ids, lines) = Self.lines(fromTiersCSV: tiersCSV)
    _ = consume tiersCSV
    guard let runJSON = readRunJSON() else {
      manifest = nil
      manifestProblem = "the previous run has no run.json"
      return
    }
    switch PreviousRunManifest.read(runJSON) {
    case .success(let read):
      manifest = read
      manifestProblem = nil
    case .failure(let refusal):
      manifest = nil
      manifestProblem = refusal.message
    }
  }

  /// Creates a record from values (tests).
  init(lines: [String: TierLine], manifest: PreviousRunManifest?, manifestProblem: String?) {
    let sorted = lines.sorted { $0.key < $1.key }
    self.ids = sorted.map(\.key)
    self.lines = sorted.map(\.value)
    self.manifest = manifest
    self.manifestProblem = manifestProblem
  }

  /// The position of `id` in ``ids``, `nil` when the previous run has no line for it.
  func index(of id: String) -> Int? {
    let low = lowerBound(of: id)
    return low < ids.count && ids[low] == id ? low : nil
  }

  /// ``index(of:)`` for ids looked up in ascending order (a book's accounts): searched forward
  /// from `cursor`, which the look-up moves past what it passed, so a whole book costs one merge
  /// rather than a halving per account. An id before the cursor is found by halving.
  func index(of id: String, from cursor: inout Int) -> Int? {
    if cursor > 0, cursor > ids.count || ids[cursor - 1] >= id { cursor = lowerBound(of: id) }
    while cursor < ids.count, ids[cursor] < id { cursor += 1 }
    guard cursor < ids.count, ids[cursor] == id else { return nil }
    cursor += 1
    return cursor - 1
  }

  /// The first position in ``ids`` whose id is not below `id`.
  private func lowerBound(of id: String) -> Int {
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle] < id { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The previous line of `id`, `nil` when there is none.
  func line(of id: String) -> TierLine? { index(of: id).map { lines[$0] } }

  /// The lines of a previous `tiers.csv` as sorted ids and their lines, read row by row with
  /// the record scanner (no whole parsed document); an unreadable file gives no lines, and a
  /// repeated id keeps its first line, because the previous run only feeds reports.
  static func lines(fromTiersCSV bytes: [UInt8]) -> (ids: [String], lines: [TierLine]) {
    guard
      var table = try? Table(
        file: "tiers.csv", bytes: bytes, required: ["account_id", "to_tier"],
        optional: ["from_tier", "arr", "total_score", "reason"])
    else { return ([], []) }
    let idColumn = table.column("account_id")
    let toColumn = table.column("to_tier")
    let fromColumn = table.column("from_tier")
    let arrColumn = table.column("arr")
    let totalColumn = table.column("total_score")
    let reasonColumn = table.column("reason")
    let override = Array(TierReason.override.description.utf8)
    var ids: [String] = []
    var lines: [TierLine] = []
    ids.reserveCapacity(table.rowCountEstimate)
    lines.reserveCapacity(table.rowCountEstimate)
    var isSorted = true
    let read = try? table.forEachRow { row in
      let id = CSVCell.removingFormulaGuard(row.text(idColumn))
      if let last = ids.last, last >= id { isSorted = false }
      ids.append(id)
      lines.append(
        TierLine(
          fromTier: row.withBytes(fromColumn) { Self.integer($0) },
          toTier: row.withBytes(toColumn) { Self.integer($0) },
          arr: arrColumn.flatMap { column in row.withBytes(column) { Money(bytes: $0) } },
          total: totalColumn.flatMap { ExactDecimal(row.text($0)) },
          isOverride: reasonColumn.map { column in
            row.withBytes(column) { bytes in
              bytes.count == override.count
                && bytes.indices.allSatisfy { bytes[$0] == override[$0] }
            }
          } ?? false))
    }
    guard read != nil else { return ([], []) }
    guard !isSorted else { return (ids, lines) }
    // A file not written by retier (or edited): sorted here, the first line of an id kept.
    let order = ids.indices.sorted { ids[$0] != ids[$1] ? ids[$0] < ids[$1] : $0 < $1 }
    var sortedIDs: [String] = []
    var sortedLines: [TierLine] = []
    for index in order where sortedIDs.last != ids[index] {
      sortedIDs.append(ids[index])
      sortedLines.append(lines[index])
    }
    return (sortedIDs, sortedLines)
  }

  /// A tier number written as plain decimal digits, `nil` otherwise (blank included).
  private static func integer(_ bytes: Span<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
    var value = 0
    for index in bytes.indices {
      let byte = bytes[index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }
}
