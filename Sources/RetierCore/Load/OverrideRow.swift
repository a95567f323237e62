/// One data row of `overrides.csv`: an exception to the rubric, not yet validated.
package struct OverrideRow: Sendable, Hashable {
  /// 1-based line.
  package var line: Int
  /// `account_id`, trimmed.
  package var accountID: String
  /// `tier` as written, trimmed.
  var tierText: String
  /// `reason`, trimmed.
  package var reason: String
  /// `approved_by_sales`, trimmed.
  package var approvedBySales: String
  /// `approved_by_cs`, trimmed.
  package var approvedByCS: String
  /// `expires` as written, trimmed.
  var expiresText: String
  /// Why the row's fields cannot be trusted (it has another number of fields than the header);
  /// `nil` for an aligned row.
  var misalignment: String? = nil
}

/// Rows of `overrides.csv` that are the same but for their line: one row and every line that
/// holds it.
package struct OverrideRowGroup: Sendable, Hashable {
  /// The row, with ``OverrideRow/line`` its first line.
  package var row: OverrideRow
  /// Every line that holds it, ascending.
  package var lines: [Int]
}

/// The rows of `overrides.csv` as distinct rows with their lines (SPEC §2: resources grow with
/// the input, not with what it repeats): a file that repeats one row a million times costs one
/// row and a million line numbers, and every repetition is still judged and reported on its
/// own line.
package struct OverrideRows: Sendable, Hashable, ExpressibleByArrayLiteral {
  /// Each distinct row, in the order of its first line.
  package private(set) var groups: [OverrideRowGroup] = []
  /// The number of rows.
  package private(set) var count = 0

  /// The rows of `rows`, in file order.
  package init(_ rows: some Sequence<OverrideRow>) {
    var builder = Builder()
    for row in rows { builder.append(row) }
    self = builder.rows
  }

  /// The rows listed, in file order.
  package init(arrayLiteral rows: OverrideRow...) { self.init(rows) }

  /// Groups rows as they stream by; only distinct rows are kept.
  struct Builder {
    /// What has been grouped so far.
    private(set) var rows = OverrideRows(groups: [], count: 0)
    /// Each distinct row, keyed with line 0, to its group.
    private var groupByRow: [OverrideRow: Int] = [:]

    /// Adds `row`, the next row of the file.
    mutating func append(_ row: OverrideRow) {
      var key = row
      key.line = 0
      rows.count += 1
      if let group = groupByRow[key] {
        rows.groups[group].lines.append(row.line)
      } else {
        groupByRow[key] = rows.groups.count
        rows.groups.append(OverrideRowGroup(row: row, lines: [row.line]))
      }
    }
  }

  private init(groups: [OverrideRowGroup], count: Int) {
    self.groups = groups
    self.count = count
  }
}
