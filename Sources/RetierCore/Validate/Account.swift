/// A valid account of the book: its CRM row joined with its ARR and usage.
package struct Account: Sendable {
  // A run holds one account per row of the book from load to render, so the record is kept
  // small: amounts as two words each (an `Int128` would align the record to 16 bytes), tier and
  // fit as `Int32`, whether each optional is set and the yes/no facts in one byte, and the
  // stored properties ordered widest alignment first so that no padding falls between them:
  // 144 bytes (136 before `reviews_skipped`) where plain `Int?`, `Money?` and `Bool` fields
  // took 224. Callers still read and write `Int`, `Int?`, `Money`, `Money?` and `Bool` through
  // the accessors below.

  /// `arr`.
  private var storedARR: PackedInt128
  /// `expansionCeiling`; zero when ``Flags/hasExpansionCeiling`` is not set.
  private var storedExpansionCeiling: PackedInt128
  /// `account_id`.
  package var id: String
  /// `account_name`.
  package var name: String
  /// Owner in the CRM before this run (may be blank, unknown or inactive).
  package var ownerID: String
  /// Usage facts; ``Usage/unknown`` when the account has no usage row.
  package var usage: Usage
  /// Line in `accounts.csv`.
  var line: Int
  /// `currentTier`; zero when ``Flags/hasCurrentTier`` is not set.
  private var storedCurrentTier: Int32
  /// `strategicFit`.
  private var storedStrategicFit: Int32
  /// `reviewsSkipped`, saturated at `Int32.max` (any count that large is far past every limit).
  private var storedReviewsSkipped: Int32
  /// Customer since.
  package var customerSince: CalendarDate
  /// The optionals' presence and the yes/no facts.
  private var flags: Flags

  /// Creates an account. `currentTier` and `strategicFit` must fit an `Int32`: a tier is 1…K
  /// for a ladder of K configured tiers, and the fit is 0–5.
  init(
    id: String, name: String, currentTier: Int?, ownerID: String, customerSince: CalendarDate,
    strategicFit: Int, expansionCeiling: Money?, multiBU: Bool, sponsorLost: Bool, arr: Money,
    usage: Usage, hasUsageRow: Bool, line: Int, reviewsSkipped: Int = 0
  ) {
    storedARR = PackedInt128(arr.cents)
    storedExpansionCeiling = PackedInt128(expansionCeiling?.cents ?? 0)
    self.id = id
    self.name = name
    self.ownerID = ownerID
    self.usage = usage
    self.line = line
    storedCurrentTier = Int32(currentTier ?? 0)
    storedStrategicFit = Int32(strategicFit)
    storedReviewsSkipped = Int32(clamping: reviewsSkipped)
    self.customerSince = customerSince
    flags = []
    flags.set(.hasExpansionCeiling, expansionCeiling != nil)
    flags.set(.hasCurrentTier, currentTier != nil)
    flags.set(.multiBU, multiBU)
    flags.set(.sponsorLost, sponsorLost)
    flags.set(.hasUsageRow, hasUsageRow)
  }

  /// Tier in the CRM before this run; `nil` for a first placement.
  package var currentTier: Int? {
    get { flags.contains(.hasCurrentTier) ? Int(storedCurrentTier) : nil }
    set {
      storedCurrentTier = Int32(newValue ?? 0)
      flags.set(.hasCurrentTier, newValue != nil)
    }
  }

  /// Strategic fit 0–5 from the CRM.
  var strategicFit: Int {
    get { Int(storedStrategicFit) }
    set { storedStrategicFit = Int32(newValue) }
  }

  /// Scheduled business reviews in a row the customer did not hold, up to the drop (0 when
  /// blank).
  package var reviewsSkipped: Int {
    get { Int(storedReviewsSkipped) }
    set { storedReviewsSkipped = Int32(clamping: newValue) }
  }

  /// The ARR the account could reach within 24 months; `nil` when unknown.
  package var expansionCeiling: Money? {
    get {
      flags.contains(.hasExpansionCeiling) ? Money(cents: storedExpansionCeiling.value) : nil
    }
    set {
      storedExpansionCeiling = PackedInt128(newValue?.cents ?? 0)
      flags.set(.hasExpansionCeiling, newValue != nil)
    }
  }

  /// Buys in more than one business unit.
  package var multiBU: Bool {
    get { flags.contains(.multiBU) }
    set { flags.set(.multiBU, newValue) }
  }

  /// The executive sponsor is lost.
  package var sponsorLost: Bool {
    get { flags.contains(.sponsorLost) }
    set { flags.set(.sponsorLost, newValue) }
  }

  /// Sum of the account's ARR lines (never negative for a valid account).
  package var arr: Money {
    get { Money(cents: storedARR.value) }
    set { storedARR = PackedInt128(newValue.cents) }
  }

  /// Whether the account had a usage row.
  var hasUsageRow: Bool {
    get { flags.contains(.hasUsageRow) }
    set { flags.set(.hasUsageRow, newValue) }
  }

  /// The one-bit facts of an account.
  private struct Flags: OptionSet, Sendable {
    let rawValue: UInt8

    static let hasExpansionCeiling = Flags(rawValue: 1 << 0)
    static let hasCurrentTier = Flags(rawValue: 1 << 1)
    static let multiBU = Flags(rawValue: 1 << 2)
    static let sponsorLost = Flags(rawValue: 1 << 3)
    static let hasUsageRow = Flags(rawValue: 1 << 4)

    /// Sets `flag` when `isOn`, clears it otherwise.
    mutating func set(_ flag: Flags, _ isOn: Bool) {
      if isOn { insert(flag) } else { remove(flag) }
    }
  }
}

/// An account row that was rejected but whose id is usable: it keeps its tier and owner and is
/// listed in `tiers.csv` with reason `invalid_input`.
package struct RejectedAccount: Sendable, Hashable {
  /// `account_id`.
  package var id: String
  /// `account_name` of its first row.
  package var name: String
  /// `current_tier` of its first row when valid.
  package var currentTier: Int?
  /// `owner_id` of its first row.
  package var ownerID: String
}
