/// The accounts of `accounts.csv`, one column per field: the compact storage behind the
/// ``AccountLedger``. The load appends one row per data row of the file, validation joins ARR
/// and usage into them by file row and then keeps the valid ones in id order.
///
/// A run holds every account from load to render, so each field is kept in its narrowest
/// form: tier and fit as `Int32`, the presence of each optional and the yes/no facts in one
/// byte, usage in four words (``PackedUsage``): 141 bytes an account where a plain
/// ``Account`` takes 216, as columns have no padding between fields.
struct AccountColumns: Sendable {
  /// `account_id`.
  private(set) var ids: [String] = []
  /// `account_name`.
  private var names: [String] = []
  /// `owner_id`.
  private var ownerIDs: [String] = []
  /// ARR sums.
  private var arrs: [Money] = []
  /// Expansion ceilings; zero when ``Flags/hasExpansionCeiling`` is not set.
  private var ceilings: [Money] = []
  /// Lines in `accounts.csv`.
  private var lines: [Int] = []
  /// Current tiers; zero when ``Flags/hasCurrentTier`` is not set.
  private var currentTiers: [Int32] = []
  /// Strategic fits.
  private var fits: [Int32] = []
  /// Business reviews skipped, saturated at `Int32.max` (any count that large is far past
  /// every limit).
  private var reviewsSkipped: [Int32] = []
  /// Customer since.
  private var customerSince: [CalendarDate] = []
  /// `sales_owner` and `sales_owner_email`, as a position in ``executives``: a book has a few
  /// hundred account executives at most, so a million accounts hold four bytes each rather than
  /// two strings (an email is a heap allocation).
  private var salesOwners: [UInt32] = []
  /// Each distinct account executive once, in order of first appearance.
  private var executives: [AccountExecutive] = []
  /// The position of each account executive in ``executives``, while accounts are appended.
  private var executivePositions: [AccountExecutive: UInt32] = [:]
  /// Renewal dates; meaningless when ``Flags/hasRenewalDate`` is not set.
  private var renewalDates: [CalendarDate] = []
  /// `lock_reason` of the rows that have one, by row: few accounts are locked, so a million
  /// empty strings are not kept.
  private var lockReasons: [Int: String] = [:]
  /// Usage facts.
  private var usages: [PackedUsage] = []
  /// The optionals' presence and the yes/no facts.
  private var flags: [Flags] = []

  /// No accounts yet.
  init() {}

  /// How many accounts.
  var count: Int { ids.count }

  /// Makes room for `count` accounts.
  mutating func reserveCapacity(_ count: Int) {
    ids.reserveCapacity(count)
    names.reserveCapacity(count)
    ownerIDs.reserveCapacity(count)
    arrs.reserveCapacity(count)
    ceilings.reserveCapacity(count)
    lines.reserveCapacity(count)
    currentTiers.reserveCapacity(count)
    fits.reserveCapacity(count)
    reviewsSkipped.reserveCapacity(count)
    customerSince.reserveCapacity(count)
    salesOwners.reserveCapacity(count)
    renewalDates.reserveCapacity(count)
    usages.reserveCapacity(count)
    flags.reserveCapacity(count)
  }

  /// Appends `account`. Its tier and fit must fit an `Int32`: a tier is 1…K for a ladder of K
  /// configured tiers, and the fit is 0–5.
  mutating func append(_ account: Account) {
    ids.append(account.id)
    names.append(account.name)
    ownerIDs.append(account.ownerID)
    arrs.append(account.arr)
    ceilings.append(account.expansionCeiling ?? .zero)
    lines.append(account.line)
    currentTiers.append(Int32(account.currentTier ?? 0))
    fits.append(Int32(account.strategicFit))
    reviewsSkipped.append(Int32(clamping: account.reviewsSkipped))
    customerSince.append(account.customerSince)
    let executive = AccountExecutive(name: account.salesOwner, email: account.salesOwnerEmail)
    if let position = executivePositions[executive] {
      salesOwners.append(position)
    } else {
      let position = UInt32(executives.count)
      executives.append(executive)
      executivePositions[executive] = position
      salesOwners.append(position)
    }
    renewalDates.append(account.renewalDate ?? account.customerSince)
    if !account.lockReason.isEmpty { lockReasons[ids.count - 1] = account.lockReason }
    usages.append(PackedUsage(account.usage))
    flags.append(Flags(account))
  }

  /// The account of `row`.
  subscript(row: Int) -> Account {
    let flags = flags[row]
    return Account(
      id: ids[row], name: names[row],
      currentTier: flags.contains(.hasCurrentTier) ? Int(currentTiers[row]) : nil,
      ownerID: ownerIDs[row], customerSince: customerSince[row], strategicFit: Int(fits[row]),
      expansionCeiling: flags.contains(.hasExpansionCeiling) ? ceilings[row] : nil,
      multiBU: flags.contains(.multiBU), sponsorLost: flags.contains(.sponsorLost),
      arr: arrs[row], usage: usages[row].value, hasUsageRow: flags.contains(.hasUsageRow),
      line: lines[row], reviewsSkipped: Int(reviewsSkipped[row]),
      salesOwner: accountExecutive(row).name, salesOwnerEmail: accountExecutive(row).email,
      renewalDate: renewalDate(row), ownerLocked: flags.contains(.ownerLocked),
      lockReason: lockReason(row))
  }

