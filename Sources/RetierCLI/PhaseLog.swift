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

  /// Logs two phases that ran interleaved and just ended, such as rendering and writing batch by
  /// batch: `second` took `milliseconds` of the time since the previous line, `first` the rest.
  func log(
    _ first: (phase: String, counts: String), then second: (phase: String, counts: String),
    milliseconds secondMilliseconds: Int64
  ) {
    let now = milliseconds()
    console.log("\(first.phase) \(first.counts) (\(now - last - secondMilliseconds) ms)")
    console.log("\(second.phase) \(second.counts) (\(secondMilliseconds) ms)")
    last = now
  }

  /// Logs a phase of the core that just ended; pass as `Retier.run`'s `log`.
  func log(_ report: PhaseReport) {
    log(report.phase.rawValue, report.counts)
  }
}
