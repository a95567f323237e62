import RetierCore

/// `retier validate`: checks the config and a quarter's drop and lists every problem and what the
/// run will warn of (CSMs short, named tiers without an active CSM, ignored overrides), one
/// `path:line:column: severity: message` line each, on standard output. Writes nothing.
///
/// Exits 78 for a bad config, 66 for a missing drop, 65 when a file is malformed or the
/// rejected rows exceed the error budget (the problems then go to standard error as errors, as in
/// a run), and 0 otherwise: then the rows the run will reject are warnings, and the last line
/// says how many and that the drop can run.
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
    shell.console.print(Self.verdict(result, quarter: quarter, configuration: loaded.configuration))
    return .success
  }

  /// The last line of a drop that can run: its size, the rows the run will reject (within the
  /// error budget, so a warning and not an error), the other warnings, and that the drop can run.
  static func verdict(
    _ result: RunResult, quarter: FiscalQuarter, configuration: Configuration
  ) -> String {
    let book = result.book
    let rejected = book.rejections.count
    let others = book.warnings.count + result.foreseenWarnings.count
    return "\(quarter.label): \(book.accountRowCount) account rows, \(book.ledger.count) valid; "
      + "\(rejected) row\(rejected == 1 ? "" : "s") will be rejected "
      + "(\(book.rejectedAccountRowCount) in accounts.csv); \(others) other warning(s); within "
      + "the error budget (max_rejected_share \(configuration.maxRejectedShare), "
      + "max_rejected_rows_floor \(configuration.maxRejectedRowsFloor)), the drop can run"
  }

  /// Every problem of a drop that does not stop a run, and what the run will report: rejected
  /// rows, warnings, CSMs short and ignored overrides, with the drop's real file paths, sorted by
  /// file and line.
  ///
  /// A row the run will reject is a warning here: validate only gets this far when the rejected
  /// rows are within the error budget, so the drop can run (an error would say it cannot).
  static func problems(_ result: RunResult, dropFolder: String) -> [Diagnostic] {
    let book = result.book
    let problems =
      book.rejections.map(\.foreseenDiagnostic) + book.warnings + result.foreseenWarnings
    return problems.map { $0.locating(in: dropFolder) }.sorted()
  }
}
