@testable import RetierCore

/// A previous run's folder in memory, attached as the executable attaches it: the folder's
/// files digested, verified against its run.json (``RunFolderVerification``), then its
/// tiers.csv read back.
struct PreviousRunFolder {
  /// The folder's quarter label.
  var quarter: String
  /// Every file of the folder by its relative path, run.json included.
  var files: [String: [UInt8]]

  /// The folder `result` writes.
  init(of result: RunResult) {
    quarter = result.quarter.label
    files = Dictionary(
      uniqueKeysWithValues: RenderedRun.files(of: result).map { ($0.path, $0.bytes) })
  }

  /// A hand-made folder holding `tiersCSV` and a run.json of schema 1 that lists it, as a run
  /// before schema 2 wrote it: no tier lines, no currency.
  init(tiersCSV: String, quarter: String = "2026-Q2") {
    self.quarter = quarter
    let bytes = Array(tiersCSV.utf8)
    var digester = RunFolderVerification.FileDigester(path: "tiers.csv")
    digester.update(bytes)
    let facts = digester.finish()
    let runJSON =
      #"{"tool": "retier", "quarter": "\#(quarter)", "outputs": [{"file": "tiers.csv", "#
      + #""bytes": \#(facts.byteCount), "sha256": "\#(facts.sha256)"}]}"#
    files = ["tiers.csv": bytes, RunManifest.fileName: Array(runJSON.utf8)]
  }

  /// The run.json as text.
  var runJSON: String {
    get { String(decoding: files[RunManifest.fileName] ?? [], as: UTF8.self) }
    set { files[RunManifest.fileName] = Array(newValue.utf8) }
  }

  /// A file's text.
  func text(_ path: String) -> String { String(decoding: files[path] ?? [], as: UTF8.self) }

  /// Sets a file's text.
  mutating func set(_ path: String, _ text: String) { files[path] = Array(text.utf8) }

  /// Sets a file's text and records its new digest in run.json, as someone who rewrote both
  /// would: the folder then passes verification, and only the file's content can refuse it.
  mutating func setRecorded(_ path: String, _ text: String) {
    let old = Self.entry(files[path] ?? [], path: path)
    set(path, text)
    let new = Self.entry(files[path] ?? [], path: path)
    precondition(runJSON.contains(old), "run.json lists \(path)")
    runJSON = runJSON.replacing(old, with: new)
  }

  /// The members of an `outputs` entry after `file`, as run.json writes them.
  private static func entry(_ bytes: [UInt8], path: String) -> String {
    var digester = RunFolderVerification.FileDigester(path: path)
    digester.update(bytes)
    let facts = digester.finish()
    return "\"bytes\": \(facts.byteCount),\n"
      + (facts.rows.map { "      \"rows\": \($0),\n" } ?? "")
      + "      \"sha256\": \"\(facts.sha256)\""
  }

  /// The verification of the folder under `configuration`'s limits.
  func verify(
    _ limits: PreviousRunManifest.Limits = .init()
  ) -> Result<PreviousRunManifest, PreviousRunManifest.Refusal> {
    var found: [String: RunFolderVerification.FoundFile] = [:]
    for (path, bytes) in files where path != RunManifest.fileName {
      var digester = RunFolderVerification.FileDigester(path: path)
      digester.update(bytes)
      found[path] = .file(digester.finish())
    }
    return RunFolderVerification.verify(
      runJSON: files[RunManifest.fileName] ?? [], quarter: quarter, files: found, limits: limits)
  }

  /// `result` with this folder attached as its previous run.
  func attach(to result: RunResult) -> RunResult {
    Retier.attachingPreviousRun(
      result, quarter: quarter, verified: verify(PreviousRunManifest.Limits(result.configuration))
    ) {
      guard let bytes = files["tiers.csv"] else {
        return .failure(.init(file: "tiers.csv", reason: "cannot be read"))
      }
      return .success(bytes)
    }
  }
}
