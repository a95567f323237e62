/// Renders the `crm/` files, which import as they are: no column to add, no row to filter
/// (SPEC §6). Rows are in account id order.
///
/// - `salesforce-account-owners.csv` and `hubspot-company-owners.csv`: the owner changes of
///   `reassignments.csv` that have a real owner (see ``CRMOwnerImport``), under the headers the
///   CRMs' import tools map by name.
/// - `tier-field-update.csv`: the rows of `movements.csv`, as the tier field and the note.
/// - `unassigned.csv`: the accounts no CSM could take, for the hiring decision; never imported.
///   The CRM keeps showing their current owner until someone is hired, so the file names that
///   owner (name and email) for the CS lead to tell.
enum CRMFiles {
  /// Path of the Salesforce account owner import.
  static let salesforcePath = "crm/salesforce-account-owners.csv"
  /// Path of the HubSpot company owner import.
  static let hubSpotPath = "crm/hubspot-company-owners.csv"
  /// Path of the tier field and note import.
  static let tierFieldUpdatePath = "crm/tier-field-update.csv"
  /// Path of the capacity shortfall list.
  static let unassignedPath = "crm/unassigned.csv"

  /// Salesforce Data Loader's and Data Import Wizard's field names for an Account update.
  static let salesforceHeader = ["Id", "OwnerId"]
  /// HubSpot's column names for a company import that updates existing records.
  static let hubSpotHeader = ["Record ID", "Company owner"]
  /// The tier field update's header.
  static let tierFieldUpdateHeader = [
    "account_id", "tier", "tier_name", "why_moved", "effective_date",
  ]
  /// The capacity shortfall list's header.
  static let unassignedHeader = [
    "account_id", "account_name", "tier", "tier_name", "arr", "csm_hours_per_month",
    "from_tier", "from_owner_id", "from_owner_name", "from_owner_email", "tier_csms_short",
  ]

  /// The four files, in path order.
  static func piecewise(_ result: RunResult, lookups: RunLookups) -> [PiecewiseFile] {
    let owners = CRMOwnerImport(result)
    return [
      ownerFile(hubSpotPath, header: hubSpotHeader, rows: owners.hubSpotRows, result),
      ownerFile(salesforcePath, header: salesforceHeader, rows: owners.salesforceRows, result),
      tierFieldUpdate(result, lookups: lookups),
      unassigned(result),
    ]
  }

  /// A two-column owner import: the account id and the owner cell of each row.
  static func ownerFile(
    _ path: String, header: [String], rows: [CRMOwnerImport.Row], _ result: RunResult
  ) -> PiecewiseFile {
    let ledger = result.ledger
    return PiecewiseFile(path: path, itemCount: rows.count) { items in
      var writer = CSVWriter(
        header: header, startingFile: items.lowerBound == 0, byteCapacity: 48 * items.count)
      for row in rows[items] {
        writer.appendText(ledger.id(row.ref))
        writer.appendText(row.owner)
        writer.endRow()
      }
      return writer.bytes
    }
  }

  /// `tier-field-update.csv`: each moved or first-placed account's new tier, its name, the
  /// `why_moved` sentence of `movements.csv` and the run date.
  static func tierFieldUpdate(_ result: RunResult, lookups: RunLookups) -> PiecewiseFile {
    let ledger = result.ledger
    let listed = ledger.refs.filter { lookups.direction(of: $0) != nil }
    let effectiveDate = result.runDate.description
    return PiecewiseFile(path: tierFieldUpdatePath, itemCount: listed.count) { items in
      let decisions = result.ledger.decisions
      var writer = CSVWriter(
        header: tierFieldUpdateHeader, startingFile: items.lowerBound == 0,
        byteCapacity: 160 * items.count)
      var sentence = TextBuffer(capacity: 512)
      for ref in listed[items] {
        sentence.removeAll()
        WhyMoved(lookups).writeSentence(for: ref, to: &sentence)
        let tier = decisions.finalTier(ref)
        writer.appendText(ledger.id(ref))
        writer.appendRaw(tier)
        writer.appendText(result.configuration.tier(tier).name)
        writer.appendText(utf8: sentence.bytes)
        writer.appendRaw(effectiveDate)
        writer.endRow()
      }
      return writer.bytes
    }
  }

  /// `unassigned.csv`: each account left without an owner, with its tier, ARR, the CSM hours a
  /// month its tier promises, where it came from, and how many CSMs its tier is short.
  static func unassigned(_ result: RunResult) -> PiecewiseFile {
    let ledger = result.ledger
    let listed = ledger.refs.filter { ledger.owners[$0].isEmpty }
    var csmsShort: [Int: Int] = [:]
    for row in result.owners.capacity { csmsShort[row.tier] = row.csmsShort }
    let roster = Dictionary(
      result.book.roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return PiecewiseFile(path: unassignedPath, itemCount: listed.count) {
      [csmsShort, roster] items in
      let decisions = result.ledger.decisions
      var writer = CSVWriter(
        header: unassignedHeader, startingFile: items.lowerBound == 0,
        byteCapacity: 128 * items.count)
      for ref in listed[items] {
        let tier = decisions.finalTier(ref)
        let definition = result.configuration.tier(tier)
        writer.appendText(ledger.id(ref))
        writer.appendText(ledger.name(ref))
        writer.appendRaw(tier)
        writer.appendText(definition.name)
        writer.appendRaw(ledger.arr(ref))
        writer.appendRaw(definition.serviceLevels.csmHoursPerMonth)
        writer.appendRaw(ledger.currentTier(ref))
        let fromOwner = ledger.ownerID(ref)
        let person = roster[fromOwner]
        writer.appendText(fromOwner)
        writer.appendText(person.map { $0.name.isEmpty ? $0.id : $0.name } ?? "")
        writer.appendText(person?.email ?? "")
        writer.appendRaw(csmsShort[tier] ?? 0)
        writer.endRow()
      }
      return writer.bytes
    }
  }
}
