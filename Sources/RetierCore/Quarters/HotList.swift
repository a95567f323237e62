/// The hot-account flags of `retier interim --hot FILE` (SPEC §7): a CSV of `account_id`,
/// `flagged_by` and `reason`. Every row is either a flag or a counted problem (an unknown id,
/// a repeated id, a blank field): none is dropped silently.
///
/// The file arrives in chunks and is read a piece of whole records at a time (``RecordPieces``,
/// each piece row by row with ``Table``), never whole: what is kept is the flags of valid
/// accounts (at most one per account of the book) and the first ``shownProblemLimit``
/// problems, so memory follows the book, not the file.
struct HotList: Sendable {
  /// One flagged account.
  struct Flag: Sendable, Hashable {
    /// `account_id`.
    var accountID: String
    /// `flagged_by`: who raised the flag.
    var flaggedBy: String
    /// `reason`: why.
    var reason: String
    /// The row's line in the file.
    var line: Int
  }

  /// The most problems listed one by one; the rest are counted in one closing line, so no
  /// message repeats a list that grows with the file.
  static let shownProblemLimit = 20

  /// The most unknown ids given the nearest ids: each suggestion compares the id with every id
  /// of the book (about 2 s at a million accounts), as `retier explain` does for its one id.
  static let suggestedIDLimit = 3

  /// The flags to re-score, in file order: the first row of each known id.
  var flags: [Flag]
  /// The rows not re-scored, with why, in file order: the first ``shownProblemLimit`` and, when
  /// there were more, one line counting the rest.
  var problems: [Diagnostic]
  /// The rows not re-scored, all of them.
  var skippedRowCount: Int
  /// The data rows of the file.
  var rowCount: Int
  /// The SHA-256 of the file's bytes, lowercase hex.
  var sha256: String

  /// Reads `bytes` (named `path` in messages) as one chunk; see
  /// ``init(chunks:path:isKnown:nearest:)``.
  init(
    _ bytes: [UInt8], path: String, isKnown: (String) -> Bool, nearest: (String) -> [String]
  ) throws(RetierError) {
    var chunks = [bytes][...]
    try self.init(
      chunks: { () throws(RetierError) in chunks.popFirst() }, path: path, isKnown: isKnown,
      nearest: nearest)
  }

  /// Reads the file named `path` in messages from `chunks` (its bytes in order, any sizes,
  /// `nil` at the end); `isKnown` says whether an id is a valid account of the drop, and
  /// `nearest` gives the ids to suggest for one that is not (asked only for the problems
  /// listed). A file that is not CSV or lacks a column is an error, as is a chunk that cannot
  /// be read (`chunks` throws).
  init(
    chunks: () throws(RetierError) -> [UInt8]?, path: String, isKnown: (String) -> Bool,
    nearest: (String) -> [String]
  ) throws(RetierError) {
    var flags: [Flag] = []
    var problems: [Diagnostic] = []
    var skipped = 0
    var rows = 0
    // Only valid accounts are remembered, so a file of a million unknown ids costs nothing.
    var firstLine: [String: Int] = [:]
    var suggested = 0
    var hasher = SHA256()
    var pieces = RecordPieces()
    var reader = PieceReader(path: path)
    func read(_ piece: [UInt8]) throws(RetierError) {
      rows += try reader.forEachRow(of: piece) { line, fields, misalignment in
        // Past the listed ones a problem is only counted: its message is not even built.
        let listed = problems.count < Self.shownProblemLimit
        func problem(_ message: String) {
          skipped += 1
          if listed {
            problems.append(Diagnostic(.warning, file: path, line: line, message: message))
          }
        }
        if let misalignment {
          problem(misalignment + "; not re-scored")
          return
        }
        let id = fields[0]
        guard !id.isEmpty else {
          problem("account_id is empty")
          return
        }
        guard isKnown(id) else {
          let suggest = listed && suggested < Self.suggestedIDLimit
          if suggest { suggested += 1 }
          problem(listed ? Self.unknown(id, suggestions: suggest ? nearest(id) : []) : "")
          return
        }
        if let first = firstLine[id] {
          problem("account \(id) is flagged again (first on line \(first)); re-scored once")
          return
        }
        firstLine[id] = line
        guard !fields[1].isEmpty, !fields[2].isEmpty else {
          problem(
            "account \(id) has no \(fields[1].isEmpty ? "flagged_by" : "reason"); not re-scored")
          return
        }
        flags.append(Flag(accountID: id, flaggedBy: fields[1], reason: fields[2], line: line))
      }
    }
    while let chunk = try chunks() {
      hasher.update(chunk)
      if let piece = pieces.add(chunk) { try read(piece) }
    }
    if let piece = pieces.finish() { try read(piece) }
    try reader.finish()
    let unlisted = skipped - problems.count
    if unlisted > 0 {
      problems.append(
        Diagnostic(
          .warning, file: path, line: nil,
          message: "\(unlisted) more rows not re-scored, not listed one by one"))
    }
    self.flags = flags
    self.problems = problems
    self.skippedRowCount = skipped
    self.rowCount = rows
    self.sha256 = hasher.finalizeHex()
  }

