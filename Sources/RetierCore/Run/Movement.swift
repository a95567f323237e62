/// The direction of a tier change (the `direction` column of `movements.csv`).
package enum MovementDirection: String, Sendable, Hashable {
  /// To a higher tier (a smaller number).
  case promotion
  /// To a lower tier.
  case demotion
  /// No tier before this run.
  case firstPlacement = "first_placement"

  /// The direction from `from` to `to`, or `nil` when the account did not move.
  package init?(from: Int?, to: Int) {
    guard let from else {
      self = .firstPlacement
      return
    }
    if to < from {
      self = .promotion
    } else if to > from {
      self = .demotion
    } else {
      return nil
    }
  }
}
