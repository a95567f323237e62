/// The previous run a quarter looked for and whether it was trusted (SPEC §8): the latest earlier
/// quarter that has a run folder, verified before it is read. One that fails is not used, and no
/// older run is used in its place; `run.json` records which (`previous_run`), and stderr and
/// memo.md say which file failed and why. The sentences live here, beside the rule.
package struct PreviousRunCheck: Sendable, Hashable {
  /// The previous run's quarter, as its folder names it.
  package var quarter: String
  /// Why it was not used; `nil` when it was verified and used.
  package var failure: PreviousRunManifest.Refusal?

  /// A previous run of `quarter`, verified when `failure` is `nil`.
  package init(quarter: String, failure: PreviousRunManifest.Refusal?) {
    self.quarter = quarter
    self.failure = failure
  }

  /// The line on stderr and the memo's sentence when the previous run is not used.
  package static func notUsed(quarter: String, failure: PreviousRunManifest.Refusal) -> String {
    "the previous run (\(quarter)) failed verification and is not used, nor any older run in its "
      + "place: \(failure.message)"
  }

  /// The memo's sentence for a previous run whose run.json (schema 2 or older) records no
  /// currency: it is taken to be in this run's.
  static func assumedCurrency(_ currency: String) -> String {
    "The previous run's run.json records no currency (schema_version 2 or older): it is taken to "
      + "be in \(currency), this run's currency."
  }

  /// Why a previous run in another currency is not compared.
  static func currencyMismatch(recorded: String, configured: String) -> String {
    "records the currency \(recorded), and this run's is \(configured): retention and cohorts "
      + "across currencies are not computed"
  }
}
