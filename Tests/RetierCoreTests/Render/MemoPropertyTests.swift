import Foundation
import Testing

@testable import RetierCore

/// What the account memos and memo.md say, checked against the decisions on generated books
/// (issue "memos"): the reason a memo gives is the decision's, the time a demotion frees goes to
/// a real promotion into its old tier (or its seat-taker), lists stop at `memo_list_limit` and
/// point to the CSV, and every table counts the same accounts.
@Suite("Memo properties over generated books")
struct MemoPropertyTests {
  /// Seeds of the generated books.
  static let seeds: [UInt64] = Array(1...120)

  private func result(seed: UInt64, listLimit: Int = 200) throws -> RunResult {
    var configuration = Configuration()
    configuration.maxRejectedShare = ExactDecimal(1)
    configuration.memoListLimit = listLimit
    return try Retier.decide(
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!, files: GeneratedDrop(seed: seed).files(),
        configuration: configuration, configBytes: [], toolVersion: "property"))
  }

  /// The lines of a memo between `heading` and the next `## ` heading.
  private func section(_ heading: String, of text: String) -> String {
    guard let start = text.range(of: heading + "\n") else { return "" }
    let rest = text[start.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  @Test(
    "a first placement's memo lists what the customer now gets: no Tier 0, no old grid",
    arguments: seeds)
  func firstPlacementIsAHandoff(seed: UInt64) throws {
    let result = try result(seed: seed)
    let lookups = RunLookups(result)
    for index in AccountMemo.memoRefs(result) where result.ledger[index].currentTier == nil {
      let memo = String(
        decoding: AccountMemo.markdownBytes(for: index, lookups: lookups), as: UTF8.self)
      let gets = section("## What the customer now gets", of: memo)
      #expect(!gets.isEmpty, "\(memo)")
      #expect(!memo.contains("Tier 0"), "\(memo)")
      #expect(!gets.contains("(unchanged)"), "\(gets)")
      #expect(!gets.contains(" → "), "\(gets)")
      #expect(!gets.contains("reinvested") && !gets.contains("returns to"), "\(gets)")
    }
  }

  @Test(
    "each memo's reason is the decision's reason, and no sentence contradicts the move",
    arguments: seeds)
  func reasonMatchesDecision(seed: UInt64) throws {
    let result = try result(seed: seed)
    let lookups = RunLookups(result)
    for index in AccountMemo.memoRefs(result) {
      let memo = String(
        decoding: AccountMemo.markdownBytes(for: index, lookups: lookups), as: UTF8.self)
      let decision = result.ledger.decisions[index]
      // A first placement's memo is the handoff, with no move to contradict.
      guard let from = result.ledger[index].currentTier else { continue }
      let why = section("## Why it moved", of: memo)
      #expect(memo.contains(" moved from Tier \(from) to Tier \(decision.finalTier) this quarter"))
      switch decision.reason {
      case .rubric:
        #expect(why.contains(", which lands in Tier \(decision.finalTier)."))
      case .skippedReviews:
        #expect(why.contains("which on the rubric alone lands in Tier \(decision.rubricTier)."))
        #expect(why.contains("move it one tier below Tier \(from), whose CSM runs business"))
      case .cap(let tier):
        if decision.isHeldBySkippedReviews {
          #expect(
            why.contains("move it one tier below Tier \(from), whose CSM runs business")
              || why.contains("hold it in Tier \(from): no account moves up"))
        } else {
          #expect(why.contains("which reaches the Tier \(decision.targetTier) line of "))
        }
        if let taker = lookups.displacement(of: index)?.takenBy {
          #expect(why.contains("Tier \(tier) is capped at "))
          #expect(why.contains(ReviewMemo.escaped(result.ledger[taker].id)))
        } else {
          #expect(why.contains("It did not get one of the "))
        }
      case .override:
        #expect(why.contains("which on the rubric alone lands in Tier \(decision.rubricTier)."))
        #expect(why.contains("A dual-approved exception sets Tier \(decision.finalTier) instead"))
      case .newLogo:
        #expect(why.contains("which on the rubric alone lands in Tier \(decision.rubricTier)."))
        #expect(why.contains("it is held in Tier \(decision.finalTier) until the "))
      case .invalidInput:
        Issue.record("a rejected account has no memo")
      }
      // "lands in Tier N" only ever names the tier the rubric gives.
      for tier in 1...result.configuration.tierCount where tier != decision.rubricTier {
        #expect(!why.contains("lands in Tier \(tier)."))
      }
      // A demotion's memo has the script's closing lines; a promotion's is the handoff.
      if decision.finalTier > from {
        #expect(memo.contains(AccountMemo.relationshipLine))
        #expect(memo.contains("This is a quarterly snapshot, not a permanent downgrade: "))
        if decision.reason == .newLogo {
          let hold = AccountMemo.newLogoHoldEnd(index, result: result).endsWith
          #expect(
            memo.contains("re-enter \(lookups.tierLabel(from)) at the \(hold.label) re-tier."))
          #expect(!memo.contains("at the next re-tier"))
        } else if decision.reason != .override {
          #expect(memo.contains("they re-enter \(lookups.tierLabel(from)) at the next re-tier."))
        }
      } else {
        #expect(memo.contains("## Who owns it now") && !memo.contains("## The way back"))
      }
    }
  }

  @Test(
    "the time a demotion frees goes to its seat-taker or a promotion into its old tier",
    arguments: seeds)
  func reinvestmentIsARealPromotion(seed: UInt64) throws {
    let result = try result(seed: seed)
    let lookups = RunLookups(result)
    let ledger = result.ledger
    let decisions = result.ledger.decisions
    var used: Set<AccountRef> = []
    for index in AccountMemo.memoRefs(result) {
      guard let from = ledger[index].currentTier, decisions[index].finalTier > from else {
        continue
      }
      let memo = String(
        decoding: AccountMemo.markdownBytes(for: index, lookups: lookups), as: UTF8.self)
      let reset = section("## What changes for the customer", of: memo)
      if let taker = lookups.displacement(of: index)?.takenBy {
        #expect(decisions[taker].finalTier == from)
        #expect(reset.contains("are reinvested in "))
        #expect(reset.contains(ReviewMemo.escaped(ledger[taker].id)))
      } else if let promoted = lookups.reinvestment.promotion(reinvestedFrom: index) {
        // A promotion into the tier this account left, this quarter, used once.
        let promotedFrom = try #require(ledger[promoted].currentTier)
        #expect(decisions[promoted].finalTier == from && promotedFrom > from)
        #expect(lookups.seatTaken(by: promoted) == nil)
        #expect(used.insert(promoted).inserted)
        #expect(reset.contains("promoted into Tier \(from) this quarter."))
        #expect(reset.contains(ReviewMemo.escaped(ledger[promoted].id)))
      } else {
        #expect(reset.contains("the time returns to "))
      }
    }
    // Pairs go in rank order: a paired demotion never outranks an unpaired one of its tier, and
    // an unpaired promotion never outranks a paired one.
    func rank(_ index: AccountRef) -> (ExactDecimal, Money) {
      (result.ledger.scores[index].total, ledger[index].arr)
    }
    for index in ledger.refs {
      guard let promoted = lookups.reinvestment.promotion(reinvestedFrom: index) else { continue }
      #expect(lookups.reinvestment.demotion(reinvestedIn: promoted) == index)
    }
    for tier in 1...result.configuration.tierCount {
      let demotions = ledger.refs.filter {
        ledger[$0].currentTier == tier && decisions[$0].finalTier > tier
          && lookups.displacement(of: $0) == nil
      }
      let paired = demotions.filter { lookups.reinvestment.promotion(reinvestedFrom: $0) != nil }
      let unpaired = demotions.filter {
        lookups.reinvestment.promotion(reinvestedFrom: $0) == nil
      }
      for low in paired {
        for high in unpaired { #expect(rank(low).0 <= rank(high).0) }
      }
    }
  }

  @Test(
    "every list of memo.md stops at memo_list_limit, the first by ARR, and points to the CSV",
    arguments: seeds.prefix(60))
  func listLimit(seed: UInt64) throws {
    let limit = 3
    let result = try result(seed: seed, listLimit: limit)
    let lookups = RunLookups(result)
    let text = String(
      decoding: RenderedRun.bytes(
        of: ReviewMemo.piecewise(ReviewDocument(result, lookups: lookups))),
      as: UTF8.self)
    let sections: [(MovementDirection, String)] = [
      (.firstPlacement, "First placements"), (.promotion, "Promotions"), (.demotion, "Demotions"),
    ]
    let configuration = result.configuration
    let isNamed = { (tier: Int?) in tier.map { configuration.tier($0).coverage == .named } == true }
    for (direction, title) in sections {
      let moved = result.ledger.refs.filter { lookups.direction(of: $0) == direction }
      // Moves into or out of a named tier are listed; those between pooled tiers counted.
      let listed = moved.filter {
        isNamed(result.ledger.currentTier($0)) || isNamed(result.ledger.decisions.finalTier($0))
      }
      let body = section("## \(title) (\(moved.count))", of: text)
      let rows = body.split(separator: "\n").filter { $0.hasPrefix("| **") }
      #expect(rows.count == min(listed.count, limit))
      #expect(body.contains("movements.csv lists every one") == (listed.count > limit))
      // The rows shown are the `limit` with the most ARR.
      let byARR = listed.sorted {
        let (left, right) = (result.ledger[$0], result.ledger[$1])
        return left.arr != right.arr ? left.arr > right.arr : left.id < right.id
      }
      for index in byARR.prefix(limit) {
        let cell = "| **\(ReviewMemo.escaped(result.ledger[index].id))**"
        #expect(rows.contains { $0.hasPrefix(cell) })
      }
    }
  }

  @Test(
    "the tier counts, the transition matrix and the capacity table count the same accounts",
    arguments: seeds)
  func countsAgree(seed: UInt64) throws {
    let result = try result(seed: seed)
    let text = String(
      decoding: RenderedRun.bytes(
        of: ReviewMemo.piecewise(ReviewDocument(result, lookups: RunLookups(result)))),
      as: UTF8.self)
    let tierCount = result.configuration.tierCount
    let valid = result.book.ledger.accounts.count
    func cells(_ line: Substring) -> [String] {
      line.split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) }
    }
    let counts = section("## Tier counts", of: text).split(separator: "\n")
    let matrixTotal = try #require(
      section("## Transitions", of: text).split(separator: "\n").first { $0.hasPrefix("| total |") }
    )
    let columnTotals = cells(matrixTotal).dropFirst()
    #expect(columnTotals.last == String(valid))
    for tier in 1...tierCount {
      let label = ReviewMemo.escaped(Prose.tierLabel(tier, in: result.configuration))
      let row = try #require(counts.first { $0.hasPrefix("| \(label) |") })
      let after = cells(row)[2]
      #expect(after == columnTotals[columnTotals.startIndex + tier - 1])
      let capacityRow = try #require(
        section("## Capacity and hiring", of: text).split(separator: "\n").first {
          $0.hasPrefix("| \(label)")
        })
      #expect(cells(capacityRow)[1] == after)
      #expect(after == String(result.owners.capacity[tier - 1].accounts))
    }
    #expect(counts.contains { $0.hasPrefix("| valid accounts | \(valid) | \(valid) | 0 |") })
    let rejected = result.book.ledger.rejectedAccounts.count
    #expect(
      counts.contains {
        $0.hasPrefix("| rejected (keep the tier they hold) | \(rejected) | \(rejected) | 0 |")
      })
    #expect(text.contains("\(ReviewMemo.counted(valid, "valid account")): "))
  }
}
