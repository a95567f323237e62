/// Spells account identifiers the way the CRM does: `ACC-` and a zero-padded number.
enum AccountID {
  /// `ACC-` followed by `number` padded with zeros to `width` digits, e.g. `ACC-00042`.
  static func text(_ number: Int, width: Int = 5) -> String {
    let digits = String(number)
    return "ACC-" + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
