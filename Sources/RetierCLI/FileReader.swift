import Glibc

/// Reads whole files with POSIX calls, so that a failure reports the system's own reason
/// (`No such file or directory`, `Permission denied`).
enum FileReader {
  /// The bytes of the file at `path`.
  static func read(_ path: String) throws(SystemCallError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .last("open", path) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .last("stat", path) }
    guard status.st_mode & S_IFMT != S_IFDIR else {
      throw SystemCallError(call: "read", path: path, code: EISDIR)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .last("read", path)
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// What is at `path`: nothing, a folder or something else (a file).
  static func kind(_ path: String) -> Kind {
    var status = stat()
    guard stat(path, &status) == 0 else { return .missing }
    return status.st_mode & S_IFMT == S_IFDIR ? .folder : .file
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
}
