extension ReviewMemo {
  /// Appends every promotion, then every demotion, each with its one-paragraph walkback.
  package static func writeWalkbacks(
    _ result: RunResult, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let moved = AccountMemo.movedIndices(result)
    for direction in [MovementDirection.promotion, .demotion] {
      let indices = moved.filter { explainer.direction(of: $0) == direction }
      let title = direction == .promotion ? "Promotions" : "Demotions"
      text.append(direction == .promotion ? "" : "\n", "## ", title, " (", indices.count, ")\n\n")
      if indices.isEmpty {
        text.append("None.\n")
        continue
      }
      // A million-account book has some 100,000 of these paragraphs. They render on every core,
      // a run of paragraphs into one buffer per chunk, and the chunks join in order.
      let chunkCount = max(1, min(paragraphChunks, indices.count / minimumParagraphsPerChunk))
      let chunks = Parallel.map(chunkCount) { chunk -> [UInt8] in
        let range =
          (indices.count * chunk / chunkCount)..<(indices.count * (chunk + 1) / chunkCount)
        var paragraphs = TextBuffer(capacity: range.count * 512)
        for index in indices[range] {
          paragraphs.append("- ")
          writeWalkback(
            index, memo: explainer.memoNames[index], explainer: explainer,
            to: &paragraphs)
          paragraphs.append("\n")
        }
        return paragraphs.bytes
      }
      text.bytes.reserveCapacity(text.count + chunks.reduce(0) { $0 + $1.count })
      for chunk in chunks { text.append(utf8: chunk) }
    }
  }

  /// Appends one paragraph: the why line, each signal's rule, the seat taken (for a promotion
  /// into a full tier) and the link to the account memo `memoName` in the memo folder.
  package static func writeWalkback(
    _ index: Int, memo memoName: String?, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let result = explainer.result
    let scores = result.scores[index]
    AccountMemo.writeAccountReference(index, result, to: &text)
    text.append(": ")
    // Each generated text is escaped as a whole, as input text inside it may need it.
    var start = text.count
    explainer.writeSentence(for: index, to: &text)
    text.escapeMarkdown(from: start)
    text.append(". ARR ", scores.arr, ": ")
    start = text.count
    explainer.writeARRRule(index, to: &text)
    text.escapeMarkdown(from: start)
    text.append(". Fit ", scores.fit, ": ")
    start = text.count
    explainer.writeFitText(index, to: &text)
    text.escapeMarkdown(from: start)
    text.append(". Expansion ", scores.expansion, ": ")
    start = text.count
    explainer.writeExpansionRule(index, to: &text)
    text.escapeMarkdown(from: start)
    text.append(". Total ", scores.total, ".")
    if let displaced = explainer.seatTaken(by: index) {
      text.append(" Took the seat of ")
      AccountMemo.writeAccountReference(displaced, result, to: &text)
      text.append(" under the Tier ", result.tiering.decisions[index].finalTier, " cap.")
    }
    if let memoName { text.append(" [Memo](", memoPrefix, memoName, ").") }
  }

  /// Chunks of walkback paragraphs rendered concurrently: more than there are cores, so one slow
  /// chunk leaves no core idle.
  private static let paragraphChunks = 16
  /// Fewer paragraphs than this per chunk are not worth a thread.
  private static let minimumParagraphsPerChunk = 256
  /// A memo's path in the run folder is this followed by its file name.
  private static let memoPrefix = AccountMemo.folder + "/"
}
