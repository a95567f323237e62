/// Applies the override rules of SPEC §2: both approvers present and different people, a
/// reason, a tier 1…K, a valid account, and an expiry within `maxDays` of the run date. An
/// account with more than one valid override has them all ignored as conflicting.
enum OverrideValidator {
  /// Splits `rows` into the overrides to apply (by account id) and the ignored ones. Rows that
  /// are the same but for their line are judged once, and stay one group of lines when ignored.
  static func validate(
    _ rows: OverrideRows, validAccountIDs: Set<String>, knownAccountIDs: Set<String>,
    tierCount: Int, runDate: CalendarDate, maxDays: Int
  ) -> (valid: [String: ValidOverride], ignored: IgnoredOverrides) {
    var candidates: [String: [(group: OverrideRowGroup, tier: Int, expires: CalendarDate)]] = [:]
    var ignored: [IgnoredOverrides.Group] = []
    // The window is checked as a count of days, not against `runDate.adding(days: maxDays)`:
    // `override_max_days` may reach past the years a date can hold.
    for group in rows.groups {
      let row = group.row
      // A misaligned row is ignored for its root cause, not the symptoms of shifted fields.
      if let misalignment = row.misalignment {
        ignored.append(IgnoredOverrides.Group(row: row, reason: misalignment, lines: group.lines))
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
        candidates[row.accountID, default: []].append((group, tier, expires))
      } else {
        ignored.append(
          IgnoredOverrides.Group(
            row: row, reason: problems.joined(separator: "; "), lines: group.lines))
      }
    }
    var valid: [String: ValidOverride] = [:]
    for (accountID, overrides) in candidates {
      let count = overrides.reduce(0) { $0 + $1.group.lines.count }
      if count == 1 {
        valid[accountID] = ValidOverride(
          row: overrides[0].group.row, tier: overrides[0].tier, expires: overrides[0].expires)
      } else {
        // The count and the first line, not every line: n conflicting overrides of one account
        // would otherwise make n reasons of n lines each. Groups come in the order of their
        // first lines, so the first group's first line is the account's first.
        let reason =
          "conflicts with another valid override for the account (\(count) valid "
          + "overrides; first on line \(overrides[0].group.row.line))"
        ignored += overrides.map {
          IgnoredOverrides.Group(row: $0.group.row, reason: reason, lines: $0.group.lines)
        }
      }
    }
    return (valid, IgnoredOverrides(ignored))
  }
}
