import RetierCore

/// What the job needs from the outside world, passed down as values so that every command runs
/// the same against a real process and in a test: the environment, the working directory,
/// today's date, the process id (temp-folder names), the console and the file system writes.
struct Shell {
  /// Environment variables (`RETIER_CONFIG`).
  var environment: [String: String]
  /// Working directory, against which relative `--config` paths are resolved.
  var currentDirectory: String
  /// Today's date; `--as-of` replaces it.
  var today: CalendarDate
  /// This process's id, used in the temporary output folder's name.
  var processID: Int32
  /// Standard output and standard error.
  var console: Console
  /// The writes of a run, behind a seam so that tests can fail them.
  var fileSystem: any OutputFileSystem
  /// Milliseconds on a monotonic clock, for the phase timings in the log.
  var milliseconds: () -> Int64
  /// The process's peak resident memory so far in MiB, for the log; `nil` where unknown.
  var peakMemoryMiB: () -> Int? = { nil }
}
