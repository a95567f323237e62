/// Parses the files of a drop into typed rows (SPEC §2). Missing columns and malformed CSV are
/// fatal; every other problem stays with its row for validation to judge.
///
/// Each file is typed record by record as it is scanned: no file exists as a parsed document of
/// field strings, and nothing but the typed rows outlives the call.
enum DropLoader {
  /// Parses every file of `files` for a ladder of `tierCount` tiers, and checksums each.
  ///
  /// The files are consumed: each file's bytes are hashed, parsed and let go by one task, so a
  /// file is freed as soon as it is typed rather than when the whole drop is.
  static func load(
    _ files: consuming DropFiles, tierCount: Int
  ) throws(RetierError) -> LoadedDrop {
    // overrides.csv first, on its own: repeated rows shrink to one row and their lines as they
    // stream by, so its bytes (which may be most of the drop) are let go before the other files
    // are typed, and the peak does not hold both.
    let overridesChecksum = files.overrides.map { SHA256.hexDigest($0) }
    let overridesResult = Result { () throws(RetierError) in
      try files.overrides.map { (bytes) throws(RetierError) in try loadOverrides(bytes) }
    }
    files.overrides = nil
    // accounts.csv (the largest) on one core and the rest on the other; each side owns its
    // files' bytes, so they are freed as soon as that side has typed them. Errors are then
    // reported in the same file order as a sequential load would.
    let accountsBytes = files.accounts
    files.accounts = []
    let (accounts, others) = Parallel.both(
      consume accountsBytes,
      { bytes in
        (
          sha256: SHA256.hexDigest(bytes),
          rows: Result { () throws(RetierError) in try loadAccounts(bytes, tierCount: tierCount) }
        )
      },
      consume files,
      { files in
        (
          sha256: [
            DropFiles.Name.arr: SHA256.hexDigest(files.arr),
            DropFiles.Name.usage: SHA256.hexDigest(files.usage),
            DropFiles.Name.csms: SHA256.hexDigest(files.csms),
          ],
          arr: Result { () throws(RetierError) in try loadARR(files.arr) },
          usage: Result { () throws(RetierError) in try loadUsage(files.usage) },
          roster: Result { () throws(RetierError) in
            try loadRoster(files.csms, tierCount: tierCount)
          }
        )
      })
    let accountRows = try accounts.rows.get()
    let arr = try others.arr.get()
    let usage = try others.usage.get()
    let overrides = try overridesResult.get()
    let roster = try others.roster.get()
    var rowCounts = [
      DropFiles.Name.accounts: accountRows.accounts.count, DropFiles.Name.arr: arr.rows.count,
      DropFiles.Name.usage: usage.rows.count, DropFiles.Name.csms: roster.rowCount,
    ]
    if let overrides { rowCounts[DropFiles.Name.overrides] = overrides.rows.count }
    let blankRows = [
      DropFiles.Name.accounts: accountRows.blankRows, DropFiles.Name.arr: arr.blankRows,
      DropFiles.Name.usage: usage.blankRows, DropFiles.Name.csms: roster.blankRows,
      DropFiles.Name.overrides: overrides?.blankRows ?? 0,
    ]
    .filter { $0.value > 0 }
    var checksums = others.sha256
    checksums[DropFiles.Name.accounts] = accounts.sha256
    checksums[DropFiles.Name.overrides] = overridesChecksum
    return LoadedDrop(
      accounts: accountRows.accounts, accountProblems: accountRows.problems, arrLines: arr.rows,
      usageRows: usage.rows, overrideRows: overrides?.rows ?? [], roster: roster.csms,
      rosterRejections: roster.rejections, rowCounts: rowCounts, blankRowCounts: blankRows,
      checksums: checksums)
  }

  /// Types `arr.csv`.
  static func loadARR(_ bytes: [UInt8]) throws(RetierError) -> (rows: ARRLines, blankRows: Int) {
    var table = try Table(
      file: DropFiles.Name.arr, bytes: bytes, required: ["account_id", "arr"], optional: [])
    let idColumn = table.column("account_id")
    let arrColumn = table.column("arr")
    var lines = ARRLines()
    lines.reserveCapacity(table.rowCountEstimate)
    _ = try table.forEachRow { row in
      var line = ARRLine(line: row.line, accountID: row.trimmed(idColumn), arr: nil, problem: nil)
      if !row.isAligned {
        line.problem = row.alignmentProblem
      } else {
        switch row.value(arrColumn, FieldParsers.money) {
        case .value(let money): line.arr = money
        case .blank: line.problem = "arr is missing"
        case .invalid(let text): line.problem = notMoney("arr", text)
        }
      }
      lines.append(line)
    }
    return (lines, table.blankRowCount)
  }

