import Foundation
import Glibc

/// The real ``OutputFileSystem``: POSIX calls with `fsync` on every file and folder, so that a
/// renamed run folder survives a power cut whole.
struct DurableFileSystem: OutputFileSystem {
  func makeDirectory(atPath path: String, existingIsFine: Bool) throws(SystemCallError) {
    guard mkdir(path, 0o755) == 0 else {
      let error = SystemCallError.last("mkdir", path)
      var status = stat()
      if existingIsFine, error.code == EEXIST, stat(path, &status) == 0,
        status.st_mode & S_IFMT == S_IFDIR
      {
        return
      }
      throw error
    }
  }

  func writeFile(atPath path: String, bytes: [UInt8]) throws(SystemCallError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .last("open", path) }
    var failure: SystemCallError?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = .last("write", path)
          return
        }
        offset += written
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = .last("fsync", path) }
    if close(descriptor) != 0, failure == nil { failure = .last("close", path) }
    if let failure { throw failure }
  }

  func syncDirectory(atPath path: String) throws(SystemCallError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .last("open", path) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw .last("fsync", path) }
  }

  func rename(atPath source: String, toPath destination: String) throws(SystemCallError) {
    guard Glibc.rename(source, destination) == 0 else { throw .last("rename", source) }
  }

  func removeItem(atPath path: String) throws(SystemCallError) {
    do {
      try FileManager.default.removeItem(atPath: path)
    } catch {
      let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
      throw SystemCallError(call: "remove", path: path, code: Int32(code ?? Int(EIO)))
    }
  }
}
