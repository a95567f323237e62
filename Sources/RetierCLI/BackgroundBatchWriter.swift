import Dispatch
import RetierCore

/// Writes batches of output files on a background thread while the caller renders the next
/// batch, so rendering and writing overlap. One batch is in flight at a time, so at most two are
/// in memory.
///
/// Every file-system call happens on one serial queue, in the order the batches came. After a
/// failure, later batches are dropped; ``submit(_:)`` and ``finish()`` report the first one.
final class BackgroundBatchWriter: @unchecked Sendable {
  // Safety: `tree` and `failure` are read and written only by blocks on `queue`, and by callers
  // only while holding `slot`, which a block holds from before it is queued until it ends.
  private let queue = DispatchQueue(label: "retier.batch-writer")
  private let slot = DispatchSemaphore(value: 1)
  private let folder: String
  private let fileSystem: any OutputFileSystem
  private var tree: FolderTree
  private var failure: SystemCallError?

  /// A writer into `folder`, which must exist.
  init(folder: String, fileSystem: any OutputFileSystem) {
    self.folder = folder
    self.fileSystem = fileSystem
    tree = FolderTree(root: folder)
  }

  /// Queues `files` (paths relative to the folder; missing subfolders are created) and returns
  /// once the previous batch is written. Throws the failure of an earlier batch.
  func submit(_ files: [OutputFile]) throws(SystemCallError) {
    slot.wait()
    if let failure {
      slot.signal()
      throw failure
    }
    queue.async { [self] in
      defer { slot.signal() }
      do throws(SystemCallError) {
        try tree.makeParents(of: files.map(\.path), fileSystem)
        try fileSystem.writeFiles(files, into: folder)
      } catch {
        failure = error
      }
    }
  }

  /// Waits until every batch is written; returns the subfolders created, parents first. Throws
  /// the first failure.
  func finish() throws(SystemCallError) -> [String] {
    slot.wait()
    defer { slot.signal() }
    if let failure { throw failure }
    return tree.created
  }
}

/// The folders of a run folder created so far, so that each is made once, before its first
/// file, and flushed once at the end.
struct FolderTree {
  /// The run folder, which exists already.
  let root: String
  /// The folders created under `root`, parents before children.
  private(set) var created: [String] = []
  private var known: Set<String> = []

  init(root: String) {
    self.root = root
  }

  /// Creates the missing folders above each of `paths` (relative to `root`).
  mutating func makeParents(
    of paths: [String], _ fileSystem: any OutputFileSystem
  ) throws(SystemCallError) {
    for path in paths {
      var parent = root
      for component in path.split(separator: "/").dropLast() {
        parent += "/" + component
        if known.insert(parent).inserted {
          try fileSystem.makeDirectory(atPath: parent, existingIsFine: false)
          created.append(parent)
        }
      }
    }
  }
}
