import RetierTestSupport
import Testing

@testable import RetierCore

/// The reader on every rule of SPEC §2, its errors, its limits and random input.
@Suite("CSVReader")
struct CSVReaderTests {
  /// Each well-formed case yields exactly its header, rows and row lines.
  @Test("parses well-formed input", arguments: CSVParseCase.wellFormed)
  func parsesWellFormedInput(_ testCase: CSVParseCase) throws {
    let document = try CSVReader.parse(testCase.input)
    #expect(document.header == testCase.header)
    #expect(ParsedTable(document).rows == testCase.rows)
    #expect(ParsedTable(document).lines == testCase.lines)
  }

  /// Zero bytes, a lone BOM or only empty lines have no header row.
  @Test(
    "an input without a header row is empty",
    arguments: [
      [], [0xEF, 0xBB, 0xBF], Array("\n".utf8), Array("\r\n\r\n".utf8), Array("\r\r".utf8),
      [0xEF, 0xBB, 0xBF, 0x0A, 0x0A],
    ] as [[UInt8]]
  )
  func rejectsInputWithoutHeader(_ input: [UInt8]) {
    #expect(throws: CSVError.empty) { try CSVReader.parse(input) }
  }

  /// Each malformed case raises exactly its error, with line and column.
  @Test("reports each malformed input with its exact position", arguments: CSVErrorCase.all)
  func reportsErrorPosition(_ testCase: CSVErrorCase) {
    #expect(throws: testCase.error) { try CSVReader.parse(testCase.input) }
  }

  /// Errors carry a position and a distinct one-line message.
  @Test("errors expose line, column and a one-line message")
  func errorDescription() {
    let error = CSVError.unterminatedQuote(line: 3, column: 7)
    #expect(error.line == 3)
    #expect(error.column == 7)
    #expect(error.message == "unterminated quoted field starting here")
    #expect(error.description == "line 3, column 7: unterminated quoted field starting here")
    #expect(CSVError.empty.line == nil)
    #expect(CSVError.empty.column == nil)
    #expect(CSVError.empty.description == CSVError.empty.message)
    let all: [CSVError] = [
      .empty, .unterminatedQuote(line: 1, column: 1), .unexpectedQuote(line: 1, column: 1),
      .unexpectedCharacterAfterQuote(line: 1, column: 1), .invalidUTF8(line: 1, column: 1),
      .nulByte(line: 1, column: 1),
    ]
    #expect(Set(all.map(\.message)).count == all.count)
    #expect(all.allSatisfy { !$0.description.contains("\n") })
  }

  /// Header lookup folds ASCII case, trims spaces and tabs, takes the first match.
  @Test(
    "columns are found by name, ignoring ASCII case and surrounding spaces and tabs",
    arguments: [
      ("account_id", 0), ("ACCOUNT_ID", 0), ("  Account_Id\t", 0), ("arr", 1), ("Arr", 1),
      ("owner id", 2), ("tier", 3), ("unknown", nil), ("", nil), ("account", nil),
      ("café", 4), ("CAFÉ", nil),
    ] as [(String, Int?)]
  )
  func findsColumnByName(_ name: String, _ expected: Int?) throws {
    let document = try CSVReader.parse(
      Array("Account_ID, ARR ,\tOwner ID\t,tier,café,TIER\n".utf8))
    #expect(document.columnIndex(named: name) == expected)
  }

  /// The header keeps its spaces; only the BOM goes.
  @Test("the header is kept as written")
  func keepsHeaderAsWritten() throws {
    let document = try CSVReader.parse(Array("\u{FEFF} Account_ID ,\"a,b\"\n".utf8))
    #expect(document.header == [" Account_ID ", "a,b"])
  }

