extension BenchDrop {
  /// Writes an account's billing lines: one for most, two or three for some, and for 1% a
  /// larger line with a negative credit line.
  mutating func appendARRLines(
    accountID: String, cents: Int64, subscription: inout Int, to tables: inout DropTables
  ) {
    var parts: [Int64]
    switch random.below(100) {
    case 0:
      let credit = cents / 10 - cents / 10 % 100
      parts = [cents + credit, -credit]
    case 1..<13:
      let addOn = cents / 4 - cents / 4 % 100
      parts = [cents - addOn, addOn]
    case 13..<16:
      let addOn = cents / 5 - cents / 5 % 100
      parts = [cents - 2 * addOn, addOn, addOn]
    default:
      parts = [cents]
    }
    for part in parts {
      subscription += 1
      tables.appendARRLine(subscription: subscription, accountID: accountID, cents: part)
    }
  }

  /// Writes one deliberately invalid account row (two for a repeated id): `kind` 0 has
  /// strategic_fit 7, 1 an impossible date, 2 no ARR line, 3 current_tier 9, 4 a repeated id.
  mutating func appendRejected(
    kind: Int, id: String, subscription: inout Int, to tables: inout DropTables
  ) {
    let cents = Int64(random.integer(in: 50...900)) * 10_000
    let record = AccountRecord(
      id: id, name: CompanyNames.next(random: &random),
      industry: random.element(of: CompanyNames.industries),
      customerSince: kind == 1
        ? .text("\(quarter.fiscalYear - 2)-13-01")
        : .date(quarter.previous().firstDay.adding(days: -random.integer(in: 100...3000))),
      strategicFit: kind == 0 ? 7 : random.integer(in: 0...5), currentTier: kind == 3 ? 9 : 3,
      ownerID: "cs-pool",
      expansion: .shaped(score: 2, arrCents: cents, usageKnown: true, random: &random),
      supportHundredths: 400, hasUsageRow: true)
    tables.append(record)
    if kind == 4 {
      tables.append(record)
    }
    if kind != 2 {
      appendARRLines(accountID: id, cents: cents, subscription: &subscription, to: &tables)
    }
  }

  /// Two billing lines and one usage row for ids the CRM does not know.
  mutating func appendOrphans(idWidth: Int, subscription: inout Int, to tables: inout DropTables) {
    let firstUnused = accountCount + accountCount / 500 + 1
    for offset in 0..<2 {
      subscription += 1
      tables.appendARRLine(
        subscription: subscription, accountID: AccountID.text(firstUnused + offset, width: idWidth),
        cents: 1_200_000)
    }
    tables.appendUsage(
      accountID: AccountID.text(firstUnused + 2, width: idWidth), licensedSeats: 20,
      activeUsers: 12, activeUsersPreviousQuarter: 11, supportHundredths: 150)
  }

  /// A few overrides (one per 20,000 accounts, at least five): most valid, one in five broken
  /// (same approver, expired, or expiring too far out).
  mutating func appendOverrides(idWidth: Int, to tables: inout DropTables) {
    let runDate = quarter.runDate
    for index in 0..<max(5, accountCount / 20_000) {
      let accountID = AccountID.text(random.integer(in: 1...accountCount), width: idWidth)
      var csApprover = "Marco Ruiz"
      var days = random.integer(in: 7...92)
      if index % 5 == 4 {
        switch index / 5 % 3 {
        case 0:
          csApprover = "DANA WHITFIELD"
        case 1:
          days = -random.integer(in: 1...30)
        default:
          days = random.integer(in: 93...200)
        }
      }
      tables.appendOverride(
        accountID: accountID, tier: String(random.integer(in: 1...2)),
        reason: "Exception agreed at the quarterly account review", salesApprover: "Dana Whitfield",
        csApprover: csApprover, expires: runDate.adding(days: days))
    }
  }
}
