import RetierCore

extension RetierError {
  /// The error with the drop's file names (`accounts.csv`) replaced by their real paths in
  /// `folder`; errors about other things, and files already named by an absolute path, are
  /// returned unchanged.
  func locating(in folder: String) -> RetierError {
    switch self {
    case .malformedCSV(let file, let error):
      return .malformedCSV(file: Diagnostic.path(of: file, in: folder), error: error)
    case .missingColumn(let file, let column, let header):
      return .missingColumn(
        file: Diagnostic.path(of: file, in: folder), column: column, header: header)
    case .tooManyRejected(let rejected, let accounts, let share, let rows, let problems):
      return .tooManyRejected(
        rejected: rejected, accounts: accounts, allowedShare: share, allowedRows: rows,
        problems: problems.map { $0.locating(in: folder) })
    case .incompleteBook(let file, let reason, let problems):
      return .incompleteBook(
        file: Diagnostic.path(of: file, in: folder), reason: reason,
        problems: problems.map { $0.locating(in: folder) })
    case .usage, .configUnreadable, .configInvalid, .dropMissing, .unknownAccount, .cannotWrite,
      .locked, .unavailable, .noUsableFlag:
      return self
    }
  }
}
