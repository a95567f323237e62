/// Cross-checks a loaded drop (SPEC §2 "Row validity"): joins ARR and usage to accounts,
/// rejects what cannot be scored, lists orphans, and enforces the error budget.
package enum BookValidator {
  /// Validates `drop`; throws ``RetierError/tooManyRejected(rejected:accounts:allowedShare:problems:)``
  /// when the rejected account rows exceed `maxRejectedShare` of the book.
  package static func validate(
    _ drop: LoadedDrop, maxRejectedShare: ExactDecimal
  ) throws(RetierError) -> Book {
    let rows = drop.accountRows
    var rejections: [Rejection] = drop.rosterRejections
    var indexByID: [String: Int] = [:]
    indexByID.reserveCapacity(rows.count)
    // Row indices of every id that occurs more than once, in file order.
    var repeatedRows: [String: [Int]] = [:]
    for (index, row) in rows.enumerated() where !row.id.isEmpty {
      if let first = indexByID[row.id] {
        repeatedRows[row.id, default: [first]].append(index)
      } else {
        indexByID[row.id] = index
      }
    }
    // Per row: whether it is rejected, and for first rows the ARR sum and usage.
    var rejected = rows.map { !$0.problems.isEmpty }
    for (index, row) in rows.enumerated() {
      for problem in row.problems {
        rejections.append(
          Rejection(
            file: DropFiles.Name.accounts, line: row.line, accountID: row.id, reason: problem))
      }
      if let repeated = repeatedRows[row.id] {
        rejected[index] = true
        rejections.append(
          Rejection(
            file: DropFiles.Name.accounts, line: row.line, accountID: row.id,
            reason: "account_id is repeated on lines "
              + repeated.map { String(rows[$0].line) }.joined(separator: ", ")))
      }
    }

    var arrSums = [Money?](repeating: nil, count: rows.count)
    var orphanARR = 0
    for line in drop.arrLines {
      guard let index = indexByID[line.accountID] else {
        orphanARR += 1
        rejections.append(
          Rejection(
            file: DropFiles.Name.arr, line: line.line, accountID: line.accountID,
            reason: line.accountID.isEmpty
              ? "account_id is empty" : "orphan: no such account in accounts.csv"))
        continue
      }
      if let problem = line.problem {
        rejected[index] = true
        rejections.append(
          Rejection(
            file: DropFiles.Name.arr, line: line.line, accountID: line.accountID, reason: problem))
      } else if let amount = line.arr {
        arrSums[index] = (arrSums[index] ?? .zero) + amount
      }
    }

    var usageByIndex = [Usage?](repeating: nil, count: rows.count)
    var usageLine = [Int](repeating: 0, count: rows.count)
    var orphanUsage = 0
    for usageRow in drop.usageRows {
      guard let index = indexByID[usageRow.accountID] else {
        orphanUsage += 1
        rejections.append(
          Rejection(
            file: DropFiles.Name.usage, line: usageRow.line, accountID: usageRow.accountID,
            reason: usageRow.accountID.isEmpty
              ? "account_id is empty" : "orphan: no such account in accounts.csv"))
        continue
      }
      var problems = usageRow.problems
      if usageLine[index] != 0 {
        problems.append("second usage row for the account (first on line \(usageLine[index]))")
      } else {
        usageLine[index] = usageRow.line
      }
      if problems.isEmpty {
        usageByIndex[index] = usageRow.usage
      } else {
        rejected[index] = true
        rejections += problems.map {
          Rejection(
            file: DropFiles.Name.usage, line: usageRow.line, accountID: usageRow.accountID,
            reason: $0)
        }
      }
    }

    var accounts: [Account] = []
    accounts.reserveCapacity(rows.count)
    var rejectedAccounts: [RejectedAccount] = []
    var warnings: [Diagnostic] = []
    var withoutUsage: [String] = []
    for (index, row) in rows.enumerated() {
      let isFirst = !row.id.isEmpty && indexByID[row.id] == index
      // Repeated ids are judged on every row; ARR and usage attach to the first.
      let sum = isFirst ? arrSums[index] : nil
      if isFirst, !rejected[index] {
        if sum == nil {
          rejected[index] = true
          rejections.append(
            Rejection(
              file: DropFiles.Name.accounts, line: row.line, accountID: row.id,
              reason: "no ARR line in arr.csv"))
        } else if let sum, sum < .zero {
          rejected[index] = true
          rejections.append(
            Rejection(
              file: DropFiles.Name.accounts, line: row.line, accountID: row.id,
              reason: "ARR sum \(sum) is negative"))
        }
      }
      guard isFirst else { continue }
      if let repeated = repeatedRows[row.id] {
        rejectedAccounts.append(Self.representative(of: repeated.map { rows[$0] }))
        continue
      }
      if rejected[index] {
        rejectedAccounts.append(
          RejectedAccount(
            id: row.id, name: row.name, currentTier: row.currentTier, ownerID: row.ownerID))
        continue
      }
      guard let since = row.customerSince, let fit = row.strategicFit, let arr = sum else {
        continue
      }
      let usage = usageByIndex[index]
      if usage == nil {
        withoutUsage.append(row.id)
        warnings.append(
          Diagnostic(
            .warning, file: DropFiles.Name.usage,
            message: "account '\(row.id)' has no usage row; scored with unknown usage"))
      }
      accounts.append(
        Account(
          id: row.id, name: row.name, currentTier: row.currentTier, ownerID: row.ownerID,
          customerSince: since, strategicFit: fit, expansionCeiling: row.expansionCeiling,
          multiBU: row.multiBU, sponsorLost: row.sponsorLost, arr: arr,
          usage: usage ?? .unknown, hasUsageRow: usage != nil, line: row.line))
    }

    let rejectedRowCount = rejected.count { $0 }
    rejections.sort()
    if Int128(rejectedRowCount) * ExactDecimal.scale
      > maxRejectedShare.millionths * Int128(rows.count)
    {
      throw .tooManyRejected(
        rejected: rejectedRowCount, accounts: rows.count, allowedShare: maxRejectedShare,
        problems: rejections.map(\.diagnostic).sorted())
    }
    accounts.sort { $0.id < $1.id }
    rejectedAccounts.sort { $0.id < $1.id }
    withoutUsage.sort()
    return Book(
      accounts: accounts, rejectedAccounts: rejectedAccounts, rejections: rejections,
      warnings: warnings.sorted { $0.message < $1.message }, orphanARRLines: orphanARR,
      orphanUsageRows: orphanUsage, accountsWithoutUsage: withoutUsage,
      overrideRows: drop.overrideRows, roster: drop.roster.sorted { $0.id < $1.id },
      rowCounts: drop.rowCounts, accountRowCount: rows.count,
      rejectedAccountRowCount: rejectedRowCount)
  }

  /// The one `tiers.csv` entry of a repeated id. Its rows may disagree, so the choice must not
  /// depend on row order: tier and owner are kept only when every row agrees (blank otherwise),
  /// and the name is the smallest one given.
  private static func representative(of repeated: [AccountRow]) -> RejectedAccount {
    let tiers = Set(repeated.map(\.currentTier))
    let owners = Set(repeated.map(\.ownerID))
    return RejectedAccount(
      id: repeated[0].id, name: repeated.map(\.name).min() ?? "",
      currentTier: tiers.count == 1 ? repeated[0].currentTier : nil,
      ownerID: owners.count == 1 ? repeated[0].ownerID : "")
  }
}
