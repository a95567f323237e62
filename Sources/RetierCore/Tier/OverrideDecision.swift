/// A dual-approved exception that sets an account's tier this quarter.
package struct ValidOverride: Sendable, Hashable {
  /// The row as written.
  package var row: OverrideRow
  /// The tier it sets.
  var tier: Int
  /// Its expiry.
  package var expires: CalendarDate
}

/// An override row that was not applied, with why (listed in the memo).
package struct IgnoredOverride: Sendable, Hashable {
  /// The row as written.
  package var row: OverrideRow
  /// Why it was ignored.
  package var reason: String
}

/// The override rows that were not applied, with why, sorted by account id and line: each
/// ignored row is one element, but rows that are the same but for their line are kept once with
/// their lines, so a file that repeats one row costs a line number per repetition, not a row.
package struct IgnoredOverrides: Sendable, Hashable, RandomAccessCollection,
  ExpressibleByArrayLiteral
{
  /// Ignored rows that are the same but for their line, with the one reason they share.
  struct Group: Sendable, Hashable {
    /// The row, with its first line.
    var row: OverrideRow
    /// Why it was ignored.
    var reason: String
    /// Every line that holds it, ascending.
    var lines: [Int]
  }

  /// One ignored row: its group and its line.
  private struct Entry: Sendable, Hashable {
    var group: Int32
    var line: Int32
  }

  private var groups: [Group]
  /// Every ignored row, by account id then line.
  private var entries: [Entry]

  /// The rows of `groups`, sorted.
  init(_ groups: [Group]) {
    self.groups = groups
    // Groups are ranked by account id once, so the rows sort on two integers.
    let byID = groups.indices.sorted { groups[$0].row.accountID < groups[$1].row.accountID }
    var rank = [Int32](repeating: 0, count: groups.count)
    var current: Int32 = 0
    for (position, group) in byID.enumerated() {
      if position > 0, groups[byID[position - 1]].row.accountID != groups[group].row.accountID {
        current += 1
      }
      rank[group] = current
    }
    var entries: [Entry] = []
    entries.reserveCapacity(groups.reduce(0) { $0 + $1.lines.count })
    for (index, group) in groups.enumerated() {
      // A file is at most `max_input_bytes` (well under 2^31 lines), and groups are fewer.
      for line in group.lines { entries.append(Entry(group: Int32(index), line: Int32(line))) }
    }
    entries.sort { (rank[Int($0.group)], $0.line) < (rank[Int($1.group)], $1.line) }
    self.entries = entries
  }

  /// The ignored overrides listed, each its own group.
  package init(arrayLiteral elements: IgnoredOverride...) {
    self.init(elements.map { Group(row: $0.row, reason: $0.reason, lines: [$0.row.line]) })
  }

  /// The first position.
  package var startIndex: Int { 0 }
  /// One past the last position.
  package var endIndex: Int { entries.count }

  /// The ignored row at `position`, with its own line.
  package subscript(position: Int) -> IgnoredOverride {
    let entry = entries[position]
    let group = groups[Int(entry.group)]
    var row = group.row
    row.line = Int(entry.line)
    return IgnoredOverride(row: row, reason: group.reason)
  }
}
