import Foundation
import RetierTestSupport
import Testing

@testable import RetierCore

/// The whole load step (`Retier.decide` and `Retier.render`: `DropLoader.load`, `BookValidator.validate` and rendering)
/// on random and mutated bytes in one file of a generated drop: the run either stops with a
/// ``RetierError`` that names that file, or finishes with outputs that account for every row.
/// No input may crash, hang or silently lose rows.
@Suite("Load step on random and mutated bytes")
struct LoadFuzzTests {
  /// A configuration that never aborts on the error budget, so every readable drop renders.
  static let configuration: Configuration = {
    var configuration = Configuration()
    configuration.maxRejectedShare = ExactDecimal(1)
    return configuration
  }()

  /// The required columns of each file, as `DropLoader` asks for them.
  static let requiredColumns: [String: [String]] = [
    DropFiles.Name.accounts: ["account_id", "customer_since", "strategic_fit"],
    DropFiles.Name.arr: ["account_id", "arr"],
    DropFiles.Name.usage: ["account_id"],
    DropFiles.Name.csms: ["csm_id", "tier"],
    DropFiles.Name.overrides: [
      "account_id", "tier", "reason", "approved_by_sales", "approved_by_cs", "expires",
    ],
  ]

  /// Every file name of a drop, in a fixed order.
  static let fileNames = DropFiles.Name.required + DropFiles.Name.optional

  /// One way to damage a file.
  enum Mutation: CaseIterable, CustomTestStringConvertible, Sendable {
    case randomBytes, truncated, strayQuote, nulByte, invalidUTF8, flippedByte, empty
    case headerOnly, missingRequiredColumn, unchanged

    /// The case name, as test output shows it.
    var testDescription: String { "\(self)" }
  }

  /// The cases: seed → file and mutation (CI-sized, every mutation on every file).
  static let seeds: [UInt64] = Array(1...250)

  @Test(
    "random and mutated bytes give a clear error naming the file, or every row", arguments: seeds)
  func mutatedFile(seed: UInt64) throws {
    var random = SplitMix64(seed: seed &* 0x5851_F42D)
    let drop = GeneratedDrop(seed: seed).files()
    let file = Self.fileNames[Int(seed) % Self.fileNames.count]
    let mutation = Mutation.allCases[Int(seed / 5) % Mutation.allCases.count]
    var bytes = Self.bytes(of: file, in: drop)
    var removedColumn: String?
    switch mutation {
    case .randomBytes:
      // CSV-shaped noise: separators, quotes, line ends, NUL and stray UTF-8 lead bytes.
      let alphabet = Array("ab1,\"\n\r ".utf8) + [0, 0xFF, 0xC3, 0xA9, 0xE2]
      bytes = (0..<random.below(300)).map { _ in random.pick(alphabet) }
    case .truncated:
      bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
    case .strayQuote:
      bytes.insert(UInt8(ascii: "\""), at: random.below(bytes.count + 1))
    case .nulByte:
      bytes.insert(0, at: random.below(bytes.count + 1))
    case .invalidUTF8:
      bytes.insert(random.pick([0xFF, 0xC0, 0x80, 0xED]), at: random.below(bytes.count + 1))
    case .flippedByte:
      let index = random.below(bytes.count)
      bytes[index] ^= UInt8(1 << random.below(8))
    case .empty:
      bytes = []
    case .headerOnly:
      bytes = Array(bytes.prefix { $0 != UInt8(ascii: "\n") }) + [UInt8(ascii: "\n")]
    case .missingRequiredColumn:
      let column = random.pick(Self.requiredColumns[file]!)
      removedColumn = column
      bytes = try Self.removingColumn(column, from: bytes)
    case .unchanged:
      break
    }
    let outcome = Self.run(Self.replacing(file, with: bytes, in: drop))

    switch mutation {
    case .nulByte, .invalidUTF8, .empty:
      guard case .failure(.malformedCSV(let named, _)) = outcome else {
        Issue.record("\(mutation) in \(file) must be malformed CSV, got \(outcome)")
        return
      }
      #expect(named == file)
    case .missingRequiredColumn:
      guard case .failure(.missingColumn(let named, let column, _)) = outcome else {
        Issue.record("\(mutation) in \(file) must be a missing column, got \(outcome)")
        return
      }
      #expect(named == file && column == removedColumn)
    case .headerOnly where file == DropFiles.Name.accounts:
      guard case .failure(.incompleteBook(DropFiles.Name.accounts, _, [])) = outcome else {
        Issue.record("a header-only accounts.csv must be refused, got \(outcome)")
        return
      }
    case .headerOnly, .unchanged:
      #expect(outcome.error == nil, "\(mutation) \(file): \(String(describing: outcome.error))")
    case .randomBytes, .truncated, .strayQuote, .flippedByte:
      break
    }
    try Self.check(outcome, file: file, drop: Self.replacing(file, with: bytes, in: drop))
  }

