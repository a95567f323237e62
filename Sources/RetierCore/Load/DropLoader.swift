/// Parses the files of a drop into typed rows (SPEC §2). Missing columns and malformed CSV are
/// fatal; every other problem stays with its row for validation to judge.
package enum DropLoader {
  /// Parses every file of `files` for a ladder of `tierCount` tiers.
  package static func load(_ files: DropFiles, tierCount: Int) throws(RetierError) -> LoadedDrop {
    // The files parse independently, accounts.csv (the largest) on one core and the rest on the
    // other; errors are then reported in the same file order as a sequential load would.
    let (accountsResult, others) = Parallel.both(
      {
        Result { () throws(RetierError) in try loadAccounts(files.accounts, tierCount: tierCount) }
      },
      {
        (
          arr: Result { () throws(RetierError) in try loadARR(files.arr) },
          usage: Result { () throws(RetierError) in try loadUsage(files.usage) },
          overrides: Result { () throws(RetierError) in
            try files.overrides.map { (bytes) throws(RetierError) in try loadOverrides(bytes) }
          },
          roster: Result { () throws(RetierError) in
            try loadRoster(files.csms, tierCount: tierCount)
          }
        )
      })
    let accounts = try accountsResult.get()
    let arr = try others.arr.get()
    let usage = try others.usage.get()
    let overrides = try others.overrides.get()
    let roster = try others.roster.get()
    var rowCounts = [
      DropFiles.Name.accounts: accounts.count, DropFiles.Name.arr: arr.count,
      DropFiles.Name.usage: usage.count, DropFiles.Name.csms: roster.rowCount,
    ]
    if let overrides { rowCounts[DropFiles.Name.overrides] = overrides.count }
    return LoadedDrop(
      accountRows: accounts, arrLines: arr, usageRows: usage, overrideRows: overrides ?? [],
      roster: roster.csms, rosterRejections: roster.rejections, rowCounts: rowCounts)
  }

  package static func loadAccounts(_ bytes: [UInt8], tierCount: Int) throws(RetierError)
    -> [AccountRow]
  {
    let table = try Table(
      file: DropFiles.Name.accounts, bytes: bytes,
      required: ["account_id", "customer_since", "strategic_fit"],
      optional: [
        "account_name", "current_tier", "owner_id", "expansion_ceiling_arr", "multi_bu",
        "sponsor_status",
      ])
    let idColumn = table.column("account_id")
    let nameColumn = table.column("account_name")
    let tierColumn = table.column("current_tier")
    let ownerColumn = table.column("owner_id")
    let sinceColumn = table.column("customer_since")
    let fitColumn = table.column("strategic_fit")
    let ceilingColumn = table.column("expansion_ceiling_arr")
    let multiBUColumn = table.column("multi_bu")
    let sponsorColumn = table.column("sponsor_status")
    var rows: [AccountRow] = []
    rows.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      var problems: [String] = []
      let aligned = table.isAligned(row)
      if !aligned { problems.append(table.alignmentProblem(row)) }
      let id = table.trimmed(row, idColumn)
      if id.isEmpty { problems.append("account_id is empty") }

      var currentTier: Int?
      switch table.value(row, tierColumn, FieldParsers.count) {
      case .blank: break
      case .value(let tier) where (1...tierCount).contains(tier): currentTier = tier
      case .value(let tier):
        problems.append("current_tier \(tier) is not blank or 1–\(tierCount)")
      case .invalid(let text):
        problems.append("current_tier '\(text)' is not blank or 1–\(tierCount)")
      }
      let customerSince = table.value(row, sinceColumn, FieldParsers.date)
      switch customerSince {
      case .blank: problems.append("customer_since is missing")
      case .invalid(let text): problems.append("customer_since '\(text)' is not a YYYY-MM-DD date")
      case .value: break
      }
      var strategicFit: Int?
      switch table.value(row, fitColumn, FieldParsers.count) {
      case .blank: problems.append("strategic_fit is missing")
      case .value(let fit) where fit <= 5: strategicFit = fit
      case .value(let fit): problems.append("strategic_fit \(fit) is out of range 0–5")
      case .invalid(let text): problems.append("strategic_fit '\(text)' is not an integer 0–5")
      }
      let ceiling = table.value(row, ceilingColumn, FieldParsers.money)
      if case .invalid(let text) = ceiling {
        problems.append(
          "expansion_ceiling_arr '\(text)' is not money (plain decimal, ≤ 2 decimals)")
      }
      let multiBU = table.value(row, multiBUColumn, FieldParsers.boolean)
      if case .invalid(let text) = multiBU {
        problems.append("multi_bu '\(text)' is not true/false")
      }
      let sponsor = table.value(row, sponsorColumn, FieldParsers.sponsorLost)
      if case .invalid(let text) = sponsor {
        problems.append("sponsor_status '\(text)' is not active/lost")
      }
      rows.append(
        AccountRow(
          line: table.line(row), id: id, name: table.text(row, nameColumn),
          currentTier: aligned ? currentTier : nil, ownerID: table.trimmed(row, ownerColumn),
          customerSince: customerSince.value, strategicFit: strategicFit,
          expansionCeiling: ceiling.value, multiBU: multiBU.value ?? false,
          sponsorLost: sponsor.value ?? false, problems: problems))
    }
    return rows
  }

  package static func loadARR(_ bytes: [UInt8]) throws(RetierError) -> [ARRLine] {
    let table = try Table(
      file: DropFiles.Name.arr, bytes: bytes, required: ["account_id", "arr"], optional: [])
    let idColumn = table.column("account_id")
    let arrColumn = table.column("arr")
    var lines: [ARRLine] = []
    lines.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      var line = ARRLine(
        line: table.line(row), accountID: table.trimmed(row, idColumn), arr: nil, problem: nil)
      if !table.isAligned(row) {
        line.problem = table.alignmentProblem(row)
      } else {
        switch table.value(row, arrColumn, FieldParsers.money) {
        case .value(let money): line.arr = money
        case .blank: line.problem = "arr is missing"
        case .invalid(let text):
          line.problem = "arr '\(text)' is not money (plain decimal, ≤ 2 decimals)"
        }
      }
      lines.append(line)
    }
    return lines
  }

  package static func loadUsage(_ bytes: [UInt8]) throws(RetierError) -> [UsageRow] {
    let table = try Table(
      file: DropFiles.Name.usage, bytes: bytes, required: ["account_id"],
      optional: ["licensed_seats", "active_users", "active_users_prev_quarter", "support_hours"])
    let idColumn = table.column("account_id")
    let countColumns = ["licensed_seats", "active_users", "active_users_prev_quarter"].map {
      ($0, table.column($0))
    }
    let hoursColumn = table.column("support_hours")
    var rows: [UsageRow] = []
    rows.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      var problems: [String] = []
      if !table.isAligned(row) { problems.append(table.alignmentProblem(row)) }
      var counts: [Int?] = []
      for (name, column) in countColumns {
        let value = table.value(row, column, FieldParsers.count)
        if case .invalid(let text) = value {
          problems.append("\(name) '\(text)' is not a non-negative integer")
        }
        counts.append(value.value)
      }
      let hours = table.value(row, hoursColumn, FieldParsers.hundredths)
      if case .invalid(let text) = hours {
        problems.append("support_hours '\(text)' is not a non-negative decimal (≤ 2 decimals)")
      }
      rows.append(
        UsageRow(
          line: table.line(row), accountID: table.trimmed(row, idColumn),
          usage: Usage(
            licensedSeats: counts[0], activeUsers: counts[1],
            activeUsersPreviousQuarter: counts[2], supportHundredths: hours.value),
          problems: problems))
    }
    return rows
  }

  package static func loadOverrides(_ bytes: [UInt8]) throws(RetierError) -> [OverrideRow] {
    let table = try Table(
      file: DropFiles.Name.overrides, bytes: bytes,
      required: ["account_id", "tier", "reason", "approved_by_sales", "approved_by_cs", "expires"],
      optional: [])
    let columns = [
      "account_id", "tier", "reason", "approved_by_sales", "approved_by_cs", "expires",
    ]
    .map { table.column($0) }
    return (0..<table.rowCount).map { row in
      let fields = columns.map { table.trimmed(row, $0) }
      return OverrideRow(
        line: table.line(row), accountID: fields[0],
        tierText: table.isAligned(row) ? fields[1] : "", reason: fields[2],
        approvedBySales: fields[3], approvedByCS: fields[4], expiresText: fields[5])
    }
  }

  package static func loadRoster(
    _ bytes: [UInt8], tierCount: Int
  ) throws(RetierError) -> (csms: [CSM], rejections: [Rejection], rowCount: Int) {
    let table = try Table(
      file: DropFiles.Name.csms, bytes: bytes, required: ["csm_id", "tier"],
      optional: ["name", "email", "max_accounts", "active"])
    let idColumn = table.column("csm_id")
    let tierColumn = table.column("tier")
    var csms: [CSM] = []
    var rejections: [Rejection] = []
    var lineByID: [String: Int] = [:]
    for row in 0..<table.rowCount {
      var problems: [String] = []
      if !table.isAligned(row) { problems.append(table.alignmentProblem(row)) }
      let id = table.trimmed(row, idColumn)
      if id.isEmpty { problems.append("csm_id is empty") }
      let tier = table.value(row, tierColumn, FieldParsers.count)
      switch tier {
      case .value(let number) where (1...tierCount).contains(number): break
      case .value(let number): problems.append("tier \(number) is not 1–\(tierCount)")
      case .blank: problems.append("tier is missing")
      case .invalid(let text): problems.append("tier '\(text)' is not 1–\(tierCount)")
      }
      let maxAccounts = table.value(row, table.column("max_accounts"), FieldParsers.count)
      switch maxAccounts {
      case .value(0): problems.append("max_accounts 0: leave it blank for the tier default")
      case .invalid(let text): problems.append("max_accounts '\(text)' is not a positive integer")
      case .value, .blank: break
      }
      let active = table.value(row, table.column("active"), FieldParsers.boolean)
      if case .invalid(let text) = active { problems.append("active '\(text)' is not true/false") }
      let line = table.line(row)
      if !id.isEmpty, let first = lineByID[id] {
        problems.append("csm_id '\(id)' is repeated (first on line \(first))")
      } else if !id.isEmpty {
        lineByID[id] = line
      }
      guard problems.isEmpty, let tierNumber = tier.value else {
        let subject = id.isEmpty ? "" : "csm '\(id)': "
        rejections += problems.map {
          Rejection(file: table.file, line: line, accountID: "", reason: subject + $0)
        }
        continue
      }
      csms.append(
        CSM(
          line: line, id: id, name: table.text(row, table.column("name")),
          email: table.trimmed(row, table.column("email")), tier: tierNumber,
          maxAccounts: maxAccounts.value, isActive: active.value ?? true))
    }
    return (csms, rejections, table.rowCount)
  }
}
