/// An account's three signals and weighted total.
package struct SignalScores: Sendable, Hashable {
  /// The rule behind the first signal (ARR, or usage when ``firstSignal`` says so).
  package var arrRule: ARRRule
  /// Strategic fit 0–5, as in the CRM.
  package var fit: Int
  /// The rule behind the expansion signal.
  package var expansionRule: ExpansionRule
  /// `w_arr × arr + w_fit × fit + w_exp × expansion`, exact.
  package var total: ExactDecimal
  /// The signal the first score is on (ARR, or usage for the long tail).
  package var firstSignal: FirstSignal = .arr

  /// First signal 0–5: ARR, or usage when ``firstSignal`` is `.usage` (`tiers.csv`'s
  /// `arr_score` either way).
  package var arr: Int { arrRule.score }
  /// Expansion-ceiling signal 0–5.
  package var expansion: Int { expansionRule.score }
}
