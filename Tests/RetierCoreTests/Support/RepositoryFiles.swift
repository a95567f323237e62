import Foundation

/// Reads files of this repository from tests (the library itself never touches the disk).
enum RepositoryFiles {
  /// The repository root, found from this source file's path.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The URL of a repository-relative path.
  static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }

  /// The bytes of a repository-relative file, `nil` when it does not exist.
  static func bytes(_ relativePath: String) -> [UInt8]? {
    (try? Data(contentsOf: url(relativePath))).map { [UInt8]($0) }
  }
}
