/// Cross-checks a loaded drop (SPEC §2 "Row validity"): joins ARR and usage to accounts,
/// rejects what cannot be scored, lists orphans, and enforces the error budget.
enum BookValidator {
  /// Validates `drop`; throws
  /// ``RetierError/tooManyRejected(rejected:accounts:allowedShare:allowedRows:problems:)`` when
  /// the rejected account rows exceed both `maxRejectedShare` of the book and
  /// `maxRejectedRowsFloor` rows (the floor lets a small book survive a typo).
  ///
  /// The drop is consumed: its accounts become the book's in place (ARR and usage joined, the
  /// rejected rows dropped, the rest put in id order), and its ARR lines and usage rows are let
  /// go once joined, so a million accounts are never held twice.
  static func validate(
    _ drop: consuming LoadedDrop, maxRejectedShare: ExactDecimal, maxRejectedRowsFloor: Int
  ) throws(RetierError) -> Book {
    var accounts = drop.accounts
    drop.accounts = []
    let rowCount = accounts.count
    var index = AccountIDIndex(accounts)
    var rejections: [Rejection] = drop.rosterRejections
    // Per row: whether it is rejected.
    var rejected = [Bool](repeating: false, count: rowCount)
    var problems = drop.accountProblems.makeIterator()
    var nextProblems = problems.next()
    for row in 0..<rowCount {
      if let rowProblems = nextProblems, rowProblems.row == row {
        rejected[row] = true
        for problem in rowProblems.problems {
          rejections.append(accountRejection(accounts[row], problem))
        }
        nextProblems = problems.next()
      }
      if index.isRepeated(row), let repeated = index.repeatedRows[index.firstRow[row]] {
        rejected[row] = true
        rejections.append(
          accountRejection(
            accounts[row],
            repeatedIDReason(count: repeated.count, firstLine: accounts[repeated[0]].line)))
      }
    }

    // ARR sums accumulate in the accounts of first rows; `hasARR` tells zero from no line.
    var hasARR = [Bool](repeating: false, count: rowCount)
    var orphanARR = 0
    do {
      // Moved out of the drop so that the lines are freed at the end of this block.
      let arrLines = drop.arrLines
      drop.arrLines = ARRLines()
      let rows = index.join(count: arrLines.count, accounts: accounts) {
        arrLines.accountID(at: $0)
      }
      for (line, row) in zip(arrLines, rows) {
        guard row >= 0 else {
          orphanARR += 1
          rejections.append(
            orphan(DropFiles.Name.arr, line: line.line, accountID: line.accountID))
          continue
        }
        let row = Int(row)
        if let problem = line.problem {
          rejected[row] = true
          rejections.append(
            Rejection(
              file: DropFiles.Name.arr, line: line.line, accountID: line.accountID,
              reason: problem))
        } else if let amount = line.arr {
          accounts[row].arr += amount
          hasARR[row] = true
        }
      }
    }

    var usageLine = [Int](repeating: 0, count: rowCount)
    var orphanUsage = 0
    do {
      let usageRows = drop.usageRows
      drop.usageRows = UsageRows()
      let rows = index.join(count: usageRows.count, accounts: accounts) {
        usageRows.accountID(at: $0)
      }
      for (usageRow, row) in zip(usageRows, rows) {
        guard row >= 0 else {
          orphanUsage += 1
          rejections.append(
            orphan(DropFiles.Name.usage, line: usageRow.line, accountID: usageRow.accountID))
          continue
        }
        let row = Int(row)
        var problems = usageRow.problems
        if usageLine[row] != 0 {
          problems.append("second usage row for the account (first on line \(usageLine[row]))")
        } else {
          usageLine[row] = usageRow.line
        }
        if problems.isEmpty {
          accounts[row].usage = usageRow.usage
          accounts[row].hasUsageRow = true
        } else {
          rejected[row] = true
          rejections += problems.map {
            Rejection(
              file: DropFiles.Name.usage, line: usageRow.line, accountID: usageRow.accountID,
              reason: $0)
          }
        }
      }
    }

    var isValid = [Bool](repeating: false, count: rowCount)
    var rejectedAccounts: [RejectedAccount] = []
    var warnings: [Diagnostic] = []
    var withoutUsage: [String] = []
    for row in 0..<rowCount where index.firstRow[row] == row {
      // Repeated ids are judged on every row; ARR and usage attach to the first.
      if !rejected[row] {
        if !hasARR[row] {
          rejected[row] = true
          rejections.append(accountRejection(accounts[row], "no ARR line in arr.csv"))
        } else if accounts[row].arr < .zero {
          rejected[row] = true
          rejections.append(
            accountRejection(accounts[row], "ARR sum \(accounts[row].arr) is negative"))
        }
      }
      if index.isRepeated(row), let repeated = index.repeatedRows[row] {
        rejectedAccounts.append(Self.representative(of: repeated.map { accounts[$0] }))
        continue
      }
      let account = accounts[row]
      if rejected[row] {
        rejectedAccounts.append(
          RejectedAccount(
            id: account.id, name: account.name, currentTier: account.currentTier,
            ownerID: account.ownerID))
        continue
      }
      if !account.hasUsageRow {
        withoutUsage.append(account.id)
        warnings.append(
          Diagnostic(
            .warning, file: DropFiles.Name.usage,
            message: "account '\(account.id)' has no usage row; scored with unknown usage"))
      }
      isValid[row] = true
    }

    let rejectedRowCount = rejected.count { $0 }
    rejections.sort()
    try checkWhole(
      accountRows: rowCount, orphanARR: orphanARR, orphanUsage: orphanUsage,
      rowCounts: drop.rowCounts, maxRejectedShare: maxRejectedShare,
      maxRejectedRowsFloor: maxRejectedRowsFloor, rejections: rejections)
    if Int128(rejectedRowCount) * ExactDecimal.scale
      > maxRejectedShare.millionths * Int128(rowCount), rejectedRowCount > maxRejectedRowsFloor
    {
      throw .tooManyRejected(
        rejected: rejectedRowCount, accounts: rowCount, allowedShare: maxRejectedShare,
        allowedRows: maxRejectedRowsFloor, problems: rejections.map(\.diagnostic).sorted())
    }
    let order = index.rowsInIDOrder(isValid, accounts: accounts)
    Self.keep(order, of: &accounts)
    rejectedAccounts.sort { $0.id < $1.id }
    withoutUsage.sort()
    return Book(
      accounts: accounts, rejectedAccounts: rejectedAccounts, rejections: rejections,
      warnings: warnings.sorted { $0.message < $1.message }, orphanARRLines: orphanARR,
      orphanUsageRows: orphanUsage, accountsWithoutUsage: withoutUsage,
      overrideRows: drop.overrideRows, roster: drop.roster.sorted { $0.id < $1.id },
      rowCounts: drop.rowCounts, accountRowCount: rowCount,
      rejectedAccountRowCount: rejectedRowCount)
  }

