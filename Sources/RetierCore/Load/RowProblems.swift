/// Why one data row of a file cannot be used, kept only for rows that have problems so that a
/// million clean rows carry nothing.
struct RowProblems: Sendable {
  /// The row's 0-based index among the file's data rows.
  var row: Int
  /// The problems, in the order they were found; never empty.
  var problems: [String]
}
