/// How many valid accounts have each total score, lowest total first: the histogram of
/// `memo.html`. A total is one of at most 216 weighted sums of three 0–5 signals, so the list
/// stays short whatever the size of the book.
struct ScoreDistribution: Sendable, Hashable {
  /// One bar: a total and the accounts with it.
  struct Bin: Sendable, Hashable {
    /// The total score.
    var total: ExactDecimal
    /// Valid accounts with exactly that total.
    var accounts: Int
  }

  /// The totals present in the book, ascending.
  let bins: [Bin]

  /// Counts the totals of `result`'s valid accounts.
  init(_ result: RunResult) {
    var counts: [Int128: Int] = [:]
    for scores in result.scores { counts[scores.total.millionths, default: 0] += 1 }
    bins = counts.keys.sorted().map {
      Bin(total: ExactDecimal(millionths: $0), accounts: counts[$0]!)
    }
  }

  /// The number of accounts in the tallest bar, 0 for an empty book.
  var largestBin: Int { bins.map(\.accounts).max() ?? 0 }
}
