/// The rows of `accounts.csv` indexed by id: which rows share an id, which row each ARR line or
/// usage row belongs to, and the order of rows by id.
///
/// Ids are compared as Swift strings (canonical equivalence, see README). When every account id
/// is ASCII that is byte comparison, and the index sorts ``IDKey``s and joins by merging sorted
/// runs: every pass reads memory in order, and input that is already sorted by id (the usual
/// export) is never actually reordered. A line id that is not ASCII is then looked up by
/// string, as it can only match an ASCII id through canonical equivalence. When some account id
/// is not ASCII, everything goes through a `Dictionary<String, Int>`.
struct AccountIDIndex {
  /// Per row, the first row with the same id; -1 for an empty id.
  private(set) var firstRow: [Int]
  /// Every row of each repeated id, in file order, by its first row.
  private(set) var repeatedRows: [Int: [Int]] = [:]
  /// Per row, whether its id is repeated.
  private var isRepeated: [Bool]
  /// The rows with a non-empty id, ordered by id and then row; empty when ids are compared as
  /// strings.
  private var sorted: [Entry] = []
  /// Whether some account id is not ASCII, so that ids are compared as strings throughout.
  private var comparesStrings = false
  /// First rows by id string: the whole index when ids are compared as strings, otherwise built
  /// only once a line id that is not ASCII must be looked up.
  private var rowsByString: [String: Int]?

  /// Indexes `ids`, the account ids (in file order).
  init(_ ids: [String]) {
    let count = ids.count
    firstRow = [Int](repeating: -1, count: count)
    isRepeated = [Bool](repeating: false, count: count)
    var entries = Self.entries(count: count) { ids[$0] }
    var kept = 0
    for entry in entries where entry.key != .empty {
      guard entry.key != .notASCII else {
        indexByString(ids)
        return
      }
      entries[kept] = entry
      kept += 1
    }
    entries.removeLast(entries.count - kept)
    let id = { (row: Int) in ids[row] }
    Self.sort(&entries, leftID: id, rightID: id)
    var groupStart = 0
    for position in entries.indices {
      let row = Int(entries[position].index)
      if position > 0,
        Self.compare(entries[position - 1], entries[position], leftID: id, rightID: id) == 0
      {
        markRepeated(row, first: Int(entries[groupStart].index))
      } else {
        groupStart = position
        firstRow[row] = row
      }
    }
    sorted = entries
  }

  /// Whether the id of `row` occurs on more than one row.
  func isRepeated(_ row: Int) -> Bool { isRepeated[row] }

  /// For each of `count` lines (ARR lines, usage rows) whose account ids `id` gives, the first
  /// account row with an equal id, or -1 when there is none (or the id is empty).
  mutating func join(count: Int, ids: [String], id: @Sendable (Int) -> String) -> [Int32] {
    var result = [Int32](repeating: -1, count: count)
    if comparesStrings {
      let rows = stringIndex(ids)
      for line in 0..<count {
        result[line] = Int32(truncatingIfNeeded: rows[id(line)] ?? -1)
      }
      return result
    }
    var lines = Self.entries(count: count, id: id)
    var kept = 0
    for entry in lines where entry.key != .empty {
      guard entry.key != .notASCII else {
        let lineID = id(Int(entry.index))
        result[Int(entry.index)] = Int32(truncatingIfNeeded: stringIndex(ids)[lineID] ?? -1)
        continue
      }
      lines[kept] = entry
      kept += 1
    }
    lines.removeLast(lines.count - kept)
    let accountID = { (row: Int) in ids[row] }
    Self.sort(&lines, leftID: id, rightID: id)
    var cursor = 0
    for line in lines {
      while cursor < sorted.count,
        Self.compare(sorted[cursor], line, leftID: accountID, rightID: id) < 0
      {
        cursor += 1
      }
      guard cursor < sorted.count,
        Self.compare(sorted[cursor], line, leftID: accountID, rightID: id) == 0
      else { continue }
      // The cursor stops on the first row of an id: rows of one id are ordered by row.
      result[Int(line.index)] = sorted[cursor].index
    }
    return result
  }

  /// The rows for which `isIncluded` is true, ordered by id as `String` orders them; they must
  /// be first rows (distinct ids).
  func rowsInIDOrder(_ isIncluded: [Bool], ids: [String]) -> [Int] {
    guard !comparesStrings else {
      return isIncluded.indices.filter { isIncluded[$0] }.sorted {
        ids[$0] < ids[$1]
      }
    }
    return sorted.lazy.map { Int($0.index) }.filter { isIncluded[$0] }
  }

