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
}
