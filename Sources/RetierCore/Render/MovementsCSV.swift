/// Renders `movements.csv`: every valid account that moved or is placed for the first time,
/// with the one-line `why_moved` for the CRM, sorted by account id (SPEC §6).
package enum MovementsCSV {
  /// The header, in the spec's column order.
  package static let header = [
    "account_id", "account_name", "from_tier", "to_tier", "direction", "why_moved",
  ]

  /// The file's bytes.
  package static func render(_ result: RunResult) -> [UInt8] {
    render(result, explainer: WhyMoved(result))
  }

  /// The file's bytes, with an explainer already built for the run.
  package static func render(_ result: RunResult, explainer: WhyMoved) -> [UInt8] {
    var writer = CSVWriter(header: header)
    let accounts = result.book.accounts
    for index in accounts.indices.sorted(by: { accounts[$0].id < accounts[$1].id }) {
      guard let direction = explainer.direction(of: index),
        let sentence = explainer.sentence(for: index)
      else { continue }
      let account = accounts[index]
      writer.appendRow([
        .text(account.id), .text(account.name), .raw(account.currentTier.map(String.init) ?? ""),
        .raw(String(result.tiering.decisions[index].finalTier)), .raw(direction.rawValue),
        .text(sentence),
      ])
    }
    return writer.bytes
  }
}