  /// Indexes every row by string, for ids that are not all ASCII.
  private mutating func indexByString(_ ids: [String]) {
    comparesStrings = true
    var rows: [String: Int] = [:]
    rows.reserveCapacity(ids.count)
    for row in ids.indices where !ids[row].isEmpty {
      if let first = rows[ids[row]] {
        markRepeated(row, first: first)
      } else {
        rows[ids[row]] = row
        firstRow[row] = row
      }
    }
    rowsByString = rows
  }

  /// Records that `row` repeats the id of `first`.
  private mutating func markRepeated(_ row: Int, first: Int) {
    firstRow[row] = first
    isRepeated[row] = true
    isRepeated[first] = true
    repeatedRows[first, default: [first]].append(row)
  }

  /// First rows by id string, built on first use when the index works on keys.
  private mutating func stringIndex(_ ids: [String]) -> [String: Int] {
    if let rowsByString { return rowsByString }
    var rows: [String: Int] = [:]
    for row in firstRow.indices where firstRow[row] == row {
      rows[ids[row]] = row
    }
    rowsByString = rows
    return rows
  }

  /// The entry of each of `count` ids, computed on every core; an empty id gets
  /// ``IDKey/empty`` and one that is not ASCII ``IDKey/notASCII``.
  private static func entries(count: Int, id: @Sendable (Int) -> String) -> [Entry] {
    Parallel.map(count, minimumChunk: 1 << 14) { index in
      let text = id(index)
      let key = text.isEmpty ? IDKey.empty : (IDKey(text) ?? .notASCII)
      return Entry(key: key, index: Int32(truncatingIfNeeded: index))
    }
  }

  /// Sorts entries by id, then index, in about one pass when they are nearly sorted already
  /// (the usual export, perhaps with a few rows appended out of place): a non-decreasing run is
  /// kept in place while entries that break it are set aside, and only those are sorted and
  /// merged back.
  private static func sort(
    _ entries: inout [Entry], leftID: (Int) -> String, rightID: (Int) -> String
  ) {
    func ordered(_ lhs: Entry, _ rhs: Entry) -> Bool {
      let order = compare(lhs, rhs, leftID: leftID, rightID: rightID)
      return order < 0 || (order == 0 && lhs.index < rhs.index)
    }
    var outliers: [Entry] = []
    var kept = 0
    do {
      var buffer = entries.mutableSpan
      for position in buffer.indices {
        let entry = buffer[position]
        // An entry below the run's end sets aside the run's larger entries (each entry is set
        // aside at most once), so one large stray entry costs one entry, not the rest.
        while kept > 0 && ordered(entry, buffer[kept - 1]) {
          kept -= 1
          outliers.append(buffer[kept])
        }
        buffer[kept] = entry
        kept += 1
      }
    }
    guard !outliers.isEmpty else { return }
    outliers.sort(by: ordered)
    // Merge from the back into the room the outliers left.
    var main = kept - 1
    var other = outliers.count - 1
    var write = entries.count - 1
    while other >= 0 {
      if main >= 0 && ordered(outliers[other], entries[main]) {
        entries[write] = entries[main]
        main -= 1
      } else {
        entries[write] = outliers[other]
        other -= 1
      }
      write -= 1
    }
  }

  /// Compares the ids of two entries: by key, and by full text when the keys tie but are not
  /// whole ids. `leftID` and `rightID` give the text of the left and right entry's index.
  @inline(__always)
  private static func compare(
    _ lhs: Entry, _ rhs: Entry, leftID: (Int) -> String, rightID: (Int) -> String
  ) -> Int {
    if lhs.key.high != rhs.key.high { return lhs.key.high < rhs.key.high ? -1 : 1 }
    if lhs.key.low != rhs.key.low { return lhs.key.low < rhs.key.low ? -1 : 1 }
    if lhs.key.isWhole && rhs.key.isWhole { return 0 }
    let left = leftID(Int(lhs.index))
    let right = rightID(Int(rhs.index))
    return left == right ? 0 : (left < right ? -1 : 1)
  }

  /// An id key with the index of its row or line, sorted on its own so that sorting never
  /// chases rows. Indices fit in 32 bits: four billion rows would not fit in memory.
  private struct Entry {
    var key: IDKey
    var index: Int32
  }
}
