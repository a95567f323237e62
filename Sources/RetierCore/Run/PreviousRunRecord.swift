/// The previous complete run as this run reads it (SPEC §8): its `tiers.csv` lines, handed out
/// one at a time in account id order, and its `run.json`. It feeds the across-quarter sections
/// of the memos and the interim re-score, never a run's decision. Nothing of a million lines is
/// kept here: each reader keeps what it needs as the lines go by.
package enum PreviousRunRecord {
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
    /// lines handed out so far are to be dropped and ``lines(fromTiersCSV:totals:maximumTier:)``
    /// used.
    case outOfOrder
    /// The file is not a `tiers.csv` of the run (no `account_id` column, a tier out of range,
    /// malformed CSV): the lines handed out so far are to be dropped, and the previous run is
    /// not used; the refusal says why.
    case refused(PreviousRunManifest.Refusal)
  }

  /// The file name of the lines read back.
  package static let fileName = "tiers.csv"

  /// Hands each line of a previous `tiers.csv` to `body` in file order, row by row with the
  /// record scanner (no parsed document, no array of a million ids), as long as the ids ascend.
  /// `totals` reads `total_score` and `reason` too (the interim needs them; the across-quarter
  /// figures do not, and a million of them cost a string each). A `from_tier` or `to_tier` that
  /// is neither blank nor a tier 1 to `maximumTier` (the run's tiers; unbounded when `nil`)
  /// refuses the file.
  static func forEachLine(
    ofTiersCSV bytes: [UInt8], totals: Bool, maximumTier: Int? = nil,
    _ body: (String, TierLine) -> Void
  ) -> ReadOutcome {
    var table: Table
    do throws(PreviousRunManifest.Refusal) {
      table = try Self.table(bytes)
    } catch {
      return .refused(error)
    }
    let columns = Columns(table, totals: totals, maximumTier: maximumTier)
    var last: String?
    var inOrder = true
    var refusal: PreviousRunManifest.Refusal?
    var row = 0
    let read = try? table.forEachRow { tableRow in
      row += 1
      guard inOrder, refusal == nil else { return }
      if let problem = columns.tierProblem(tableRow) {
        refusal = PreviousRunManifest.Refusal(file: fileName, reason: "row \(row): \(problem)")
        return
      }
      let (id, line) = columns.line(tableRow)
      if let last, last >= id {
        inOrder = false
        return
      }
      last = id
      body(id, line)
    }
    if let refusal { return .refused(refusal) }
    guard read != nil else { return .refused(unreadable) }
    return inOrder ? .read : .outOfOrder
  }

  /// The refusal of a `tiers.csv` whose rows are not CSV.
  private static let unreadable = PreviousRunManifest.Refusal(
    file: fileName, reason: "is not a readable CSV file")

  /// The lines of a previous `tiers.csv` as sorted ids and their lines, the first line of a
  /// repeated id kept; the refusal when the file is not the run's `tiers.csv`. The slow path
  /// for a file whose ids do not ascend (see ``forEachLine(ofTiersCSV:totals:maximumTier:_:)``).
  static func lines(
    fromTiersCSV bytes: [UInt8], totals: Bool, maximumTier: Int? = nil
  ) -> Result<(ids: [String], lines: [TierLine]), PreviousRunManifest.Refusal> {
    var ids: [String] = []
    var lines: [TierLine] = []
    // The file was scanned once already: only its order differs here.
    var table: Table
    do throws(PreviousRunManifest.Refusal) {
      table = try Self.table(bytes)
    } catch {
      return .failure(error)
    }
    let columns = Columns(table, totals: totals, maximumTier: maximumTier)
    var refusal: PreviousRunManifest.Refusal?
    var row = 0
    let read = try? table.forEachRow { tableRow in
      row += 1
      guard refusal == nil else { return }
      if let problem = columns.tierProblem(tableRow) {
        refusal = PreviousRunManifest.Refusal(file: fileName, reason: "row \(row): \(problem)")
        return
      }
      let (id, line) = columns.line(tableRow)
      ids.append(id)
      lines.append(line)
    }
    if let refusal { return .failure(refusal) }
    guard read != nil else { return .failure(unreadable) }
    let order = ids.indices.sorted { ids[$0] != ids[$1] ? ids[$0] < ids[$1] : $0 < $1 }
    var sortedIDs: [String] = []
    var sortedLines: [TierLine] = []
    for index in order where sortedIDs.last != ids[index] {
      sortedIDs.append(ids[index])
      sortedLines.append(lines[index])
    }
    return .success((sortedIDs, sortedLines))
  }

  /// Hands each line of a previous `tiers.csv` to `body` in ascending id order, the first line
  /// of a repeated id kept: in one pass when the file is in order (as retier writes it),
  /// otherwise sorted first. `reset` is called before the sorted lines are handed out, so the
  /// caller drops what it took from the lines handed out before the disorder was found; it is
  /// called too when the file is refused, and the refusal is returned.
  @discardableResult
  static func forEachLineInIDOrder(
    ofTiersCSV bytes: [UInt8], totals: Bool, maximumTier: Int? = nil, reset: () -> Void,
    each body: (String, TierLine) -> Void
  ) -> PreviousRunManifest.Refusal? {
    switch forEachLine(ofTiersCSV: bytes, totals: totals, maximumTier: maximumTier, body) {
    case .read:
      return nil
    case .refused(let refusal):
      reset()
      return refusal
    case .outOfOrder:
      reset()
      switch Self.lines(fromTiersCSV: bytes, totals: totals, maximumTier: maximumTier) {
      case .failure(let refusal):
        return refusal
      case .success(let (ids, lines)):
        for (id, line) in zip(ids, lines) { body(id, line) }
        return nil
      }
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

  /// A previous `tiers.csv` to scan, or why it is not one.
  private static func table(_ bytes: [UInt8]) throws(PreviousRunManifest.Refusal) -> Table {
    do {
      return try Table(
        file: fileName, bytes: bytes, required: ["account_id", "to_tier"],
        optional: ["from_tier", "arr", "total_score", "reason"])
    } catch {
      let reason =
        switch error {
        case .missingColumn(_, let column, _): "has no \(column) column"
        default: "is not a readable CSV file"
        }
      throw PreviousRunManifest.Refusal(file: fileName, reason: reason)
    }
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
    /// The highest tier a line may name.
    private let maximumTier: Int

    /// The columns of `table`; without `totals`, `total_score` and `reason` are not read.
    init(_ table: borrowing Table, totals: Bool, maximumTier: Int?) {
      self.maximumTier = maximumTier ?? Int(Int32.max)
      idColumn = table.column("account_id")
      toColumn = table.column("to_tier")
      fromColumn = table.column("from_tier")
      arrColumn = table.column("arr")
      totalColumn = totals ? table.column("total_score") : nil
      reasonColumn = totals ? table.column("reason") : nil
    }

    /// Why the tiers of `row` are not the run's: a `from_tier` or `to_tier` neither blank nor a
    /// tier 1 to the run's highest; `nil` when they are.
    func tierProblem(_ row: TableRow) -> String? {
      for (name, column) in [("from_tier", fromColumn), ("to_tier", toColumn)] {
        let isTier = row.withBytes(column) { bytes in
          bytes.isEmpty
            || PreviousRunRecord.integer(bytes).map { (1...maximumTier).contains($0) }
              ?? false
        }
        if !isTier {
          return "\(name) \(ControlCharacters.quoted(row.text(column))) is not one of the run's "
            + "tiers 1 to \(maximumTier)"
        }
      }
      return nil
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