  /// The account executive of `row`.
  func accountExecutive(_ row: Int) -> AccountExecutive { executives[Int(salesOwners[row])] }

  /// `account_id` of `row`.
  func id(_ row: Int) -> String { ids[row] }
  /// `account_name` of `row`.
  func name(_ row: Int) -> String { names[row] }
  /// `owner_id` of `row`.
  func ownerID(_ row: Int) -> String { ownerIDs[row] }
  /// The ARR of `row`.
  func arr(_ row: Int) -> Money { arrs[row] }
  /// The line of `row` in `accounts.csv`.
  func line(_ row: Int) -> Int { lines[row] }
  /// The current tier of `row`; `nil` for a first placement.
  func currentTier(_ row: Int) -> Int? {
    flags[row].contains(.hasCurrentTier) ? Int(currentTiers[row]) : nil
  }
  /// `customer_since` of `row`.
  func customerSince(_ row: Int) -> CalendarDate { customerSince[row] }
  /// Business reviews skipped by `row` (saturated at `Int32.max`).
  func reviewsSkipped(_ row: Int) -> Int { Int(reviewsSkipped[row]) }
  /// `renewal_date` of `row`; `nil` when blank.
  func renewalDate(_ row: Int) -> CalendarDate? {
    flags[row].contains(.hasRenewalDate) ? renewalDates[row] : nil
  }
  /// Whether `row`'s owner is locked (`owner_locked`).
  func ownerLocked(_ row: Int) -> Bool { flags[row].contains(.ownerLocked) }
  /// `lock_reason` of `row`.
  func lockReason(_ row: Int) -> String {
    flags[row].contains(.hasLockReason) ? lockReasons[row] ?? "" : ""
  }
  /// Whether `row` had a usage row.
  func hasUsageRow(_ row: Int) -> Bool { flags[row].contains(.hasUsageRow) }

  /// Adds `amount` to the ARR of `row`.
  mutating func addARR(_ amount: Money, to row: Int) {
    arrs[row] += amount
  }

  /// Sets the usage of `row`, from its usage row.
  mutating func setUsage(_ usage: PackedUsage, of row: Int) {
    usages[row] = usage
    flags[row].insert(.hasUsageRow)
  }

  /// The accounts of the rows `order` lists, in that order. Each column is gathered in turn and
  /// the old one let go at once, so at most one column is held twice.
  consuming func keeping(_ order: [Int]) -> AccountColumns {
    ids = order.map { ids[$0] }
    names = order.map { names[$0] }
    ownerIDs = order.map { ownerIDs[$0] }
    arrs = order.map { arrs[$0] }
    ceilings = order.map { ceilings[$0] }
    lines = order.map { lines[$0] }
    currentTiers = order.map { currentTiers[$0] }
    fits = order.map { fits[$0] }
    reviewsSkipped = order.map { reviewsSkipped[$0] }
    customerSince = order.map { customerSince[$0] }
    salesOwners = order.map { salesOwners[$0] }
    renewalDates = order.map { renewalDates[$0] }
    if !lockReasons.isEmpty {
      var kept: [Int: String] = [:]
      // `flags` is still in the old order here.
      for (newRow, oldRow) in order.enumerated() where flags[oldRow].contains(.hasLockReason) {
        if let reason = lockReasons[oldRow] { kept[newRow] = reason }
      }
      lockReasons = kept
    }
    usages = order.map { usages[$0] }
    flags = order.map { flags[$0] }
    return self
  }

  /// The one-bit facts of an account.
  private struct Flags: OptionSet, Sendable {
    let rawValue: UInt8

    static let hasExpansionCeiling = Flags(rawValue: 1 << 0)
    static let hasCurrentTier = Flags(rawValue: 1 << 1)
    static let multiBU = Flags(rawValue: 1 << 2)
    static let sponsorLost = Flags(rawValue: 1 << 3)
    static let hasUsageRow = Flags(rawValue: 1 << 4)
    static let hasRenewalDate = Flags(rawValue: 1 << 5)
    static let ownerLocked = Flags(rawValue: 1 << 6)
    /// `lock_reason` is not blank: the row has an entry in ``AccountColumns/lockReasons``, so
    /// the million rows without one never look it up.
    static let hasLockReason = Flags(rawValue: 1 << 7)

    init(rawValue: UInt8) {
      self.rawValue = rawValue
    }

    /// The facts of `account`.
    init(_ account: Account) {
      var flags: Flags = []
      if account.expansionCeiling != nil { flags.insert(.hasExpansionCeiling) }
      if account.currentTier != nil { flags.insert(.hasCurrentTier) }
      if account.multiBU { flags.insert(.multiBU) }
      if account.sponsorLost { flags.insert(.sponsorLost) }
      if account.hasUsageRow { flags.insert(.hasUsageRow) }
      if account.renewalDate != nil { flags.insert(.hasRenewalDate) }
      if account.ownerLocked { flags.insert(.ownerLocked) }
      if !account.lockReason.isEmpty { flags.insert(.hasLockReason) }
      self = flags
    }
  }
}
