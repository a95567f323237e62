extension ReviewMemo {
  /// The memo's closing sections: every promotion, then every demotion, each with its
  /// one-paragraph walkback. Each paragraph is an item of the memo's ``PiecewiseFile``, and a
  /// section's heading comes with its first paragraph (or, for an empty section, with the
  /// header or the end of the file).
  struct Walkbacks {
    /// The memo's run and its explanations.
    let explainer: WhyMoved
    /// The promoted accounts, then the demoted ones, each by account id.
    let indices: [Int]
    /// How many of ``indices`` are promotions.
    let promotionCount: Int

    /// The walkbacks of `result`.
    init(_ result: RunResult, explainer: WhyMoved) {
      self.explainer = explainer
      let moved = AccountMemo.movedIndices(result)
      let promotions = moved.filter { explainer.direction(of: $0) == .promotion }
      promotionCount = promotions.count
      indices = promotions + moved.filter { explainer.direction(of: $0) == .demotion }
    }

    /// The number of paragraphs.
    var count: Int { indices.count }

    /// Appends the paragraphs in `items`, with the headings that fall among them.
    func write(_ items: Range<Int>, to text: inout TextBuffer) {
      if items.lowerBound == 0 { heading(.promotion, to: &text) }
      for item in items {
        if item == promotionCount { heading(.demotion, to: &text) }
        text.append("- ")
        let index = indices[item]
        ReviewMemo.writeWalkback(
          index, memo: explainer.memoNames[index], explainer: explainer, to: &text)
        text.append("\n")
      }
      // A section without paragraphs has its heading where its first paragraph would be.
      if items.upperBound == count, promotionCount == count { heading(.demotion, to: &text) }
    }

    /// Appends a section's heading, and `None.` when it has no paragraph.
    private func heading(_ direction: MovementDirection, to text: inout TextBuffer) {
      let isPromotion = direction == .promotion
      let size = isPromotion ? promotionCount : count - promotionCount
      text.append(isPromotion ? "" : "\n", "## ", isPromotion ? "Promotions" : "Demotions")
      text.append(" (", size, ")\n\n")
      if size == 0 { text.append("None.\n") }
    }
  }

  /// Appends one paragraph: the why line, each signal's rule, the seat taken (for a promotion
  /// into a full tier) and the link to the account memo `memoName` in the memo folder.
  static func writeWalkback(
    _ index: Int, memo memoName: String?, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let result = explainer.result
    let scores = result.scores[index]
    AccountMemo.writeAccountReference(index, result, to: &text)
    text.append(": ")
    text.appendEscapingMarkdown { explainer.writeSentence(for: index, to: &$0) }
    text.append(". ARR ", scores.arr, ": ")
    text.appendEscapingMarkdown { explainer.writeARRRule(index, to: &$0) }
    text.append(". Fit ", scores.fit, ": ")
    text.appendEscapingMarkdown { explainer.writeFitText(index, to: &$0) }
    text.append(". Expansion ", scores.expansion, ": ")
    text.appendEscapingMarkdown { explainer.writeExpansionRule(index, to: &$0) }
    text.append(". Total ", scores.total, ".")
    if let displaced = explainer.seatTaken(by: index) {
      text.append(" Took the seat of ")
      AccountMemo.writeAccountReference(displaced, result, to: &text)
      text.append(" under the Tier ", result.tiering.decisions[index].finalTier, " cap.")
    }
    if let memoName { text.append(" [Memo](", memoPrefix, memoName, ").") }
  }

  /// A memo's path in the run folder is this followed by its file name.
  private static let memoPrefix = AccountMemo.folder + "/"
}
