/// Renders `rejected.csv`: every input row that was not used, with why (SPEC §6).
enum RejectedCSV {
  /// The header.
  static let header = ["file", "line", "account_id", "reason"]

  /// The file as pieces: one item per rejected row. The book's rejections and the ignored
  /// overrides are each already in ``Rejection`` order (account id, file, line); they are merged
  /// by position, so an ignored override costs no row of its own here.
  static func piecewise(_ result: RunResult) -> PiecewiseFile {
    let book = result.book.rejections.sorted()
    let ignored = result.tiering.ignoredOverrides
    let order = mergedOrder(book, ignored)
    return PiecewiseFile(path: "rejected.csv", itemCount: order.count) { items in
      var writer = CSVWriter(
        header: header, startingFile: items.lowerBound == 0, byteCapacity: 96 * items.count)
      for item in order[items] {
        let rejection = item >= 0 ? book[item] : rejection(ignored[-1 - item])
        writer.appendRaw(rejection.file)
        writer.appendRaw(rejection.line)
        writer.appendText(rejection.accountID)
        writer.appendText(rejection.reason)
        writer.endRow()
      }
      return writer.bytes
    }
  }

  /// An ignored override as the row of rejected.csv it makes.
  private static func rejection(_ ignored: IgnoredOverride) -> Rejection {
    Rejection(
      file: DropFiles.Name.overrides, line: ignored.row.line, accountID: ignored.row.accountID,
      reason: "override ignored: \(ignored.reason)")
  }

  /// The rows of rejected.csv in order, each a position: `i` for `book[i]`, `-1 - i` for
  /// `ignored[i]`.
  private static func mergedOrder(_ book: [Rejection], _ ignored: IgnoredOverrides) -> [Int] {
    var order: [Int] = []
    order.reserveCapacity(book.count + ignored.count)
    var next = (book: 0, ignored: 0)
    while next.book < book.count || next.ignored < ignored.count {
      let takesBook =
        next.ignored == ignored.count
        || (next.book < book.count && book[next.book] < rejection(ignored[next.ignored]))
      if takesBook {
        order.append(next.book)
        next.book += 1
      } else {
        order.append(-1 - next.ignored)
        next.ignored += 1
      }
    }
    return order
  }
}
