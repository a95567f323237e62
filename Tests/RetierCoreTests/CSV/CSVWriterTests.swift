import RetierTestSupport
import Testing

@testable import RetierCore

/// The writer: quoting, the formula guard of SPEC §6, and reading back what it wrote.
@Suite("CSVWriter")
struct CSVWriterTests {
  /// Quoting follows the four trigger bytes and nothing else.
  @Test(
    "quotes a field exactly when it holds a comma, quote, CR or LF",
    arguments: [
      ("plain", "plain"), ("two words", "two words"), (" padded ", " padded "), ("", ""),
      ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("\"", "\"\"\"\""),
      ("line\nbreak", "\"line\nbreak\""), ("cr\rx", "\"cr\rx\""), ("crlf\r\nx", "\"crlf\r\nx\""),
      ("tab\tinside", "tab\tinside"), ("École 😀", "École 😀"), ("it's", "it's"),
    ]
  )
  func quotesWhenNeeded(_ field: String, _ written: String) {
    var writer = CSVWriter(header: ["h"])
    writer.appendRow([.raw(field), .raw("x")])
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "h\n\(written),x\n")
  }

  /// Each formula prefix is defused, and quoting still applies after it.
  @Test(
    "text cells that start like a formula get a leading apostrophe",
    arguments: [
      ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1", "'+1"), ("-12.50", "'-12.50"),
      ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("\r\nx", "\"'\r\nx\""),
      ("=A1,B1", "\"'=A1,B1\""), ("=\"x\"", "\"'=\"\"x\"\"\""), ("=", "'="),
    ]
  )
  func neutralisesFormulaPrefixes(_ text: String, _ written: String) {
    var writer = CSVWriter(header: ["h"])
    writer.appendRow([.text(text), .text("x")])
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "h\n\(written),x\n")
  }

  /// Formula characters later in the text, or other first characters, change nothing.
  @Test(
    "text cells that do not start like a formula are unchanged",
    arguments: ["a=b", "1+1", "x-y", "mail@example.com", " =padded", "12.50", ""]
  )
  func leavesOtherTextAlone(_ text: String) {
    #expect(CSVCell.text(text).content == text)
  }

  /// Reading back a guarded text cell gives the original text.
  @Test(
    "the formula guard can be removed again",
    arguments: [
      "=SUM(A1)", "+1", "-12.50", "@x", "\tx", "\rx", "\r\nx", "plain", "", "'", "'a", "=", "é",
      "'=X1", "''", "''=x",
    ]
  )
  func removesFormulaGuard(_ text: String) {
    #expect(CSVCell.removingFormulaGuard(CSVCell.text(text).content) == text)
  }

  /// The guard escapes itself: a text starting with `'` gets one more, so no two texts are
  /// written alike (`=X1` and `'=X1` were both `'=X1` once).
  @Test("the guard is unambiguous: distinct texts are written distinctly, over generated texts")
  func guardIsInjective() {
    var random = SplitMix64(seed: 19)
    let alphabet = ["'", "=", "+", "-", "@", "\t", "\r", "a", "1", " "]
    var written: [String: String] = [:]
    for _ in 0..<5_000 {
      let text = (0..<random.below(5)).map { _ in random.pick(alphabet) }.joined()
      let content = CSVCell.text(text).content
      #expect(written[content, default: text] == text, "\(text) and \(written[content]!)")
      written[content] = text
      #expect(CSVCell.removingFormulaGuard(content) == text)
    }
    #expect(CSVCell.text("=X1").content == "'=X1")
    #expect(CSVCell.text("'=X1").content == "''=X1")
    #expect(CSVCell.text("'quoted").content == "''quoted")
  }

  /// Raw cells such as negative amounts are not touched.
  @Test(
    "raw cells are written as given",
    arguments: ["-12.50", "+44", "=1", "@x", "\tx", "2026-10-14", "0"]
  )
  func writesRawCellsAsGiven(_ value: String) {
    var writer = CSVWriter(header: ["h"])
    writer.appendRow([.raw(value), .raw("x")])
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "h\n\(value),x\n")
    #expect(CSVCell.raw(value).content == value)
  }

  /// Header cells go through the formula guard.
  @Test("header cells are written as text")
  func neutralisesHeader() {
    let writer = CSVWriter(header: ["account_id", "-note", "a,b"])
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "account_id,'-note,\"a,b\"\n")
  }

  /// A literal cell is text, so it is guarded by default.
  @Test("a string literal is a text cell")
  func stringLiteralIsText() {
    let cell: CSVCell = "=x"
    #expect(cell == .text("=x"))
    #expect(cell.content == "'=x")
  }

  /// Rows end with LF and need not match the header width.
  @Test("every row ends with LF, rows may be ragged")
  func writesRows() {
    var writer = CSVWriter(header: ["a", "b"])
    writer.appendRow(["1", .raw("2")])
    writer.appendRow(["only"])
    writer.appendRow(["1", "2", "3"])
    writer.appendRow([.raw(""), .raw("")])
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "a,b\n1,2\nonly\n1,2,3\n,\n")
  }

  /// An empty row does not vanish on reading.
  @Test(
    "a row that would be an empty line is written as a quoted empty field",
    arguments: [[], [.raw("")], [.text("")]] as [[CSVCell]]
  )
  func writesEmptyRowAsQuotedEmptyField(_ cells: [CSVCell]) throws {
    var writer = CSVWriter(header: ["a"])
    writer.appendRow(cells)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "a\n\"\"\n")
    let document = try CSVReader.parse(writer.bytes)
    try #require(document.rowCount == 1)
    #expect(document.fields(ofRow: 0) == [""])
  }

  /// A leading U+FEFF in the first header cell is not taken for a BOM.
  @Test("a first header cell starting with a byte order mark is quoted so it survives")
  func quotesLeadingByteOrderMark() throws {
    var writer = CSVWriter(header: ["\u{FEFF}id", "\u{FEFF}x"])
    writer.appendRow([.raw("\u{FEFF}1")])
    #expect(
      String(decoding: writer.bytes, as: UTF8.self) == "\"\u{FEFF}id\",\u{FEFF}x\n\u{FEFF}1\n")
    let document = try CSVReader.parse(writer.bytes)
    #expect(document.header == ["\u{FEFF}id", "\u{FEFF}x"])
    try #require(document.rowCount == 1)
    #expect(document.fields(ofRow: 0) == ["\u{FEFF}1"])
  }

  /// Awkward values survive writing and reading.
  @Test("what the writer writes, the reader reads back")
  func roundTrips() throws {
    let rows: [[String]] = [
      ["ACME-1", "Acme, Inc.", "-12.50", "say \"hi\"", "multi\nline\r\nvalue", "cr\ronly"],
      ["", " ", "\"", ",", "École 😀", "=1+1"],
      ["short"],
    ]
    var writer = CSVWriter(header: ["id", "name", "arr", "quote", "note", "other"])
    for row in rows {
      writer.appendRow(row.map(CSVCell.raw))
    }
    writer.appendRow(["=HYPERLINK(\"x\")", "-1", "ok"])
    let document = try CSVReader.parse(writer.bytes)
    #expect(document.header == ["id", "name", "arr", "quote", "note", "other"])
    try #require(document.rowCount == 4)
    for (index, row) in rows.enumerated() {
      #expect(document.fields(ofRow: index) == row)
    }
    #expect(document.fields(ofRow: 3) == ["'=HYPERLINK(\"x\")", "'-1", "ok"])
  }

  /// Field by field gives the very bytes of whole rows, quoting and formula guard included.
  @Test("a row written field by field equals the same row written whole")
  func fieldByFieldEqualsWholeRow() {
    let rows: [[CSVCell]] = [
      [.text("ACC-1"), .text("Acme, Inc."), .raw("-12.50"), .text("=1+1"), .raw("")],
      [.text("say \"hi\""), .raw("multi\nline"), .text("-x"), .text("")],
      [.raw("")], [.text("")], [],
    ]
    var whole = CSVWriter(header: ["a", "b"])
    var fields = CSVWriter(header: ["a", "b"])
    for row in rows {
      whole.appendRow(row)
      for cell in row {
        switch cell {
        case .text(let text): fields.appendText(text)
        case .raw(let raw): fields.appendRaw(raw)
        }
      }
      fields.endRow()
    }
    #expect(fields.bytes == whole.bytes)
  }

  /// Plain fields are copied as they are and the others take the quoting path; the same text
  /// gives the same bytes whether it comes as a string or as UTF-8 bytes. (A byte order mark is
  /// quoted only in the header's first cell, see above.)
  @Test(
    "text as a string and as UTF-8 bytes is written alike",
    arguments: [
      ("ACC-1", "ACC-1"), ("", "\"\""), ("a,b", "\"a,b\""), ("=1", "'=1"), ("-x,y", "\"'-x,y\""),
      ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""), ("é", "é"),
      ("\u{FFFD}x", "\u{FFFD}x"), ("\u{FEFF}x", "\u{FEFF}x"),
    ])
  func textAsStringOrBytes(_ text: String, _ written: String) {
    var fromString = CSVWriter(header: [], startingFile: false, byteCapacity: 0)
    var fromBytes = CSVWriter(header: [], startingFile: false, byteCapacity: 0)
    fromString.appendText(text)
    fromBytes.appendText(utf8: Array(text.utf8))
    fromString.endRow()
    fromBytes.endRow()
    #expect(fromBytes.bytes == fromString.bytes)
    #expect(String(decoding: fromString.bytes, as: UTF8.self) == written + "\n")
  }

  /// Numbers are formatted straight into the file, raw (a negative amount gets no apostrophe).
  @Test("numbers, money, decimals and blanks are raw fields")
  func typedRawFields() {
    var writer = CSVWriter(header: ["h"])
    writer.appendRaw(-42)
    writer.appendRaw(nil as Int?)
    writer.appendRaw(3 as Int?)
    writer.appendRaw(Money(cents: -123_450))
    writer.appendRaw(ExactDecimal(millionths: 12_500_000))
    writer.appendEmptyFields(2)
    writer.appendText(utf8: Array("-note, with comma".utf8))
    writer.endRow()
    #expect(
      String(decoding: writer.bytes, as: UTF8.self)
        == "h\n-42,,3,-1234.50,12.5,,,\"'-note, with comma\"\n")
  }

  /// A row of one empty field must not become an empty line, whichever way it was written.
  @Test("a single empty typed field is still written as a quoted empty field")
  func singleEmptyTypedField() throws {
    var writer = CSVWriter(header: ["a"])
    writer.appendRaw(nil as Int?)
    writer.endRow()
    writer.appendEmptyFields(1)
    writer.endRow()
    writer.appendText(utf8: [])
    writer.endRow()
    writer.appendEmptyFields(2)
    writer.endRow()
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "a\n\"\"\n\"\"\n\"\"\n,\n")
  }

  /// A piece that continues a file writes its rows exactly as the whole file has them: no
  /// header, and a leading byte order mark is quoted only at the very start of the file.
  @Test("a piece after the first writes rows as the whole file does", arguments: [true, false])
  func continuingPiece(startingFile: Bool) {
    var piece = CSVWriter(header: ["id"], startingFile: startingFile, byteCapacity: 16)
    piece.appendText("\u{FEFF}x")
    piece.endRow()
    var whole = CSVWriter(header: ["id"])
    whole.appendText("\u{FEFF}x")
    whole.endRow()
    let rows = Array(whole.bytes.dropFirst(3))
    #expect(piece.bytes == (startingFile ? whole.bytes : rows))
    var bomFirst = CSVWriter(header: ["\u{FEFF}id"], startingFile: true, byteCapacity: 16)
    bomFirst.endRow()
    #expect(bomFirst.bytes.starts(with: Array("\"\u{FEFF}id\"".utf8)))
  }
}
