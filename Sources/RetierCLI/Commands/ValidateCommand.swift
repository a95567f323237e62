import RetierCore

/// `retier validate`: checks the config and a quarter's drop and lists every problem and what the
/// run will warn of (CSMs short, named tiers without an active CSM, ignored overrides), one
/// `path:line:column: severity: message` line each, on standard output. Writes nothing.
///
/// Exits 78 for a bad config, 66 for a missing drop, 65 when a file is malformed or the
/// rejected rows exceed the error budget (the problems then go to standard error, as in a run),
/// and 0 otherwise, with the count of problems.
struct ValidateCommand {
  /// The shared options.
  var options: CommandOptions

  /// Runs the command.
  func execute(_ shell: Shell) throws(RetierError) -> ExitStatus {
    let decision = try QuarterJob.decide(options, shell)
    guard case .decided(let loaded, let quarter, let result) = decision else {
      if case .nothingDue(let line) = decision { shell.console.print(line) }
      return .success
    }
    let problems = Self.problems(result, dropFolder: loaded.dropFolder(quarter))
    shell.console.print(problems.isEmpty ? [""] : problems.map(\.description))
    let errors = problems.count { $0.severity == .error }
    let book = result.book
    shell.console.print(
      "\(quarter.label): \(book.accountRowCount) account rows, \(book.accounts.count) valid, "
        + "\(book.rejectedAccountRowCount) rejected (budget: max_rejected_share "
        + "\(loaded.configuration.maxRejectedShare), max_rejected_rows_floor "
        + "\(loaded.configuration.maxRejectedRowsFloor)); \(errors) error(s), "
        + "\(problems.count - errors) warning(s); the drop can run")
    return .success
  }

  /// Every problem of a drop that does not stop a run, and what the run will report: rejected
  /// rows, warnings, CSMs short and ignored overrides, with the drop's real file paths, sorted by
  /// file and line.
  static func problems(_ result: RunResult, dropFolder: String) -> [Diagnostic] {
    let book = result.book
    let problems = book.rejections.map(\.diagnostic) + book.warnings + result.foreseenWarnings
    return problems.map { $0.locating(in: dropFolder) }.sorted()
  }
}
