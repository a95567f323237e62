/// Renders `reassignments.csv`: every valid account whose owner changes (SPEC §6), ordered by new
/// owner then account id, for CS leads to import. An account left unassigned for lack of a seat
/// has a blank new owner, so those rows come first.
package enum ReassignmentsCSV {
  /// The header, in the spec's column order.
  package static let header = [
    "account_id", "account_name", "from_tier", "to_tier", "from_owner_id", "to_owner_id",
    "to_owner_email", "reason", "effective_date",
  ]

  /// The file's bytes.
  package static func render(_ result: RunResult) -> [UInt8] {
    let accounts = result.book.accounts
    let owners = result.owners.owners
    // Group by new owner, then list each group in book order, which is account id order: a
    // million rows need no string comparison beyond sorting the few distinct owners.
    var changedByOwner: [String: [Int]] = [:]
    for index in accounts.indices where result.owners.changeReasons[index] != nil {
      changedByOwner[owners[index], default: []].append(index)
    }
    let changed = changedByOwner.sorted { $0.key < $1.key }.flatMap(\.value)
    let emails = Dictionary(
      result.book.roster.map { ($0.id, $0.email) }, uniquingKeysWith: { first, _ in first })
    let effectiveDate = result.runDate.description
    let tierText = (0...result.configuration.tierCount).map(String.init)
    var writer = CSVWriter(header: header, byteCapacity: 256 * (changed.count + 1))
    for index in changed {
      let account = accounts[index]
      let owner = owners[index]
      let email = owner == result.configuration.poolOwnerID ? "" : emails[owner] ?? ""
      writer.appendRow([
        .text(account.id), .text(account.name),
        .raw(account.currentTier.map { tierText[$0] } ?? ""),
        .raw(tierText[result.tiering.decisions[index].finalTier]),
        .text(account.ownerID), .text(owner), .text(email),
        .raw(result.owners.changeReasons[index]?.rawValue ?? ""), .raw(effectiveDate),
      ])
    }
    return writer.bytes
  }
}
