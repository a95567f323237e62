/// Renders `rejected.csv`: every input row that was not used, with why (SPEC §6).
package enum RejectedCSV {
  /// The header.
  package static let header = ["file", "line", "account_id", "reason"]

  /// The file's bytes: account, ARR, usage and roster rows, then ignored overrides.
  package static func render(_ result: RunResult) -> [UInt8] {
    var writer = CSVWriter(header: header)
    let overrides = result.tiering.ignoredOverrides.map {
      Rejection(
        file: DropFiles.Name.overrides, line: $0.row.line, accountID: $0.row.accountID,
        reason: "override ignored: \($0.reason)")
    }
    for rejection in (result.book.rejections + overrides).sorted() {
      writer.appendRaw(rejection.file)
      writer.appendRaw(rejection.line)
      writer.appendText(rejection.accountID)
      writer.appendText(rejection.reason)
      writer.endRow()
    }
    return writer.bytes
  }
}
