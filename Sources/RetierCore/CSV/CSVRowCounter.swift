/// Counts the data rows of a CSV file as its bytes go by, in pieces of any size: records end at
/// a line feed outside quotes, and the first record is the header. The one definition of a
/// CSV output's `rows` in `run.json`: the writer counts what it writes with it, and the
/// verification of a run folder counts what it reads back with it.
package struct CSVRowCounter: Sendable {
  /// Line feeds outside quotes so far.
  private var lineFeeds = 0
  /// Whether the bytes so far end inside a quoted field.
  private var inQuotes = false
  /// Whether a record has started since the last line feed.
  private var recordOpen = false

  /// An empty count.
  package init() {}

  /// Counts `bytes`, the next piece of the file.
  package mutating func update(_ bytes: some Collection<UInt8>) {
    for byte in bytes {
      if byte == UInt8(ascii: "\"") {
        // A doubled quote inside a quoted field toggles twice: no net change.
        inQuotes.toggle()
        recordOpen = true
      } else if byte == UInt8(ascii: "\n"), !inQuotes {
        lineFeeds += 1
        recordOpen = false
      } else {
        recordOpen = true
      }
    }
  }

  /// The data rows: every record after the header (a last record without its line feed too).
  package var dataRows: Int { max(0, lineFeeds + (recordOpen ? 1 : 0) - 1) }

  /// Whether `path` names a CSV file, whose `rows` `run.json` records.
  package static func isCSV(_ path: String) -> Bool { path.hasSuffix(".csv") }
}
