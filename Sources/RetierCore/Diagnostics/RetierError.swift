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
  /// A required column is missing from a file's header.
  case missingColumn(file: String, column: String)
  /// More account rows were rejected than the error budget allows; every problem is listed.
  case tooManyRejected(
    rejected: Int, accounts: Int, allowedShare: ExactDecimal, problems: [Diagnostic])
  /// The book is not whole: `accounts.csv` has no rows, or the orphan lines of `file` (ARR
  /// lines or usage rows whose account is not in `accounts.csv`) exceed the error budget as a
  /// share of that file's rows, as when `accounts.csv` is truncated. Every orphan is listed.
  case incompleteBook(file: String, reason: String, problems: [Diagnostic])
  /// An account id given on the command line is not in the drop.
  case unknownAccount(String)
  /// The output cannot be written.
  case cannotWrite(path: String, reason: String)
  /// Another run holds the lock.
  case locked(path: String)

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
    case .missingColumn(let file, let column):
      return ["\(file): error: required column '\(column)' is missing from the header"]
    case .tooManyRejected(let rejected, let accounts, let share, let problems):
      let header =
        "error: \(rejected) of \(accounts) account rows rejected, over the budget of "
        + "max_rejected_share \(share); nothing was written"
      return [header] + problems.map(\.description)
    case .incompleteBook(let file, let reason, let problems):
      return ["\(file): error: \(reason); nothing was written"] + problems.map(\.description)
    case .unknownAccount(let id):
      return ["error: account '\(id)' is not in accounts.csv"]
    case .cannotWrite(let path, let reason):
      return ["\(path): error: cannot write output: \(reason)"]
    case .locked(let path):
      return ["\(path): error: another retier run holds the lock; exiting"]
    }
  }

  /// The message as text: ``lines`` joined by line feeds.
  package var description: String { lines.joined(separator: "\n") }
}
