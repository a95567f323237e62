extension ReviewMemo {
  /// Every promotion, then every demotion, each with its one-paragraph walkback.
  package static func walkbacks(_ result: RunResult, explainer: WhyMoved) -> String {
    let moved = AccountMemo.movedIndices(result)
    let names = AccountMemo.fileNames(for: moved.map { result.book.accounts[$0].id })
    var text = ""
    for direction in [MovementDirection.promotion, .demotion] {
      let indices = moved.filter { explainer.direction(of: $0) == direction }
      let title = direction == .promotion ? "Promotions" : "Demotions"
      text += (text.isEmpty ? "" : "\n") + "## \(title) (\(indices.count))\n\n"
      if indices.isEmpty {
        text += "None.\n"
        continue
      }
      // A million-account book has some 100,000 of these paragraphs; they render on every core.
      let paragraphs = Parallel.map(indices.count, minimumChunk: 256) { position in
        let index = indices[position]
        let memo = names[result.book.accounts[index].id].map { "\(AccountMemo.folder)/\($0)" }
        return "- " + walkback(index, memo: memo, explainer: explainer) + "\n"
      }
      text += paragraphs.joined()
    }
    return text
  }

  /// One paragraph: the why line, each signal's rule, the seat taken (for a promotion into a
  /// full tier) and the link to the account memo.
  package static func walkback(_ index: Int, memo: String?, explainer: WhyMoved) -> String {
    let result = explainer.result
    let scores = result.scores[index]
    var text = AccountMemo.accountReference(index, result) + ": "
    text += escaped(explainer.sentence(for: index) ?? "") + ". "
    text += "ARR \(scores.arr): \(escaped(explainer.arrRuleText(index))). "
    text += "Fit \(scores.fit): \(escaped(explainer.fitText(index))). "
    text += "Expansion \(scores.expansion): \(escaped(explainer.expansionRuleText(index))). "
    text += "Total \(scores.total)."
    if let displaced = explainer.seatTaken(by: index) {
      text += " Took the seat of \(AccountMemo.accountReference(displaced, result)) under the "
      text += "Tier \(result.tiering.decisions[index].finalTier) cap."
    }
    if let memo { text += " [Memo](\(memo))." }
    return text
  }
}
