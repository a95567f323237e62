/// The rows of `usage.csv` in file order, stored in 56 bytes each instead of a ``UsageRow``'s 96:
/// a drop holds one per account. Reading an element builds its ``UsageRow``.
struct UsageRows: RandomAccessCollection, Sendable {
  /// One entry per row.
  private var stored: [Stored] = []
  /// The problems of the rows that have any, by position.
  private var problems: [Int: [String]] = [:]

  /// No rows yet.
  init() {}

  var startIndex: Int { 0 }
  var endIndex: Int { stored.count }

  /// The row at `position`.
  subscript(position: Int) -> UsageRow {
    let row = stored[position]
    // A row with problems is stored with its line negated.
    return UsageRow(
      line: abs(row.line), accountID: row.accountID, usage: row.usage.value,
      problems: row.line < 0 ? problems[position] ?? [] : [])
  }

  /// The account id of the row at `position`, without building the whole row.
  func accountID(at position: Int) -> String {
    stored[position].accountID
  }

  /// Makes room for `count` rows.
  mutating func reserveCapacity(_ count: Int) {
    stored.reserveCapacity(count)
  }

  /// Appends `row`; its line must be positive (lines are 1-based).
  mutating func append(_ row: UsageRow) {
    if !row.problems.isEmpty { problems[stored.count] = row.problems }
    stored.append(
      Stored(
        accountID: row.accountID, line: row.problems.isEmpty ? row.line : -row.line,
        usage: PackedUsage(row.usage)))
  }

  /// One row as stored: the row without its problems.
  private struct Stored {
    var accountID: String
    var line: Int
    var usage: PackedUsage
  }
}