  /// A 1 MB field and 10,000 columns in each file: read whole, every row kept.
  @Test(
    "a 1 MB field or 10,000 columns in any file keep every row",
    arguments: fileNames, [true, false])
  func hugeInput(file: String, megabyteField: Bool) throws {
    let drop = GeneratedDrop(seed: 42).files()
    let document = try CSVReader.parse(Self.bytes(of: file, in: drop))
    var rows = [document.header] + (0..<document.rowCount).map { document.fields(ofRow: $0) }
    if megabyteField {
      // The last column of the first data row (or the header when there is none).
      let row = rows.count > 1 ? 1 : 0
      rows[row][rows[row].count - 1] = String(repeating: "x", count: 1_000_000)
    } else {
      let extra = 10_000 - rows[0].count
      rows[0] += (0..<extra).map { "extra_\($0)" }
      for index in rows.indices.dropFirst() {
        rows[index] += Array(repeating: "", count: extra)
      }
    }
    var writer = CSVWriter(header: rows[0])
    for row in rows.dropFirst() { writer.appendRow(row.map(CSVCell.raw)) }
    let mutated = Self.replacing(file, with: writer.bytes, in: drop)
    let outcome = Self.run(mutated)
    #expect(outcome.error == nil, "\(String(describing: outcome.error))")
    let result = try #require(outcome.success)
    #expect(result.result.book.rowCounts[file] == document.rowCount)
    try Self.check(outcome, file: file, drop: mutated)
  }

  // MARK: - Checks

  /// The run's outcome: the result and files, or the fatal error.
  typealias Outcome = Result<(result: RunResult, files: [OutputFile]), RetierError>

  /// Runs the whole job on `files`.
  static func run(_ files: DropFiles) -> Outcome {
    Result { () throws(RetierError) in
      try RenderedRun.run(
        RunInput(
          quarter: FiscalQuarter(label: "2026-Q3")!, files: files, configuration: configuration,
          configBytes: [], toolVersion: "fuzz"))
    }
  }

  /// An error must be a CSV or header problem of the damaged file, with the file in its message;
  /// a success must count, list and render every row of every file.
  static func check(_ outcome: Outcome, file: String, drop: DropFiles) throws {
    switch outcome {
    case .failure(let error):
      switch error {
      case .malformedCSV(let named, _), .missingColumn(let named, _, _):
        #expect(named == file, "\(error)")
      case .incompleteBook:
        // A damaged accounts.csv that lost rows: no rows left, or the lines of the other files
        // name accounts it no longer holds.
        #expect(file == DropFiles.Name.accounts, "\(error)")
        #expect(error.lines.allSatisfy { !$0.contains("\n") })
        return
      default:
        Issue.record("unexpected error for damaged \(file): \(error)")
      }
      #expect(error.description.hasPrefix(file), "message must name the file: \(error)")
      #expect(!error.description.contains("\n"))
    case .success(let (result, files)):
      try checkEveryRowAccountedFor(result, files: files, drop: drop)
    }
  }

