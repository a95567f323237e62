/// Product-usage facts for one account; every field may be unknown.
package struct Usage: Sendable, Hashable {
  // Every account holds its usage for the whole run. Four `Int?` take 64 bytes (each optional
  // pads to 16), so the values are stored as four words with `Int64.min` standing for nil: 32
  // bytes. The parsers give counts below 10^15 and hundredths below 10^17, never negative, so
  // every parsed value fits a word exactly and none is `Int64.min`.

  /// The stored form of nil. Giving a field `Int.min` traps rather than reading back as nil; no
  /// usage value is ever negative.
  private static let unknownValue = Int64.min

  /// `licensed_seats`, or ``unknownValue``.
  private var storedLicensedSeats: Int64
  /// `active_users`, or ``unknownValue``.
  private var storedActiveUsers: Int64
  /// `active_users_prev_quarter`, or ``unknownValue``.
  private var storedActiveUsersPreviousQuarter: Int64
  /// `support_hours` in hundredths, or ``unknownValue``.
  private var storedSupportHundredths: Int64

  /// Creates the facts; every value left out is unknown. No value may be `Int.min`.
  package init(
    licensedSeats: Int? = nil, activeUsers: Int? = nil, activeUsersPreviousQuarter: Int? = nil,
    supportHundredths: Int? = nil
  ) {
    storedLicensedSeats = Self.stored(licensedSeats)
    storedActiveUsers = Self.stored(activeUsers)
    storedActiveUsersPreviousQuarter = Self.stored(activeUsersPreviousQuarter)
    storedSupportHundredths = Self.stored(supportHundredths)
  }

  /// `licensed_seats`.
  package var licensedSeats: Int? {
    get { Self.value(storedLicensedSeats) }
    set { storedLicensedSeats = Self.stored(newValue) }
  }

  /// `active_users`.
  package var activeUsers: Int? {
    get { Self.value(storedActiveUsers) }
    set { storedActiveUsers = Self.stored(newValue) }
  }

  /// `active_users_prev_quarter`.
  package var activeUsersPreviousQuarter: Int? {
    get { Self.value(storedActiveUsersPreviousQuarter) }
    set { storedActiveUsersPreviousQuarter = Self.stored(newValue) }
  }

  /// `support_hours` in hundredths of an hour.
  package var supportHundredths: Int? {
    get { Self.value(storedSupportHundredths) }
    set { storedSupportHundredths = Self.stored(newValue) }
  }

  /// Nothing known: the account has no usage row.
  package static let unknown = Usage()

  /// The stored form of `value`.
  private static func stored(_ value: Int?) -> Int64 {
    guard let value else { return unknownValue }
    let word = Int64(value)
    precondition(word != unknownValue, "a usage value cannot be \(value)")
    return word
  }

  /// The value of a stored field.
  private static func value(_ stored: Int64) -> Int? {
    stored == unknownValue ? nil : Int(stored)
  }
}

/// One data row of `usage.csv`.
package struct UsageRow: Sendable {
  /// 1-based line.
  package var line: Int
  /// `account_id`, trimmed.
  package var accountID: String
  /// The parsed facts.
  package var usage: Usage
  /// Why the row cannot be used.
  package var problems: [String]
}
