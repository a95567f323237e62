@testable import RetierCore

extension RunResult {
  /// The review document of this run.
  var review: ReviewDocument { ReviewDocument(self, lookups: RunLookups(self)) }

  /// memo.md's section whose heading starts with `heading`, as Markdown; "" when the review has
  /// none.
  func memoSection(_ heading: String) -> String {
    review.sections.first { $0.heading.hasPrefix(heading) }.map(ReviewMemo.markdown) ?? ""
  }
}