  /// Types `usage.csv`.
  static func loadUsage(_ bytes: [UInt8]) throws(RetierError) -> (rows: UsageRows, blankRows: Int) {
    var table = try Table(
      file: DropFiles.Name.usage, bytes: bytes, required: ["account_id"],
      optional: ["licensed_seats", "active_users", "active_users_prev_quarter", "support_hours"])
    let idColumn = table.column("account_id")
    let seatsColumn = table.column("licensed_seats")
    let activeColumn = table.column("active_users")
    let previousColumn = table.column("active_users_prev_quarter")
    let hoursColumn = table.column("support_hours")
    var rows = UsageRows()
    rows.reserveCapacity(table.rowCountEstimate)
    _ = try table.forEachRow { row in
      var problems: [String] = []
      func count(_ column: Int?, _ name: String) -> Int? {
        let value = row.value(column, FieldParsers.count)
        if case .invalid(let text) = value { problems.append(notCount(name, text)) }
        return value.value
      }
      let seats = count(seatsColumn, "licensed_seats")
      let active = count(activeColumn, "active_users")
      let previous = count(previousColumn, "active_users_prev_quarter")
      let hours = row.value(hoursColumn, FieldParsers.hundredths)
      if case .invalid(let text) = hours {
        problems.append(
          "support_hours '\(text)' is not a non-negative decimal (≤ 2 decimals)"
            + (SpreadsheetNumber.fix(for: text, fractionDigits: 2) ?? ""))
      }
      // A misaligned row's field problems are symptoms of its shifted columns.
      if !row.isAligned { problems = [row.alignmentProblem] }
      rows.append(
        UsageRow(
          line: row.line, accountID: row.trimmed(idColumn),
          usage: Usage(
            licensedSeats: seats, activeUsers: active, activeUsersPreviousQuarter: previous,
            supportHundredths: hours.value),
          problems: problems))
    }
    return (rows, table.blankRowCount)
  }

  /// Types `overrides.csv`.
  static func loadOverrides(
    _ bytes: [UInt8]
  ) throws(RetierError) -> (rows: OverrideRows, blankRows: Int) {
    var table = try Table(
      file: DropFiles.Name.overrides, bytes: bytes,
      required: ["account_id", "tier", "reason", "approved_by_sales", "approved_by_cs", "expires"],
      optional: [])
    let columns = [
      "account_id", "tier", "reason", "approved_by_sales", "approved_by_cs", "expires",
    ]
    .map { table.column($0) }
    // Repeated rows are kept once with their lines, as they stream by.
    var rows = OverrideRows.Builder()
    _ = try table.forEachRow { row in
      let fields = columns.map { row.trimmed($0) }
      rows.append(
        OverrideRow(
          line: row.line, accountID: fields[0], tierText: row.isAligned ? fields[1] : "",
          reason: fields[2], approvedBySales: fields[3], approvedByCS: fields[4],
          expiresText: fields[5], misalignment: row.isAligned ? nil : row.alignmentProblem))
    }
    return (rows.rows, table.blankRowCount)
  }

  /// Types `csms.csv`: usable CSMs, the rows that cannot be used, the number of data rows and
  /// of blank rows skipped.
  static func loadRoster(
    _ bytes: [UInt8], tierCount: Int
  ) throws(RetierError) -> (csms: [CSM], rejections: [Rejection], rowCount: Int, blankRows: Int) {
    var table = try Table(
      file: DropFiles.Name.csms, bytes: bytes, required: ["csm_id", "tier"],
      optional: [
        "name", "email", "max_accounts", "active", "crm_user_id", "manager", "backfill_csm_id",
      ])
    let file = table.file
    let idColumn = table.column("csm_id")
    let tierColumn = table.column("tier")
    let nameColumn = table.column("name")
    let emailColumn = table.column("email")
    let maxAccountsColumn = table.column("max_accounts")
    let activeColumn = table.column("active")
    let crmUserIDColumn = table.column("crm_user_id")
    let managerColumn = table.column("manager")
    let backfillColumn = table.column("backfill_csm_id")
    var csms: [CSM] = []
    var rejections: [Rejection] = []
    var lineByID: [String: Int] = [:]
    let rowCount = try table.forEachRow { row in
      var problems: [String] = []
      let id = row.trimmed(idColumn)
      if id.isEmpty { problems.append("csm_id is empty") }
      let tier = row.value(tierColumn, FieldParsers.count)
      switch tier {
      case .value(let number) where (1...tierCount).contains(number): break
      case .value(let number): problems.append("tier \(number) is not 1–\(tierCount)")
      case .blank: problems.append("tier is missing")
      case .invalid(let text): problems.append("tier '\(text)' is not 1–\(tierCount)")
      }
      let maxAccounts = row.value(maxAccountsColumn, FieldParsers.count)
      switch maxAccounts {
      case .value(0): problems.append("max_accounts 0: leave it blank for the tier default")
      case .invalid(let text): problems.append("max_accounts '\(text)' is not a positive integer")
      case .value, .blank: break
      }
      let active = row.value(activeColumn, FieldParsers.boolean)
      if case .invalid(let text) = active { problems.append("active '\(text)' is not true/false") }
      let line = row.line
      // A misaligned row's field problems are symptoms of its shifted columns.
      if !row.isAligned { problems = [row.alignmentProblem] }
      if !id.isEmpty, let first = lineByID[id] {
        problems.append("csm_id '\(id)' is repeated (first on line \(first))")
      } else if !id.isEmpty {
        lineByID[id] = line
      }
      guard problems.isEmpty, let tierNumber = tier.value else {
        let subject = id.isEmpty ? "" : "csm '\(id)': "
        rejections += problems.map {
          Rejection(file: file, line: line, accountID: "", reason: subject + $0)
        }
        return
      }
      let crmUserID = row.trimmed(crmUserIDColumn)
      csms.append(
        CSM(
          line: line, id: id, name: row.text(nameColumn), email: row.trimmed(emailColumn),
          crmUserID: crmUserID.isEmpty ? id : crmUserID, tier: tierNumber,
          maxAccounts: maxAccounts.value, isActive: active.value ?? true,
          manager: row.trimmed(managerColumn), backfillCSMID: row.trimmed(backfillColumn)))
    }
    return (csms, rejections, rowCount, table.blankRowCount)
  }
}
