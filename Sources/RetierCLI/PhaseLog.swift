import RetierCore

/// The one log line per phase on standard error, with its counts and the milliseconds since the
/// previous line: `retier: load accounts.csv=604 arr.csv=713 (12 ms)`.
final class PhaseLog {
  private let console: Console
  private let milliseconds: () -> Int64
  private var last: Int64

  /// Starts timing now.
  init(_ shell: Shell) {
    console = shell.console
    milliseconds = shell.milliseconds
    last = shell.milliseconds()
  }

  /// Logs a phase of the shell (read, write) that just ended.
  func log(_ phase: String, _ counts: String) {
    let now = milliseconds()
    console.log("\(phase) \(counts) (\(now - last) ms)")
    last = now
  }

  /// Logs a phase of the core that just ended; pass as `Retier.run`'s `log`.
  func log(_ report: PhaseReport) {
    log(report.phase.rawValue, report.counts)
  }
}
