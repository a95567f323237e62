/// Renders `tiers.csv`: every account with a usable id, sorted by account id (SPEC §6).
enum TiersCSV {
  /// The header, in the spec's column order.
  static let header = [
    "account_id", "account_name", "arr", "arr_score", "fit_score", "expansion_score",
    "total_score", "rubric_tier", "from_tier", "to_tier", "reason", "owner_id",
  ]

  /// The thirteenth column when the usage signal is on: `arr` or `usage`, the signal
  /// `arr_score` holds (blank for a rejected account). Without the signal the file keeps its
  /// twelve columns, so imports built on it need no change.
  static let firstSignalColumn = "first_signal"

  /// The file as pieces: one item per line after the header.
  static func piecewise(_ result: RunResult) -> PiecewiseFile {
    let rejectedPositions = result.rejectedTierRowPositions
    // A handful of reasons repeat on every line.
    let capReasons = (0...result.configuration.tierCount).map {
      TierReason.cap(tier: $0).description
    }
    let hasFirstSignal = result.rubric.usageCutLines != nil
    let columns = hasFirstSignal ? header + [firstSignalColumn] : header
    return PiecewiseFile(path: "tiers.csv", itemCount: result.tierRowCount) { lines in
      let ledger = result.ledger
      let decisions = ledger.decisions
      let owners = ledger.owners
      // About 70 bytes a line; reserving once saves copying while the piece grows.
      var writer = CSVWriter(
        header: columns, startingFile: lines.lowerBound == 0, byteCapacity: 96 * (lines.count + 1))
      result.forEachTierRowSource(in: lines, rejectedPositions: rejectedPositions) { source in
        switch source {
        case .valid(let ref):
          // Fields are read from their columns: building an `Account` retains each string.
          let score = ledger.scores[ref]
          let reason = decisions.reason(ref)
          writer.appendText(ledger.id(ref))
          writer.appendText(ledger.name(ref))
          writer.appendRaw(ledger.arr(ref))
          writer.appendRaw(score.arr)
          writer.appendRaw(score.fit)
          writer.appendRaw(score.expansion)
          writer.appendRaw(score.total)
          writer.appendRaw(decisions.rubricTier(ref))
          writer.appendRaw(ledger.currentTier(ref))
          writer.appendRaw(decisions.finalTier(ref))
          switch reason {
          case .cap(let tier) where capReasons.indices.contains(tier):
            writer.appendRaw(capReasons[tier])
          default: writer.appendRaw(reason.description)
          }
          writer.appendText(owners[ref])
          if hasFirstSignal { writer.appendRaw(score.firstSignal.rawValue) }
        case .rejected(let ref):
          let rejected = ledger[ref]
          writer.appendText(rejected.id)
          writer.appendText(rejected.name)
          writer.appendEmptyFields(6)
          writer.appendRaw(rejected.currentTier)
          writer.appendRaw(rejected.currentTier)
          writer.appendRaw(TierReason.invalidInput.description)
          writer.appendText(rejected.ownerID)
          if hasFirstSignal { writer.appendEmptyFields(1) }
        }
        writer.endRow()
      }
      return writer.bytes
    }
  }
}
