/// A fatal problem that stops a run. Row-level problems are ``Diagnostic``s instead.
package enum RetierError: Error, Equatable, CustomStringConvertible {
  /// The command line is wrong.
  case usage(String)
  /// The configuration file cannot be read or decoded.
  case configUnreadable(path: String, reason: String)
  /// The configuration decodes but breaks a rule; every problem is listed.
  case configInvalid(path: String, problems: [String])
  /// The drop folder or a required file is missing, or the ready marker is absent.
  case dropMissing(path: String, reason: String)
  /// A file is not valid CSV.
  case malformedCSV(file: String, error: CSVError)
  /// A required column is missing from a file's header; `header` is the header found.
  case missingColumn(file: String, column: String, header: [String])
  /// More account rows were rejected than the error budget allows (over both
  /// `max_rejected_share` and `max_rejected_rows_floor`); every problem is listed.
  case tooManyRejected(
    rejected: Int, accounts: Int, allowedShare: ExactDecimal, allowedRows: Int,
    problems: [Diagnostic])
  /// The book is not whole: `accounts.csv` has no rows, or the orphan lines of `file` (ARR
  /// lines or usage rows whose account is not in `accounts.csv`) exceed the error budget as a
  /// share of that file's rows, as when `accounts.csv` is truncated. Every orphan is listed.
  case incompleteBook(file: String, reason: String, problems: [Diagnostic])
  /// An account id given on the command line is not in the drop; `nearest` are the ids to
  /// suggest (see ``NearestIDs``), nearest first.
  case unknownAccount(String, nearest: [String])
  /// The output cannot be written.
  case cannotWrite(path: String, reason: String)
  /// Another run holds the lock.
  case locked(path: String)
  /// A file or folder a command needs besides the drop (the completed run or an earlier
  /// interim it reads back, the flag file of `retier interim`) is missing or cannot be trusted;
  /// `reason` says which and what to do.
  case unavailable(path: String, reason: String)
  /// The flag file of `retier interim` holds no flag that can be re-scored; its first problems
  /// are listed.
  case noUsableFlag(file: String, problems: [Diagnostic])

  /// The message, one line per problem: a summary line first where there is a list. The
  /// console escapes control characters in each line, so text from the drop in a line stays on
  /// it.
  package var lines: [String] {
    switch self {
    case .usage(let message):
      return ["usage: \(message)"]
    case .configUnreadable(let path, let reason):
      return ["\(path): error: cannot read config: \(reason)"]
    case .configInvalid(let path, let problems):
      return problems.map { "\(path): error: \($0)" }
    case .dropMissing(let path, let reason):
      return ["\(path): error: drop not ready: \(reason)"]
    case .malformedCSV(let file, let error):
      var location = file
      if let line = error.line {
        location += ":\(line)"
        if let column = error.column { location += ":\(column)" }
      }
      return ["\(location): error: \(error.message)"]
    case .missingColumn(let file, let column, let header):
      return [
        "\(file): error: required column '\(column)' is missing from the header ("
          + Self.headerSummary(header) + ")"
      ]
    case .tooManyRejected(let rejected, let accounts, let share, let rows, let problems):
      // No "nothing was written": `validate` says it too, and it never writes.
      let header =
        "error: \(rejected) of \(accounts) account rows rejected, more than max_rejected_share "
        + "\(share) of them and more than max_rejected_rows_floor \(rows): the quarter cannot "
        + "run until the rows below are fixed"
      return [header] + problems.map(\.description)
    case .incompleteBook(let file, let reason, let problems):
      return ["\(file): error: \(reason); the quarter cannot run until the drop is whole"]
        + problems.map(\.description)
    case .unknownAccount(let id, let nearest):
      return [
        "error: account '\(id)' is not in accounts.csv"
          + (nearest.isEmpty ? "" : "; nearest ids: " + nearest.joined(separator: ", "))
      ]
    case .cannotWrite(let path, let reason):
      return ["\(path): error: cannot write output: \(reason)"]
    case .locked(let path):
      return ["\(path): error: another retier run holds the lock; exiting"]
    case .unavailable(let path, let reason):
      return ["\(path): error: \(reason)"]
    case .noUsableFlag(let file, let problems):
      return ["\(file): error: no flagged account can be re-scored; nothing written"]
        + problems.map(\.description)
    }
  }

  /// The message as text: ``lines`` joined by line feeds.
  package var description: String { lines.joined(separator: "\n") }

  /// The most header cells a message quotes: a header is input, and no message repeats a list
  /// that grows with it.
  static let quotedHeaderCells = 20

  /// `found: account_id, strategic_fit`, the first ``quotedHeaderCells`` cells of a header and
  /// how many more there are.
  private static func headerSummary(_ header: [String]) -> String {
    let shown = header.prefix(quotedHeaderCells).map { "'\($0)'" }.joined(separator: ", ")
    let more = header.count - min(header.count, quotedHeaderCells)
    return "found: " + shown + (more > 0 ? " and \(more) more" : "")
  }
}
