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
    let emails = Dictionary(
      result.book.roster.map { ($0.id, $0.email) }, uniquingKeysWith: { first, _ in first })
    let effectiveDate = result.runDate.description
    let changedCount = changedByOwner.values.reduce(0) { $0 + $1.count }
    var writer = CSVWriter(header: header, byteCapacity: 256 * (changedCount + 1))
    for (owner, indices) in changedByOwner.sorted(by: { $0.key < $1.key }) {
      // One owner, one email, for the whole group. Ids are compared as Swift strings, so each
      // row still writes its own spelling of the owner id.
      let email = owner == result.configuration.poolOwnerID ? "" : emails[owner] ?? ""
      for index in indices {
        // Fields are read in place: copying an `Account` retains each of its strings.
        writer.appendText(accounts[index].id)
        writer.appendText(accounts[index].name)
        writer.appendRaw(accounts[index].currentTier)
        writer.appendRaw(result.tiering.decisions[index].finalTier)
        writer.appendText(accounts[index].ownerID)
        writer.appendText(owners[index])
        writer.appendText(email)
        writer.appendRaw(result.owners.changeReasons[index]?.rawValue ?? "")
        writer.appendRaw(effectiveDate)
        writer.endRow()
      }
    }
    return writer.bytes
  }
}
