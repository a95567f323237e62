extension DropLoader {
  /// Types `accounts.csv`: one account per data row, in file order, the problems of the rows
  /// that have any, and the number of blank rows skipped.
  static func loadAccounts(
    _ bytes: [UInt8], tierCount: Int
  ) throws(RetierError) -> (accounts: AccountColumns, problems: [RowProblems], blankRows: Int) {
    var table = try Table(
      file: DropFiles.Name.accounts, bytes: bytes,
      required: ["account_id", "customer_since", "strategic_fit"],
      optional: [
        "account_name", "current_tier", "owner_id", "expansion_ceiling_arr", "multi_bu",
        "sponsor_status", "reviews_skipped", "sales_owner", "sales_owner_email",
        "renewal_date", "owner_locked", "lock_reason",
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
    let reviewsSkippedColumn = table.column("reviews_skipped")
    let salesOwnerColumns = (table.column("sales_owner"), table.column("sales_owner_email"))
    let holdColumns = HoldColumns(table)
    var accounts = AccountColumns()
    // Reserved up front: growing a million accounts by doubling would briefly hold 1.5 copies.
    accounts.reserveCapacity(table.rowCountEstimate)
    var rowProblems: [RowProblems] = []
    _ = try table.forEachRow { row in
      var problems: [String] = []
      let aligned = row.isAligned
      let id = row.trimmed(idColumn)
      if id.isEmpty { problems.append("account_id is empty") }

      var currentTier: Int?
      switch row.value(tierColumn, FieldParsers.count) {
      case .blank: break
      case .value(let tier) where (1...tierCount).contains(tier): currentTier = tier
      case .value(let tier):
        problems.append("current_tier \(tier) is not blank or 1–\(tierCount)")
      case .invalid(let text):
        problems.append("current_tier '\(text)' is not blank or 1–\(tierCount)")
      }
      let customerSince = row.value(sinceColumn, FieldParsers.date)
      switch customerSince {
      case .blank: problems.append("customer_since is missing")
      case .invalid(let text): problems.append("customer_since '\(text)' is not a YYYY-MM-DD date")
      case .value: break
      }
      var strategicFit: Int?
      switch row.value(fitColumn, FieldParsers.count) {
      case .blank: problems.append("strategic_fit is missing")
      case .value(let fit) where fit <= 5: strategicFit = fit
      case .value(let fit): problems.append("strategic_fit \(fit) is out of range 0–5")
      case .invalid(let text): problems.append("strategic_fit '\(text)' is not an integer 0–5")
      }
      let ceiling = row.value(ceilingColumn, FieldParsers.money)
      if case .invalid(let text) = ceiling {
        problems.append(notMoney("expansion_ceiling_arr", text))
      }
      let multiBU = row.value(multiBUColumn, FieldParsers.boolean)
      if case .invalid(let text) = multiBU {
        problems.append("multi_bu '\(text)' is not true/false")
      }
      let sponsor = row.value(sponsorColumn, FieldParsers.sponsorLost)
      if case .invalid(let text) = sponsor {
        problems.append("sponsor_status '\(text)' is not active/lost")
      }
      let reviewsSkipped = row.value(reviewsSkippedColumn, FieldParsers.count)
      if case .invalid(let text) = reviewsSkipped {
        problems.append("reviews_skipped '\(text)' is not a whole number ≥ 0")
      }
      let hold = holdColumns.read(row, problems: &problems)
      // A misaligned row's field problems are symptoms of its shifted columns.
      if !aligned { problems = [row.alignmentProblem] }
      if !problems.isEmpty {
        rowProblems.append(RowProblems(row: accounts.count, problems: problems))
      }
      // A row with problems is never used as an account, so its placeholders are never read.
      accounts.append(
        Account(
          id: id, name: row.text(nameColumn), currentTier: aligned ? currentTier : nil,
          ownerID: row.trimmed(ownerColumn),
          customerSince: customerSince.value ?? Self.placeholderDate,
          strategicFit: strategicFit ?? 0, expansionCeiling: ceiling.value,
          multiBU: multiBU.value ?? false, sponsorLost: sponsor.value ?? false, arr: .zero,
          usage: .unknown, hasUsageRow: false, line: row.line,
          reviewsSkipped: reviewsSkipped.value ?? 0,
          salesOwner: row.trimmed(salesOwnerColumns.0),
          salesOwnerEmail: row.trimmed(salesOwnerColumns.1), renewalDate: hold.renewalDate,
          ownerLocked: hold.locked, lockReason: hold.reason))
    }
    return (accounts, rowProblems, table.blankRowCount)
  }

  /// The columns of an owner hold (SPEC §2): `renewal_date`, `owner_locked`, `lock_reason`.
  private struct HoldColumns {
    /// `renewal_date`.
    var renewal: Int?
    /// `owner_locked`.
    var locked: Int?
    /// `lock_reason`.
    var reason: Int?

    /// The columns of `table`.
    init(_ table: borrowing Table) {
      renewal = table.column("renewal_date")
      locked = table.column("owner_locked")
      reason = table.column("lock_reason")
    }

    /// The hold facts of `row`; a field that does not parse adds its problem.
    func read(
      _ row: TableRow, problems: inout [String]
    ) -> (renewalDate: CalendarDate?, locked: Bool, reason: String) {
      let renewalDate = row.value(renewal, FieldParsers.date)
      if case .invalid(let text) = renewalDate {
        problems.append("renewal_date '\(text)' is not a YYYY-MM-DD date")
      }
      let isLocked = row.value(locked, FieldParsers.boolean)
      if case .invalid(let text) = isLocked {
        problems.append("owner_locked '\(text)' is not true/false")
      }
      return (renewalDate.value, isLocked.value ?? false, row.text(reason))
    }
  }

  /// Stands in for a `customer_since` that did not parse.
  private static let placeholderDate = CalendarDate(daysSinceEpoch: 0)
}