  /// The message for an id that is not a valid account, with the nearest ids when there are
  /// some (as `retier explain` suggests them).
  private static func unknown(_ id: String, suggestions: [String]) -> String {
    "account \(id) is not a valid account of the drop placed by the completed run; "
      + "not re-scored"
      + (suggestions.isEmpty ? "" : " (nearest ids: \(suggestions.joined(separator: ", ")))")
  }

  /// A key for each `account_id` the rows of the file in `chunks` name, before it is known
  /// which are valid accounts: a superset of the flags' ids, kept as hashes (a few bytes each,
  /// whatever the ids) so that a file of a million unknown ids does not cost a million strings;
  /// a collision only lets an id of another account through, which the flags then leave out.
  /// Empty when the file cannot be read, which reading it as flags then reports.
  static func candidateKeys(_ chunks: () throws(RetierError) -> [UInt8]?) -> Set<Int> {
    var keys: Set<Int> = []
    var pieces = RecordPieces()
    var reader = PieceReader(path: "")
    do throws(RetierError) {
      while let chunk = try chunks() {
        if let piece = pieces.add(chunk) {
          _ = try reader.forEachRow(of: piece) { _, fields, _ in
            if let id = fields.first { keys.insert(id.hashValue) }
          }
        }
      }
      if let piece = pieces.finish() {
        _ = try reader.forEachRow(of: piece) { _, fields, _ in
          if let id = fields.first { keys.insert(id.hashValue) }
        }
      }
    } catch {
      return []
    }
    return keys
  }
}

/// Cuts a file arriving in chunks of any size into pieces that end on a record boundary: a line
/// feed outside quotes (a doubled quote inside a quoted field toggles twice). What follows the
/// last boundary waits for the next chunk.
struct RecordPieces {
  /// The bytes after the last boundary handed out.
  private var pending: [UInt8] = []
  /// Whether the end of `pending` is inside quotes.
  private var inQuotes = false

  /// Adds `chunk`; returns the whole records now complete, `nil` when none is.
  mutating func add(_ chunk: [UInt8]) -> [UInt8]? {
    var quoted = inQuotes
    var lastBoundary: Int?
    for (offset, byte) in chunk.enumerated() {
      if byte == UInt8(ascii: "\"") {
        quoted.toggle()
      } else if byte == UInt8(ascii: "\n"), !quoted {
        lastBoundary = offset
      }
    }
    inQuotes = quoted
    guard let lastBoundary else {
      pending += chunk
      return nil
    }
    let piece = pending + chunk[...lastBoundary]
    pending = Array(chunk[(lastBoundary + 1)...])
    return piece
  }

  /// The bytes after the last boundary (a last line without a line feed), `nil` when none.
  mutating func finish() -> [UInt8]? {
    defer { pending = [] }
    return pending.isEmpty ? nil : pending
  }
}