  /// Short rows read as empty past their end instead of trapping.
  @Test("fields beyond the end of a row read as empty")
  func missingFieldsAreEmpty() throws {
    let document = try CSVReader.parse(Array("a,b,c\n1\n,x\n".utf8))
    try #require(document.rowCount == 2)
    #expect(document.fieldCount(ofRow: 0) == 1)
    #expect(document.field(row: 0, column: 0) == "1")
    #expect(document.field(row: 0, column: 2) == "")
    #expect(document.field(row: 1, column: 0) == "")
    #expect(document.field(row: 0, column: 5) == "")
    #expect(document.field(row: 1, column: 1) == "x")
  }

  /// A 1 MB field is neither truncated nor slow to read.
  @Test("a 1 MB field is read whole, quoted or not")
  func readsMegabyteField() throws {
    let plain = String(repeating: "x", count: 1_000_000)
    let quoted = String(repeating: "a,\"\n", count: 250_000)
    let escaped = String(repeating: "a,\"\"\n", count: 250_000)
    let input = "h1,h2\n\(plain),\"\(escaped)\"\nend,\"\(escaped)\""
    let document = try CSVReader.parse(Array(input.utf8))
    try #require(document.rowCount == 2)
    #expect(document.field(row: 0, column: 0) == plain)
    #expect(document.field(row: 0, column: 1) == quoted)
    #expect(document.field(row: 1, column: 1) == quoted)
    // Row 0 spans line 2 and the 250,000 line breaks inside its quoted field.
    #expect(document.line(ofRow: 1) == 250_003)
  }

  /// Wide files work: 10,000 columns.
  @Test("10,000 columns are read")
  func readsTenThousandColumns() throws {
    let count = 10_000
    let header = (0..<count).map { "c\($0)" }.joined(separator: ",")
    let row = (0..<count).map(String.init).joined(separator: ",")
    let document = try CSVReader.parse(Array("\(header)\n\(row)\n\(row)".utf8))
    #expect(document.header.count == count)
    try #require(document.rowCount == 2)
    #expect(document.fieldCount(ofRow: 1) == count)
    #expect(document.columnIndex(named: "C9999") == 9_999)
    #expect(document.fields(ofRow: 1) == (0..<count).map(String.init))
  }

  /// Differential fuzzing against `ReferenceCSV`, then a writer round trip of every success.
  @Test("random and mutated inputs match a reference parser and survive a round trip")
  func fuzz() throws {
    var random = SplitMix64(seed: 0x5EED_C5F0)
    for caseIndex in 0..<600 {
      let input = FuzzInput.make(kind: caseIndex % 3, random: &random)
      let expected = ReferenceCSV.parse(input)
      let actual = Result { () throws(CSVError) in ParsedTable(try CSVReader.parse(input)) }
      #expect(actual == expected, "case \(caseIndex): \(input)")
      guard case .success(let table) = actual else { continue }
      // Re-serialise: the header goes through the formula guard, data rows as raw cells.
      var writer = CSVWriter(header: table.header)
      for row in table.rows {
        writer.appendRow(row.map(CSVCell.raw))
      }
      let reread = try ParsedTable(CSVReader.parse(writer.bytes))
      #expect(reread.header == table.header.map(neutralised), "case \(caseIndex): \(input)")
      #expect(reread.rows == table.rows, "case \(caseIndex): \(input)")
    }
  }

  /// Long plain fields put every special byte at every offset of the eight-byte scan.
  @Test("fields of every length and alignment match the reference parser")
  func longFieldsMatchReference() {
    var random = SplitMix64(seed: 0xA11_6E)
    let plain = Array("abcXYZ019-._~".utf8)
    let special: [[UInt8]] = [
      Array(",".utf8), Array("\n".utf8), Array("\r\n".utf8), Array(" ".utf8), Array("\"".utf8),
      Array("é".utf8), Array("😀".utf8), [0xFF], [0x00], [0xE2, 0x82], Array("&".utf8),
    ]
    for caseIndex in 0..<400 {
      var input = Array("h\n".utf8)
      for _ in 0..<random.below(6) {
        for _ in 0..<random.below(40) { input.append(random.pick(plain)) }
        if random.chance(90) { input += random.pick(special) }
      }
      let expected = ReferenceCSV.parse(input)
      let actual = Result { () throws(CSVError) in ParsedTable(try CSVReader.parse(input)) }
      #expect(actual == expected, "case \(caseIndex): \(input)")
    }
  }

