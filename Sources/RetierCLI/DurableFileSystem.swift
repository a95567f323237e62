import Foundation
import Glibc
import RetierCore

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
    try write(bytes, toPath: path, appending: false, flushing: true)
  }

  func appendToFile(atPath path: String, bytes: [UInt8]) throws(SystemCallError) {
    try write(bytes, toPath: path, appending: true, flushing: true)
  }

  /// Writes the files (or appends the pieces) on every core without flushing each one: a run
  /// folder holds some 100,000 memos, and one `fsync` per file costs a journal commit each.
  /// ``flushFiles(in:)`` flushes them all with one `syncfs`. Without `syncfs`, each file is
  /// flushed here, on its own.
  func writeFiles(_ files: [OutputFile], into folder: String) throws(SystemCallError) {
    let flushEach = Self.syncFileSystem == nil
    let failures = Parallel.map(files.count, minimumChunk: 64) { index -> SystemCallError? in
      do throws(SystemCallError) {
        try write(
          files[index].bytes, toPath: folder + "/" + files[index].path,
          appending: files[index].isContinuation, flushing: flushEach)
        return nil
      } catch {
        return error
      }
    }
    if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
  }

  /// Flushes the whole file system holding `folder` once with `syncfs` (when it is missing,
  /// ``writeFiles(_:into:)`` already flushed each file).
  func flushFiles(in folder: String) throws(SystemCallError) {
    guard let syncFileSystem = Self.syncFileSystem else { return }
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .last("open", folder) }
    defer { close(descriptor) }
    guard syncFileSystem(descriptor) == 0 else { throw .last("syncfs", folder) }
  }

  /// Creates a new file with `bytes`, or appends them to an existing one when `appending`;
  /// `fsync`s it when `flushing`.
  private func write(
    _ bytes: [UInt8], toPath path: String, appending: Bool, flushing: Bool
  ) throws(SystemCallError) {
    let descriptor =
      appending
      ? open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
      : open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .last("open", path) }
    var failure: SystemCallError?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = .last("write", path)
          return
        }
        offset += written
      }
    }
    if failure == nil, flushing, fsync(descriptor) != 0 { failure = .last("fsync", path) }
    if close(descriptor) != 0, failure == nil { failure = .last("close", path) }
    if let failure { throw failure }
  }

  /// Linux's `syncfs(2)`, which the Glibc module does not import: it flushes every file of the
  /// file system holding a descriptor and, since Linux 5.8, reports a failed write-back.
  private static let syncFileSystem: (@convention(c) (Int32) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
  }()

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
