/// The owner changes of `reassignments.csv` that each CRM import file carries, and those it
/// leaves out because it has no real owner to write (SPEC §6 `crm/`).
///
/// A row of an import file always names a real owner: an account left without one
/// (`capacity_shortfall`) is in `crm/unassigned.csv` instead; an account moved to the pool needs
/// `pool_owner_crm_id` (Salesforce) or `pool_owner_email` (HubSpot); an account moved to a CSM
/// whose roster row has no email cannot be matched by HubSpot. One pass decides both the files'
/// rows and the run summary's lines about what was left out, so the two cannot disagree.
package struct CRMOwnerImport: Sendable {
  /// One import row: the account's index in ``Book/accounts`` and the owner cell.
  struct Row: Sendable, Hashable {
    /// Index into ``Book/accounts``.
    var index: Int
    /// The new owner as the CRM knows them: a user id (Salesforce) or an email (HubSpot).
    var owner: String
  }

  /// `crm/salesforce-account-owners.csv` rows, in account id order.
  var salesforceRows: [Row] = []
  /// `crm/hubspot-company-owners.csv` rows, in account id order.
  var hubSpotRows: [Row] = []
  /// The pool's owner id (`pool_owner_id`).
  var poolOwnerID: String
  /// Owner changes to the pool.
  var poolChanges = 0
  /// Whether the pool's changes are left out of the Salesforce file (`pool_owner_crm_id` unset).
  var poolLeftOutOfSalesforce: Bool
  /// Whether the pool's changes are left out of the HubSpot file (`pool_owner_email` unset).
  var poolLeftOutOfHubSpot: Bool
  /// Owner changes to CSMs without an email, left out of the HubSpot file.
  var changesToCSMsWithoutEmail = 0
  /// Those CSMs' ids, sorted.
  var csmsWithoutEmail: [String] = []

  /// Sorts the owner changes of `result` into the import files, in account id order.
  package init(_ result: RunResult) {
    let configuration = result.configuration
    let poolOwner = configuration.poolOwnerID
    poolOwnerID = poolOwner
    poolLeftOutOfSalesforce = configuration.poolOwnerCRMID == nil
    poolLeftOutOfHubSpot = configuration.poolOwnerEmail == nil
    // A new owner is the pool or an active CSM of the roster (whose ids are unique: the later
    // rows of a repeated csm_id are rejected), so every lookup succeeds.
    let rosterByID = Dictionary(
      result.book.roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var withoutEmail: Set<String> = []
    let owners = result.owners.owners
    for index in owners.indices where result.owners.changeReasons[index] != nil {
      let owner = owners[index]
      if owner.isEmpty { continue }
      if owner == poolOwner {
        poolChanges += 1
        if let id = configuration.poolOwnerCRMID {
          salesforceRows.append(Row(index: index, owner: id))
        }
        if let email = configuration.poolOwnerEmail {
          hubSpotRows.append(Row(index: index, owner: email))
        }
        continue
      }
      guard let csm = rosterByID[owner] else { continue }
      salesforceRows.append(Row(index: index, owner: csm.crmUserID))
      if csm.email.isEmpty {
        changesToCSMsWithoutEmail += 1
        withoutEmail.insert(csm.id)
      } else {
        hubSpotRows.append(Row(index: index, owner: csm.email))
      }
    }
    csmsWithoutEmail = withoutEmail.sorted()
  }

  /// The run summary's lines about owner changes the import files leave out, one per cause;
  /// empty when the files carry every change that has an owner.
  package var summaryLines: [String] {
    var lines: [String] = []
    let leftOut = [
      (poolLeftOutOfSalesforce, CRMFiles.salesforcePath, "pool_owner_crm_id"),
      (poolLeftOutOfHubSpot, CRMFiles.hubSpotPath, "pool_owner_email"),
    ]
    .filter(\.0)
    if poolChanges > 0, !leftOut.isEmpty {
      lines.append(
        "CRM import: \(Self.counted(poolChanges)) to the pool "
          + "(\(WhyMoved.oneLine(poolOwnerID))) left out of "
          + leftOut.map(\.1).joined(separator: " and ") + ": set "
          + leftOut.map(\.2).joined(separator: " and ") + " in the config")
    }
    if changesToCSMsWithoutEmail > 0 {
      let shown = csmsWithoutEmail.prefix(Self.namedCSMLimit).map { WhyMoved.oneLine($0) }
      let more = csmsWithoutEmail.count - shown.count
      lines.append(
        "CRM import: \(Self.counted(changesToCSMsWithoutEmail)) to CSMs without an email ("
          + shown.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
          + ") left out of \(CRMFiles.hubSpotPath): add their email to csms.csv")
    }
    return lines
  }

  /// CSMs named in a summary line at most, so that the line does not grow with the roster.
  private static let namedCSMLimit = 5

  /// `1 owner change`, `2 owner changes`.
  private static func counted(_ count: Int) -> String {
    "\(count) owner change\(count == 1 ? "" : "s")"
  }
}