  /// The capacity estimate never falls below the records of LF, CRLF or CR files.
  @Test(
    "the record count estimate bounds the rows of each line-end convention",
    arguments: ["\n", "\r\n", "\r"])
  func recordCountEstimate(_ lineEnd: String) throws {
    var random = SplitMix64(seed: 5)
    for rows in [0, 1, 7, 8, 9, 100] {
      var text = "a,b" + lineEnd
      for row in 0..<rows {
        text += String(repeating: "x", count: random.below(20)) + ",\(row)"
        if row < rows - 1 || random.chance(50) { text += lineEnd }
      }
      let bytes = Array(text.utf8)
      let estimate = bytes.withUnsafeBufferPointer { CSVRecordScanner.recordCountEstimate($0) }
      let records = try CSVReader.parse(bytes).rowCount + 1
      #expect(estimate >= records)
      #expect(estimate <= records + 1)
    }
  }

  /// Random tables written as raw cells read back unchanged.
  @Test("writer output always reads back as the rows written")
  func writtenRowsReadBack() throws {
    var random = SplitMix64(seed: 42)
    for caseIndex in 0..<200 {
      let (header, rows) = FuzzInput.randomParsedTable(random: &random)
      var writer = CSVWriter(header: header)
      for row in rows {
        writer.appendRow(row.map(CSVCell.raw))
      }
      let table = try ParsedTable(CSVReader.parse(writer.bytes))
      #expect(table.header == header.map(neutralised), "case \(caseIndex)")
      #expect(table.rows == rows.map { $0.isEmpty ? [""] : $0 }, "case \(caseIndex)")
    }
  }
}

/// A header cell after the writer's formula guard, computed independently of `CSVCell`: the
/// formula triggers and the guard's own `'` get a leading `'`.
private func neutralised(_ text: String) -> String {
  guard let first = text.unicodeScalars.first, "=+-@\t\r'".unicodeScalars.contains(first) else {
    return text
  }
  return "'" + text
}

/// A parse result flattened to strings, comparable with the reference parser's.
private struct ParsedTable: Equatable {
  var header: [String]
  var rows: [[String]]
  var lines: [Int]

  /// A table from its parts.
  init(header: [String], rows: [[String]], lines: [Int]) {
    self.header = header
    self.rows = rows
    self.lines = lines
  }

  /// The content of a parsed document.
  init(_ document: CSVDocument) {
    header = document.header
    rows = (0..<document.rowCount).map(document.fields(ofRow:))
    lines = (0..<document.rowCount).map(document.line(ofRow:))
  }
}

/// One well-formed input and what it must parse to.
struct CSVParseCase: Sendable, CustomTestStringConvertible {
  /// The case's name in test output.
  let testDescription: String
  /// The bytes to parse.
  let input: [UInt8]
  /// The header they must yield.
  let header: [String]
  /// The data rows they must yield.
  let rows: [[String]]
  /// The physical line on which each data row starts.
  let lines: [Int]

  /// A case whose input is the UTF-8 of a string.
  init(_ name: String, _ input: String, _ header: [String], _ rows: [[String]], lines: [Int]) {
    self.init(name, Array(input.utf8), header, rows, lines: lines)
  }

  /// A case with raw input bytes.
  init(_ name: String, _ input: [UInt8], _ header: [String], _ rows: [[String]], lines: [Int]) {
    testDescription = name
    self.input = input
    self.header = header
    self.rows = rows
    self.lines = lines
  }

