/// Renders `movements.csv`: every valid account that moved or is placed for the first time,
/// with the one-line `why_moved` for the CRM, sorted by account id (SPEC §6).
enum MovementsCSV {
  /// The header, in the spec's column order.
  static let header = [
    "account_id", "account_name", "from_tier", "to_tier", "direction", "why_moved",
  ]

  /// The file as pieces: one item per moved or newly placed account.
  static func piecewise(_ result: RunResult, lookups: RunLookups) -> PiecewiseFile {
    let ledger = result.ledger
    // The book is in account id order already.
    let listed = ledger.refs.compactMap { ref in
      lookups.direction(of: ref).map { (ref, $0) }
    }
    return PiecewiseFile(path: "movements.csv", itemCount: listed.count) { items in
      let decisions = result.ledger.decisions
      var writer = CSVWriter(
        header: header, startingFile: items.lowerBound == 0, byteCapacity: 160 * items.count)
      // One sentence buffer for every row; the CSV writer quotes it as a text cell.
      var sentence = TextBuffer(capacity: 512)
      for (ref, direction) in listed[items] {
        sentence.removeAll()
        WhyMoved(lookups).writeSentence(for: ref, to: &sentence)
        writer.appendText(ledger.id(ref))
        writer.appendText(ledger.name(ref))
        writer.appendRaw(ledger.currentTier(ref))
        writer.appendRaw(decisions.finalTier(ref))
        writer.appendRaw(direction.rawValue)
        writer.appendText(utf8: sentence.bytes)
        writer.endRow()
      }
      return writer.bytes
    }
  }
}
