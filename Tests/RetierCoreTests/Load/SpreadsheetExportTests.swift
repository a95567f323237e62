import Foundation
import Testing

@testable import RetierCore

/// What spreadsheets do to CSV files (SPEC §2): headers as people type them, other delimiters and
/// encodings, formatted money, blank leftover rows, and rows whose fields shifted.
@Suite("Spreadsheet exports")
struct SpreadsheetExportTests {
  private let accountsHeader =
    "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit\n"

  /// The error of reading `bytes` whole as a table named `t.csv` with a required `account_id`.
  private func tableError(_ bytes: [UInt8]) -> RetierError? {
    do {
      var table = try Table(file: "t.csv", bytes: bytes, required: ["account_id"], optional: [])
      _ = try table.forEachRow { _ in }
      return nil
    } catch {
      return error
    }
  }

  @Test(
    "headers match after trimming, lowercasing and turning runs of spaces, hyphens and dots into _",
    arguments: [
      "account_id", "Account ID", "account-id", " ACCOUNT_ID ", "Account.ID", "Account - ID",
      "\tAccount  Id\t", "ACCOUNT__ID",
    ])
  func headerNormalisation(header: String) throws {
    let bytes = Array("other,\"\(header)\"\nx,A-1\n".utf8)
    var table = try Table(file: "t.csv", bytes: bytes, required: ["account_id"], optional: [])
    #expect(table.column("account_id") == 1)
    var ids: [String] = []
    _ = try table.forEachRow { ids.append($0.trimmed(1)) }
    #expect(ids == ["A-1"])
  }

