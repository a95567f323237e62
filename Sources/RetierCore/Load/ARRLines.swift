/// The lines of `arr.csv` in file order, stored in 32 bytes each instead of an ``ARRLine``'s 80:
/// a drop holds one per subscription, more than a million at the largest. Reading an element
/// builds its ``ARRLine``.
struct ARRLines: RandomAccessCollection, Sendable {
  /// One entry per line.
  private var stored: [Stored] = []
  /// The problems of the lines that have one, by position.
  private var problems: [Int: String] = [:]
  /// Amounts of 2^63 cents or more, by position; no parsed amount is one.
  private var largeAmounts: [Int: Money] = [:]

  /// No lines yet.
  init() {}

  var startIndex: Int { 0 }
  var endIndex: Int { stored.count }

  /// The line at `position`.
  subscript(position: Int) -> ARRLine {
    let line = stored[position]
    let arr: Money? =
      switch line.cents {
      case Stored.noAmount: nil
      case Stored.largeAmount: largeAmounts[position]
      default: Money(cents: Int128(line.cents))
      }
    return ARRLine(
      line: line.line, accountID: line.accountID, arr: arr,
      problem: line.hasProblem ? problems[position] : nil)
  }

  /// The account id of the line at `position`, without building the whole line.
  func accountID(at position: Int) -> String {
    stored[position].accountID
  }

  /// Makes room for `count` lines.
  mutating func reserveCapacity(_ count: Int) {
    stored.reserveCapacity(count)
  }

  /// Appends `line`.
  mutating func append(_ line: ARRLine) {
    if let problem = line.problem { problems[stored.count] = problem }
    var cents = Stored.noAmount
    if let amount = line.arr {
      if let small = Int64(exactly: amount.cents), small > Stored.largeAmount {
        cents = small
      } else {
        cents = Stored.largeAmount
        largeAmounts[stored.count] = amount
      }
    }
    stored.append(
      Stored(
        accountID: line.accountID, cents: cents, line: line.line,
        hasProblem: line.problem != nil))
  }

  /// One line as stored.
  private struct Stored {
    /// `cents` of a line without an amount.
    static let noAmount = Int64.min
    /// `cents` of a line whose amount is in `largeAmounts`.
    static let largeAmount = Int64.min + 1

    var accountID: String
    var cents: Int64
    var line: Int
    var hasProblem: Bool
  }
}
