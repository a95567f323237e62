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
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let error = SystemCallError.last("flock", path)
      close(descriptor)
      if error.code == EWOULDBLOCK { throw .locked(path: path) }
      throw .cannotWrite(path: path, reason: "cannot lock: \(error.reason)")
    }
    self.path = path
    self.descriptor = descriptor
  }

  /// Releases the lock; later calls do nothing.
  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
