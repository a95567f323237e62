extension ReviewMemo {
  /// Rejected rows: a count per file, then the rows up to `memo_list_limit`.
  static func rejectedRows(_ result: RunResult) -> String {
    let rejections = result.book.rejections
    var text = "## Rejected rows\n\n"
    guard !rejections.isEmpty else { return text + "No input row was rejected.\n" }
    var perFile: [String: Int] = [:]
    for rejection in rejections { perFile[rejection.file, default: 0] += 1 }
    text += "\(counted(rejections.count, "row")) not used. A rejected "
    text += "account keeps its current tier and owner.\n\n"
    text += table(
      ["file", "rows"],
      perFile.sorted { $0.key < $1.key }.map { [escaped($0.key), String($0.value)] },
      rightAligned: [1])
    text += "\n"
    let (shown, more) = capped(
      rejections, limit: result.configuration.memoListLimit, seeAlso: "rejected.csv")
    text += table(
      ["file", "line", "account", "reason"],
      shown.map {
        [escaped($0.file), String($0.line), escaped($0.accountID), escaped($0.reason)]
      }, rightAligned: [1])
    if let more { text += "\n" + more + "\n" }
    return text
  }

  /// Overrides applied, then overrides ignored with why.
  static func overrides(_ result: RunResult) -> String {
    let applied = result.tiering.validOverrides.values.sorted {
      $0.row.accountID < $1.row.accountID
    }
    let ignored = result.tiering.ignoredOverrides
    var text = "## Overrides\n\n"
    guard !applied.isEmpty || !ignored.isEmpty else { return text + "No overrides.\n" }
    text += "### Applied (\(applied.count))\n\n"
    if applied.isEmpty {
      text += "None.\n"
    } else {
      let (shown, more) = capped(applied, limit: result.configuration.memoListLimit)
      text += table(
        ["account", "tier", "approved by sales", "approved by CS", "expires", "reason"],
        shown.map {
          [
            escaped($0.row.accountID), String($0.tier), escaped($0.row.approvedBySales),
            escaped($0.row.approvedByCS), $0.expires.description, escaped($0.row.reason),
          ]
        }, rightAligned: [1])
      if let more { text += "\n" + more + "\n" }
    }
    text += "\n### Ignored (\(ignored.count))\n\n"
    if ignored.isEmpty { return text + "None.\n" }
    let (shown, more) = capped(
      ignored, limit: result.configuration.memoListLimit, seeAlso: "rejected.csv")
    text += table(
      ["account", "line", "tier", "why ignored"],
      shown.map {
        [
          escaped($0.row.accountID), String($0.row.line), escaped($0.row.tierText),
          escaped($0.reason),
        ]
      }, rightAligned: [1])
    if let more { text += "\n" + more + "\n" }
    return text
  }
}
