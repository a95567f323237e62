/// The state a chain of interims has left (SPEC §7): every account an interim of the quarter
/// re-placed, with its tier after the chain, the total and ARR it is ranked by, and whether an
/// interim displaced it from a capped tier. The n-th interim starts from the state the (n−1)-th
/// recorded in its `run.json` (member ``memberName``), laid over the completed run's
/// `tiers.csv`, so no chain puts more accounts in a capped tier than its seats plus overrides,
/// and an account displaced once is not displaced again unless it re-entered the tier.
package struct InterimChain: Sendable, Hashable {
  /// One re-placed account.
  package struct Placement: Sendable, Hashable {
    /// Its tier after the chain.
    var tier: Int
    /// The total it is ranked by: its re-scored total for a hot account, the completed run's
    /// for a displaced incumbent.
    var total: ExactDecimal
    /// The ARR it is ranked by.
    var arr: Money
    /// Displaced from a capped tier by an interim of the chain, and not moved up since: never a
    /// candidate for displacement again.
    var wasDisplaced: Bool
  }

  /// The number of the interim that left this state; 0 for the completed run alone.
  package var number: Int
  /// The re-placed accounts, by id.
  package var placements: [String: Placement]

  /// The start of a chain: the completed run alone.
  package static let start = InterimChain(number: 0, placements: [:])

  /// The `run.json` member an interim records its audit and the state after it in.
  static let memberName = "interim"

  /// The state after the next interim, which made `moves`: a hot account that moved is placed
  /// with its new rank from `rescored` (total and ARR by id) and is no longer displaced; an
  /// incumbent it displaced is placed one tier down with its rank from `incumbents`, marked
  /// displaced.
  func advanced(
    by moves: [InterimRescore.Move], rescored: [String: (total: ExactDecimal, arr: Money)],
    incumbents: [String: InterimRescore.Seated]
  ) -> InterimChain {
    var next = InterimChain(number: number + 1, placements: placements)
    for move in moves {
      if let hot = rescored[move.id] {
        next.placements[move.id] = Placement(
          tier: move.to, total: hot.total, arr: hot.arr, wasDisplaced: false)
      } else if let seated = incumbents[move.id] {
        next.placements[move.id] = Placement(
          tier: move.to, total: seated.total, arr: seated.arr, wasDisplaced: true)
      }
    }
    return next
  }

  /// `seated` (the completed run's capped-tier incumbents) with this chain's placements laid
  /// over it: a re-placed account is where the chain left it, with its rank and whether it was
  /// displaced; `cappedTiers` says which tiers hold incumbents.
  func seated(
    over seated: [InterimRescore.Seated], cappedTiers: Set<Int>
  ) -> [InterimRescore.Seated] {
    guard !placements.isEmpty else { return seated }
    var result = seated.filter { placements[$0.id] == nil }
    let overrides = Set(seated.filter(\.isOverride).map(\.id))
    for (id, placement) in placements.sorted(by: { $0.key < $1.key })
    where cappedTiers.contains(placement.tier) {
      result.append(
        InterimRescore.Seated(
          id: id, tier: placement.tier, total: placement.total, arr: placement.arr,
          isOverride: overrides.contains(id), wasDisplaced: placement.wasDisplaced))
    }
    return result
  }

  /// The state as recorded in `run.json`, accounts by id.
  var jsonValue: JSONValue {
    .object([
      ("number", .integer(number)),
      (
        "accounts",
        .array(
          placements.sorted { $0.key < $1.key }.map { id, placement in
            .object([
              ("account_id", .string(id)), ("tier", .integer(placement.tier)),
              ("total", .decimal(placement.total)), ("arr", .string(placement.arr.description)),
              ("displaced", .bool(placement.wasDisplaced)),
            ])
          })
      ),
    ])
  }

  /// Why an interim's `run.json` cannot continue the chain.
  package struct Refusal: Error, Sendable, Hashable {
    /// One sentence for the message.
    package var message: String
  }

  /// The state recorded by interim `number` of `quarter` in its `run.json` (`bytes`), or why it
  /// cannot be trusted: not JSON, another quarter, another number, or a state out of range for
  /// `tierCount` tiers. The one place a chain is read back; the CLI verifies the folder (every
  /// file against run.json) before it hands the bytes here.
  package static func read(
    runJSON bytes: [UInt8], quarter: String, number: Int, tierCount: Int
  ) -> Result<InterimChain, Refusal> {
    var recordedQuarter: String?
    var chainAfter: JSONReader.Value?
    var reader = JSONReader(bytes)
    do throws(JSONReader.SyntaxError) {
      try reader.forEachMember {
        (key: String, reader: inout JSONReader) throws(JSONReader.SyntaxError) in
        switch key {
        case "quarter":
          recordedQuarter = try reader.value().string
        case memberName:
          guard reader.nextIsObject() else { return try reader.skipValue() }
          // Only the state is built: the flags (up to one per account) are only checked to be
          // JSON.
          try reader.forEachObjectMember {
            (key: String, reader: inout JSONReader) throws(JSONReader.SyntaxError)
            in
            guard key == "chain_after" else { return try reader.skipValue() }
            chainAfter = try reader.value()
          }
        default:
          try reader.skipValue()
        }
      }
    } catch {
      // The strict reader refuses a repeated key itself, naming it.
      return .failure(Refusal(message: "its run.json is not strict JSON: \(error.description)"))
    }
    guard recordedQuarter == quarter else {
      return .failure(Refusal(message: "its run.json does not name \(quarter)"))
    }
    guard let chain = chainAfter else {
      return .failure(
        Refusal(message: "its run.json records no chain state (interim.chain_after)"))
    }
    guard chain["number"]?.integer == number else {
      return .failure(Refusal(message: "its run.json records another interim number"))
    }
    guard case .array(let accounts) = chain["accounts"] ?? .null else {
      return .failure(Refusal(message: "its run.json records no chain accounts"))
    }
    var placements: [String: Placement] = [:]
    for entry in accounts {
      guard let id = entry["account_id"]?.string, !id.isEmpty, placements[id] == nil,
        let tier = entry["tier"]?.integer, (1...tierCount).contains(tier),
        let totalText = entry["total"]?.numberText, let total = ExactDecimal(totalText),
        let arrText = entry["arr"]?.string, let arr = Money(arrText),
        let displaced = entry["displaced"]?.bool
      else {
        return .failure(
          Refusal(message: "its run.json has a chain account out of range or repeated"))
      }
      placements[id] = Placement(tier: tier, total: total, arr: arr, wasDisplaced: displaced)
    }
    return .success(InterimChain(number: number, placements: placements))
  }
}
