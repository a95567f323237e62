/// Renders `run.json`: what was run, on what, and what came out (SPEC §6).
package enum RunManifest {
  /// The manifest's path in the run folder. It is written last: its presence marks a complete
  /// run.
  package static let fileName = "run.json"

  /// The manifest as pieces: one item per output file listed (some 110,000 at a million
  /// accounts), the members before the list with the first piece, those after with the last.
  /// The bytes are those of the whole manifest as one ``JSONValue``. `lookups` gives the
  /// demoted accounts' targets (``PathBack``), each computed as its piece is rendered.
  static func piecewise(
    _ result: RunResult, outputs: [OutputDigest], lookups: RunLookups
  ) -> PiecewiseFile {
    let demoted = PathBack.demoted(result)
    // Output paths are ASCII (see `AccountMemo.safeStem`), so `String` order is byte order.
    let sortedOutputs = outputs.sorted { $0.path < $1.path }
    let (before, after) = members(result)
    let outputCount = sortedOutputs.count
    // The items are the outputs, then the path-back entries (`path_back` is the last member,
    // some 90,000 entries at a million accounts): each is rendered in its piece, never the
    // whole member as one value.
    return PiecewiseFile(path: fileName, itemCount: outputCount + demoted.count) { items in
      var text = TextBuffer(capacity: 128 * items.count + 4_096)
      if items.lowerBound == 0 {
        JSONValue.writeObjectStart(before, to: &text)
        JSONValue.writeMemberKey(Key.outputs.rawValue, indent: 1, to: &text)
        text.append(sortedOutputs.isEmpty ? "[]" : "[\n")
        if sortedOutputs.isEmpty {
          writeAfterOutputs(after, hasPathBacks: !demoted.isEmpty, to: &text)
        }
      }
      for item in items {
        guard item < outputCount else {
          let entry = item - outputCount
          if entry > 0 { text.append(",\n") }
          JSONValue.writePadding(2, to: &text)
          pathBackValue(PathBack(demoted[entry], lookups: lookups)).write(to: &text, indent: 2)
          continue
        }
        let output = sortedOutputs[item]
        if item > 0 { text.append(",\n") }
        JSONValue.writePadding(2, to: &text)
        outputValue(output).write(to: &text, indent: 2)
        if item == outputCount - 1 {
          text.append("\n")
          JSONValue.writePadding(1, to: &text)
          text.append("]")
          writeAfterOutputs(after, hasPathBacks: !demoted.isEmpty, to: &text)
        }
      }
      if items.upperBound == outputCount + demoted.count {
        if !demoted.isEmpty {
          text.append("\n")
          JSONValue.writePadding(1, to: &text)
          text.append("]")
        }
        text.append("\n}\n")
      }
      return text.bytes
    }
  }

  /// One `outputs` entry: the file, its size, its data rows when it is a CSV file (schema 3),
  /// and its SHA-256.
  static func outputValue(_ output: OutputDigest) -> JSONValue {
    .object(
      [
        (FileKey.file.rawValue, .string(output.path)),
        (FileKey.bytes.rawValue, .integer(output.byteCount)),
      ]
        + (output.rows.map { [(FileKey.rows.rawValue, .integer($0))] } ?? [])
        + [(FileKey.sha256.rawValue, .string(output.sha256))])
  }

  /// Appends the members after `outputs` and opens `path_back` (written as it would be as one
  /// ``JSONValue``: `[]` when empty).
  private static func writeAfterOutputs(
    _ after: [(String, JSONValue)], hasPathBacks: Bool, to text: inout TextBuffer
  ) {
    for (key, value) in after {
      text.append(",\n")
      JSONValue.writeMemberKey(key, indent: 1, to: &text)
      value.write(to: &text, indent: 1)
    }
    text.append(",\n")
    JSONValue.writeMemberKey(Key.pathBack.rawValue, indent: 1, to: &text)
    text.append(hasPathBacks ? "[\n" : "[]")
  }

  /// The manifest's members before `outputs` and after it, `path_back` (written by item) aside.
  private static func members(
    _ result: RunResult
  ) -> (before: [(String, JSONValue)], after: [(String, JSONValue)]) {
    let tierCount = result.configuration.tierCount
    let counts = TierCounts(result)
    let book = result.book
    let before: [(String, JSONValue)] =
      [
        (Key.tool.rawValue, .string("retier")),
        (Key.schemaVersion.rawValue, .integer(schemaVersion)),
        (Key.version.rawValue, .string(result.toolVersion)),
        (Key.quarter.rawValue, .string(result.quarter.label)),
        (Key.runDate.rawValue, .string(result.runDate.description)),
        (Key.currency.rawValue, .string(result.configuration.currency)),
        (Key.config.rawValue, .object([(FileKey.sha256.rawValue, .string(result.configSHA256))])),
        (
          Key.inputs.rawValue,
          .array(
            result.inputs.map {
              // Blank rows are named only where there were some.
              .object(
                [
                  (FileKey.file.rawValue, .string($0.name)),
                  (FileKey.rows.rawValue, .integer($0.rows)),
                ]
                  + ($0.blankRows > 0 ? [("blank_rows_skipped", .integer($0.blankRows))] : [])
                  + [(FileKey.sha256.rawValue, .string($0.sha256))])
            })
        ),
      ] + previousRunMembers(result)
    let after: [(String, JSONValue)] =
      [
        (
          Key.counts.rawValue,
          .object([
            ("account_rows", .integer(book.accountRowCount)),
            ("valid_accounts", .integer(book.ledger.count)),
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
          Key.tiers.rawValue,
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
      ] + acrossQuarterMembers(result) + interimMembers(result)
    return (before, after)
  }
}
