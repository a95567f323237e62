/// The rows of `usage.csv` in file order, stored in 56 bytes each instead of a ``UsageRow``'s 96:
/// a drop holds one per account. Reading an element builds its ``UsageRow``.
package struct UsageRows: RandomAccessCollection, Sendable {
  /// One entry per row.
  private var stored: [Stored] = []
  /// The problems of the rows that have any, by position.
  private var problems: [Int: [String]] = [:]

  /// No rows yet.
  package init() {}

  package var startIndex: Int { 0 }
  package var endIndex: Int { stored.count }

  /// The row at `position`.
  package subscript(position: Int) -> UsageRow {
    let row = stored[position]
    // A row with problems is stored with its line negated.
    return UsageRow(
      line: abs(row.line), accountID: row.accountID,
      usage: Usage(
        licensedSeats: Stored.value(row.licensedSeats),
        activeUsers: Stored.value(row.activeUsers),
        activeUsersPreviousQuarter: Stored.value(row.activeUsersPreviousQuarter),
        supportHundredths: Stored.value(row.supportHundredths)),
      problems: row.line < 0 ? problems[position] ?? [] : [])
  }

  /// The account id of the row at `position`, without building the whole row.
  package func accountID(at position: Int) -> String {
    stored[position].accountID
  }

  /// Makes room for `count` rows.
  package mutating func reserveCapacity(_ count: Int) {
    stored.reserveCapacity(count)
  }

  /// Appends `row`; its line must be positive (lines are 1-based).
  package mutating func append(_ row: UsageRow) {
    if !row.problems.isEmpty { problems[stored.count] = row.problems }
    stored.append(
      Stored(
        accountID: row.accountID, line: row.problems.isEmpty ? row.line : -row.line,
        licensedSeats: row.usage.licensedSeats ?? Stored.unknown,
        activeUsers: row.usage.activeUsers ?? Stored.unknown,
        activeUsersPreviousQuarter: row.usage.activeUsersPreviousQuarter ?? Stored.unknown,
        supportHundredths: row.usage.supportHundredths ?? Stored.unknown))
  }

  /// One row as stored: unknown values as `Int.min`, which no parsed value is (they are never
  /// negative).
  private struct Stored {
    static let unknown = Int.min

    var accountID: String
    var line: Int
    var licensedSeats: Int
    var activeUsers: Int
    var activeUsersPreviousQuarter: Int
    var supportHundredths: Int

    /// The value of a stored field.
    static func value(_ stored: Int) -> Int? {
      stored == unknown ? nil : stored
    }
  }
}
