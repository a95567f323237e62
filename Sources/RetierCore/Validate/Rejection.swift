/// A row of an input file that was not used, as listed in `rejected.csv`.
package struct Rejection: Sendable, Hashable, Comparable {
  /// Input file name.
  var file: String
  /// 1-based line where the row starts.
  var line: Int
  /// The account the row is about (blank when the row has none).
  package var accountID: String
  /// Why the row was not used.
  var reason: String

  /// Ordered by account id, then file, line and reason (SPEC §6: rows by account_id).
  package static func < (lhs: Rejection, rhs: Rejection) -> Bool {
    (lhs.accountID, lhs.file, lhs.line, lhs.reason) < (
      rhs.accountID, rhs.file, rhs.line, rhs.reason
    )
  }

  /// The same problem as an error diagnostic, for stderr.
  package var diagnostic: Diagnostic {
    let subject = accountID.isEmpty ? "" : "account '\(accountID)': "
    return Diagnostic(.error, file: file, line: line, message: subject + reason)
  }

  /// The same problem foreseen by `validate` within the error budget: a warning, since the drop
  /// can run and the row will only be rejected.
  package var foreseenDiagnostic: Diagnostic {
    let subject = accountID.isEmpty ? "" : "account '\(accountID)': "
    return Diagnostic(
      .warning, file: file, line: line, message: "will be rejected: \(subject)\(reason)")
  }
}
