/// Renders `reassignments.csv`: every valid account whose owner changes (SPEC §6), ordered by new
/// owner then account id, for CS leads to import. An account left unassigned for lack of a seat
/// has a blank new owner, so those rows come first.
enum ReassignmentsCSV {
  /// The header, in the spec's column order.
  static let header = [
    "account_id", "account_name", "from_tier", "to_tier", "from_owner_id", "to_owner_id",
    "to_owner_email", "reason", "effective_date",
  ]

  /// The file as pieces: one item per account whose owner changes.
  static func piecewise(_ result: RunResult) -> PiecewiseFile {
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
    // The rows in file order, each with its new owner's email: one lookup per owner.
    var listed: [(index: Int, email: String)] = []
    listed.reserveCapacity(changedByOwner.values.reduce(0) { $0 + $1.count })
    for (owner, indices) in changedByOwner.sorted(by: { $0.key < $1.key }) {
      let email = owner == result.configuration.poolOwnerID ? "" : emails[owner] ?? ""
      listed += indices.map { ($0, email) }
    }
    let effectiveDate = result.runDate.description
    return PiecewiseFile(path: "reassignments.csv", itemCount: listed.count) { items in
      var writer = CSVWriter(
        header: header, startingFile: items.lowerBound == 0, byteCapacity: 256 * items.count)
      for (index, email) in listed[items] {
        // Fields are read in place: copying an `Account` retains each of its strings. Ids are
        // compared as Swift strings, so each row writes its own spelling of the owner id.
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
      return writer.bytes
    }
  }
}
