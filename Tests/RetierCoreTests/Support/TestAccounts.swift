@testable import RetierCore

/// Builds valid accounts and books in memory for rule tests.
enum TestAccounts {
  /// A valid account with neutral defaults: fit 3, no ceiling, no usage, customer since 2020.
  static func account(
    _ id: String, arr: String, fit: Int = 3, currentTier: Int? = nil, ceiling: String? = nil,
    multiBU: Bool = false, sponsorLost: Bool = false, usage: Usage = .unknown,
    customerSince: CalendarDate = CalendarDate(year: 2020, month: 1, day: 1)!, owner: String = "",
    reviewsSkipped: Int = 0
  ) -> Account {
    Account(
      id: id, name: "Account \(id)", currentTier: currentTier, ownerID: owner,
      customerSince: customerSince, strategicFit: fit, expansionCeiling: ceiling.map { Money($0)! },
      multiBU: multiBU, sponsorLost: sponsorLost, arr: Money(arr)!, usage: usage,
      hasUsageRow: usage != .unknown, line: 2, reviewsSkipped: reviewsSkipped)
  }

  /// A book of valid accounts, no rejections, an optional roster and override rows.
  static func book(
    _ accounts: [Account], overrides: [OverrideRow] = [], roster: [CSM] = []
  ) -> Book {
    Book(
      accounts: accounts.sorted { $0.id < $1.id }, rejectedAccounts: [], rejections: [],
      warnings: [], orphanARRLines: 0, orphanUsageRows: 0, accountsWithoutUsage: [],
      overrideRows: overrides, roster: roster, rowCounts: [:], accountRowCount: accounts.count,
      rejectedAccountRowCount: 0)
  }

  /// A configuration with every default.
  static let configuration = Configuration(inbox: "inbox", output: "out")
}
