/// Applies the override rules of SPEC §2: both approvers present and different people, a
/// reason, a tier 1…K, a valid account, and an expiry within `maxDays` of the run date. An
/// account with more than one valid override has them all ignored as conflicting.
enum OverrideValidator {
  /// Splits `rows` into the overrides to apply (by account id) and the ignored ones.
  static func validate(
    _ rows: [OverrideRow], validAccountIDs: Set<String>, knownAccountIDs: Set<String>,
    tierCount: Int, runDate: CalendarDate, maxDays: Int
  ) -> (valid: [String: ValidOverride], ignored: [IgnoredOverride]) {
    var candidates: [String: [ValidOverride]] = [:]
    var ignored: [IgnoredOverride] = []
    // The window is checked as a count of days, not against `runDate.adding(days: maxDays)`:
    // `override_max_days` may reach past the years a date can hold.
    for row in rows {
      // A misaligned row is ignored for its root cause, not the symptoms of shifted fields.
      if let misalignment = row.misalignment {
        ignored.append(IgnoredOverride(row: row, reason: misalignment))
        continue
      }
      var problems: [String] = []
      if row.accountID.isEmpty {
        problems.append("account_id is empty")
      } else if !knownAccountIDs.contains(row.accountID) {
        problems.append("account is not in accounts.csv")
      } else if !validAccountIDs.contains(row.accountID) {
        problems.append("account's input rows were rejected")
      }
      let tier = Int(row.tierText).flatMap { (1...tierCount).contains($0) ? $0 : nil }
      if tier == nil { problems.append("tier '\(row.tierText)' is not 1–\(tierCount)") }
      if row.reason.isEmpty { problems.append("reason is empty") }
      if row.approvedBySales.isEmpty { problems.append("approved_by_sales is empty") }
      if row.approvedByCS.isEmpty { problems.append("approved_by_cs is empty") }
      if !row.approvedBySales.isEmpty,
        row.approvedBySales.lowercased() == row.approvedByCS.lowercased()
      {
        problems.append(
          "approved by the same person twice ('\(row.approvedBySales)'); two leaders must approve")
      }
      let expires = CalendarDate(iso: row.expiresText)
      if let expires {
        if expires < runDate {
          problems.append("expired on \(expires), before the run date \(runDate)")
        } else if expires.daysSinceEpoch - runDate.daysSinceEpoch > maxDays {
          problems.append(
            "expires \(expires), more than \(maxDays) days after the run date \(runDate)")
        }
      } else {
        problems.append("expires '\(row.expiresText)' is not a YYYY-MM-DD date")
      }
      if let tier, let expires, problems.isEmpty {
        candidates[row.accountID, default: []].append(
          ValidOverride(row: row, tier: tier, expires: expires))
      } else {
        ignored.append(IgnoredOverride(row: row, reason: problems.joined(separator: "; ")))
      }
    }
    var valid: [String: ValidOverride] = [:]
    for (accountID, overrides) in candidates {
      if overrides.count == 1 {
        valid[accountID] = overrides[0]
      } else {
        // The count and the first line, not every line: n conflicting overrides of one account
        // would otherwise make n reasons of n lines each.
        let reason =
          "conflicts with another valid override for the account (\(overrides.count) valid "
          + "overrides; first on line \(overrides[0].row.line))"
        ignored += overrides.map { IgnoredOverride(row: $0.row, reason: reason) }
      }
    }
    ignored.sort { ($0.row.accountID, $0.row.line) < ($1.row.accountID, $1.row.line) }
    return (valid, ignored)
  }
}
