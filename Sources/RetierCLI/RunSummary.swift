import RetierCore

/// The summary a run prints on standard output: tier counts before → after, movements, rejected
/// rows, overrides, owners, the capacity table and where the output went.
enum RunSummary {
  /// The summary's lines; `destination` is the last line (where the files went, or that a dry
  /// run wrote nothing).
  static func lines(_ result: RunResult, destination: String) -> [String] {
    let configuration = result.configuration
    let book = result.book
    let tierCount = configuration.tierCount
    let counts = TierCounts(result)
    var lines = [
      "\(result.quarter.label) (run date \(result.runDate)): \(book.accountRowCount) account rows, "
        + "\(book.ledger.count) valid, \(book.ledger.rejectedRefs.count) rejected accounts"
    ]
    let labels = (1...tierCount).map { "Tier \($0) \(configuration.tier($0).name)" }
    let width = (labels + [ReviewWording.newTier, "rejected"]).map(\.count).max() ?? 0
    func row(_ label: String, _ from: Int, _ to: Int) -> String {
      "  " + pad(label, width, left: false) + "  " + pad(String(from), 6, left: true) + " → "
        + pad(String(to), 6, left: true)
    }
    lines.append("Tiers before → after:")
    for tier in 1...tierCount {
      lines.append(row(labels[tier - 1], counts.before[tier], counts.after[tier]))
    }
    if counts.before[0] + counts.after[0] > 0 {
      lines.append(row(ReviewWording.newTier, counts.before[0], counts.after[0]))
    }
    if counts.rejected > 0 { lines.append(row("rejected", counts.rejected, counts.rejected)) }
    lines.append(
      "Movements: " + counted(counts.promotions, "promotion") + ", "
        + counted(counts.demotions, "demotion") + ", "
        + counted(counts.firstPlacements, "first placement"))
    lines.append(
      "Rejected rows: \(book.rejections.count) in all (\(book.rejectedAccountRowCount) in "
        + "accounts.csv); orphans: " + counted(book.orphanARRLines, "ARR line") + ", "
        + counted(book.orphanUsageRows, "usage row") + "; "
        + counted(book.accountsWithoutUsage.count, "account") + " without usage")
    lines.append(
      "Overrides: \(result.tiering.validOverrides.count) applied, "
        + "\(result.tiering.ignoredOverrides.count) ignored")
    let owners = result.owners
    let ledger = result.ledger
    lines.append(
      "Owners: \(ledger.refs.count { ledger.ownerChanges($0) }) reassigned, "
        + "\(ledger.refs.count { ledger.ownerChangeReasons[$0]?.isHold ?? false }) handoffs held, "
        + "\(ledger.refs.count { ledger.owners[$0].isEmpty }) unassigned")
    lines += owners.warnings.map(\.description)
    // Which bound holds, for the tiers that can be capped by capacity.
    for report in result.tiering.capReports where report.capacitySeats != nil {
      lines.append(
        "Tier \(report.tier) cap: \(report.seats) seats (\(report.bindingBound.rawValue) bound"
          + (report.shareSeats.map { "; max share \($0), capacity \(report.capacitySeats ?? 0)" }
            ?? "") + "), \(report.seatedCount) seated")
    }
    lines += CRMOwnerImport(result).summaryLines
    let capacity = CapacityTable.summaryLines(owners.capacity, configuration: configuration)
    if !capacity.isEmpty {
      lines.append("Capacity:")
      lines += capacity.map { "  " + $0 }
    }
    lines.append(destination)
    return lines
  }

  /// `1 demotion`, `2 demotions`.
  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// `text` padded with spaces to `width` characters, on the left or the right.
  private static func pad(_ text: String, _ width: Int, left: Bool) -> String {
    let spaces = String(repeating: " ", count: max(0, width - text.count))
    return left ? spaces + text : text + spaces
  }
}
