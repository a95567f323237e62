/// An account's three signals and weighted total.
package struct SignalScores: Sendable, Hashable {
  // A run holds the scores of every account until the end, so the total is stored as two words
  // (an `ExactDecimal` would align the record to 16 bytes) and the fit as an `Int32`, widest
  // first: 24 bytes rather than 48.

  /// `total` in millionths.
  private var storedTotal: PackedInt128
  /// `fit`.
  private var storedFit: Int32
  /// The rule behind the first signal (ARR, or usage when ``firstSignal`` says so).
  package var arrRule: ARRRule
  /// The rule behind the expansion signal.
  package var expansionRule: ExpansionRule
  /// The signal the first score is on (ARR, or usage for the long tail); it fits the record's
  /// padding.
  package var firstSignal: FirstSignal

  /// Creates the scores; `fit` must fit an `Int32` (it is 0–5).
  init(
    arrRule: ARRRule, fit: Int, expansionRule: ExpansionRule, total: ExactDecimal,
    firstSignal: FirstSignal = .arr
  ) {
    storedTotal = PackedInt128(total.millionths)
    storedFit = Int32(fit)
    self.arrRule = arrRule
    self.expansionRule = expansionRule
    self.firstSignal = firstSignal
  }

  /// Strategic fit 0–5, as in the CRM.
  package var fit: Int {
    get { Int(storedFit) }
    set { storedFit = Int32(newValue) }
  }

  /// `w_arr × arr + w_fit × fit + w_exp × expansion`, exact.
  package var total: ExactDecimal {
    get { ExactDecimal(millionths: storedTotal.value) }
    set { storedTotal = PackedInt128(newValue.millionths) }
  }

  /// First signal 0–5: ARR, or usage when ``firstSignal`` is `.usage` (`tiers.csv`'s
  /// `arr_score` either way).
  package var arr: Int { arrRule.score }
  /// Expansion-ceiling signal 0–5.
  package var expansion: Int { expansionRule.score }
}
