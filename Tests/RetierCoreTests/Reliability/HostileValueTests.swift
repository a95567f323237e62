import Testing

@testable import RetierCore

/// Hostile account ids, names and owner ids through the whole job (`Retier.decide`, then `Retier.render`): no output path
/// leaves the run folder, every CSV output re-reads row for row, no cell starts a formula, and
/// the ids come back unchanged from `tiers.csv` once the formula guard is removed.
@Suite("Hostile values end to end")
struct HostileValueTests {
  /// Ids that try path escapes, line breaks, formulas and sheer length.
  static let hostileIDs = [
    "../etc/passwd", "../../escape", "a/b/c", "/absolute", "..", ".", ".hidden", "memos",
    "line\nbreak", "carriage\rreturn", "crlf\r\nid", "back\\slash", "x,y", "\"quoted\"",
    "'apostrophe", "=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\r=after-cr", "=HYPERLINK(\"x\")",
    "Ω/é", String(repeating: "L", count: 10_000), String(repeating: "../", count: 3_334),
    "CON", "ACC-1", "acc-1",
  ]

  /// Names and owner ids that try formulas and line breaks.
  static let hostileNames = [
    "=HYPERLINK(\"http://evil\",\"x\")", "+1", "-1", "@SUM(1)", "\tTabbed", "\rCR", "../name",
    "multi\nline", "a,b", "",
  ]

  /// The drop: each hostile id once, alternately placed in Tier 1 and Tier 3 so that some move
  /// and get memos; owners include formula-like ids that are not on the roster.
  static func drop(ids: [String] = hostileIDs) -> DropFiles {
    var accounts = CSVWriter(header: [
      "account_id", "account_name", "current_tier", "owner_id", "customer_since", "strategic_fit",
    ])
    var arr = CSVWriter(header: ["account_id", "arr"])
    for (index, id) in ids.enumerated() {
      accounts.appendRow([
        .raw(id), .raw(hostileNames[index % hostileNames.count]), .raw(index % 2 == 0 ? "1" : "3"),
        .raw(index % 3 == 0 ? "=cmd|' /C calc'!A0" : "@owner"), .raw("2020-01-01"),
        .raw(String(index % 6)),
      ])
      arr.appendRow([.raw(id), .raw(String(1_000 + index * 37_000))])
    }
    return DropFiles(
      accounts: accounts.bytes, arr: arr.bytes,
      usage: Array("account_id,licensed_seats,active_users\n".utf8),
      csms: Array("csm_id,tier\n=csm,1\n".utf8), overrides: nil)
  }

  /// Runs the whole job on `files` with the default configuration.
  static func run(_ files: DropFiles) throws(RetierError) -> (
    result: RunResult, files: [OutputFile]
  ) {
    try RenderedRun.run(
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!, files: files,
        configuration: TestAccounts.configuration, configBytes: [], toolVersion: "hostile"))
  }

  @Test("no output path leaves the run folder, whatever the ids")
  func pathsStayInside() throws {
    let (result, files) = try Self.run(Self.drop())
    let memoNameBytes = Set(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-".utf8)
    for file in files {
      let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
      #expect(!file.path.hasPrefix("/"), "\(file.path)")
      #expect(!file.path.utf8.contains(0))
      #expect(components.allSatisfy { !["", ".", ".."].contains($0) }, "\(file.path)")
      // Account ids name files only under memos/; crm/ holds four fixed names.
      let fixedCRMNames = [
        CRMFiles.hubSpotPath, CRMFiles.salesforcePath, CRMFiles.tierFieldUpdatePath,
        CRMFiles.unassignedPath,
      ]
      #expect(
        components.count == 1 || fixedCRMNames.contains(file.path)
          || (components.count == 2 && components[0] == "memos"))
      // NAME_MAX on Linux and macOS.
      #expect(components.allSatisfy { $0.utf8.count <= 255 }, "\(file.path.prefix(100))")
      if components.count == 2, components[0] == "memos" {
        #expect(components[1].utf8.allSatisfy(memoNameBytes.contains), "\(file.path)")
        #expect(components[1].hasSuffix(".md"))
      }
    }
    let memos = files.filter { $0.path.hasPrefix("memos/") }
    #expect(memos.count == AccountMemo.memoRefs(result).count)
    #expect(memos.count >= 5)
    #expect(Set(memos.map { $0.path.lowercased() }).count == memos.count)
  }

  @Test("every CSV output re-reads with its rows intact and no cell starting a formula")
  func csvOutputsIntact() throws {
    let (result, files) = try Self.run(Self.drop())
    let expectedRows = [
      "tiers.csv": Set(Self.hostileIDs).count,
      "rejected.csv": result.book.rejections.count + result.tiering.ignoredOverrides.count,
      "movements.csv": result.movementCount,
      CRMFiles.tierFieldUpdatePath: result.movementCount,
    ]
    for file in files where file.path.hasSuffix(".csv") {
      let document = try CSVReader.parse(file.bytes)
      if let rows = expectedRows[file.path] {
        #expect(document.rowCount == rows, "\(file.path)")
      }
      for row in 0..<document.rowCount {
        #expect(document.fieldCount(ofRow: row) == document.header.count, "\(file.path) \(row)")
        for field in document.fields(ofRow: row) {
          #expect(!Self.startsFormula(field), "\(file.path) row \(row): \(field.prefix(40))")
        }
      }
    }
  }

  @Test("ids, names and owners round-trip through tiers.csv, formula cells carry the guard")
  func idsRoundTrip() throws {
    let (_, files) = try Self.run(Self.drop())
    let tiers = try CSVReader.parse(try #require(files.first { $0.path == "tiers.csv" }).bytes)
    var written: [String: (name: String, rawID: String)] = [:]
    for row in 0..<tiers.rowCount {
      let rawID = tiers.field(row: row, column: 0)
      written[CSVCell.removingFormulaGuard(rawID)] = (
        CSVCell.removingFormulaGuard(tiers.field(row: row, column: 1)), rawID
      )
    }
    // "'apostrophe" gets the guard too, so removing it gives the id back exactly.
    #expect(Set(written.keys) == Set(Self.hostileIDs))
    for (index, id) in Self.hostileIDs.enumerated() {
      let entry = try #require(written[id])
      #expect(entry.name == Self.hostileNames[index % Self.hostileNames.count], "\(id)")
      let isFormula = id.utf8.first.map(CSVCell.guardedFirstBytes.contains) ?? false
      #expect(entry.rawID == (isFormula ? "'" + id : id))
    }
  }

  @Test("a NUL byte in an id stops the run naming accounts.csv and its line")
  func nulInID() {
    let files = Self.drop(ids: ["ACC-1", "nul\0id", "ACC-3"])
    #expect(
      throws: RetierError.malformedCSV(file: "accounts.csv", error: .nulByte(line: 3, column: 4))
    ) {
      try Self.run(files)
    }
  }

  /// Whether a spreadsheet would evaluate `field`: it starts with a trigger and is not a plain
  /// number such as `-12.50`.
  static func startsFormula(_ field: String) -> Bool {
    guard let first = field.utf8.first, CSVCell.formulaTriggers.contains(first) else {
      return false
    }
    let digits = field.dropFirst()
    let isNumber =
      first == UInt8(ascii: "-") && !digits.isEmpty
      && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    return !isNumber
  }
}

extension RunResult {
  /// Valid accounts that moved or were placed for the first time (rows of `movements.csv`).
  fileprivate var movementCount: Int {
    ledger.refs.count { ledger.currentTier($0) != ledger.decisions.finalTier($0) }
  }
}
