/// The previous complete run as this run reads it (SPEC §8): its `tiers.csv` rows and, when it
/// could be read, its `run.json`. It feeds the across-quarter sections of `memo.md`, never a
/// decision.
package struct PreviousRunRecord: Sendable {
  /// One line of the previous `tiers.csv`.
  struct TierLine: Sendable, Hashable {
    /// `from_tier`: the CRM's tier before that run; `nil` for a first placement.
    var fromTier: Int?
    /// `to_tier`: the tier that run gave the account; `nil` when it had none.
    var toTier: Int?
    /// `arr`, exact to the cent; `nil` for a row rejected that quarter (blank).
    var arr: Money?
    /// `total_score`; `nil` for a row rejected that quarter.
    var total: ExactDecimal? = nil
    /// Whether an override placed it (`reason` = `override`).
    var isOverride = false
  }

  /// The previous `tiers.csv`, by account id.
  var lines: [String: TierLine]
  /// The previous `run.json`, read for what its shape has; `nil` when it was refused.
  var manifest: PreviousRunManifest?
  /// Why `manifest` is `nil`, in words for the memo.
  var manifestProblem: String?

  /// Reads a previous run from the bytes of its `tiers.csv` and `run.json`.
  init(tiersCSV: [UInt8], runJSON: [UInt8]?) {
    lines = Self.lines(fromTiersCSV: tiersCSV)
    guard let runJSON else {
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
    self.lines = lines
    self.manifest = manifest
    self.manifestProblem = manifestProblem
  }

  /// `to_tier` per account id, for the CRM drift guardrail.
  var toTiers: [String: Int] { lines.compactMapValues(\.toTier) }

  /// The lines of a previous `tiers.csv` by account id; unreadable files and rows give no lines,
  /// because the previous run only feeds reports.
  static func lines(fromTiersCSV bytes: [UInt8]) -> [String: TierLine] {
    guard let document = try? CSVReader.parse(bytes),
      let idColumn = document.columnIndex(named: "account_id"),
      let toColumn = document.columnIndex(named: "to_tier")
    else { return [:] }
    let fromColumn = document.columnIndex(named: "from_tier")
    let arrColumn = document.columnIndex(named: "arr")
    let totalColumn = document.columnIndex(named: "total_score")
    let reasonColumn = document.columnIndex(named: "reason")
    var lines: [String: TierLine] = [:]
    lines.reserveCapacity(document.rowCount)
    for row in 0..<document.rowCount {
      let id = CSVCell.removingFormulaGuard(document.field(row: row, column: idColumn))
      lines[id] = TierLine(
        fromTier: fromColumn.flatMap { Int(document.field(row: row, column: $0)) },
        toTier: Int(document.field(row: row, column: toColumn)),
        arr: arrColumn.flatMap { Money(document.field(row: row, column: $0)) },
        total: totalColumn.flatMap { ExactDecimal(document.field(row: row, column: $0)) },
        isOverride: reasonColumn.map {
          document.field(row: row, column: $0) == TierReason.override.description
        } ?? false)
    }
    return lines
  }
}
