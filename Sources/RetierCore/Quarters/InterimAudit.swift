/// What flagged an interim's accounts (SPEC §7): the flag file's checksum and each re-scored
/// flag's `flagged_by` and `reason`, as `run.json` records them and as memo.md and memo.html
/// show them. The wording lives here once; each review only lays it out in its format.
struct InterimAudit: Sendable, Hashable {
  /// The SHA-256 of the flag file's bytes.
  var flagFileSHA256: String
  /// The flag file's data rows.
  var flagFileRows: Int
  /// The flags re-scored, in file order.
  var flags: [HotList.Flag]

  /// The section's heading in both reviews.
  static let heading = "What flagged the accounts"

  /// The columns of the flag table in both reviews.
  static let header = ["account", "flagged by", "reason", "line"]

  /// The sentence before the table: the file, its checksum and how many flags it held.
  func introduction(sha256 shown: String) -> String {
    "The flag file (sha256 \(shown)) has \(ReviewMemo.counted(flagFileRows, "row")); "
      + "\(ReviewMemo.counted(flags.count, "flag")) re-scored, each with who raised it and why. "
      + "run.json records them all under interim.flags."
  }

  /// The table's rows, the first `limit` flags in file order; `text` escapes input text for the
  /// review's format.
  func rows(limit: Int, text: (String) -> String) -> [[String]] {
    flags.prefix(limit).map {
      [text($0.accountID), text($0.flaggedBy), text($0.reason), String($0.line)]
    }
  }

  /// The line after a cut table, `nil` when every flag is shown.
  func more(limit: Int) -> String? {
    flags.count > limit
      ? "…and \(flags.count - limit) more flags in run.json (interim.flags)." : nil
  }

  /// The `interim` member of `run.json`: the interim's number, the flag file, the flags and the
  /// state the chain is left in (``InterimChain``).
  func manifestValue(chainAfter: InterimChain) -> JSONValue {
    .object([
      ("number", .integer(chainAfter.number)),
      (
        "flag_file",
        .object([("sha256", .string(flagFileSHA256)), ("rows", .integer(flagFileRows))])
      ),
      (
        "flags",
        .array(
          flags.map {
            .object([
              ("account_id", .string($0.accountID)), ("flagged_by", .string($0.flaggedBy)),
              ("reason", .string($0.reason)), ("line", .integer($0.line)),
            ])
          })
      ),
      ("chain_after", chainAfter.jsonValue),
    ])
  }
}

extension RunManifest {
  /// The `interim` member of an interim's `run.json`; none for a quarter's run.
  static func interimMembers(_ result: RunResult) -> [(String, JSONValue)] {
    guard let scope = result.interim else { return [] }
    return [(InterimChain.memberName, scope.audit.manifestValue(chainAfter: scope.chainAfter))]
  }
}

extension ReviewMemo {
  /// memo.md's flag section for an interim; empty for a quarter's run.
  static func interimFlags(_ result: RunResult) -> String {
    guard let audit = result.interim?.audit else { return "" }
    let limit = result.configuration.memoListLimit
    var text = "## \(InterimAudit.heading)\n\n"
    text += audit.introduction(sha256: "`\(audit.flagFileSHA256)`") + "\n\n"
    text += table(InterimAudit.header, audit.rows(limit: limit, text: escaped), rightAligned: [3])
    if let more = audit.more(limit: limit) { text += "\n" + more + "\n" }
    return text
  }
}

extension ReviewPage {
  /// memo.html's flag section for an interim; nothing for a quarter's run.
  static func interimFlags(_ result: RunResult, to page: inout MarkupWriter) {
    guard let audit = result.interim?.audit else { return }
    let limit = result.configuration.memoListLimit
    page.open("section", ["aria-label": InterimAudit.heading])
    page.element("h2", text: InterimAudit.heading)
    page.element("p", text: audit.introduction(sha256: audit.flagFileSHA256))
    table(InterimAudit.header, audit.rows(limit: limit, text: { $0 }), numeric: [3], to: &page)
    if let more = audit.more(limit: limit) { page.element("p", text: more) }
    page.closeLine()
  }
}