  /// Refuses a book that is not whole (SPEC §2): an `accounts.csv` with no rows, or orphan ARR
  /// lines or usage rows over the error budget as a share of their own file's rows, which is
  /// what a truncated `accounts.csv` looks like. Cut lines and caps computed on part of the
  /// book would be wrong for all of it. The budget is the one of rejected account rows, floor
  /// included, so a small book survives a stray line or three as it survives a typo.
  private static func checkWhole(
    accountRows: Int, orphanARR: Int, orphanUsage: Int, rowCounts: [String: Int],
    maxRejectedShare: ExactDecimal, maxRejectedRowsFloor: Int, rejections: [Rejection]
  ) throws(RetierError) {
    guard accountRows > 0 else {
      throw .incompleteBook(
        file: DropFiles.Name.accounts,
        reason: "no account rows (a header only, or an empty export); a quarter is never run "
          + "on an empty book", problems: [])
    }
    for (file, orphans) in [(DropFiles.Name.arr, orphanARR), (DropFiles.Name.usage, orphanUsage)] {
      let rows = rowCounts[file] ?? 0
      guard Int128(orphans) * ExactDecimal.scale > maxRejectedShare.millionths * Int128(rows),
        orphans > maxRejectedRowsFloor
      else { continue }
      throw .incompleteBook(
        file: file,
        reason: "\(orphans) of \(rows) rows name an account that is not in accounts.csv, over "
          + "the budget of max_rejected_share \(maxRejectedShare) of the file's rows and "
          + "max_rejected_rows_floor \(maxRejectedRowsFloor) (is accounts.csv truncated?)",
        problems: rejections.filter { $0.file == file && orphanReasons.contains($0.reason) }
          .map(\.diagnostic).sorted())
    }
  }

