/// The hot-account flags of `retier interim --hot FILE` (SPEC §7): a CSV of `account_id`,
/// `flagged_by` and `reason`. Every row is either a flag or a counted problem (an unknown id,
/// a repeated id, a blank field): none is dropped silently.
///
/// The file is read row by row (``Table``), never as a parsed document: what is kept is the
/// flags of valid accounts (at most one per account of the book) and the first
/// ``shownProblemLimit`` problems, so memory follows the book, not the file.
struct HotList: Sendable {
  /// One flagged account.
  struct Flag: Sendable, Hashable {
    /// `account_id`.
    var accountID: String
    /// `flagged_by`: who raised the flag.
    var flaggedBy: String
    /// `reason`: why.
    var reason: String
    /// The row's line in the file.
    var line: Int
  }

  /// The most problems listed one by one; the rest are counted in one closing line, so no
  /// message repeats a list that grows with the file.
  static let shownProblemLimit = 20

  /// The flags to re-score, in file order: the first row of each known id.
  var flags: [Flag]
  /// The rows not re-scored, with why, in file order: the first ``shownProblemLimit`` and, when
  /// there were more, one line counting the rest.
  var problems: [Diagnostic]
  /// The rows not re-scored, all of them.
  var skippedRowCount: Int
  /// The data rows of the file.
  var rowCount: Int

  /// Reads `bytes` (named `path` in messages); `isKnown` says whether an id is a valid account
  /// of the drop, and `nearest` gives the ids to suggest for one that is not (asked only for
  /// the problems listed). A file that is not CSV or lacks a column is an error.
  init(
    _ bytes: [UInt8], path: String, isKnown: (String) -> Bool, nearest: (String) -> [String]
  ) throws(RetierError) {
    var table = try Table(
      file: path, bytes: bytes, required: ["account_id", "flagged_by", "reason"], optional: [])
    let columns = ["account_id", "flagged_by", "reason"].map { table.column($0) }
    var flags: [Flag] = []
    var problems: [Diagnostic] = []
    var skipped = 0
    // Only valid accounts are remembered, so a file of a million unknown ids costs nothing.
    var firstLine: [String: Int] = [:]
    let rows = try table.forEachRow { row in
      let line = row.line
      // Past the listed ones a problem is only counted: its message is not even built.
      let listed = problems.count < Self.shownProblemLimit
      func problem(_ message: String) {
        skipped += 1
        if listed {
          problems.append(Diagnostic(.warning, file: path, line: line, message: message))
        }
      }
      guard row.isAligned else {
        problem(row.alignmentProblem + "; not re-scored")
        return
      }
      let fields = columns.map { row.trimmed($0) }
      let id = fields[0]
      guard !id.isEmpty else {
        problem("account_id is empty")
        return
      }
      guard isKnown(id) else {
        problem(listed ? Self.unknown(id, suggestions: nearest(id)) : "")
        return
      }
      if let first = firstLine[id] {
        problem("account \(id) is flagged again (first on line \(first)); re-scored once")
        return
      }
      firstLine[id] = line
      guard !fields[1].isEmpty, !fields[2].isEmpty else {
        problem(
          "account \(id) has no \(fields[1].isEmpty ? "flagged_by" : "reason"); not re-scored")
        return
      }
      flags.append(Flag(accountID: id, flaggedBy: fields[1], reason: fields[2], line: line))
    }
    let unlisted = skipped - problems.count
    if unlisted > 0 {
      problems.append(
        Diagnostic(
          .warning, file: path, line: nil,
          message: "\(unlisted) more rows not re-scored, not listed one by one"))
    }
    self.flags = flags
    self.problems = problems
    self.skippedRowCount = skipped
    self.rowCount = rows + table.blankRowCount
  }

  /// The message for an id that is not a valid account, with the nearest ids when there are
  /// some (as `retier explain` suggests them).
  private static func unknown(_ id: String, suggestions: [String]) -> String {
    "account \(id) is not a valid account of the drop placed by the completed run; "
      + "not re-scored"
      + (suggestions.isEmpty ? "" : " (nearest ids: \(suggestions.joined(separator: ", ")))")
  }

  /// Every `account_id` the rows of `bytes` name, before it is known which are valid accounts
  /// (a superset of the flags' ids); none when the file cannot be read, which reading it as
  /// flags then reports.
  static func candidateIDs(_ bytes: [UInt8]) -> Set<String> {
    guard
      var table = try? Table(
        file: "", bytes: bytes, required: ["account_id"], optional: [])
    else { return [] }
    let column = table.column("account_id")
    var ids: Set<String> = []
    _ = try? table.forEachRow { ids.insert($0.trimmed(column)) }
    return ids
  }
}
