/// One CSM of the roster (`csms.csv`).
package struct CSM: Sendable, Hashable {
  /// 1-based line in `csms.csv`.
  var line: Int
  /// `csm_id`, trimmed.
  package var id: String
  /// `name`.
  var name: String
  /// `email`, trimmed.
  package var email: String
  /// `crm_user_id`, trimmed: the CRM's user record id, the `OwnerId` of an account owner import;
  /// ``id`` when the column is absent or blank.
  package var crmUserID: String
  /// The tier whose book the CSM carries.
  var tier: Int
  /// `max_accounts`; `nil` means the tier's default capacity.
  var maxAccounts: Int?
  /// `active` (blank means true).
  var isActive: Bool
  /// `manager`, trimmed: the name of the CS lead this CSM reports to (empty when blank).
  var manager = ""
  /// `backfill_csm_id`, trimmed: who takes over an inactive CSM's book ("" when none).
  var backfillCSMID = ""
}