  /// Every rule of SPEC §2 and the documented choices (lone CR, blank lines, ragged rows).
  static let wellFormed: [CSVParseCase] = [
    CSVParseCase(
      "LF line ends", "a,b\n1,2\n3,4\n", ["a", "b"], [["1", "2"], ["3", "4"]], lines: [2, 3]),
    CSVParseCase(
      "CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n", ["a", "b"], [["1", "2"], ["3", "4"]],
      lines: [2, 3]),
    CSVParseCase(
      "lone CR line ends", "a,b\r1,2\r3,4", ["a", "b"], [["1", "2"], ["3", "4"]], lines: [2, 3]),
    CSVParseCase("no trailing line end", "a,b\n1,2", ["a", "b"], [["1", "2"]], lines: [2]),
    CSVParseCase("header only", "a,b\n", ["a", "b"], [], lines: []),
    CSVParseCase("header only, no line end", "a", ["a"], [], lines: []),
    CSVParseCase(
      "byte order mark", [0xEF, 0xBB, 0xBF] + Array("id\n1\n".utf8), ["id"], [["1"]], lines: [2]),
    CSVParseCase(
      "BOM is only skipped at the start", "id\n\u{FEFF}1\n", ["id"], [["\u{FEFF}1"]], lines: [2]),
    CSVParseCase("quoted commas", "a,b\n\"x, y\",z\n", ["a", "b"], [["x, y", "z"]], lines: [2]),
    CSVParseCase(
      "doubled quotes", "a\n\"say \"\"hi\"\"\"\n\"\"\"\"\n", ["a"], [["say \"hi\""], ["\""]],
      lines: [2, 3]),
    CSVParseCase(
      "LF inside quotes", "a,b\n\"1\n2\",3\n4,5\n", ["a", "b"], [["1\n2", "3"], ["4", "5"]],
      lines: [2, 4]),
    CSVParseCase(
      "CRLF inside quotes kept", "a,b\r\n\"1\r\n2\",3\r\n4,5", ["a", "b"],
      [["1\r\n2", "3"], ["4", "5"]], lines: [2, 4]),
    CSVParseCase(
      "lone CR inside quotes kept", "a\n\"1\r2\"\nx", ["a"], [["1\r2"], ["x"]], lines: [2, 4]),
    CSVParseCase(
      "quoted header", "\"a,1\",\"b\"\"\"\nx,y", ["a,1", "b\""], [["x", "y"]], lines: [2]),
    CSVParseCase("empty fields", "a,b,c\n,,\n", ["a", "b", "c"], [["", "", ""]], lines: [2]),
    CSVParseCase("comma at end of input", "a,b\nx,", ["a", "b"], [["x", ""]], lines: [2]),
    CSVParseCase("quoted empty field is a row", "a\n\"\"\n", ["a"], [[""]], lines: [2]),
    CSVParseCase("quoted field at end of input", "a\n\"x,y\"", ["a"], [["x,y"]], lines: [2]),
    CSVParseCase(
      "spaces are data", " a , b \n 1 ,\t2\n", [" a ", " b "], [[" 1 ", "\t2"]], lines: [2]),
    CSVParseCase(
      "ragged rows", "a,b\n1\n1,2,3\n", ["a", "b"], [["1"], ["1", "2", "3"]], lines: [2, 3]),
    CSVParseCase("non-ASCII text", "名前,€\nÉcole,😀\n", ["名前", "€"], [["École", "😀"]], lines: [2]),
    CSVParseCase(
      "blank lines skipped but counted", "\n\na,b\n\n1,2\r\n\r\n\r3,4\n\n", ["a", "b"],
      [["1", "2"], ["3", "4"]], lines: [5, 8]),
    CSVParseCase("line of spaces is a row", "a\n \n", ["a"], [[" "]], lines: [2]),
  ]
}

