import RetierCore

/// The one log line per phase on standard error, with its counts, the milliseconds since the
/// previous line and the process's peak memory so far:
/// `retier: load accounts.csv=604 arr.csv=713 (12 ms, peak 31 MiB)`.
final class PhaseLog {
  private let console: Console
  private let milliseconds: () -> Int64
  private let peakMemoryMiB: () -> Int?
  private let isQuiet: Bool
  private var last: Int64

  /// Starts timing now; a `quiet` log writes nothing (`explain` without `--verbose`).
  init(_ shell: Shell, quiet: Bool = false) {
    console = shell.console
    isQuiet = quiet
    milliseconds = shell.milliseconds
    peakMemoryMiB = shell.peakMemoryMiB
    last = shell.milliseconds()
  }

  /// Logs a phase of the shell (read, write) that just ended.
  func log(_ phase: String, _ counts: String) {
    let now = milliseconds()
    line(phase, counts, now - last)
    last = now
  }

  /// Writes one line: `phase counts (N ms, peak M MiB)`.
  private func line(_ phase: String, _ counts: String, _ elapsed: Int64) {
    guard !isQuiet else { return }
    let peak = peakMemoryMiB().map { ", peak \($0) MiB" } ?? ""
    console.log("\(phase) \(counts) (\(elapsed) ms\(peak))")
  }

  /// Logs two phases that ran interleaved and just ended, such as rendering and writing batch by
  /// batch: `second` took `milliseconds` of the time since the previous line, `first` the rest.
  func log(
    _ first: (phase: String, counts: String), then second: (phase: String, counts: String),
    milliseconds secondMilliseconds: Int64
  ) {
    let now = milliseconds()
    line(first.phase, first.counts, now - last - secondMilliseconds)
    line(second.phase, second.counts, secondMilliseconds)
    last = now
  }

  /// Writes a warning line (`warning: …`), quiet or not: what the run could not trust must be
  /// said even when the phases are not.
  func warn(_ message: String) {
    console.log("warning: " + message)
  }

  /// Logs a phase of the core that just ended; pass as `Retier.decide`'s `log`.
  func log(_ report: PhaseReport) {
    log(report.phase.rawValue, report.counts)
  }
}