  @Test(
    "headers that differ in more than spacing, case and punctuation still do not match",
    arguments: ["accountid", "account id2", "id", "account_ids"])
  func headerMismatch(header: String) {
    #expect(
      tableError(Array("\(header),arr\n".utf8))
        == .missingColumn(file: "t.csv", column: "account_id", header: [header, "arr"]))
  }

  @Test("a missing column names the file, the column and the header found")
  func missingColumnMessage() {
    let error = RetierError.missingColumn(
      file: "accounts.csv", column: "customer_since", header: ["Account ID", "fit"])
    #expect(
      error.description
        == "accounts.csv: error: required column 'customer_since' is missing from the header "
        + "(found: 'Account ID', 'fit')")
    let wide = RetierError.missingColumn(
      file: "a.csv", column: "x", header: (1...25).map { "c\($0)" })
    #expect(wide.description.hasSuffix("'c20' and 5 more)"))
  }

  @Test(
    "a header with no comma but semicolons or tabs says how to save the file",
    arguments: [
      ("account_id;arr\nA;1\n", ";", 1, 11, "semicolon"),
      ("\"account_id\";\"arr\"\r\n\"A\";\"1\"\r\n", ";", 1, 13, "semicolon"),
      ("\u{FEFF}\nAccount ID\tARR\nA\t1\n", "\t", 2, 11, "tab"),
      ("é;x\n", ";", 1, 2, "semicolon"),
    ])
  func otherSeparator(text: String, separator: String, line: Int, column: Int, name: String) {
    let error = tableError(Array(text.utf8))
    #expect(
      error
        == .malformedCSV(
          file: "t.csv",
          error: .otherSeparator(separator.utf8.first!, line: line, column: column)))
    #expect(
      error?.description
        == "t.csv:\(line):\(column): error: looks \(name)-separated: save it as CSV (comma "
        + "delimited)")
  }

  @Test("a comma header with a semicolon in a name, or a one-column file, is not flagged")
  func commaHeaderNotFlagged() {
    #expect(tableError(Array("account_id,\"a;b\"\nA,1\n".utf8)) == nil)
    #expect(tableError(Array("account_id\nA;B\n".utf8)) == nil)
  }

  @Test("Windows-1252 bytes are not UTF-8: the message names the line and column and the fix")
  func windows1252() {
    // "Café" in Windows-1252: é is the single byte 0xE9.
    let bytes = Array("account_id,name\nA,Caf".utf8) + [0xE9] + Array("\n".utf8)
    let error = tableError(bytes)
    #expect(error == .malformedCSV(file: "t.csv", error: .invalidUTF8(line: 2, column: 6)))
    #expect(error?.description == "t.csv:2:6: error: not UTF-8: save it as CSV UTF-8")
  }

  @Test("a UTF-16 file (a spreadsheet's Unicode Text) says how to save it", arguments: [0, 1])
  func utf16(bigEndian: Int) {
    let bom: [UInt8] = bigEndian == 1 ? [0xFE, 0xFF] : [0xFF, 0xFE]
    let text = Array("account_id".utf16).flatMap { unit -> [UInt8] in
      let bytes = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      return bigEndian == 1 ? bytes.reversed() : bytes
    }
    let error = tableError(bom + text)
    #expect(error == .malformedCSV(file: "t.csv", error: .utf16))
    #expect(error?.description == "t.csv: error: UTF-16 text, not UTF-8: save it as CSV UTF-8")
  }

  @Test(
    "formatted money says how to write it, with its own value when that is unambiguous",
    arguments: [
      ("$1,234.50", "arr '$1,234.50' is not money: write 1234.50, not $1,234.50"),
      ("1.234,50 €", "arr '1.234,50 €' is not money: write 1234.50, not 1.234,50 €"),
      ("USD 12,000", "arr 'USD 12,000' is not money: write 12000, not USD 12,000"),
      ("-$1,234.5", "arr '-$1,234.5' is not money: write -1234.5, not -$1,234.5"),
      ("$-7", "arr '$-7' is not money: write -7, not $-7"),
      ("1 234 567,89", "arr '1 234 567,89' is not money: write 1234567.89, not 1 234 567,89"),
      ("1'234.50", "arr '1'234.50' is not money: write 1234.50, not 1'234.50"),
      ("12,5", "arr '12,5' is not money: write 12.5, not 12,5"),
      ("£10", "arr '£10' is not money: write 10, not £10"),
      (
        "$1,2345",
        "arr '$1,2345' is not money: write a plain number without currency sign or thousands "
          + "separators, e.g. 1234.50, not $1,234.50"
      ),
      (
        "$12.345",
        "arr '$12.345' is not money: write a plain number without currency sign or thousands "
          + "separators, e.g. 1234.50, not $1,234.50"
      ),
      ("12.345", "arr '12.345' is not money (plain decimal, ≤ 2 decimals)"),
      ("abc", "arr 'abc' is not money (plain decimal, ≤ 2 decimals)"),
      ("1e5", "arr '1e5' is not money (plain decimal, ≤ 2 decimals)"),
    ])
  func formattedMoney(text: String, expected: String) throws {
    let csv = "account_id,arr\nA,\"\(text)\"\n"
    let lines = try DropLoader.loadARR(Array(csv.utf8)).rows
    #expect(lines.map(\.problem) == [expected])
  }

  @Test("formatted counts and ceilings say how to write them too")
  func formattedCountsAndCeilings() throws {
    let usage =
      "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
      + "A,\"1,200\",5,5,\"1,000.5\"\n"
    let rows = try DropLoader.loadUsage(Array(usage.utf8)).rows
    #expect(
      rows[0].problems == [
        "licensed_seats '1,200' is not a non-negative integer: write 1200, not 1,200",
        "support_hours '1,000.5' is not a non-negative decimal (≤ 2 decimals): write 1000.5, "
          + "not 1,000.5",
      ])
    let accounts =
      "account_id,customer_since,strategic_fit,expansion_ceiling_arr\nA,2020-01-01,3,€90000\n"
    let loaded = try DropLoader.loadAccounts(Array(accounts.utf8), tierCount: 3)
    #expect(
      loaded.problems.map(\.problems) == [
        ["expansion_ceiling_arr '€90000' is not money: write 90000, not €90000"]
      ])
  }

  @Test(
    "SpreadsheetNumber.plain reads only unambiguous formats",
    arguments: [
      ("1,234", 0, "1234"), ("1,234", 2, "1234"), ("1.234.567", 0, "1234567"),
      ("1,234,567.8", 2, "1234567.8"), ("12,34", 2, "12.34"),
    ] as [(String, Int, String?)])
  func plain(text: String, digits: Int, expected: String?) {
    #expect(SpreadsheetNumber.plain(text, fractionDigits: digits) == expected)
  }

  @Test(
    "SpreadsheetNumber.plain refuses what could be read two ways or is not a number",
    arguments: [
      "1,23,456", "1,2345", "12", "12.5", ",5", "1.234,5.6", "$", "1,234 567", "12,345,6", "a,bc",
    ])
  func plainRefuses(text: String) {
    #expect(SpreadsheetNumber.plain(text, fractionDigits: 2) == nil)
  }

  @Test("rows whose every field is blank are skipped and counted, not rejected; lines stay true")
  func blankRows() throws {
    let drop = TestDrop(
      accounts: accountsHeader + ",,,,,\nA,Ay,,,2020-01-01,3\n , ,\t,,,\n\"\",,,,,\n"
        + "B,Bee,,,2020-01-01,bad\n,,,,,\n",
      arr: "account_id,arr\nA,10\n,\nB,1\n")
    let loaded = try DropLoader.load(drop.files, tierCount: 3)
    #expect(loaded.blankRowCounts == ["accounts.csv": 4, "arr.csv": 1])
    #expect(loaded.rowCounts["accounts.csv"] == 2)
    #expect(loaded.rowCounts["arr.csv"] == 2)
    #expect(loaded.accounts.map(\.line) == [3, 6])
    let book = try BookValidator.validate(
      loaded, maxRejectedShare: ExactDecimal(1), maxRejectedRowsFloor: 0)
    #expect(book.accountRowCount == 2)
    #expect(book.rejections.map(\.line) == [6])
  }

  @Test("blank rows are named in the load log line and in run.json, and only where there are any")
  func blankRowsReported() throws {
    var drop = TestDrop.simple(arrs: ["100", "200"])
    drop.accounts += ",,,,,\n,,,,,\n"
    var logged: [String] = []
    let result = try Retier.decide(drop.input()) { logged.append("\($0.phase) \($0.counts)") }
    #expect(
      logged.contains {
        $0.hasPrefix("load ") && $0.hasSuffix(" blank_rows_skipped=accounts.csv:2")
      })
    #expect(result.inputs.first { $0.name == "accounts.csv" }?.blankRows == 2)
    var manifest: [UInt8] = []
    _ = Retier.render(result) { (batch: [OutputFile]) in
      for file in batch where file.path == "run.json" { manifest += file.bytes }
    }
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(manifest)) as? [String: Any])
    let inputs = try #require(json["inputs"] as? [[String: Any]])
    let accounts = try #require(inputs.first { $0["file"] as? String == "accounts.csv" })
    #expect(accounts["blank_rows_skipped"] as? Int == 2)
    #expect(inputs.filter { $0["blank_rows_skipped"] != nil }.count == 1)
  }

  @Test("a row with the wrong number of fields gives its root cause only, not shifted symptoms")
  func misalignedRootCauseOnly() throws {
    let drop = TestDrop(
      accounts: accountsHeader + "X,Acme, Inc,,,2020-01-01,3\nY,Short,,2020-01-01\n",
      arr: "account_id,arr\nX,1\nY,1\n",
      usage: "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
        + "X,1,000,5,5,1\n",
      csms: "csm_id,name,email,tier,max_accounts,active\nc1,Ann, Lee,a@x,1,,true\n",
      overrides: "account_id,tier,reason,approved_by_sales,approved_by_cs,expires\n"
        + "X,1,big, bet,ann,bob,2026-12-01\n")
    var configuration = TestAccounts.configuration
    configuration.maxRejectedShare = ExactDecimal(1)
    let result = try Retier.decide(drop.input(configuration))
    let reasons = result.book.rejections.map { "\($0.file):\($0.line) \($0.reason)" }.sorted()
    let more = "(a comma inside an unquoted field? Quote the field)"
    #expect(
      reasons == [
        "accounts.csv:2 7 fields where the header has 6 \(more)",
        "accounts.csv:3 4 fields where the header has 6 (a field or its comma is missing?)",
        "csms.csv:2 csm 'c1': 7 fields where the header has 6 \(more)",
        "usage.csv:2 6 fields where the header has 5 \(more)",
      ])
    #expect(
      result.tiering.ignoredOverrides.map(\.reason) == ["7 fields where the header has 6 \(more)"])
  }
}
