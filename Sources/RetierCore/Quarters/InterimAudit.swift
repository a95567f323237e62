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
  var introduction: ReviewText {
    ReviewText([
      .words("The flag file (sha256 "), .code(flagFileSHA256),
      .words(
        ") has \(ReviewWording.counted(flagFileRows, "row")); "
          + "\(ReviewWording.counted(flags.count, "flag")) re-scored, each with who raised it and "
          + "why. run.json records them all under interim.flags."),
    ])
  }

  /// The table's rows, the first `limit` flags in file order.
  func rows(limit: Int) -> [[ReviewCell]] {
    flags.prefix(limit).map {
      [.input($0.accountID), .input($0.flaggedBy), .input($0.reason), .words(String($0.line))]
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

extension ReviewDocument {
  /// An interim's flag section: the flag file's checksum, then each re-scored flag's account,
  /// who raised it, why and its line, cut at `memo_list_limit`.
  static func interimFlags(_ audit: InterimAudit, context: ReviewContext) -> ReviewSection {
    var blocks: [ReviewBlock] = [
      .paragraph(audit.introduction),
      .table(
        ReviewTable(InterimAudit.header, numeric: [3], rows: audit.rows(limit: context.limit))),
    ]
    if let more = audit.more(limit: context.limit) { blocks.append(.note(.words(more))) }
    return ReviewSection(heading: InterimAudit.heading, blocks: blocks)
  }
}
