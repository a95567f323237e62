import Foundation

extension DropTables {
  /// The name of the empty marker file that tells the job a drop is complete.
  static let readyMarker = "READY"

  /// Writes the five files into `directory` (created if needed), then the empty READY marker.
  ///
  /// A READY left by an earlier drop is removed first and written last, so a reader never sees a
  /// marker next to half-written files.
  func write(to directory: String) throws(DropGenError) {
    let folder = URL(fileURLWithPath: directory, isDirectory: true)
    let marker = folder.appendingPathComponent(Self.readyMarker)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      if FileManager.default.fileExists(atPath: marker.path) {
        try FileManager.default.removeItem(at: marker)
      }
    } catch {
      throw .cannotWrite(path: directory, reason: "\(error.localizedDescription)")
    }
    let files: [(String, CSVBuffer)] = [
      ("accounts.csv", accounts), ("arr.csv", arr), ("usage.csv", usage),
      ("overrides.csv", overrides), ("csms.csv", csms),
    ]
    for (name, buffer) in files {
      try Self.write(buffer.bytes, to: folder.appendingPathComponent(name))
    }
    try Self.write([], to: marker)
  }

  private static func write(_ bytes: [UInt8], to file: URL) throws(DropGenError) {
    do {
      try bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else {
          return try Data().write(to: file)
        }
        // Hand the buffer to Data without copying it: a benchmark file is over 100 MB.
        let data = Data(
          bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count,
          deallocator: .none)
        try data.write(to: file)
      }
    } catch {
      throw .cannotWrite(path: file.path, reason: "\(error.localizedDescription)")
    }
  }
}
