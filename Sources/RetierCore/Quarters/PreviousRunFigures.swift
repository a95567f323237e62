/// What a run keeps of the previous complete run (SPEC §8): the across-quarter figures and the
/// CRM drift, computed once when the previous run is attached, so that neither memo computes
/// them again and the previous run's record (a line per account) is not held through the
/// render.
struct PreviousRunFigures: Sendable {
  /// An account whose CRM tier differs from the tier the previous run gave it.
  struct DriftedAccount: Sendable {
    /// Its line of this run's `tiers.csv`.
    var row: TierRow
    /// The tier the previous run gave it.
    var previousTier: Int
  }

  /// The previous run's quarter as its `run.json` names it; `nil` when it was not read.
  var quarter: String?
  /// Why the previous `run.json` was not read, in words for the memos; `nil` when it was.
  var manifestProblem: String?
  /// The tier scorecard, the re-elevation watch and the flapping accounts.
  var acrossQuarters: AcrossQuarters
  /// The accounts whose CRM tier differs from the previous run's, in `tiers.csv` order.
  var crmDrift: ListHead<DriftedAccount>

  /// The figures of `result` against `previous`, each list kept as far as the longer of the
  /// two memos shows it.
  init(_ result: RunResult, previous: PreviousRunRecord) {
    let keeping = max(result.configuration.memoListLimit, ReviewPage.listLimit)
    quarter = previous.manifest?.quarter
    manifestProblem = previous.manifestProblem
    // One after the other, not on two cores: a second thread's heap kept about 10 MiB of the
    // figures' scratch resident through the render (measured at 1M), for 0.3 s saved.
    acrossQuarters = ReviewMemo.acrossQuarterFigures(result, previous: previous, keeping: keeping)
    crmDrift = ReviewMemo.crmDriftRows(result, previous: previous, keeping: keeping)
  }
}

/// The head of a list the memos show only in part: its first items, as many as the longest
/// listing shows, and its exact length. A 1M run can find 146,000 drifted accounts; the memos
/// list the first few and count the rest, so only those few are kept.
struct ListHead<Item: Sendable>: Sendable {
  /// The first items, at most ``capacity``.
  private(set) var first: [Item] = []
  /// How many items the whole list has.
  private(set) var count = 0
  /// How many items are kept.
  let capacity: Int

  /// An empty list keeping its first `capacity` items.
  init(keeping capacity: Int) {
    self.capacity = max(capacity, 0)
  }

  /// Whether the list has no item.
  var isEmpty: Bool { count == 0 }

  /// Counts one more item, built only when it is kept.
  mutating func append(_ item: @autoclosure () -> Item) {
    if first.count < capacity { first.append(item()) }
    count += 1
  }

  /// The first `limit` items and, when there are more, `…and N more` (with `; see <file>`),
  /// worded as ``ReviewMemo/capped(_:limit:seeAlso:)``; `limit` is at most ``capacity``.
  func capped(limit: Int, seeAlso: String? = nil) -> (shown: ArraySlice<Item>, more: String?) {
    precondition(limit <= capacity || count <= capacity, "a list head shows what it kept")
    guard count > limit else { return (first[...], nil) }
    let suffix = seeAlso.map { "; see \($0)" } ?? ""
    return (first.prefix(limit), "…and \(count - limit) more\(suffix).")
  }
}