/// Reads pieces of whole records (``RecordPieces``) of one flag file row by row: the first
/// piece holds the header, which is put before every later piece so that ``Table`` reads it
/// the same way, and each row is given its line in the whole file.
private struct PieceReader {
  /// The file's name in messages.
  let path: String
  /// The header's bytes, line end included, once the first piece is read.
  private var header: [UInt8]?
  /// The physical lines the header spans.
  private var headerLines = 0
  /// The physical lines of the pieces read so far.
  private var linesRead = 0

  /// Prepares to read the file named `path`.
  init(path: String) { self.path = path }

  /// Calls `body` with the line and the trimmed `account_id`, `flagged_by` and `reason` of each
  /// data row of `piece`, or, for a row without the header's number of fields, no fields and
  /// the problem; returns the rows, blank ones included.
  mutating func forEachRow(
    of piece: [UInt8], _ body: (Int, [String], String?) -> Void
  ) throws(RetierError) -> Int {
    let offset: Int
    let bytes: [UInt8]
    if let header {
      // The piece's first line is the file's `linesRead + 1`; in `bytes` it is `headerLines + 1`.
      offset = linesRead - headerLines
      bytes = header + piece
    } else {
      let end = Self.headerEnd(piece)
      header = Array(piece[..<end])
      headerLines = Self.physicalLines(piece[..<end])
      offset = 0
      bytes = piece
    }
    linesRead += Self.physicalLines(piece[...])
    var table: Table
    do throws(RetierError) {
      table = try Table(
        file: path, bytes: bytes, required: ["account_id", "flagged_by", "reason"], optional: [])
    } catch {
      throw Self.shifted(error, by: offset)
    }
    let columns = ["account_id", "flagged_by", "reason"].map { table.column($0) }
    let rows: Int
    do throws(RetierError) {
      rows = try table.forEachRow { row in
        if row.isAligned {
          body(row.line + offset, columns.map { row.trimmed($0) }, nil)
        } else {
          body(row.line + offset, [], row.alignmentProblem)
        }
      }
    } catch {
      throw Self.shifted(error, by: offset)
    }
    return rows + table.blankRowCount
  }

  /// Throws when no piece was read: an empty file has no header.
  func finish() throws(RetierError) {
    guard header == nil else { return }
    throw .malformedCSV(file: path, error: .empty)
  }

  /// The end of the header: just after the first line feed outside quotes, or the whole piece.
  private static func headerEnd(_ piece: [UInt8]) -> Int {
    var quoted = false
    for (offset, byte) in piece.enumerated() {
      if byte == UInt8(ascii: "\"") {
        quoted.toggle()
      } else if byte == UInt8(ascii: "\n"), !quoted {
        return offset + 1
      }
    }
    return piece.count
  }

  /// The physical lines `bytes` ends (LF, CRLF and a lone CR each end one, as the scanner
  /// counts them).
  private static func physicalLines(_ bytes: ArraySlice<UInt8>) -> Int {
    var lines = 0
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        lines += 1
      } else if byte == UInt8(ascii: "\r") {
        let next = bytes.index(after: index)
        if next == bytes.endIndex || bytes[next] != UInt8(ascii: "\n") { lines += 1 }
      }
      index = bytes.index(after: index)
    }
    return lines
  }

  /// `error` with its line moved by `offset` (a later piece's lines into the file's).
  private static func shifted(_ error: RetierError, by offset: Int) -> RetierError {
    guard offset != 0, case .malformedCSV(let file, let problem) = error else { return error }
    let moved: CSVError =
      switch problem {
      case .unterminatedQuote(let line, let column):
        .unterminatedQuote(line: line + offset, column: column)
      case .unexpectedQuote(let line, let column):
        .unexpectedQuote(line: line + offset, column: column)
      case .unexpectedCharacterAfterQuote(let line, let column):
        .unexpectedCharacterAfterQuote(line: line + offset, column: column)
      case .invalidUTF8(let line, let column): .invalidUTF8(line: line + offset, column: column)
      case .nulByte(let line, let column): .nulByte(line: line + offset, column: column)
      case .otherSeparator, .empty, .utf16: problem
      }
    return .malformedCSV(file: file, error: moved)
  }
}
