import Foundation
import Glibc
import RetierCore

extension OutputLayout {
  /// The latest quarter before `quarter` that has a run folder, `nil` when there is none: the
  /// run the next quarter's across-quarter sections read (SPEC §8). Folders moved aside as
  /// incomplete (`<QUARTER>.incomplete-<n>`) have other names and do not count; a folder that
  /// fails verification is the previous run all the same (it is then not used, and no older
  /// run is used in its place).
  func previousRunFolder(before quarter: FiscalQuarter) -> FiscalQuarter? {
    runFolderQuarters().filter { $0 < quarter }.max()
  }

  /// The quarters with a folder of their label, in any state.
  func runFolderQuarters() -> [FiscalQuarter] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return names.compactMap { name in
      FiscalQuarter(label: name).flatMap {
        FileReader.kind(root + "/" + name) == .folder ? $0 : nil
      }
    }
  }

  /// The `tiers.csv` of a quarter's run.
  func tiersFile(_ quarter: FiscalQuarter) -> String { runFolder(quarter) + "/tiers.csv" }

  /// Verifies the run folder of `quarter` (SPEC §7): see
  /// ``verify(folderNamed:quarter:limits:accounts:)``.
  func verify(
    _ quarter: FiscalQuarter, limits: PreviousRunManifest.Limits = .init(), accounts: Int? = nil
  ) -> Result<PreviousRunManifest, PreviousRunManifest.Refusal> {
    verify(folderNamed: quarter.label, quarter: quarter, limits: limits, accounts: accounts)
  }

  /// Verifies the previous run of `quarter` for reading back (SPEC §8): its `run.json`, parsed
  /// strictly and checked for size against a book of `accounts` accounts. The files read back
  /// (`tiers.csv`) are checked against it as they are read; the rest of the folder (the memos)
  /// is not read, so not hashed.
  func verifyForReadBack(
    _ quarter: FiscalQuarter, limits: PreviousRunManifest.Limits, accounts: Int
  ) -> Result<PreviousRunManifest, PreviousRunManifest.Refusal> {
    verify(
      folderNamed: quarter.label, quarter: quarter, limits: limits, accounts: accounts,
      wholeFolder: false)
  }

  /// Verifies the output folder `name` of `quarter` (its run folder, or an interim's
  /// `<QUARTER>-interim-<n>`) before it is trusted (``RunFolderVerification``): every file in it
  /// is digested as it streams by (its size, SHA-256 and CSV rows; never held), its `run.json` is
  /// checked for size before it is read, against the bound of a book of `accounts` accounts (by
  /// default the rows of the folder's own `tiers.csv`), and the core checks the rest. Returns the
  /// manifest, or the first file that failed and why.
  func verify(
    folderNamed name: String, quarter: FiscalQuarter, limits: PreviousRunManifest.Limits = .init(),
    accounts: Int? = nil, wholeFolder: Bool = true
  ) -> Result<PreviousRunManifest, PreviousRunManifest.Refusal> {
    let folder = root + "/" + name
    let manifestPath = folder + "/" + RunManifest.fileName
    var status = stat()
    guard lstat(manifestPath, &status) == 0 else {
      return .failure(refusal(RunManifest.fileName, "is missing: the run never completed"))
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      return .failure(refusal(RunManifest.fileName, "is \(Self.kindName(status.st_mode))"))
    }
    var files: [String: RunFolderVerification.FoundFile] = [:]
    if wholeFolder { Self.digestFiles(in: folder, prefix: "", into: &files) }
    let bookAccounts: Int
    if let accounts {
      bookAccounts = accounts
    } else if case .file(let facts)? = files[PreviousRunRecord.fileName] {
      bookAccounts = facts.rows ?? 0
    } else {
      bookAccounts = 0
    }
    let bound = RunFolderVerification.maximumManifestBytes(accounts: bookAccounts)
    guard status.st_size <= bound else {
      return .failure(
        refusal(
          RunManifest.fileName,
          "is \(status.st_size) bytes, more than the \(bound) a run of \(bookAccounts) accounts "
            + "can need; it was not read"))
    }
    let runJSON: [UInt8]
    do {
      runJSON = try FileReader.read(manifestPath, maximumBytes: bound)
    } catch {
      return .failure(refusal(RunManifest.fileName, "cannot be read: \(error.reason)"))
    }
    return RunFolderVerification.verify(
      runJSON: runJSON, quarter: quarter.label, files: files, limits: limits,
      wholeFolder: wholeFolder)
  }

  /// Whether the quarter has a complete run: its folder passes verification (SPEC §7). A run
  /// folder only ever appears whole (it is renamed into place), so this rejects a folder made
  /// by hand (a stub `run.json`), a folder whose files were changed, truncated or removed, and
  /// a folder or link that holds another quarter's run.
  func isComplete(_ quarter: FiscalQuarter, limits: PreviousRunManifest.Limits = .init()) -> Bool {
    if case .success = verify(quarter, limits: limits) { return true }
    return false
  }

  /// A refusal of `file`.
  private func refusal(_ file: String, _ reason: String) -> PreviousRunManifest.Refusal {
    PreviousRunManifest.Refusal(file: file, reason: reason)
  }

  /// Adds every entry under `folder` (`prefix` is its path in the run folder) to `files`, but
  /// the run folder's own `run.json`: a regular file by its digest, read in 64 KiB pieces,
  /// anything else but a folder by its kind. Links are not followed.
  private static func digestFiles(
    in folder: String, prefix: String, into files: inout [String: RunFolderVerification.FoundFile]
  ) {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    // The manifest is not one of the files it lists; it is checked for size, then read.
    for name in names where !(prefix.isEmpty && name == RunManifest.fileName) {
      let path = folder + "/" + name
      let relative = prefix + name
      var status = stat()
      guard lstat(path, &status) == 0 else { continue }
      switch status.st_mode & S_IFMT {
      case S_IFDIR:
        digestFiles(in: path, prefix: relative + "/", into: &files)
      case S_IFREG:
        files[relative] =
          digest(path, relative: relative).map { .file($0) }
          ?? .notRegular(
            "a file that cannot be read")
      default:
        files[relative] = .notRegular(kindName(status.st_mode))
      }
    }
  }

  /// The digest of the regular file at `path`, read without following a link; `nil` when it
  /// cannot be read.
  private static func digest(_ path: String, relative: String) -> RunFolderVerification.FileFacts? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    var digester = RunFolderVerification.FileDigester(path: relative)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { break }
      digester.update(Array(chunk[0..<count]))
    }
    return digester.finish()
  }

  /// A name for the kind of a file that is not a regular file.
  private static func kindName(_ mode: mode_t) -> String {
    mode & S_IFMT == S_IFLNK ? "a symbolic link" : FileIdentity.kindName(mode)
  }
}
