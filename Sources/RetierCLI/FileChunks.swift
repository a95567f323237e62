import Glibc

/// A regular file read a chunk at a time (the flag file of `retier interim`): memory for one
/// chunk, whatever the file's size. The file is refused when it is not regular, when it is
/// larger than `maximumBytes`, or when it changed while it was read (checked at the end, as
/// ``FileReader/readIdentified(_:maximumBytes:)`` checks a whole read).
final class FileChunks {
  /// The file's path, for messages.
  let path: String
  /// The open file.
  private let descriptor: Int32
  /// The file as it was opened.
  let identity: FileIdentity
  /// The most bytes read.
  private let maximumBytes: Int
  /// The bytes read so far.
  private var bytesRead = 0
  /// The size of each chunk.
  private static let chunkSize = 1 << 20

  /// Opens the regular file at `path`.
  init(_ path: String, maximumBytes: Int) throws(FileReader.ReadError) {
    let (descriptor, opened) = try FileReader.openRegular(path)
    self.path = path
    self.descriptor = descriptor
    self.identity = FileIdentity(opened)
    self.maximumBytes = maximumBytes
    guard identity.size <= Int64(maximumBytes) else {
      close(descriptor)
      throw .tooLarge(path: path, size: identity.size, maximum: maximumBytes)
    }
  }

  deinit { close(descriptor) }

  /// The next chunk of the file, `nil` at its end (after checking the file did not change).
  func next() throws(FileReader.ReadError) -> [UInt8]? {
    var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .system(.last("read", path))
      }
      if count == 0 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system(.last("stat", path)) }
        guard FileIdentity(status) == identity, Int64(bytesRead) == identity.size,
          FileReader.identity(path) == identity
        else { throw .changed(path: path) }
        return nil
      }
      bytesRead += count
      guard bytesRead <= maximumBytes else {
        throw .tooLarge(path: path, size: Int64(bytesRead), maximum: maximumBytes)
      }
      chunk.removeSubrange(count...)
      return chunk
    }
  }
}
