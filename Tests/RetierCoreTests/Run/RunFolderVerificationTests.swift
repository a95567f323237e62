import Testing

@testable import RetierCore

/// SPEC §7, §8: what a run reads back from its own past is verified before it is trusted.
@Suite("A run folder is verified before it is trusted")
struct RunFolderVerificationTests {
  /// The rubric book's own folder, as the next quarter finds it.
  static func folder() throws -> PreviousRunFolder {
    PreviousRunFolder(of: try RunResultFixtures.rubricBook())
  }

  /// The second run of the rubric book against `folder`.
  static func secondRun(_ folder: PreviousRunFolder) throws -> RunResult {
    folder.attach(to: try RunResultFixtures.rubricBook())
  }

  /// The refusal `folder` gets when attached as the previous run, `nil` when it is used.
  static func failure(_ folder: PreviousRunFolder) throws -> PreviousRunManifest.Refusal? {
    let result = try secondRun(folder)
    #expect((result.previousRun == nil) == (result.previousRunCheck?.failure != nil))
    return result.previousRunCheck?.failure
  }

  @Test("the folder a run writes passes, with the row count of every CSV file recorded")
  func ownFolderPasses() throws {
    let folder = try Self.folder()
    let manifest = try folder.verify().get()
    #expect(manifest.outputs.count == folder.files.count - 1)
    let tiers = try #require(manifest.outputs["tiers.csv"])
    #expect(tiers.rows == folder.text("tiers.csv").split(separator: "\n").count - 1)
    #expect(manifest.outputs["memo.md"]?.rows == nil)
    #expect(try Self.failure(folder) == nil)
  }

