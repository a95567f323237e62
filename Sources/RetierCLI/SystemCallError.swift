import Glibc

/// A failed system call on a path, with its `errno`.
struct SystemCallError: Error, Equatable, CustomStringConvertible {
  /// The call that failed, e.g. `write`.
  var call: String
  /// The path it was working on.
  var path: String
  /// The `errno` it set.
  var code: Int32

  /// Captures the current `errno` for `call` on `path`.
  static func last(_ call: String, _ path: String) -> SystemCallError {
    SystemCallError(call: call, path: path, code: errno)
  }

  /// The system's message for the error, e.g. `No space left on device`.
  var reason: String { String(cString: strerror(code)) }

  /// `write /out/.2026-Q3.tmp-12/tiers.csv: No space left on device`.
  var description: String { "\(call) \(path): \(reason)" }
}
