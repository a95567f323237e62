/// An account's three signals and weighted total.
struct SignalScores: Sendable, Hashable {
  /// The rule behind the ARR signal.
  var arrRule: ARRRule
  /// Strategic fit 0–5, as in the CRM.
  var fit: Int
  /// The rule behind the expansion signal.
  var expansionRule: ExpansionRule
  /// `w_arr × arr + w_fit × fit + w_exp × expansion`, exact.
  var total: ExactDecimal

  /// ARR signal 0–5.
  var arr: Int { arrRule.score }
  /// Expansion-ceiling signal 0–5.
  var expansion: Int { expansionRule.score }
}
