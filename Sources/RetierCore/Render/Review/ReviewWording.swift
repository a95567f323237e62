/// Words the review and the run summary share, each written once (SPEC §6: one name for
/// accounts with no tier before), and the formatting of counts and shares in the review's
/// sentences.
package enum ReviewWording {
  /// Accounts with no tier before the run (a blank CRM tier: a first placement), in every
  /// table, chart and on stdout.
  package static let newTier = "new"

  /// A figure inside its band.
  static let inside = "inside"

  /// A soft band's share outside its band (a warning only).
  static let outside = "warning: outside"

  /// A capped tier holding more accounts than seats, overrides honoured past the cap.
  static let overCap = "warning: over the cap"

  /// A capped tier with every seat taken.
  static let full = "full"

  /// A tier with accounts and no active CSM: its per-CSM figures do not exist and its coverage
  /// cost is not "inside" anything.
  static let noActiveCSM = "no active CSM"

  /// The sentence of a list with nothing in it.
  static let none: ReviewText = "None."

  /// `1 account`, `2 accounts`: a count with its noun, plural when the count is not 1.
  static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
  }

  /// A share of the book as a percentage with one decimal, rounded half up, exact.
  static func percent(_ count: Int, of total: Int) -> String {
    guard total > 0 else { return "–" }
    let tenths = (count * 2_000 + total) / (2 * total)
    return "\(tenths / 10).\(tenths % 10)%"
  }

  /// An exact ratio (e.g. 0.2) as a percentage (20%).
  static func percent(_ share: ExactDecimal) -> String {
    "\(share * 100)%"
  }

  /// A signed count change: `+3`, `−2`, `0`.
  static func signed(_ value: Int) -> String {
    value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "0"
  }

  /// A sum of money in whole units, rounded half up, grouped by thousands (`1,880,546`).
  static func wholeUnits(_ money: Money) -> String {
    let cents = money.cents < 0 ? -money.cents : money.cents
    var bytes: [UInt8] = []
    Money(cents: (cents + 50) / 100 * 100).appendGroupedWholeUnits(to: &bytes)
    return (money.cents < 0 ? "−" : "") + String(decoding: bytes, as: UTF8.self)
  }

  /// `Tier 2`, or ``newTier`` for no tier.
  static func tier(_ tier: Int?) -> String {
    tier.map { "Tier \($0)" } ?? newTier
  }

  /// The note under a list cut at `memo_list_limit`: how many are shown and where the rest are.
  static func cutNote(shown: Int, of total: Int, rest: String) -> ReviewText {
    ReviewText([
      .words("Showing the \(shown) with the most ARR of \(total) (the "), .code("memo_list_limit"),
      .words("); \(rest)."),
    ])
  }

  /// The note under a list cut at `memo_list_limit` in its own order: `…and N more; see F.`
  static func moreNote(_ more: Int, seeAlso: String? = nil) -> ReviewText {
    .words("…and \(more) more" + (seeAlso.map { "; see \($0)" } ?? "") + ".")
  }
}

extension ReviewWording {
  /// Column titles more than one table of the review uses.
  enum Column {
    static let account = "account"
    static let name = "name"
    static let tier = "tier"
    static let reason = "reason"
    static let accounts = "accounts"
    static let line = "line"
    static let total = "total"
    static let previousRun = "previous run"
    static let thisRun = "this run"
    static let arr = "ARR"
    static let rows = "rows"
    static let totalScore = "total score"
  }
}