/// One malformed input and the exact error it must raise.
struct CSVErrorCase: Sendable, CustomTestStringConvertible {
  /// The case's name in test output.
  let testDescription: String
  /// The bytes to parse.
  let input: [UInt8]
  /// The error they must raise.
  let error: CSVError

  /// A case whose input is the UTF-8 of a string.
  init(_ name: String, _ input: String, _ error: CSVError) {
    self.init(name, Array(input.utf8), error)
  }

  /// A case with raw input bytes.
  init(_ name: String, _ input: [UInt8], _ error: CSVError) {
    testDescription = name
    self.input = input
    self.error = error
  }

  /// Every error kind, with positions after BOMs, CRLFs, multi-line fields and non-ASCII text.
  static let all: [CSVErrorCase] = [
    CSVErrorCase("unterminated quote", "a\n\"abc", .unterminatedQuote(line: 2, column: 1)),
    CSVErrorCase(
      "unterminated quote over lines", "a,b\n1,\"x\ny\n", .unterminatedQuote(line: 2, column: 3)),
    CSVErrorCase("unterminated quote in header", "a,\"b", .unterminatedQuote(line: 1, column: 3)),
    CSVErrorCase("lone quote", "a\n\"", .unterminatedQuote(line: 2, column: 1)),
    CSVErrorCase("quote inside unquoted field", "a\nab\"c\n", .unexpectedQuote(line: 2, column: 3)),
    CSVErrorCase("quote after a space", "a,b\n1, \"2\"\n", .unexpectedQuote(line: 2, column: 4)),
    CSVErrorCase("columns count scalars", "a\né€😀\"\n", .unexpectedQuote(line: 2, column: 4)),
    CSVErrorCase("columns after a BOM", "\u{FEFF}ab\"", .unexpectedQuote(line: 1, column: 3)),
    CSVErrorCase("lines count CRLF once", "a\r\n\r\nb\"", .unexpectedQuote(line: 3, column: 2)),
    CSVErrorCase(
      "text after closing quote", "a\n\"ab\"c\n", .unexpectedCharacterAfterQuote(line: 2, column: 5)
    ),
    CSVErrorCase(
      "space after closing quote", "a,b\n\"1\" ,2",
      .unexpectedCharacterAfterQuote(line: 2, column: 4)),
    CSVErrorCase(
      "text after a multi-line quoted field", "a\n\"x\r\nyé\"z",
      .unexpectedCharacterAfterQuote(line: 3, column: 4)),
    CSVErrorCase("invalid byte", [0x61, 0x0A, 0x62, 0xFF], .invalidUTF8(line: 2, column: 2)),
    CSVErrorCase("stray continuation byte", [0x61, 0x0A, 0x80], .invalidUTF8(line: 2, column: 1)),
    CSVErrorCase("overlong encoding", [0x61, 0x0A, 0xC0, 0x80], .invalidUTF8(line: 2, column: 1)),
    CSVErrorCase(
      "overlong 3-byte encoding", [0x61, 0x0A, 0xE0, 0x80, 0x80], .invalidUTF8(line: 2, column: 1)),
    CSVErrorCase("surrogate", [0x61, 0x0A, 0xED, 0xA0, 0x80], .invalidUTF8(line: 2, column: 1)),
    CSVErrorCase(
      "above U+10FFFF", [0x61, 0x0A, 0xF4, 0x90, 0x80, 0x80], .invalidUTF8(line: 2, column: 1)),
    CSVErrorCase(
      "cut off at end of input", [0x61, 0x0A, 0x78, 0xE2, 0x82], .invalidUTF8(line: 2, column: 2)),
    CSVErrorCase(
      "cut off before a comma", [0x61, 0x0A, 0xE2, 0x2C, 0x61], .invalidUTF8(line: 2, column: 1)),
    CSVErrorCase(
      "invalid inside quotes", [0x61, 0x0A, 0x22, 0x0A, 0xC3, 0xA9, 0xC3, 0x22],
      .invalidUTF8(line: 3, column: 2)),
    CSVErrorCase("invalid in header", [0x61, 0x2C, 0xFE], .invalidUTF8(line: 1, column: 3)),
    CSVErrorCase("NUL in unquoted field", [0x61, 0x0A, 0x62, 0x00], .nulByte(line: 2, column: 2)),
    CSVErrorCase(
      "NUL in quoted field", [0x61, 0x0A, 0x22, 0x00, 0x22], .nulByte(line: 2, column: 2)),
    CSVErrorCase("NUL in header", [0x00], .nulByte(line: 1, column: 1)),
    CSVErrorCase(
      "invalid byte after closing quote", [0x61, 0x0A, 0x22, 0x22, 0xFF],
      .invalidUTF8(line: 2, column: 3)),
    CSVErrorCase(
      "NUL after closing quote", [0x61, 0x0A, 0x22, 0x22, 0x00], .nulByte(line: 2, column: 3)),
    CSVErrorCase(
      "first problem wins", [0x61, 0x0A, 0x00, 0x22, 0xFF], .nulByte(line: 2, column: 1)),
  ]
}

