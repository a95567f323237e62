extension RunLookups {
  /// Appends the rule that set the first signal (ARR, or usage) of the account at `ref`.
  func writeARRRule(_ ref: AccountRef, to text: inout TextBuffer) {
    result.rubric.writeFirstSignalRule(
      result.ledger.scores[ref], of: result.ledger[ref], to: &text)
  }

  /// Appends the strategic-fit signal of the account at `ref` in plain words.
  func writeFitText(_ ref: AccountRef, to text: inout TextBuffer) {
    result.rubric.writeFitText(result.ledger.scores[ref].fit, to: &text)
  }

  /// Appends the rule that set the expansion-ceiling signal of the account at `ref`.
  func writeExpansionRule(_ ref: AccountRef, to text: inout TextBuffer) {
    result.rubric.writeExpansionRule(
      result.ledger.scores[ref].expansionRule, of: result.ledger[ref], to: &text)
  }

}
