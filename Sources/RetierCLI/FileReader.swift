import Glibc
import RetierCore

/// Reads whole files with POSIX calls, so that a failure reports the system's own reason
/// (`No such file or directory`, `Permission denied`).
///
/// Only regular files are read, and each at most a given number of bytes (SPEC §2): a FIFO, a
/// device such as `/dev/zero` or a folder is refused after `fstat`, before any read, and the file
/// is opened with `O_NONBLOCK` so that opening a FIFO with no writer does not wait either.
enum FileReader {
  /// The bytes of the regular file at `path`, at most the default `max_input_bytes` of them
  /// (the config file, the previous run's outputs).
  static func read(_ path: String) throws(ReadError) -> [UInt8] {
    try read(path, maximumBytes: Configuration.defaultMaxInputBytes)
  }

  /// The bytes of the regular file at `path`, at most `maximumBytes` of them.
  static func read(_ path: String, maximumBytes: Int) throws(ReadError) -> [UInt8] {
    try readIdentified(path, maximumBytes: maximumBytes).bytes
  }

  /// The bytes of the regular file at `path`, at most `maximumBytes` of them, and the file's
  /// identity as it was read. The identity is taken before and after the read: a file that
  /// changed meanwhile (written to, truncated or replaced) throws ``ReadError/changed(path:)``.
  static func readIdentified(
    _ path: String, maximumBytes: Int
  ) throws(ReadError) -> (bytes: [UInt8], identity: FileIdentity) {
    let (descriptor, opened) = try openRegular(path)
    defer { close(descriptor) }
    let before = FileIdentity(opened)
    var status = opened
    guard before.size <= Int64(maximumBytes) else {
      throw .tooLarge(path: path, size: before.size, maximum: maximumBytes)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(before.size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .system(.last("read", path))
      }
      if count == 0 { break }
      // A file that grows while it is read is caught below; this only bounds the memory.
      guard bytes.count + count <= maximumBytes else {
        throw .tooLarge(path: path, size: Int64(bytes.count + count), maximum: maximumBytes)
      }
      bytes.append(contentsOf: chunk[0..<count])
    }
    guard fstat(descriptor, &status) == 0 else { throw .system(.last("stat", path)) }
    guard FileIdentity(status) == before, Int64(bytes.count) == before.size,
      identity(path) == before
    else { throw .changed(path: path) }
    return (bytes, before)
  }

  /// Opens `path` for reading without blocking (a FIFO would block an ordinary open) and checks
  /// with `fstat`, before any read, that it is a regular file. The caller closes the descriptor.
  static func openRegular(_ path: String) throws(ReadError) -> (Int32, stat) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw .system(.last("open", path)) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let error = ReadError.system(.last("stat", path))
      close(descriptor)
      throw error
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw .notRegular(path: path, kind: FileIdentity.kindName(status.st_mode))
    }
    return (descriptor, status)
  }

  /// At most the first `count` bytes of the regular file at `path`.
  static func readPrefix(_ path: String, count: Int) throws(ReadError) -> [UInt8] {
    let (descriptor, _) = try openRegular(path)
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let read = bytes.withUnsafeMutableBytes {
        Glibc.read(descriptor, $0.baseAddress! + filled, count - filled)
      }
      if read < 0 {
        if errno == EINTR { continue }
        throw .system(.last("read", path))
      }
      if read == 0 { break }
      filled += read
    }
    return Array(bytes[0..<filled])
  }

  /// The identity of what `path` names now (links followed), or `nil` when nothing is there.
  static func identity(_ path: String) -> FileIdentity? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return FileIdentity(status)
  }

  /// What is at `path`: nothing, a folder or something else (a file).
  static func kind(_ path: String) -> Kind {
    var status = stat()
    guard stat(path, &status) == 0 else { return .missing }
    return status.st_mode & S_IFMT == S_IFDIR ? .folder : .file
  }

  /// Whether anything is at `path` itself, a link included even when it leads nowhere.
  static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 || errno != ENOENT
  }

  /// What a path names.
  enum Kind {
    /// Nothing (or nothing this process may see).
    case missing
    /// A folder.
    case folder
    /// A file or anything else that is not a folder.
    case file
  }

  /// Why a file could not be read.
  enum ReadError: Error, Equatable {
    /// A system call failed.
    case system(SystemCallError)
    /// The path names something other than a regular file (a FIFO, a device, a folder).
    case notRegular(path: String, kind: String)
    /// The file holds more than the allowed bytes.
    case tooLarge(path: String, size: Int64, maximum: Int)
    /// The file changed while it was read.
    case changed(path: String)

    /// The path the error is about.
    var path: String {
      switch self {
      case .system(let error): error.path
      case .notRegular(let path, _), .tooLarge(let path, _, _), .changed(let path): path
      }
    }

    /// Why, in words: the system's reason, or what the file is.
    var reason: String {
      switch self {
      case .system(let error): error.reason
      case .notRegular(_, let kind): "not a regular file (it is \(kind)); only files are read"
      case .tooLarge(_, let size, let maximum):
        "\(size) bytes or more, over max_input_bytes \(maximum)"
      case .changed: DropReader.changedReason
      }
    }
  }
}

/// What identifies a file's contents for the drop's consistency checks: the device and inode
/// (a file replaced by a rename is another file), the size and the modification time.
struct FileIdentity: Equatable {
  /// Device and inode.
  var device: UInt64
  var inode: UInt64
  /// Size in bytes.
  var size: Int64
  /// Modification time, seconds and nanoseconds since the epoch.
  var modified: Int64
  var modifiedNanoseconds: Int64

  /// The identity `fstat` or `stat` reported.
  init(_ status: stat) {
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    modified = Int64(status.st_mtim.tv_sec)
    modifiedNanoseconds = Int64(status.st_mtim.tv_nsec)
  }

  /// Whether this file was last modified more than `grace` nanoseconds after `other`.
  func isModified(after other: FileIdentity, grace: Int64) -> Bool {
    let difference =
      (Int128(modified) - Int128(other.modified)) * 1_000_000_000
      + Int128(modifiedNanoseconds) - Int128(other.modifiedNanoseconds)
    return difference > Int128(grace)
  }

  /// A name for the kind of file a mode describes.
  static func kindName(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a folder"
    case S_IFIFO: "a FIFO"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "not a regular file"
    }
  }
}
