/// Every valid account's ``SignalScores``, read and written by ``AccountRef``: the ledger column
/// the score phase adds.
///
/// Stored compactly: the total in its own column (an `ExactDecimal` is 16-byte aligned, so a
/// plain ``SignalScores`` pads to 48 bytes) and the two rules and the fit in four bytes: 20
/// bytes an account.
package struct ScoreColumn: Sendable {
  /// Totals.
  private var totals: [ExactDecimal] = []
  /// Rules and fit.
  private var signals: [Signals] = []

  /// No scores: the column of a ledger not yet scored.
  init() {}

  /// Appends the scores of the next account, in ledger order.
  mutating func append(_ scores: SignalScores) {
    totals.append(scores.total)
    signals.append(Signals(scores))
  }

  /// Makes room for `count` accounts.
  mutating func reserveCapacity(_ count: Int) {
    totals.reserveCapacity(count)
    signals.reserveCapacity(count)
  }

  /// The scores of `ref`'s account.
  package subscript(ref: AccountRef) -> SignalScores {
    get {
      let signals = signals[ref.row]
      return SignalScores(
        arrRule: signals.arrRule, fit: Int(signals.fit), expansionRule: signals.expansionRule,
        total: totals[ref.row], firstSignal: signals.firstSignal)
    }
    set {
      totals[ref.row] = newValue.total
      signals[ref.row] = Signals(newValue)
    }
  }

  /// The total of `ref`'s account, without building its scores.
  func total(_ ref: AccountRef) -> ExactDecimal { totals[ref.row] }

  /// How many accounts are scored.
  var count: Int { totals.count }

  /// The rules and fit of one account.
  private struct Signals: Sendable {
    var arrRule: ARRRule
    var expansionRule: ExpansionRule
    var firstSignal: FirstSignal
    /// 0–5.
    var fit: Int8

    init(_ scores: SignalScores) {
      arrRule = scores.arrRule
      expansionRule = scores.expansionRule
      firstSignal = scores.firstSignal
      fit = Int8(scores.fit)
    }
  }
}
