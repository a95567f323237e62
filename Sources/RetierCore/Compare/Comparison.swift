/// `retier compare` (SPEC §7): the same quarter decided under two configurations (and, for the
/// second, possibly another roster), side by side. Pure: the executable decides both sides and
/// writes the Markdown where it is asked to.
package struct Comparison: Sendable {
  /// An account that lands in a different tier on the two sides.
  package struct Landing: Sendable, Hashable {
    /// `account_id`.
    package var accountID: String
    /// `account_name`.
    package var name: String
    /// ARR in cents.
    package var arrCents: Int128
    /// Its tier on the first side; `nil` when it is not a valid account there.
    package var baseTier: Int?
    /// Its tier on the second side; `nil` when it is not a valid account there.
    package var alternativeTier: Int?
    /// Why it lands there on the second side.
    package var alternativeReason: TierReason?
  }

  /// The most accounts landing differently that are listed.
  package static let landingListLimit = 50

  /// The configuration's side.
  package var base: ComparisonSide
  /// The alternative's side.
  package var alternative: ComparisonSide
  /// How many accounts land in a different tier (or are valid on one side only).
  package var landingCount: Int
  /// The first ``landingListLimit`` of them by ARR desc, then account id asc.
  package var landings: [Landing]

  /// An account valid on one side or both: its index on the alternative's side when it is valid
  /// there, else on the base side; and its base index when valid on both.
  private struct Entry {
    /// Whether ``index`` is into the alternative's accounts.
    var isAlternative: Bool
    /// Its index on that side.
    var index: Int
    /// Its index on the base side, when it is valid on both.
    var baseIndex: Int?
  }

  /// Compares two decisions of the same drop; both books are sorted by account id.
  package init(base: ComparisonSide, alternative: ComparisonSide) {
    self.base = base
    self.alternative = alternative
    var differing: [Entry] = []
    var baseIndex = 0
    var alternativeIndex = 0
    let baseIDs = base.accountIDs
    let alternativeIDs = alternative.accountIDs
    // One merge of the two sorted id lists.
    while baseIndex < baseIDs.count || alternativeIndex < alternativeIDs.count {
      if alternativeIndex == alternativeIDs.count
        || (baseIndex < baseIDs.count && baseIDs[baseIndex] < alternativeIDs[alternativeIndex])
      {
        differing.append(Entry(isAlternative: false, index: baseIndex, baseIndex: nil))
        baseIndex += 1
      } else if baseIndex == baseIDs.count
        || alternativeIDs[alternativeIndex] < baseIDs[baseIndex]
      {
        differing.append(Entry(isAlternative: true, index: alternativeIndex, baseIndex: nil))
        alternativeIndex += 1
      } else {
        if base.finalTiers[baseIndex] != alternative.finalTiers[alternativeIndex] {
          differing.append(
            Entry(isAlternative: true, index: alternativeIndex, baseIndex: baseIndex))
        }
        baseIndex += 1
        alternativeIndex += 1
      }
    }
    landingCount = differing.count
    func landing(_ entry: Entry) -> Landing {
      if entry.isAlternative {
        let index = entry.index
        return Landing(
          accountID: alternative.accountIDs[index], name: alternative.accountNames[index],
          arrCents: alternative.arrCents[index],
          baseTier: entry.baseIndex.map { Int(base.finalTiers[$0]) },
          alternativeTier: Int(alternative.finalTiers[index]),
          alternativeReason: alternative.reasons[index])
      }
      let names = base.accountNames
      return Landing(
        accountID: base.accountIDs[entry.index],
        name: names.indices.contains(entry.index) ? names[entry.index] : "",
        arrCents: base.arrCents[entry.index], baseTier: Int(base.finalTiers[entry.index]),
        alternativeTier: nil, alternativeReason: nil)
    }
    // Only the listed few are built into ``Landing`` values.
    let arr = { (entry: Entry) -> Int128 in
      entry.isAlternative ? alternative.arrCents[entry.index] : base.arrCents[entry.index]
    }
    let id = { (entry: Entry) -> String in
      entry.isAlternative ? alternative.accountIDs[entry.index] : base.accountIDs[entry.index]
    }
    differing.sort { lhs, rhs in
      let (left, right) = (arr(lhs), arr(rhs))
      return left != right ? left > right : id(lhs) < id(rhs)
    }
    landings = differing.prefix(Self.landingListLimit).map(landing)
  }
}
