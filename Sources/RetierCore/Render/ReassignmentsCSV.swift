/// Renders `reassignments.csv`: every valid account whose owner changes, and every held account
/// the rules would otherwise move (to_owner = from_owner, SPEC §5 rule 0), ordered by new owner
/// then account id, for CS leads. An account left unassigned for lack of a seat has a blank new
/// owner, so those rows come first. Each side's CRM user id and email let a CS lead move the
/// account's child records (contacts, open cases, renewal opportunities) with it.
enum ReassignmentsCSV {
  /// The header, in the spec's column order.
  static let header = [
    "account_id", "account_name", "from_tier", "to_tier", "from_owner_id", "from_owner_crm_id",
    "from_owner_email", "to_owner_id", "to_owner_crm_id", "to_owner_email", "reason", "note",
    "effective_date",
  ]

  /// An owner as the CRMs know them: CRM user id and email ("" when unknown).
  struct CRMPerson: Sendable, Hashable {
    /// The CRM user id.
    var crmUserID = ""
    /// The email.
    var email = ""

    /// `owner` as the CRMs know them: a roster CSM, the pool (its configured ids), or nobody.
    static func lookup(_ owner: String, roster: [String: CSM], configuration: Configuration)
      -> CRMPerson
    {
      if owner == configuration.poolOwnerID {
        return CRMPerson(
          crmUserID: configuration.poolOwnerCRMID ?? "", email: configuration.poolOwnerEmail ?? "")
      }
      guard let csm = roster[owner] else { return CRMPerson() }
      return CRMPerson(crmUserID: csm.crmUserID, email: csm.email)
    }
  }

  /// The file as pieces: one item per account listed.
  static func piecewise(_ result: RunResult) -> PiecewiseFile {
    let ledger = result.ledger
    let owners = result.ledger.owners
    // Group by new owner, then list each group in ref order, which is account id order: a
    // million rows need no string comparison beyond sorting the few distinct owners.
    var changedByOwner: [String: [AccountRef]] = [:]
    for ref in ledger.refs where result.ledger.ownerChangeReasons[ref] != nil {
      changedByOwner[owners[ref], default: []].append(ref)
    }
    let roster = Dictionary(
      result.book.roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let configuration = result.configuration
    // The rows in file order, each with its new owner as the CRMs know them: one lookup per
    // owner.
    var listed: [(ref: AccountRef, to: CRMPerson)] = []
    listed.reserveCapacity(changedByOwner.values.reduce(0) { $0 + $1.count })
    for (owner, refs) in changedByOwner.sorted(by: { $0.key < $1.key }) {
      let person = CRMPerson.lookup(owner, roster: roster, configuration: configuration)
      listed += refs.map { ($0, person) }
    }
    let runDate = result.runDate
    return PiecewiseFile(path: "reassignments.csv", itemCount: listed.count) {
      [listed, roster] items in
      var writer = CSVWriter(
        header: header, startingFile: items.lowerBound == 0, byteCapacity: 320 * items.count)
      for (ref, to) in listed[items] {
        // Fields are read in place: copying an `Account` retains each of its strings. Ids are
        // compared as Swift strings, so each row writes its own spelling of the owner id.
        let fromOwner = ledger.ownerID(ref)
        let from = CRMPerson.lookup(fromOwner, roster: roster, configuration: configuration)
        let reason = result.ledger.ownerChangeReasons[ref]
        writer.appendText(ledger.id(ref))
        writer.appendText(ledger.name(ref))
        writer.appendRaw(ledger.currentTier(ref))
        writer.appendRaw(result.ledger.decisions.finalTier(ref))
        writer.appendText(fromOwner)
        writer.appendText(from.crmUserID)
        writer.appendText(from.email)
        writer.appendText(owners[ref])
        writer.appendText(owners[ref].isEmpty ? "" : to.crmUserID)
        writer.appendText(to.email)
        writer.appendRaw(reason?.rawValue ?? "")
        writer.appendText(reason.map { HoldRule.note(ledger, ref, reason: $0) } ?? "")
        writer.appendRaw(
          HoldRule.effectiveDate(ledger, ref, reason: reason, runDate: runDate).description)
        writer.endRow()
      }
      return writer.bytes
    }
  }
}
