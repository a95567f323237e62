/// Whether a run folder may be trusted (SPEC §7, §8): a run is complete only when its `run.json`
/// parses strictly, names the folder's own quarter, and lists every file of its folder, each
/// present with the size, SHA-256 and (from schema 3) data rows recorded. The drop's input files
/// are recorded for the audit but not required to exist (drops get archived).
///
/// Pure: the executable lists the folder and digests its files (``FileDigester``) and hands in
/// the facts; the core never touches the file system.
package enum RunFolderVerification {
  /// What the executable found of one file of the run folder.
  package enum FoundFile: Sendable, Hashable {
    /// A regular file, digested.
    case file(FileFacts)
    /// Something else: a link, a FIFO, a device; named by its kind.
    case notRegular(String)
  }

  /// The size, SHA-256 and, for a CSV file, data rows of a file as read.
  package struct FileFacts: Sendable, Hashable {
    /// Its size in bytes.
    package var byteCount: Int
    /// Its lowercase hex SHA-256.
    package var sha256: String
    /// Its data rows (``CSVRowCounter``) when it is a CSV file.
    package var rows: Int?
  }

  /// Digests a file as its bytes go by, in pieces: its size, SHA-256 and CSV data rows, as the
  /// writer computed them (``OutputRenderers``).
  package struct FileDigester {
    private var hasher = SHA256()
    private var rows: CSVRowCounter?
    private var byteCount = 0

    /// Starts the digest of the file at `path` (relative to its run folder).
    package init(path: String) {
      rows = CSVRowCounter.isCSV(path) ? CSVRowCounter() : nil
    }

    /// Adds the next piece of the file.
    package mutating func update(_ bytes: [UInt8]) {
      hasher.update(bytes)
      rows?.update(bytes)
      byteCount += bytes.count
    }

    /// The facts of the file read.
    package func finish() -> FileFacts {
      FileFacts(byteCount: byteCount, sha256: hasher.finalizeHex(), rows: rows?.dataRows)
    }
  }

  /// The largest `run.json` a run of a book of `accounts` accounts can need: 1 MiB, plus 1 KiB
  /// an account (a run.json lists about one memo per moved account, 130 bytes an entry, and one
  /// path back per demoted account, about 500 bytes). A file beyond it is refused from its size,
  /// before it is read, so what is read back costs memory in proportion to the book.
  package static func maximumManifestBytes(accounts: Int) -> Int {
    let (perAccount, overflow) = max(accounts, 0).multipliedReportingOverflow(by: 1_024)
    return overflow ? Int.max : (1 << 20) + perAccount
  }

  /// Checks the folder of `quarter` (its label; an interim's folder names its quarter too):
  /// `runJSON` is its manifest, `files` every other entry found in it by its relative path.
  /// Returns the manifest read, or the first file that failed and why (files in path order).
  ///
  /// `wholeFolder` is the completeness of SPEC §7 (every file listed, present and as recorded:
  /// the due quarter's folder, an interim's completed run and chain); without it only the
  /// manifest is checked, for a previous run whose files are each checked as they are read
  /// back (SPEC §8: the previous run is read for its `tiers.csv` alone, and hashing its hundred
  /// thousand memos would cost a fifth of a run).
  package static func verify(
    runJSON: [UInt8], quarter: String, files: [String: FoundFile],
    limits: PreviousRunManifest.Limits, wholeFolder: Bool = true
  ) -> Result<PreviousRunManifest, PreviousRunManifest.Refusal> {
    let manifest: PreviousRunManifest
    switch PreviousRunManifest.read(runJSON, limits: limits) {
    case .success(let read): manifest = read
    case .failure(let refusal): return .failure(refusal)
    }
    guard manifest.quarter == quarter else {
      return .failure(
        PreviousRunManifest.Refusal(
          file: RunManifest.fileName,
          reason: "names the quarter \(manifest.quarter), not its folder's \(quarter)"))
    }
    guard wholeFolder else { return .success(manifest) }
    let names = Set(files.keys).union(manifest.outputs.keys).subtracting([RunManifest.fileName])
    for name in names.sorted() {
      if let failure = check(name, found: files[name], recorded: manifest.outputs[name]) {
        return .failure(PreviousRunManifest.Refusal(file: name, reason: failure))
      }
    }
    return .success(manifest)
  }

  /// Checks `bytes` read again for use (after the folder was verified, a file may have changed)
  /// against what `manifest` records of `name`.
  static func check(
    _ bytes: [UInt8], name: String, against manifest: PreviousRunManifest
  ) -> PreviousRunManifest.Refusal? {
    var digester = FileDigester(path: name)
    digester.update(bytes)
    return check(name, found: .file(digester.finish()), recorded: manifest.outputs[name]).map {
      PreviousRunManifest.Refusal(file: name, reason: $0)
    }
  }

  /// Why `name` fails, `nil` when it is present as recorded.
  private static func check(
    _ name: String, found: FoundFile?, recorded: PreviousRunManifest.RecordedOutput?
  ) -> String? {
    guard let recorded else { return "is in the run folder but not listed in run.json" }
    switch found {
    case nil:
      return "is listed in run.json but missing from the run folder"
    case .notRegular(let kind)?:
      return "is \(kind), not a regular file"
    case .file(let facts)?:
      if facts.byteCount != recorded.byteCount {
        return "has \(facts.byteCount) bytes; run.json records \(recorded.byteCount)"
      }
      if facts.sha256 != recorded.sha256 {
        return "its SHA-256 is not the one run.json records (the file was changed)"
      }
      if let rows = recorded.rows, facts.rows != rows {
        return "has \(facts.rows ?? 0) data rows; run.json records \(rows)"
      }
      return nil
    }
  }
}
