/// Renders `tiers.csv`: every account with a usable id, sorted by account id (SPEC §6).
enum TiersCSV {
  /// The header, in the spec's column order.
  static let header = [
    "account_id", "account_name", "arr", "arr_score", "fit_score", "expansion_score",
    "total_score", "rubric_tier", "from_tier", "to_tier", "reason", "owner_id",
  ]

  /// The file as pieces: one item per line after the header.
  static func piecewise(_ result: RunResult) -> PiecewiseFile {
    let rejectedPositions = result.rejectedTierRowPositions
    // A handful of reasons repeat on every line.
    let capReasons = (0...result.configuration.tierCount).map {
      TierReason.cap(tier: $0).description
    }
    return PiecewiseFile(path: "tiers.csv", itemCount: result.tierRowCount) { lines in
      let book = result.book
      let accounts = book.accounts
      let decisions = result.tiering.decisions
      let owners = result.owners.owners
      // About 70 bytes a line; reserving once saves copying while the piece grows.
      var writer = CSVWriter(
        header: header, startingFile: lines.lowerBound == 0, byteCapacity: 96 * (lines.count + 1))
      result.forEachTierRowSource(in: lines, rejectedPositions: rejectedPositions) { source in
        switch source {
        case .valid(let index):
          // Fields are read in place: copying an `Account` retains each of its strings.
          let score = result.scores[index]
          let decision = decisions[index]
          writer.appendText(accounts[index].id)
          writer.appendText(accounts[index].name)
          writer.appendRaw(accounts[index].arr)
          writer.appendRaw(score.arr)
          writer.appendRaw(score.fit)
          writer.appendRaw(score.expansion)
          writer.appendRaw(score.total)
          writer.appendRaw(decision.rubricTier)
          writer.appendRaw(accounts[index].currentTier)
          writer.appendRaw(decision.finalTier)
          switch decision.reason {
          case .cap(let tier) where capReasons.indices.contains(tier):
            writer.appendRaw(capReasons[tier])
          default: writer.appendRaw(decision.reason.description)
          }
          writer.appendText(owners[index])
        case .rejected(let index):
          let rejected = book.rejectedAccounts[index]
          writer.appendText(rejected.id)
          writer.appendText(rejected.name)
          writer.appendEmptyFields(6)
          writer.appendRaw(rejected.currentTier)
          writer.appendRaw(rejected.currentTier)
          writer.appendRaw(TierReason.invalidInput.description)
          writer.appendText(rejected.ownerID)
        }
        writer.endRow()
      }
      return writer.bytes
    }
  }
}
