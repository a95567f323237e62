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
    let ledger = result.ledger
    let owners = result.ledger.owners
    // Group by new owner, then list each group in ref order, which is account id order: a
    // million rows need no string comparison beyond sorting the few distinct owners.
    var changedByOwner: [String: [AccountRef]] = [:]
    for ref in ledger.refs where result.ledger.ownerChangeReasons[ref] != nil {
      changedByOwner[owners[ref], default: []].append(ref)
    }
    let emails = Dictionary(
      result.book.roster.map { ($0.id, $0.email) }, uniquingKeysWith: { first, _ in first })
    // The rows in file order, each with its new owner's email: one lookup per owner.
    var listed: [(ref: AccountRef, email: String)] = []
    listed.reserveCapacity(changedByOwner.values.reduce(0) { $0 + $1.count })
    for (owner, refs) in changedByOwner.sorted(by: { $0.key < $1.key }) {
      let email = owner == result.configuration.poolOwnerID ? "" : emails[owner] ?? ""
      listed += refs.map { ($0, email) }
    }
    let effectiveDate = result.runDate.description
    return PiecewiseFile(path: "reassignments.csv", itemCount: listed.count) { [listed] items in
      var writer = CSVWriter(
        header: header, startingFile: items.lowerBound == 0, byteCapacity: 256 * items.count)
      for (ref, email) in listed[items] {
        // Fields are read in place: copying an `Account` retains each of its strings. Ids are
        // compared as Swift strings, so each row writes its own spelling of the owner id.
        writer.appendText(ledger.id(ref))
        writer.appendText(ledger.name(ref))
        writer.appendRaw(ledger.currentTier(ref))
        writer.appendRaw(result.ledger.decisions.finalTier(ref))
        writer.appendText(ledger.ownerID(ref))
        writer.appendText(owners[ref])
        writer.appendText(email)
        writer.appendRaw(result.ledger.ownerChangeReasons[ref]?.rawValue ?? "")
        writer.appendRaw(effectiveDate)
        writer.endRow()
      }
      return writer.bytes
    }
  }
}
