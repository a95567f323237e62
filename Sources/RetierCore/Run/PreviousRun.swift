/// Reads what this job wrote last quarter.
enum PreviousRun {
  /// `to_tier` per account id from a previous `tiers.csv`; unreadable rows are skipped, because
  /// the previous run only feeds a guardrail (CRM drift), never a decision.
  static func tiers(fromTiersCSV bytes: [UInt8]) -> [String: Int] {
    guard let document = try? CSVReader.parse(bytes),
      let idColumn = document.columnIndex(named: "account_id"),
      let tierColumn = document.columnIndex(named: "to_tier")
    else { return [:] }
    var tiers: [String: Int] = [:]
    for row in 0..<document.rowCount {
      guard let tier = Int(document.field(row: row, column: tierColumn)) else { continue }
      tiers[CSVCell.removingFormulaGuard(document.field(row: row, column: idColumn))] = tier
    }
    return tiers
  }
}