  /// Row counts in `Book` and `run.json` equal the CSV row counts; every account row is valid or
  /// rejected; `tiers.csv` and `rejected.csv` re-read with one row per account id and rejection.
  static func checkEveryRowAccountedFor(
    _ result: RunResult, files: [OutputFile], drop: DropFiles
  ) throws {
    let book = result.book
    var csvRows: [String: Int] = [:]
    for (name, bytes) in drop.namedFiles {
      csvRows[name] = Self.nonBlankRows(try CSVReader.parse(bytes)).count
    }
    #expect(book.rowCounts == csvRows)
    let manifestBytes = try #require(files.first { $0.path == "run.json" }).bytes
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(manifestBytes)) as? [String: Any])
    let inputs = try #require(manifest["inputs"] as? [[String: Any]])
    var manifestRows: [String: Int] = [:]
    for input in inputs {
      manifestRows[try #require(input["file"] as? String)] = try #require(input["rows"] as? Int)
    }
    #expect(manifestRows == csvRows)

    let accounts = try CSVReader.parse(drop.accounts)
    #expect(book.accountRowCount == Self.nonBlankRows(accounts).count)
    let idColumn = try #require(accounts.columnIndex(named: "account_id"))
    var ids: Set<String> = []
    let validIDs = Set(book.ledger.accounts.map(\.id))
    let rejectedLines = Set(
      book.rejections.filter { $0.file == DropFiles.Name.accounts }.map(\.line))
    for row in Self.nonBlankRows(accounts) {
      let id = String(accounts.field(row: row, column: idColumn).trimmingSpaces)
      if !id.isEmpty { ids.insert(id) }
      let line = accounts.line(ofRow: row)
      #expect(
        validIDs.contains(id) || rejectedLines.contains(line)
          || book.rejections.contains { !id.isEmpty && $0.accountID == id },
        "accounts.csv line \(line) is neither valid nor rejected")
    }
    let tiers = try CSVReader.parse(try #require(files.first { $0.path == "tiers.csv" }).bytes)
    #expect(tiers.rowCount == ids.count)
    #expect(
      Set(
        (0..<tiers.rowCount).map { CSVCell.removingFormulaGuard(tiers.field(row: $0, column: 0)) })
        == ids)
    let rejected = try CSVReader.parse(
      try #require(files.first { $0.path == "rejected.csv" }).bytes)
    #expect(rejected.rowCount == book.rejections.count + result.tiering.ignoredOverrides.count)
  }

  /// The data rows of `document` that hold something: the loader skips rows whose every field
  /// is empty or spaces (spreadsheet leftovers).
  static func nonBlankRows(_ document: CSVDocument) -> [Int] {
    (0..<document.rowCount).filter { row in
      document.fields(ofRow: row).contains { !$0.trimmingSpaces.isEmpty }
    }
  }

  // MARK: - Building drops

  /// The bytes of file `name` in `drop` (an absent `overrides.csv` reads as no bytes).
  static func bytes(of name: String, in drop: DropFiles) -> [UInt8] {
    switch name {
    case DropFiles.Name.accounts: drop.accounts
    case DropFiles.Name.arr: drop.arr
    case DropFiles.Name.usage: drop.usage
    case DropFiles.Name.csms: drop.csms
    default: drop.overrides ?? []
    }
  }

  /// `drop` with file `name` replaced by `bytes`.
  static func replacing(_ name: String, with bytes: [UInt8], in drop: DropFiles) -> DropFiles {
    var drop = drop
    switch name {
    case DropFiles.Name.accounts: drop.accounts = bytes
    case DropFiles.Name.arr: drop.arr = bytes
    case DropFiles.Name.usage: drop.usage = bytes
    case DropFiles.Name.csms: drop.csms = bytes
    default: drop.overrides = bytes
    }
    return drop
  }

  /// The file rewritten without `column`.
  static func removingColumn(_ column: String, from bytes: [UInt8]) throws -> [UInt8] {
    let document = try CSVReader.parse(bytes)
    let index = try #require(document.columnIndex(named: column))
    var header = document.header
    header.remove(at: index)
    var writer = CSVWriter(header: header)
    for row in 0..<document.rowCount {
      var fields = document.fields(ofRow: row)
      if index < fields.count { fields.remove(at: index) }
      writer.appendRow(fields.map(CSVCell.raw))
    }
    return writer.bytes
  }
}

extension Result {
  /// The success value, if any.
  fileprivate var success: Success? {
    if case .success(let value) = self { return value }
    return nil
  }

  /// The failure, if any.
  fileprivate var error: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
