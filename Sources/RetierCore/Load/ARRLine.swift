/// One data row of `arr.csv`: a subscription line of an account.
package struct ARRLine: Sendable {
  /// 1-based line.
  package var line: Int
  /// `account_id`, trimmed.
  package var accountID: String
  /// `arr`; `nil` when it does not parse.
  package var arr: Money?
  /// Why the line cannot be used.
  package var problem: String?
}
