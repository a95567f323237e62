/// The hot-account flags of `retier interim --hot FILE` (SPEC §7): a CSV of `account_id`,
/// `flagged_by` and `reason`. Every row is either a flag or a reported problem (an unknown id,
/// a repeated id, a blank field): none is dropped silently.
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

  /// The flags to re-score, in file order: the first row of each known id.
  var flags: [Flag]
  /// The rows not re-scored, with why, in file order.
  var problems: [Diagnostic]

  /// Reads `bytes` (named `path` in messages); `isKnown` says whether an id is a valid account
  /// of the drop. A file that is not CSV or lacks a column is an error.
  init(
    _ bytes: [UInt8], path: String, isKnown: (String) -> Bool
  ) throws(RetierError) {
    let document: CSVDocument
    do {
      document = try CSVReader.parse(bytes)
    } catch {
      throw .malformedCSV(file: path, error: error)
    }
    var columns: [Int] = []
    for name in ["account_id", "flagged_by", "reason"] {
      guard let column = document.columnIndex(named: name) else {
        throw .missingColumn(file: path, column: name, header: document.header)
      }
      columns.append(column)
    }
    var flags: [Flag] = []
    var problems: [Diagnostic] = []
    var firstLine: [String: Int] = [:]
    for row in 0..<document.rowCount {
      let line = document.line(ofRow: row)
      let fields = columns.map {
        Self.trimmed(document.field(row: row, column: $0))
      }
      func problem(_ message: String) {
        problems.append(Diagnostic(.warning, file: path, line: line, message: message))
      }
      let id = fields[0]
      guard !id.isEmpty else {
        problem("account_id is empty")
        continue
      }
      let shown = WhyMoved.oneLine(id)
      if let first = firstLine[id] {
        problem("account \(shown) is flagged again (first on line \(first)); re-scored once")
        continue
      }
      firstLine[id] = line
      guard isKnown(id) else {
        problem(
          "account \(shown) is not a valid account of the drop placed by the completed run; not re-scored"
        )
        continue
      }
      guard !fields[1].isEmpty, !fields[2].isEmpty else {
        problem(
          "account \(shown) has no \(fields[1].isEmpty ? "flagged_by" : "reason"); not re-scored")
        continue
      }
      flags.append(Flag(accountID: id, flaggedBy: fields[1], reason: fields[2], line: line))
    }
    self.flags = flags
    self.problems = problems
  }

  /// Every `account_id` the rows of `bytes` name, before it is known which are valid accounts
  /// (a superset of the flags' ids); none when the file cannot be read, which reading it as
  /// flags then reports.
  static func candidateIDs(_ bytes: [UInt8]) -> Set<String> {
    guard let document = try? CSVReader.parse(bytes),
      let column = document.columnIndex(named: "account_id")
    else { return [] }
    return Set((0..<document.rowCount).map { trimmed(document.field(row: $0, column: column)) })
  }

  /// `text` without leading and trailing spaces and tabs.
  private static func trimmed(_ text: String) -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
  }
}
