/// Renders `run.json`: what was run, on what, and what came out (SPEC §6).
package enum RunManifest {
  /// The manifest's path in the run folder. It is written last: its presence marks a complete
  /// run.
  package static let fileName = "run.json"

  /// The manifest as pieces: one item per output file listed (some 110,000 at a million
  /// accounts), the members before the list with the first piece, those after with the last.
  /// The bytes are those of the whole manifest as one ``JSONValue``. `pathBacks` are the
  /// demoted accounts' targets, ``PathBack/all(_:)``.
  static func piecewise(
    _ result: RunResult, outputs: [OutputDigest], pathBacks: [PathBack]
  ) -> PiecewiseFile {
    // Output paths are ASCII (see `AccountMemo.safeStem`), so `String` order is byte order.
    let sortedOutputs = outputs.sorted { $0.path < $1.path }
    let (before, after) = members(result, pathBacks: pathBacks)
    return PiecewiseFile(path: fileName, itemCount: sortedOutputs.count) { items in
      var text = TextBuffer(capacity: 128 * items.count + 4_096)
      if items.lowerBound == 0 {
        JSONValue.writeObjectStart(before, to: &text)
        JSONValue.writeMemberKey("outputs", indent: 1, to: &text)
        text.append(sortedOutputs.isEmpty ? "[]" : "[\n")
      }
      for item in items {
        let output = sortedOutputs[item]
        if item > 0 { text.append(",\n") }
        JSONValue.writePadding(2, to: &text)
        JSONValue.object([
          ("file", .string(output.path)), ("bytes", .integer(output.byteCount)),
          ("sha256", .string(output.sha256)),
        ])
        .write(to: &text, indent: 2)
      }
      if items.upperBound == sortedOutputs.count {
        if !sortedOutputs.isEmpty {
          text.append("\n")
          JSONValue.writePadding(1, to: &text)
          text.append("]")
        }
        JSONValue.writeObjectEnd(after, to: &text)
      }
      return text.bytes
    }
  }

  /// The manifest's members before `outputs` and after it.
  private static func members(
    _ result: RunResult, pathBacks: [PathBack]
  ) -> (before: [(String, JSONValue)], after: [(String, JSONValue)]) {
    let tierCount = result.configuration.tierCount
    let counts = TierCounts(result)
    let book = result.book
    let before: [(String, JSONValue)] = [
      ("tool", .string("retier")),
      ("schema_version", .integer(schemaVersion)),
      ("version", .string(result.toolVersion)),
      ("quarter", .string(result.quarter.label)),
      ("run_date", .string(result.runDate.description)),
      ("config", .object([("sha256", .string(result.configSHA256))])),
      (
        "inputs",
        .array(
          result.inputs.map {
            // Blank rows are named only where there were some.
            .object(
              [("file", .string($0.name)), ("rows", .integer($0.rows))]
                + ($0.blankRows > 0 ? [("blank_rows_skipped", .integer($0.blankRows))] : [])
                + [("sha256", .string($0.sha256))])
          })
      ),
    ]
    let after: [(String, JSONValue)] =
      [
        (
          "counts",
          .object([
            ("account_rows", .integer(book.accountRowCount)),
            ("valid_accounts", .integer(book.accounts.count)),
            ("rejected_accounts", .integer(counts.rejected)),
            ("rejected_account_rows", .integer(book.rejectedAccountRowCount)),
            ("rejected_rows_all_files", .integer(book.rejections.count)),
            ("orphan_arr_lines", .integer(book.orphanARRLines)),
            ("orphan_usage_rows", .integer(book.orphanUsageRows)),
            ("accounts_without_usage", .integer(book.accountsWithoutUsage.count)),
            ("overrides_applied", .integer(result.tiering.validOverrides.count)),
            ("overrides_ignored", .integer(result.tiering.ignoredOverrides.count)),
            ("promotions", .integer(counts.promotions)),
            ("demotions", .integer(counts.demotions)),
            ("first_placements", .integer(counts.firstPlacements)),
          ])
        ),
        (
          "tiers",
          .array(
            [
              .object([
                ("tier", .null), ("name", .string("unplaced")),
                ("before", .integer(counts.before[0])),
                ("after", .integer(counts.after[0])),
              ])
            ]
              + (1...tierCount).map { tier in
                .object([
                  ("tier", .integer(tier)), ("name", .string(result.configuration.tier(tier).name)),
                  ("before", .integer(counts.before[tier])),
                  ("after", .integer(counts.after[tier])),
                ])
              })
        ),
      ] + acrossQuarterMembers(result, pathBacks: pathBacks)
    return (before, after)
  }
}
