/// One data row of `arr.csv`: a subscription line of an account.
struct ARRLine: Sendable {
  /// 1-based line.
  var line: Int
  /// `account_id`, trimmed.
  var accountID: String
  /// `arr`; `nil` when it does not parse.
  var arr: Money?
  /// Why the line cannot be used.
  var problem: String?
}
