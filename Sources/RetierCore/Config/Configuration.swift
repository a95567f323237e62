/// The job's rules: the calendar, the error budget, the rubric and the tier ladder. Every key has
/// the default of SPEC.md. Where the drops and the outputs live (`inbox`, `output`) is the
/// executable's business: it decodes them from the same file and resolves them.
package struct Configuration: Sendable, Hashable {
  /// First month of the fiscal year, 1–12.
  package var fiscalYearStartMonth = 1
  /// Days that are not business days for the run-date count.
  var holidays: [CalendarDate] = []
  /// Business days after quarter end on which the quarter is run.
  package var businessDaysAfterQuarterEnd = 10
  /// File that RevOps writes last to say the drop is complete; `nil` disables the check.
  package var readyMarker: String? = "READY"
  /// The most bytes any one input file may hold (`max_input_bytes`); a larger file is refused
  /// before it is read.
  package var maxInputBytes = Configuration.defaultMaxInputBytes
  /// The quarter the installation starts with: a run without `--quarter` never picks an earlier
  /// one, so a fresh install has nothing due until this quarter's run date; `nil` = no limit.
  package var firstQuarter: FiscalQuarter?
  /// Share of account rows that may be rejected before the run aborts.
  package var maxRejectedShare = ExactDecimal(millionths: 10_000)
  /// Rejected account rows always tolerated, whatever the share: the run aborts only when the
  /// rejected rows exceed both this and ``maxRejectedShare`` (so a small book survives a typo).
  package var maxRejectedRowsFloor = 3
  /// Quarters of tenure below which an account is a new logo.
  package var newLogoQuarters = 2
  /// Business reviews skipped in a row at which a named-tier account moves down one tier.
  package var reviewsSkippedLimit = 2
  /// Longest an override may run past the run date, in days.
  var overrideMaxDays = 92
  /// Owner id given to accounts of a pooled tier.
  var poolOwnerID = "cs-pool"
  /// The pool owner's user email, the `Company owner` of pooled accounts in the HubSpot import;
  /// `nil` leaves them out of it.
  package var poolOwnerEmail: String?
  /// The pool owner's CRM user id, the `OwnerId` of pooled accounts in the Salesforce import (a
  /// user: Salesforce accounts cannot be owned by a queue); `nil` leaves them out of it.
  package var poolOwnerCRMID: String?
  /// The CS leader's name: holds an account memo's conversation when neither owner is an active
  /// CSM and the old owner has no `manager`; `nil` makes the memo say "the CS lead".
  package var csLeader: String?
  /// Days after the run date within which a renewal holds the account's owner (SPEC §5 rule 0);
  /// 0 turns the renewal hold off.
  var renewalHoldDays = 90
  /// The most the ARR of a named tier's fullest CSM may be over the tier's mean ARR per CSM
  /// (max ÷ mean) before the capacity table flags the spread.
  var arrSpreadMax = ExactDecimal(millionths: 1_500_000)
  /// Fully loaded yearly cost of one CSM, for the coverage-cost ratio.
  var csmLoadedCost = ExactDecimal(150_000)
  /// Longest list `memo.md` prints in full; a longer one shows its first this many by ARR and
  /// points to the CSV that holds them all.
  var memoListLimit = 200
  /// Currency code of every amount, named in the header of each money column.
  var currency = "USD"
  /// The rubric's constants.
  package var rubric = RubricConstants()
  /// The tier ladder, Tier 1 first.
  var tiers: [TierDefinition] = TierDefinition.defaultLadder

  /// The default of `max_input_bytes`: 2 GiB.
  package static let defaultMaxInputBytes = 1 << 31

  /// Creates a configuration with every default.
  package init() {}

  /// The fiscal calendar the configuration describes.
  package var calendar: FiscalCalendar {
    FiscalCalendar(
      fiscalYearStartMonth: fiscalYearStartMonth, holidays: Set(holidays),
      businessDaysAfterQuarterEnd: businessDaysAfterQuarterEnd)
  }

  /// Number of tiers, K.
  package var tierCount: Int { tiers.count }

  /// The tier definition for a 1-based tier number.
  package func tier(_ number: Int) -> TierDefinition { tiers[number - 1] }
}
