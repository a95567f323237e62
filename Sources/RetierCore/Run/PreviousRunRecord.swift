/// The previous complete run as this run reads it (SPEC §8): its `tiers.csv` lines, handed out
/// one at a time in account id order, and its `run.json`. It feeds the across-quarter sections
/// of the memos and the interim re-score, never a run's decision. Nothing of a million lines is
/// kept here: each reader keeps what it needs as the lines go by.
enum PreviousRunRecord {
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

  /// How reading a `tiers.csv` in file order ended.
  enum ReadOutcome: Sendable, Hashable {
    /// Every line was handed out, in ascending id order.
    case read
    /// An id was not above the one before it (a file not written by retier, or edited): the
    /// lines handed out so far are to be dropped and ``lines(fromTiersCSV:totals:)`` used.
    case outOfOrder
    /// The file is not a readable `tiers.csv`: the lines handed out so far are to be dropped,
    /// and the previous run has no lines.
    case unreadable
  }

  /// Hands each line of a previous `tiers.csv` to `body` in file order, row by row with the
  /// record scanner (no parsed document, no array of a million ids), as long as the ids ascend.
  /// `totals` reads `total_score` and `reason` too (the interim needs them; the across-quarter
  /// figures do not, and a million of them cost a string each).
  static func forEachLine(
    ofTiersCSV bytes: [UInt8], totals: Bool, _ body: (String, TierLine) -> Void
  ) -> ReadOutcome {
    guard var table = table(bytes) else { return .unreadable }
    let columns = Columns(table, totals: totals)
    var last: String?
    var inOrder = true
    let read = try? table.forEachRow { row in
      guard inOrder else { return }
      let (id, line) = columns.line(row)
      if let last, last >= id {
        inOrder = false
        return
      }
      last = id
      body(id, line)
    }
    guard read != nil else { return .unreadable }
    return inOrder ? .read : .outOfOrder
  }

  /// The lines of a previous `tiers.csv` as sorted ids and their lines, the first line of a
  /// repeated id kept; an unreadable file gives no lines. The slow path for a file whose ids do
  /// not ascend (see ``forEachLine(ofTiersCSV:totals:_:)``).
  static func lines(
    fromTiersCSV bytes: [UInt8], totals: Bool
  ) -> (ids: [String], lines: [TierLine]) {
    guard var table = table(bytes) else { return ([], []) }
    let columns = Columns(table, totals: totals)
    var ids: [String] = []
    var lines: [TierLine] = []
    let read = try? table.forEachRow { row in
      let (id, line) = columns.line(row)
      ids.append(id)
      lines.append(line)
    }
    guard read != nil else { return ([], []) }
    let order = ids.indices.sorted { ids[$0] != ids[$1] ? ids[$0] < ids[$1] : $0 < $1 }
    var sortedIDs: [String] = []
    var sortedLines: [TierLine] = []
    for index in order where sortedIDs.last != ids[index] {
      sortedIDs.append(ids[index])
      sortedLines.append(lines[index])
    }
    return (sortedIDs, sortedLines)
  }

  /// Hands each line of a previous `tiers.csv` to `body` in ascending id order, the first line
  /// of a repeated id kept: in one pass when the file is in order (as retier writes it),
  /// otherwise sorted first. `reset` is called before the sorted lines are handed out, so the
  /// caller drops what it took from the lines handed out before the disorder was found.
  static func forEachLineInIDOrder(
    ofTiersCSV bytes: [UInt8], totals: Bool, reset: () -> Void,
    each body: (String, TierLine) -> Void
  ) {
    switch forEachLine(ofTiersCSV: bytes, totals: totals, body) {
    case .read:
      return
    case .unreadable:
      reset()
    case .outOfOrder:
      reset()
      let (ids, lines) = Self.lines(fromTiersCSV: bytes, totals: totals)
      for (id, line) in zip(ids, lines) { body(id, line) }
    }
  }

  /// The previous `run.json` (`nil` when there is none) read for what its shape has, or why
  /// it was not, in words for the memo.
  static func manifest(_ runJSON: [UInt8]?) -> (manifest: PreviousRunManifest?, problem: String?) {
    guard let runJSON else { return (nil, "the previous run has no run.json") }
    switch PreviousRunManifest.read(runJSON) {
    case .success(let read): return (read, nil)
    case .failure(let refusal): return (nil, refusal.message)
    }
  }

  /// A previous `tiers.csv` to scan, `nil` when it is not one.
  private static func table(_ bytes: [UInt8]) -> Table? {
    try? Table(
      file: "tiers.csv", bytes: bytes, required: ["account_id", "to_tier"],
      optional: ["from_tier", "arr", "total_score", "reason"])
  }

  /// The columns of a previous `tiers.csv` and the typing of its rows.
  private struct Columns {
    private let idColumn: Int?
    private let toColumn: Int?
    private let fromColumn: Int?
    private let arrColumn: Int?
    private let totalColumn: Int?
    private let reasonColumn: Int?
    private let override = Array(TierReason.override.description.utf8)

    /// The columns of `table`; without `totals`, `total_score` and `reason` are not read.
    init(_ table: borrowing Table, totals: Bool) {
      idColumn = table.column("account_id")
      toColumn = table.column("to_tier")
      fromColumn = table.column("from_tier")
      arrColumn = table.column("arr")
      totalColumn = totals ? table.column("total_score") : nil
      reasonColumn = totals ? table.column("reason") : nil
    }

    /// The id and line of `row`.
    func line(_ row: TableRow) -> (String, TierLine) {
      let id = CSVCell.removingFormulaGuard(row.text(idColumn))
      let line = TierLine(
        fromTier: row.withBytes(fromColumn) { PreviousRunRecord.integer($0) },
        toTier: row.withBytes(toColumn) { PreviousRunRecord.integer($0) },
        arr: arrColumn.flatMap { column in row.withBytes(column) { Money(bytes: $0) } },
        total: totalColumn.flatMap { ExactDecimal(row.text($0)) },
        isOverride: reasonColumn.map { column in
          row.withBytes(column) { bytes in
            bytes.count == override.count
              && bytes.indices.allSatisfy { bytes[$0] == override[$0] }
          }
        } ?? false)
      return (id, line)
    }
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