  /// X01's ARR of 1,000,000 edited to 10: its Tier 1 cohort would lose 99.999% of its ARR.
  @Test("an edited ARR cell of the previous tiers.csv fails its SHA-256: the run is not used")
  func editedCell() throws {
    var folder = try Self.folder()
    let tiers = folder.text("tiers.csv")
    #expect(tiers.contains("X01,Name X01,1000000.00,"))
    folder.set(
      "tiers.csv", tiers.replacing("X01,Name X01,1000000.00,", with: "X01,Name X01,10.00,"))
    #expect(
      try Self.failure(folder)
        == PreviousRunManifest.Refusal(
          file: "tiers.csv",
          reason: "has \(tiers.utf8.count - 5) bytes; run.json records \(tiers.utf8.count)"))
    // Same length: only the digest can tell.
    folder.set(
      "tiers.csv", tiers.replacing("X01,Name X01,1000000.00,", with: "X01,Name X01,9000000.00,"))
    #expect(
      try Self.failure(folder)?.reason
        == "its SHA-256 is not the one run.json records (the file was changed)")
  }

  @Test("a truncated tiers.csv, or another book's, fails: the cohorts are never halved")
  func truncatedOrForeign() throws {
    var folder = try Self.folder()
    let tiers = folder.text("tiers.csv")
    let lines = tiers.split(separator: "\n")
    folder.set("tiers.csv", lines.prefix(lines.count / 2).joined(separator: "\n") + "\n")
    #expect(try Self.failure(folder)?.file == "tiers.csv")
    folder.set("tiers.csv", "account_id,to_tier\nOTHER-1,1\n")
    #expect(try Self.failure(folder)?.file == "tiers.csv")
  }

  /// A tiers.csv rewritten with its run.json digest: the content itself is refused, and said.
  @Test(
    "a tiers.csv with no account_id column or an out-of-range tier is refused, never 'no previous run'",
    arguments: [
      ("to_tier\n1\n", "has no account_id column"),
      (
        "account_id,from_tier,to_tier,arr\nX01,1,99,1000000.00\n",
        "row 1: to_tier \"99\" is not one of the run's tiers 1 to 3"
      ),
      (
        "account_id,from_tier,to_tier,arr\nX01,0,1,1000000.00\n",
        "row 1: from_tier \"0\" is not one of the run's tiers 1 to 3"
      ),
    ])
  func contentRefused(tiersCSV: String, reason: String) throws {
    var folder = try Self.folder()
    folder.setRecorded("tiers.csv", tiersCSV)
    #expect(try folder.verify().get().outputs["tiers.csv"] != nil)
    #expect(
      try Self.failure(folder) == PreviousRunManifest.Refusal(file: "tiers.csv", reason: reason))
    let memo = String(
      decoding: RenderedRun.bytes("memo.md", of: try Self.secondRun(folder)), as: UTF8.self)
    #expect(!memo.contains("No previous complete run"))
    #expect(memo.contains("failed verification and is not used, nor any older run in its place: "))
  }

  @Test("every file of the folder must be listed and every listed file present")
  func listing() throws {
    var folder = try Self.folder()
    folder.set("notes.txt", "added by hand\n")
    #expect(
      try Self.failure(folder)
        == PreviousRunManifest.Refusal(
          file: "notes.txt", reason: "is in the run folder but not listed in run.json"))
    folder = try Self.folder()
    folder.files["movements.csv"] = nil
    #expect(
      try Self.failure(folder)
        == PreviousRunManifest.Refusal(
          file: "movements.csv", reason: "is listed in run.json but missing from the run folder"))
  }

  @Test("a stub run.json, or one naming another quarter, is not a complete run")
  func stubAndOtherQuarter() throws {
    var folder = try Self.folder()
    folder.runJSON = #"{"quarter": "2026-Q3"}"# + "\n"
    #expect(
      try Self.failure(folder)
        == PreviousRunManifest.Refusal(file: "run.json", reason: "lists no outputs"))
    folder = try Self.folder()
    folder.quarter = "2026-Q2"
    #expect(
      try Self.failure(folder)
        == PreviousRunManifest.Refusal(
          file: "run.json", reason: "names the quarter 2026-Q3, not its folder's 2026-Q2"))
  }

  @Test("a rows count that disagrees with the file is refused (schema 3)")
  func rowCount() throws {
    var folder = try Self.folder()
    let rows = try #require(try folder.verify().get().outputs["rejected.csv"]?.rows)
    folder.runJSON = folder.runJSON.replacing(
      "\"rows\": \(rows),\n      \"sha256\": \"\(try folder.verify().get().outputs["rejected.csv"]!.sha256)\"",
      with:
        "\"rows\": \(rows + 1),\n      \"sha256\": \"\(try folder.verify().get().outputs["rejected.csv"]!.sha256)\""
    )
    #expect(
      try Self.failure(folder)
        == PreviousRunManifest.Refusal(
          file: "rejected.csv", reason: "has \(rows) data rows; run.json records \(rows + 1)"))
  }

  @Test("a previous run in another currency is refused with the reason; run.json records it")
  func currencyMismatch() throws {
    var first = try RunResultFixtures.rubricBook()
    first.configuration.currency = "EUR"
    let result = try Self.secondRun(PreviousRunFolder(of: first))
    let reason =
      "records the currency EUR, and this run's is USD: retention and cohorts across "
      + "currencies are not computed"
    #expect(
      result.previousRunCheck
        == PreviousRunCheck(
          quarter: "2026-Q3", failure: PreviousRunManifest.Refusal(file: "run.json", reason: reason)
        ))
    let memo = String(decoding: RenderedRun.bytes("memo.md", of: result), as: UTF8.self)
    #expect(memo.contains("### Tier scorecard\n\nNot compared: the previous run (2026-Q3) failed "))
    #expect(memo.contains("run.json: " + reason + ".\n"))
    let manifest = String(
      decoding: RenderedRun.bytes("run.json", of: result), as: UTF8.self)
    #expect(
      manifest.contains(
        "\"previous_run\": {\n    \"quarter\": \"2026-Q3\",\n    \"verified\": false,\n    "
          + "\"file\": \"run.json\",\n    \"problem\": \"\(reason)\"\n  },"))
  }

  @Test("the size bound of run.json follows the book: 1 MiB plus 1 KiB an account")
  func manifestBound() {
    #expect(RunFolderVerification.maximumManifestBytes(accounts: 0) == 1 << 20)
    #expect(
      RunFolderVerification.maximumManifestBytes(accounts: 1_000_000) == (1 << 20) + 1_024_000_000)
    // A 2 GB run.json is beyond the bound of any book of up to a million accounts.
    #expect(RunFolderVerification.maximumManifestBytes(accounts: 1_000_000) < 2_000_000_000)
    #expect(RunFolderVerification.maximumManifestBytes(accounts: Int.max) == Int.max)
  }

  @Test(
    "CSV data rows are records after the header; a line feed inside quotes is not a record",
    arguments: [
      ("a,b\n", 0), ("a,b\n1,2\n3,4\n", 2), ("a,b\n\"x\ny\",2\n", 1), ("a\n\"q\"\"\n\"\n", 1),
      ("a,b\n1,2", 1), ("", 0),
    ])
  func csvRows(text: String, rows: Int) {
    // Any split into pieces counts the same.
    for split in [0, 1, text.utf8.count / 2] where split <= text.utf8.count {
      var counter = CSVRowCounter()
      let bytes = Array(text.utf8)
      counter.update(bytes[..<split])
      counter.update(bytes[split...])
      #expect(counter.dataRows == rows)
    }
  }
}
