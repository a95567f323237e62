/// The roster rows an import file cannot carry or that point at nobody (SPEC §2 roster checks):
/// a `crm_user_id` with spaces or, for a Salesforce user id (`005…`), not 15 or 18 letters and
/// digits; an `email` that is not an address; a `backfill_csm_id` naming nobody. Each problem
/// names its row; a CSM whose CRM id or email is wrong is kept out of the import file it would
/// break (``CRMOwnerImport``).
enum RosterCheck {
  /// One problem of one roster row.
  struct Problem: Sendable, Hashable {
    /// The CSM.
    var csm: CSM
    /// The field at fault.
    var field: Field
    /// The sentence, without the row.
    var message: String

    /// As a warning on the row.
    var diagnostic: Diagnostic {
      Diagnostic(
        .warning, file: DropFiles.Name.csms, line: csm.line,
        message: "csm '\(csm.id)': \(message)")
    }
  }

  /// The checked fields; the first two each feed one import file.
  enum Field: Sendable, Hashable {
    /// `crm_user_id`: the Salesforce import's `OwnerId`.
    case crmUserID
    /// `email`: the HubSpot import's `Company owner`.
    case email
    /// `backfill_csm_id`.
    case backfill
  }

  /// Every problem of `roster`, in roster order.
  static func problems(_ roster: [CSM], configuration: Configuration) -> [Problem] {
    let ids = Set(roster.map(\.id))
    var problems: [Problem] = []
    for csm in roster {
      if let why = crmUserIDProblem(csm.crmUserID) {
        problems.append(
          Problem(
            csm: csm, field: .crmUserID,
            message: "crm_user_id '\(Prose.oneLine(csm.crmUserID))' \(why): left out of "
              + "\(CRMFiles.salesforcePath)"))
      }
      if !csm.email.isEmpty, !Configuration.looksLikeEmail(csm.email) {
        problems.append(
          Problem(
            csm: csm, field: .email,
            message: "email '\(Prose.oneLine(csm.email))' is not an email address: left out "
              + "of \(CRMFiles.hubSpotPath)"))
      }
      if !csm.backfillCSMID.isEmpty, !ids.contains(csm.backfillCSMID) {
        problems.append(
          Problem(
            csm: csm, field: .backfill,
            message: "backfill_csm_id '\(Prose.oneLine(csm.backfillCSMID))' names nobody on "
              + "the roster: the book is placed by the balancing rule instead"))
      }
    }
    return problems
  }

  /// Why `crmUserID` cannot be a CRM user id, `nil` when it can: no spaces, and a Salesforce
  /// user id (it starts `005`) is 15 or 18 letters and digits.
  static func crmUserIDProblem(_ crmUserID: String) -> String? {
    if crmUserID.unicodeScalars.contains(where: Configuration.isWhitespace) {
      return "has spaces"
    }
    guard crmUserID.hasPrefix("005") else { return nil }
    let isAlphanumeric = crmUserID.unicodeScalars.allSatisfy {
      ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
    }
    guard isAlphanumeric,
      crmUserID.unicodeScalars.count == 15 || crmUserID.unicodeScalars.count == 18
    else { return "is not a Salesforce user id (15 or 18 letters and digits starting 005)" }
    return nil
  }
}