/// Fuzz inputs: random CSV-flavoured tokens, mutated writer output, and plain writer output.
private enum FuzzInput {
  /// Byte strings that exercise every branch of the reader, weighted towards structure.
  static let tokens: [[UInt8]] =
    [
      ",", ",", "\"", "\"", "\"\"", "\n", "\r", "\r\n", "a", "b", "xyz", " ", "\t", "=", "'",
      "é", "€", "😀", "\u{FEFF}", "-1.5",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80]]

  /// Kind 0: random tokens; kind 1: writer output with a few byte mutations; kind 2: writer
  /// output as is.
  static func make(kind: Int, random: inout SplitMix64) -> [UInt8] {
    switch kind {
    case 0:
      var bytes: [UInt8] = random.below(8) == 0 ? [0xEF, 0xBB, 0xBF] : []
      for _ in 0..<random.below(60) {
        bytes += random.pick(tokens)
      }
      return bytes
    default:
      let (header, rows) = randomParsedTable(random: &random)
      var writer = CSVWriter(header: header)
      for row in rows {
        writer.appendRow(row.map(CSVCell.raw))
      }
      var bytes = writer.bytes
      if kind == 2 {
        return bytes
      }
      for _ in 0..<(1 + random.below(4)) {
        let position = random.below(bytes.count + 1)
        switch random.below(4) {
        case 0 where position < bytes.count:
          bytes[position] = UInt8(truncatingIfNeeded: random.next())
        case 1 where position < bytes.count:
          bytes.remove(at: position)
        case 2:
          bytes.insert(contentsOf: random.pick(tokens), at: position)
        default:
          bytes = Array(bytes[..<position])
        }
      }
      return bytes
    }
  }

  /// A small table of random cells (including empty rows and awkward characters).
  static func randomParsedTable(random: inout SplitMix64) -> (header: [String], rows: [[String]]) {
    let pieces = [
      "a", "B", ",", "\"", "\n", "\r", "\r\n", " ", "=", "-", "@", "\t", "é", "😀", "\u{FEFF}",
    ]
    func cell() -> String {
      (0..<random.below(5)).map { _ in random.pick(pieces) }.joined()
    }
    let header = (0..<(1 + random.below(4))).map { _ in cell() }
    let rows = (0..<random.below(6)).map { _ in (0..<random.below(5)).map { _ in cell() } }
    return (header, rows)
  }
}

