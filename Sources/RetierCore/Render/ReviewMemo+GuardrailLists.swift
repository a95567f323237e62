extension ReviewMemo {
  /// The valid accounts whose ARR-rank tier (`rankTiers`, from ``arrRankTiers(_:)``) and
  /// assigned tier are more than one tier apart, by account id.
  static func arrRankGapRefs(
    _ result: RunResult, rankTiers: AccountColumn<Int>
  ) -> [AccountRef] {
    result.ledger.refs.filter {
      abs(rankTiers[$0] - result.ledger.decisions.finalTier($0)) > 1
    }
  }

  /// The valid accounts scoring 2 or less on ARR (on usage, for those scored on usage) and 4 or
  /// more on expansion, by account id.
  static func growthQuadrantRefs(_ result: RunResult) -> [AccountRef] {
    result.ledger.refs.filter {
      result.ledger.scores[$0].arr <= 2 && result.ledger.scores[$0].expansion >= 4
    }
  }

  /// The accounts whose CRM tier differs from the tier `previous` gave them, in `tiers.csv`
  /// order, each with that previous tier; the first `keeping` kept, the rest counted (computed
  /// once, see ``PreviousRunFigures``).
  static func crmDriftRows(
    _ result: RunResult, previous: PreviousRunRecord, keeping: Int
  ) -> ListHead<PreviousRunFigures.DriftedAccount> {
    var drifted = ListHead<PreviousRunFigures.DriftedAccount>(keeping: keeping)
    // `tiers.csv` lines come in account id order: one merge with the previous lines.
    var cursor = 0
    result.forEachTierRowSource { source in
      let (accountID, fromTier) =
        switch source {
        case .valid(let ref):
          (result.ledger.id(ref), result.ledger.currentTier(ref))
        case .rejected(let ref):
          (result.ledger[ref].id, result.ledger[ref].currentTier)
        }
      guard let index = previous.index(of: accountID, from: &cursor),
        let before = previous.lines[index].toTier, before != fromTier
      else { return }
      drifted.append(.init(row: result.tierRow(source), previousTier: before))
    }
    return drifted
  }
}
