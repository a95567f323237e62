import Foundation
import Glibc
import RetierCore

/// The file `retier compare --out` writes (SPEC §7): only a path where nothing is, or a regular
/// file whose first line is ``mark`` (a report `compare` wrote before), so that a typo or a
/// careless path can never replace the drop, a run, the config, the lock, a device or a link.
///
/// The path is checked before the two decisions (a refusal costs nothing) and again as it is
/// written: the report is built in a temporary file beside the target, then linked into place
/// when nothing is there (`link` never replaces) or renamed over the earlier report.
struct CompareReport {
  /// The first line of every report `compare` writes: an HTML comment, which Markdown viewers
  /// do not show. Only a file that starts with it is ever replaced.
  static let mark = "<!-- retier compare report: this file is replaced by the next --out -->"

  /// The target, absolute, with its folder's real path (links and `..` resolved).
  let path: String
  /// The real path of the target's folder.
  private let folder: String
  /// The target's name in ``folder``.
  private let name: String

  /// Checks `typedPath` (relative to `currentDirectory`) as a report target: refusals are usage
  /// errors (exit 64) that say what the path is and what to do. `protectedFolders` (the inbox and
  /// the output folder) are never written inside; `protectedFiles` (the config, the
  /// alternative config, the alternative roster) are never written over, by any name.
  init(
    _ typedPath: String, currentDirectory: String, protectedFolders: [(role: String, path: String)],
    protectedFiles: [(role: String, path: String)]
  ) throws(RetierError) {
    let absolute = ConfigLocator.absolute(typedPath, against: currentDirectory)
    let slash = absolute.lastIndex(of: "/")!
    let name = String(absolute[absolute.index(after: slash)...])
    let typedFolder = slash == absolute.startIndex ? "/" : String(absolute[..<slash])
    guard !name.isEmpty, !typedPath.hasSuffix("/") else {
      throw .usage("--out \(typedPath): names a folder; name a file, e.g. \(absolute)/what-if.md")
    }
    guard let folder = Self.realPath(typedFolder) else {
      throw .usage(
        "--out \(typedPath): the folder \(typedFolder) does not exist (or cannot be reached)")
    }
    self.path = absolute
    self.folder = folder
    self.name = name
    let target = (folder == "/" ? "" : folder) + "/" + name
    for (role, protected) in protectedFolders {
      let real = Self.realPath(protected) ?? ConfigLocator.absolute(protected, against: "/")
      guard target != real, !target.hasPrefix(real == "/" ? "/" : real + "/") else {
        throw .usage(
          "--out \(typedPath): is inside the \(role) (\(real)); compare never writes there: "
            + "write the report elsewhere")
      }
    }
    var status = stat()
    guard lstat(target, &status) == 0 else {
      let error = SystemCallError.last("lstat", target)
      guard error.code == ENOENT else {
        throw .cannotWrite(path: absolute, reason: error.reason)
      }
      return
    }
    for (role, protected) in protectedFiles {
      var other = stat()
      guard stat(protected, &other) == 0 else { continue }
      guard other.st_dev != status.st_dev || other.st_ino != status.st_ino else {
        throw .usage(
          "--out \(typedPath): is the \(role) (\(protected)); write the report elsewhere")
      }
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR:
      throw .usage(
        "--out \(typedPath): is a folder; name a file that does not exist yet, e.g. "
          + "\(absolute)/what-if.md")
    case S_IFLNK:
      throw .usage(
        "--out \(typedPath): is a symbolic link; compare never writes through a link: name a "
          + "file that does not exist yet")
    default:
      throw .usage(
        "--out \(typedPath): is \(FileIdentity.kindName(status.st_mode)), not a file; name a "
          + "file that does not exist yet")
    }
    guard Self.startsWithMark(target) else {
      throw .usage(
        "--out \(typedPath): exists and is not a report compare wrote (its first line is not "
          + "the compare mark); compare replaces only its own reports: remove it or name "
          + "another file")
    }
  }

  /// Writes `markdown` after ``mark``: into a new file when nothing is at the target, over it
  /// when it is still a report of `compare`'s.
  func write(_ markdown: String) throws(RetierError) {
    let target = (folder == "/" ? "" : folder) + "/" + name
    let temporary = (folder == "/" ? "" : folder) + "/.\(name).compare-\(getpid())"
    let bytes = Array((Self.mark + "\n" + markdown).utf8)
    let descriptor = open(
      temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: SystemCallError.last("open", temporary).reason)
    }
    var failure: SystemCallError?
    var written = 0
    while written < bytes.count, failure == nil {
      let count = bytes.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written)
      }
      if count < 0 {
        if errno != EINTR { failure = .last("write", temporary) }
      } else {
        written += count
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = .last("fsync", temporary) }
    close(descriptor)
    if failure == nil { failure = place(temporary, at: target) }
    unlink(temporary)
    if let failure { throw .cannotWrite(path: path, reason: failure.reason) }
  }

  /// Puts the file `temporary` at `target`: `link` when nothing is there (it fails rather than
  /// replace what appeared since the check), else `rename` over a file that still starts with
  /// the mark. Returns the failure, if any.
  private func place(_ temporary: String, at target: String) -> SystemCallError? {
    if link(temporary, target) == 0 { return nil }
    guard errno == EEXIST else { return .last("link", target) }
    var status = stat()
    guard lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      Self.startsWithMark(target)
    else {
      return SystemCallError(call: "rename", path: target, code: EEXIST)
    }
    return rename(temporary, target) == 0 ? nil : .last("rename", target)
  }

  /// Whether the regular file at `path` (not followed if a link) starts with ``mark`` and a line
  /// end.
  private static func startsWithMark(_ path: String) -> Bool {
    let expected = Array((mark + "\n").utf8)
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
    var bytes = [UInt8](repeating: 0, count: expected.count)
    var filled = 0
    while filled < expected.count {
      let count = bytes.withUnsafeMutableBytes {
        read(descriptor, $0.baseAddress! + filled, expected.count - filled)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      filled += count
    }
    return filled == expected.count && bytes == expected
  }

  /// The real path of the folder or file at `path` (links and `..` resolved), or `nil` when it
  /// does not exist.
  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
