/// The CRM and usage fields that decide an account's expansion signal (SPEC §3).
struct ExpansionFields {
  /// The sponsor status as the CRM holds it.
  enum Sponsor {
    /// Blank cell (counts as active).
    case blank
    /// `active`.
    case active
    /// `lost`: the expansion signal is 0 whatever else holds.
    case lost
  }

  /// `expansion_ceiling_arr` in cents; `nil` is a blank (unknown) ceiling.
  var ceilingCents: Int64?
  /// `multi_bu`; `nil` is a blank cell (counts as false).
  var multiBU: Bool?
  /// `sponsor_status`.
  var sponsor: Sponsor
  /// `licensed_seats`; `nil` is blank.
  var licensedSeats: Int?
  /// `active_users`; `nil` is blank.
  var activeUsers: Int?
  /// `active_users_prev_quarter`; `nil` is blank.
  var activeUsersPreviousQuarter: Int?
}