  /// The rejection of an `accounts.csv` row for `reason`.
  private static func accountRejection(_ account: Account, _ reason: String) -> Rejection {
    Rejection(
      file: DropFiles.Name.accounts, line: account.line, accountID: account.id, reason: reason)
  }

  /// Why a row of a repeated id is rejected. It names the id's first line and how many rows
  /// share it, never the other lines: with n rows of one id, listing them on every row would
  /// make `rejected.csv` and the messages grow as n².
  static func repeatedIDReason(count: Int, firstLine: Int) -> String {
    "account_id is repeated (\(count) rows; first on line \(firstLine))"
  }

  /// The rejection of an ARR line or usage row whose account is not in `accounts.csv`.
  private static func orphan(_ file: String, line: Int, accountID: String) -> Rejection {
    Rejection(
      file: file, line: line, accountID: accountID,
      reason: accountID.isEmpty ? orphanReasons[0] : orphanReasons[1])
  }

  /// The reasons of an orphan line: its id is empty, or names no account.
  private static let orphanReasons = [
    "account_id is empty", "orphan: no such account in accounts.csv",
  ]

  /// Rearranges `accounts` in place so that it holds exactly the rows `order` lists, in that
  /// order. Elements are only ever moved, never copied: the kept rows slide down in runs (one
  /// `memmove` per run) with the others set aside and dropped, and only when `order` is not
  /// file order are the kept rows then permuted by swaps.
  private static func keep(_ order: [Int], of accounts: inout [Account]) {
    let count = accounts.count
    var isKept = [Bool](repeating: false, count: count)
    for row in order { isKept[row] = true }
    // The position of each kept row once the others are gone.
    var compacted = [Int](repeating: 0, count: count)
    var kept = 0
    for row in 0..<count where isKept[row] {
      compacted[row] = kept
      kept += 1
    }
    accounts.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let dropped = UnsafeMutablePointer<Account>.allocate(capacity: count - kept)
      defer { dropped.deallocate() }
      var droppedCount = 0
      var row = 0
      while row < count {
        guard isKept[row] else {
          (dropped + droppedCount).moveInitialize(from: base + row, count: 1)
          droppedCount += 1
          row += 1
          continue
        }
        var runEnd = row + 1
        while runEnd < count && isKept[runEnd] { runEnd += 1 }
        let target = compacted[row]
        if target != row { (base + target).moveInitialize(from: base + row, count: runEnd - row) }
        row = runEnd
      }
      (base + kept).moveInitialize(from: dropped, count: droppedCount)
    }
    accounts.removeLast(count - kept)
    // `source[i]` is the compacted position of the row that must end at position i.
    let source = order.map { compacted[$0] }
    guard source.indices.contains(where: { source[$0] != $0 }) else { return }
    var placed = [Bool](repeating: false, count: kept)
    accounts.withUnsafeMutableBufferPointer { buffer in
      for start in 0..<kept where !placed[start] {
        // Follow the cycle through `start`: each swap settles one position.
        var position = start
        while true {
          placed[position] = true
          let next = source[position]
          if next == start { break }
          buffer.swapAt(position, next)
          position = next
        }
      }
    }
  }

  /// The one `tiers.csv` entry of a repeated id. Its rows may disagree, so the choice must not
  /// depend on row order: tier and owner are kept only when every row agrees (blank otherwise),
  /// and the name is the smallest one given.
  private static func representative(of repeated: [Account]) -> RejectedAccount {
    let tiers = Set(repeated.map(\.currentTier))
    let owners = Set(repeated.map(\.ownerID))
    return RejectedAccount(
      id: repeated[0].id, name: repeated.map(\.name).min() ?? "",
      currentTier: tiers.count == 1 ? repeated[0].currentTier : nil,
      ownerID: owners.count == 1 ? repeated[0].ownerID : "")
  }
}