/// A deliberately simple, slow CSV reader written independently of `CSVRecordScanner`, used as
/// the oracle for the fuzz test: same rules, different method (stdlib UTF-8 decoding, positions
/// recomputed from scratch).
private enum ReferenceCSV {
  /// What `CSVReader.parse` must return for `input`.
  static func parse(_ input: [UInt8]) -> Result<ParsedTable, CSVError> {
    let body = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
    let structure = structuralParse(body)
    // Whichever problem comes first in the byte stream wins.
    var problems: [(offset: Int, error: CSVError)] = []
    if let offset = firstInvalidUTF8(body) {
      let (line, column) = position(of: offset, in: body)
      problems.append((offset, .invalidUTF8(line: line, column: column)))
    }
    if let offset = body.firstIndex(of: 0) {
      let (line, column) = position(of: offset, in: body)
      problems.append((offset, .nulByte(line: line, column: column)))
    }
    if case .failure(let failure) = structure {
      problems.append((failure.offset, failure.error))
    }
    if let first = problems.min(by: { $0.offset < $1.offset }) {
      return .failure(first.error)
    }
    guard case .success(let records) = structure, let header = records.first else {
      return .failure(.empty)
    }
    let text = { (field: [UInt8]) in String(decoding: field, as: UTF8.self) }
    return .success(
      ParsedTable(
        header: header.fields.map(text),
        rows: records.dropFirst().map { $0.fields.map(text) },
        lines: records.dropFirst().map { position(of: $0.offset, in: body).line }
      ))
  }

  private struct Failure: Error {
    let offset: Int
    let error: CSVError
  }

  private static func isLineEnd(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  private static func structuralParse(
    _ body: [UInt8]
  ) -> Result<[(offset: Int, fields: [[UInt8]])], Failure> {
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    var records: [(offset: Int, fields: [[UInt8]])] = []
    var index = 0
    func skipLineEnd() {
      if body[index] == UInt8(ascii: "\r"), index + 1 < body.count, body[index + 1] == 0x0A {
        index += 1
      }
      index += 1
    }
    while index < body.count {
      if isLineEnd(body[index]) {
        skipLineEnd()
        continue
      }
      let recordStart = index
      var fields: [[UInt8]] = []
      while true {
        var field: [UInt8] = []
        if index < body.count, body[index] == quote {
          let opening = index
          index += 1
          while true {
            guard index < body.count else {
              let (line, column) = position(of: opening, in: body)
              return .failure(
                Failure(offset: body.count, error: .unterminatedQuote(line: line, column: column))
              )
            }
            if body[index] == quote {
              if index + 1 < body.count, body[index + 1] == quote {
                field.append(quote)
                index += 2
                continue
              }
              index += 1
              break
            }
            field.append(body[index])
            index += 1
          }
          if index < body.count, body[index] != comma, !isLineEnd(body[index]) {
            let (line, column) = position(of: index, in: body)
            return .failure(
              Failure(
                offset: index, error: .unexpectedCharacterAfterQuote(line: line, column: column)))
          }
        } else {
          while index < body.count, body[index] != comma, !isLineEnd(body[index]) {
            if body[index] == quote {
              let (line, column) = position(of: index, in: body)
              return .failure(
                Failure(offset: index, error: .unexpectedQuote(line: line, column: column)))
            }
            field.append(body[index])
            index += 1
          }
        }
        fields.append(field)
        if index < body.count, body[index] == comma {
          index += 1
          continue
        }
        if index < body.count {
          skipLineEnd()
        }
        break
      }
      records.append((recordStart, fields))
    }
    return .success(records)
  }

  /// The offset of the first byte that does not start a well-formed scalar, by the stdlib decoder.
  private static func firstInvalidUTF8(_ body: [UInt8]) -> Int? {
    var iterator = body.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar):
        offset += scalar.count
      case .error:
        return offset
      case .emptyInput:
        return nil
      }
    }
  }

  /// 1-based line and scalar column of `offset`, counted from the start of `body`.
  private static func position(of offset: Int, in body: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    var index = 0
    while index < offset {
      if body[index] == UInt8(ascii: "\r"), index + 1 < offset, body[index + 1] == 0x0A {
        index += 1
      }
      if isLineEnd(body[index]) {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    let scalars = body[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
    return (line, scalars + 1)
  }
}
