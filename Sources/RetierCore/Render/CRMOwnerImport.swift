/// The owner changes of `reassignments.csv` that each CRM import file carries, and those it
/// leaves out because it has no real owner to write (SPEC §6 `crm/`).
///
/// A row of an import file always names a real owner who differs from the old one: a held
/// account (`locked`, `renewal_hold`) keeps its owner and is in no import file; an account left
/// without one (`capacity_shortfall`) is in `crm/unassigned.csv` instead; a CSM whose roster
/// `crm_user_id` or `email` fails ``RosterCheck`` is kept out of the file it would break; an account moved to the pool needs
/// `pool_owner_crm_id` (Salesforce) or `pool_owner_email` (HubSpot); an account moved to a CSM
/// whose roster row has no email cannot be matched by HubSpot. One pass decides both the files'
/// rows and the run summary's lines about what was left out, so the two cannot disagree.
package struct CRMOwnerImport: Sendable {
  /// One import row: the account and the owner cell.
  struct Row: Sendable, Hashable {
    /// The account.
    var ref: AccountRef
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
  /// Owner changes left out of a file because the new owner's roster row fails
  /// ``RosterCheck``, per file path: how many, and the CSMs' ids, sorted.
  var changesToMisspelledCSMs: [String: (count: Int, csms: [String])] = [:]

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
    var badCRMID: Set<String> = []
    var badEmail: Set<String> = []
    for problem in RosterCheck.problems(result.book.roster, configuration: configuration) {
      switch problem.field {
      case .crmUserID: badCRMID.insert(problem.csm.id)
      case .email: badEmail.insert(problem.csm.id)
      case .backfill: break
      }
    }
    var leftOut: [String: (count: Int, csms: Set<String>)] = [:]
    func leaveOut(_ path: String, _ csm: String) {
      leftOut[path, default: (0, [])].count += 1
      leftOut[path, default: (0, [])].csms.insert(csm)
    }
    let owners = result.ledger.owners
    for ref in result.ledger.refs where result.ledger.ownerChanges(ref) {
      let owner = owners[ref]
      if owner.isEmpty { continue }
      if owner == poolOwner {
        poolChanges += 1
        if let id = configuration.poolOwnerCRMID {
          salesforceRows.append(Row(ref: ref, owner: id))
        }
        if let email = configuration.poolOwnerEmail {
          hubSpotRows.append(Row(ref: ref, owner: email))
        }
        continue
      }
      guard let csm = rosterByID[owner] else { continue }
      if badCRMID.contains(csm.id) {
        leaveOut(CRMFiles.salesforcePath, csm.id)
      } else {
        salesforceRows.append(Row(ref: ref, owner: csm.crmUserID))
      }
      if csm.email.isEmpty {
        changesToCSMsWithoutEmail += 1
        withoutEmail.insert(csm.id)
      } else if badEmail.contains(csm.id) {
        leaveOut(CRMFiles.hubSpotPath, csm.id)
      } else {
        hubSpotRows.append(Row(ref: ref, owner: csm.email))
      }
    }
    csmsWithoutEmail = withoutEmail.sorted()
    changesToMisspelledCSMs = leftOut.mapValues { ($0.count, $0.csms.sorted()) }
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
          + "(\(Prose.oneLine(poolOwnerID))) left out of "
          + leftOut.map(\.1).joined(separator: " and ") + ": set "
          + leftOut.map(\.2).joined(separator: " and ") + " in the config")
    }
    if changesToCSMsWithoutEmail > 0 {
      lines.append(
        "CRM import: \(Self.counted(changesToCSMsWithoutEmail)) to CSMs without an email ("
          + Self.named(csmsWithoutEmail)
          + ") left out of \(CRMFiles.hubSpotPath): add their email to csms.csv")
    }
    for (path, field) in [
      (CRMFiles.salesforcePath, "crm_user_id"), (CRMFiles.hubSpotPath, "email"),
    ] {
      guard let (count, csms) = changesToMisspelledCSMs[path] else { continue }
      lines.append(
        "CRM import: \(Self.counted(count)) to CSMs whose \(field) is not usable ("
          + Self.named(csms) + ") left out of \(path): correct csms.csv (validate names the rows)")
    }
    return lines
  }

  /// The first ``namedCSMLimit`` of `csms`, on one line, and how many more: a summary line
  /// stays bounded whatever the roster.
  private static func named(_ csms: [String]) -> String {
    let shown = csms.prefix(namedCSMLimit).map { Prose.oneLine($0) }
    let more = csms.count - shown.count
    return shown.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
  }

  /// CSMs named in a summary line at most, so that the line does not grow with the roster.
  private static let namedCSMLimit = 5

  /// `1 owner change`, `2 owner changes`.
  private static func counted(_ count: Int) -> String {
    "\(count) owner change\(count == 1 ? "" : "s")"
  }
}
