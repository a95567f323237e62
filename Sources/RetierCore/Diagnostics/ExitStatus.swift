/// The process exit statuses of SPEC §7 (sysexits.h values).
package enum ExitStatus: Int32, Sendable, CaseIterable {
  /// Done, or nothing to do.
  case success = 0
  /// Bad command line.
  case usage = 64
  /// Bad input data.
  case dataError = 65
  /// The drop is missing or incomplete.
  case noInput = 66
  /// The output cannot be written.
  case cannotCreate = 73
  /// Another run holds the lock.
  case temporaryFailure = 75
  /// Bad configuration.
  case configError = 78

  /// The one mapping from fatal errors to exit statuses.
  package init(_ error: RetierError) {
    switch error {
    case .usage: self = .usage
    case .configUnreadable, .configInvalid: self = .configError
    case .dropMissing, .unavailable: self = .noInput
    case .malformedCSV, .missingColumn, .tooManyRejected, .incompleteBook, .unknownAccount,
      .noUsableFlag:
      self = .dataError
    case .cannotWrite: self = .cannotCreate
    case .locked: self = .temporaryFailure
    }
  }
}
