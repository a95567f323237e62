import Glibc
import RetierCore

/// An exclusive `flock` on `<output>/.retier.lock`, held for a writing run's whole life.
///
/// The kernel drops the lock when the holder's descriptor closes, including when the process is
/// killed, so a crashed run never blocks the next one. The lock file itself is left in place:
/// deleting it would let two runs lock two different files.
final class RunLock {
  /// The lock file.
  let path: String
  private var descriptor: Int32

  /// Takes the lock without waiting: another holder gives ``RetierError/locked(path:)`` (exit
  /// 75), a lock file that cannot be created gives ``RetierError/cannotWrite(path:reason:)``.
  init(path: String) throws(RetierError) {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: SystemCallError.last("open", path).reason)
    }
    var attempts = 0
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let error = SystemCallError.last("flock", path)
      attempts += 1
      // A run that just ended may still hold the lock for a moment: a child process forked by
      // another thread of the same program shares the descriptor until it execs. A real run
      // holds the lock for seconds, so a short wait tells the two apart.
      if error.code == EWOULDBLOCK, attempts < Self.attempts {
        usleep(Self.pauseMicroseconds)
        continue
      }
      close(descriptor)
      if error.code == EWOULDBLOCK { throw .locked(path: path) }
      throw .cannotWrite(path: path, reason: "cannot lock: \(error.reason)")
    }
    self.path = path
    self.descriptor = descriptor
  }

  /// Tries to take the lock before giving up, `pauseMicroseconds` apart: 0.2 s in all.
  private static let attempts = 5
  private static let pauseMicroseconds: UInt32 = 50_000

  /// Releases the lock; later calls do nothing.
  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
