/// Valid accounts by CRM tier before the run (rows) and tier after it (columns): the figures of
/// the transition table in `memo.md` and of the heat map and flows in `memo.html`.
struct TransitionMatrix: Sendable, Hashable {
  /// The number of tiers, K.
  let tierCount: Int
  /// `cells[from][to]`: row 0 is `new` (a blank current tier, a first placement), rows 1…K the
  /// CRM tiers; columns 1…K the tiers after the run (column 0 is always 0).
  let cells: [[Int]]

  /// Counts the valid accounts of `result`.
  init(_ result: RunResult) {
    tierCount = result.configuration.tierCount
    var cells = [[Int]](
      repeating: [Int](repeating: 0, count: tierCount + 1), count: tierCount + 1)
    let accounts = result.book.accounts
    for index in accounts.indices {
      cells[accounts[index].currentTier ?? 0][result.tiering.decisions[index].finalTier] += 1
    }
    self.cells = cells
  }

  /// Accounts from `from` (0 for `new`) to tier `to`.
  func count(from: Int, to: Int) -> Int { cells[from][to] }

  /// Accounts of row `from` (0 for `new`), whatever their tier after the run.
  func rowTotal(_ from: Int) -> Int { cells[from].reduce(0, +) }

  /// Accounts in tier `to` after the run.
  func columnTotal(_ to: Int) -> Int { cells.reduce(0) { $0 + $1[to] } }

  /// All valid accounts.
  var total: Int { cells.reduce(0) { $0 + $1.reduce(0, +) } }

  /// The largest cell, 0 for an empty book.
  var largestCell: Int { cells.joined().max() ?? 0 }
}
