import Foundation

/// The drop's five files, open for writing while the tables are built, so that a book of any
/// size is written in bounded memory: `DropTables` hands each file's bytes over whenever its
/// buffer fills (a 10M-account drop is some 1.3 GB of CSV).
///
/// A READY marker left by an earlier drop is removed before any file is written, and written
/// again only by ``finish()`` once every file is complete, so a reader never sees a marker next
/// to half-written files. The first failed write is kept and thrown by ``finish()``: the tables
/// append rows in many places, which need not each handle a failure of the disk.
final class DropOutput {
  /// The name of the empty marker file that tells the job a drop is complete.
  static let readyMarker = "READY"

  /// One of the drop's files.
  enum File: String, CaseIterable {
    case accounts = "accounts.csv"
    case arr = "arr.csv"
    case usage = "usage.csv"
    case overrides = "overrides.csv"
    case csms = "csms.csv"
  }

  private let folder: URL
  private let handles: [File: FileHandle]
  private var failure: DropGenError?

  /// Creates `directory` if needed, removes its READY marker, and creates (or empties) the five
  /// files.
  init(creatingFilesIn directory: String) throws(DropGenError) {
    folder = URL(fileURLWithPath: directory, isDirectory: true)
    let marker = folder.appendingPathComponent(Self.readyMarker)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      if FileManager.default.fileExists(atPath: marker.path) {
        try FileManager.default.removeItem(at: marker)
      }
    } catch {
      throw .cannotWrite(path: directory, reason: "\(error.localizedDescription)")
    }
    var handles: [File: FileHandle] = [:]
    for file in File.allCases {
      let path = folder.appendingPathComponent(file.rawValue).path
      guard FileManager.default.createFile(atPath: path, contents: nil),
        let handle = FileHandle(forWritingAtPath: path)
      else {
        throw .cannotWrite(path: path, reason: "cannot create the file")
      }
      handles[file] = handle
    }
    self.handles = handles
  }

  /// Appends `bytes` to `file`; after a failure, does nothing (``finish()`` reports it).
  func append(_ bytes: [UInt8], to file: File) {
    guard failure == nil, !bytes.isEmpty, let handle = handles[file] else { return }
    do {
      try handle.write(contentsOf: Data(bytes))
    } catch {
      failure = .cannotWrite(
        path: folder.appendingPathComponent(file.rawValue).path,
        reason: "\(error.localizedDescription)")
    }
  }

  /// Closes the files and writes the READY marker, or throws the first failed write.
  func finish() throws(DropGenError) {
    for file in File.allCases {
      do {
        try handles[file]?.close()
      } catch {
        failure =
          failure
          ?? .cannotWrite(
            path: folder.appendingPathComponent(file.rawValue).path,
            reason: "\(error.localizedDescription)")
      }
    }
    if let failure { throw failure }
    let marker = folder.appendingPathComponent(Self.readyMarker)
    guard FileManager.default.createFile(atPath: marker.path, contents: Data()) else {
      throw .cannotWrite(path: marker.path, reason: "cannot create the file")
    }
  }
}
