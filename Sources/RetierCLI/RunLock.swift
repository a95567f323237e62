import Glibc
import RetierCore

/// An exclusive `flock` on `<output>/.retier.lock`, held for a writing run's whole life.
///
/// The kernel drops the lock when the holder's descriptor closes, including when the process is
/// killed, so a crashed run never blocks the next one. The lock file itself is left in place:
/// deleting it would let two runs lock two different files.
///
/// Neither the lock file nor its folder is followed when it is a symbolic link (SPEC §7): a run
/// as root would otherwise create or lock any file a link named. Links higher up the path are
/// the administrator's and are followed.
final class RunLock {
  /// The lock file.
  let path: String
  private var descriptor: Int32

  /// Takes the lock without waiting: another holder gives ``RetierError/locked(path:)`` (exit
  /// 75), a lock file that cannot be created gives ``RetierError/cannotWrite(path:reason:)``.
  init(path: String) throws(RetierError) {
    let descriptor = try Self.open(path)
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

  /// Opens (creating it if needed) the lock file at `path` without following a link, neither
  /// the file's nor its folder's.
  private static func open(_ path: String) throws(RetierError) -> Int32 {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let folderDescriptor = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folderDescriptor >= 0 else {
      let error = SystemCallError.last("open", folder)
      throw .cannotWrite(
        path: folder,
        reason: error.code == ELOOP || error.code == ENOTDIR
          ? "the output folder is a symbolic link (or not a folder); name its real path in the "
            + "config" : error.reason)
    }
    defer { close(folderDescriptor) }
    let descriptor = openat(
      folderDescriptor, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let error = SystemCallError.last("open", path)
      throw .cannotWrite(
        path: path,
        reason: error.code == ELOOP
          ? "the lock file is a symbolic link; refusing to follow it" : error.reason)
    }
    return descriptor
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
