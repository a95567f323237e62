/// A row-level problem found in an input file, rendered `path:line:column: severity: message`.
package struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// How serious the problem is.
  package enum Severity: String, Sendable, Hashable, Comparable {
    /// The row was not used.
    case error
    /// The row was used, with a caveat.
    case warning
    /// For information only.
    case note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// Severity of the problem.
  package var severity: Severity
  /// File name as the user knows it, e.g. `accounts.csv`.
  package var file: String
  /// 1-based line, when known.
  var line: Int?
  /// 1-based column, when known.
  var column: Int?
  /// One-line message without the location.
  var message: String

  /// Creates a diagnostic.
  package init(
    _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `accounts.csv:12:3: error: strategic_fit 7 is out of range 0–5`.
  package var description: String {
    var location = file
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    return "\(location): \(severity.rawValue): \(message)"
  }

  /// Ordered by file, line, column, then severity and message, so lists are deterministic.
  package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.severity, lhs.message)
      < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.severity, rhs.message)
  }
}
