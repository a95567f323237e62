/// Renders `tiers.csv`: every account with a usable id, sorted by account id (SPEC §6).
package enum TiersCSV {
  /// The header, in the spec's column order.
  package static let header = [
    "account_id", "account_name", "arr", "arr_score", "fit_score", "expansion_score",
    "total_score", "rubric_tier", "from_tier", "to_tier", "reason", "owner_id",
  ]

  /// The file's bytes.
  package static func render(_ result: RunResult) -> [UInt8] {
    var writer = CSVWriter(header: header)
    for row in result.tierRows {
      var cells: [CSVCell] = [.text(row.accountID), .text(row.accountName)]
      if let index = row.validIndex {
        let score = result.scores[index]
        cells += [
          .raw(result.book.accounts[index].arr.description), .raw(String(score.arr)),
          .raw(String(score.fit)), .raw(String(score.expansion)), .raw(score.total.description),
          .raw(String(result.tiering.decisions[index].rubricTier)),
        ]
      } else {
        cells += Array(repeating: .raw(""), count: 6)
      }
      cells += [
        .raw(row.fromTier.map(String.init) ?? ""), .raw(row.toTier.map(String.init) ?? ""),
        .raw(row.reason.description), .text(row.ownerID),
      ]
      writer.appendRow(cells)
    }
    return writer.bytes
  }
}
