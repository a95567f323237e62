/// Renders `rejected.csv`: every input row that was not used, with why (SPEC §6).
enum RejectedCSV {
  /// The header.
  static let header = ["file", "line", "account_id", "reason"]

  /// The file as pieces: one item per rejected row.
  static func piecewise(_ result: RunResult) -> PiecewiseFile {
    let overrides = result.tiering.ignoredOverrides.map {
      Rejection(
        file: DropFiles.Name.overrides, line: $0.row.line, accountID: $0.row.accountID,
        reason: "override ignored: \($0.reason)")
    }
    let rejections = (result.book.rejections + overrides).sorted()
    return PiecewiseFile(path: "rejected.csv", itemCount: rejections.count) { items in
      var writer = CSVWriter(
        header: header, startingFile: items.lowerBound == 0, byteCapacity: 96 * items.count)
      for rejection in rejections[items] {
        writer.appendRaw(rejection.file)
        writer.appendRaw(rejection.line)
        writer.appendText(rejection.accountID)
        writer.appendText(rejection.reason)
        writer.endRow()
      }
      return writer.bytes
    }
  }
}
