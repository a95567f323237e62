import Foundation
import Testing

@testable import RetierCore

/// Who holds each account memo's conversation (SPEC §6 `memos/`), and what every account memo
/// must say as speech, on generated books.
@Suite("Conversation holders and memos as speech")
struct ConversationHolderTests {
  private static func csm(
    _ id: String, name: String, active: Bool = true, manager: String = ""
  ) -> CSM {
    CSM(
      line: 2, id: id, name: name, email: "", crmUserID: id, tier: 1, maxAccounts: nil,
      isActive: active, manager: manager)
  }

  private static let people = PeopleDirectory(
    roster: [
      csm("active", name: "Ava Chen", manager: "Marco Ruiz"),
      csm("gone", name: "Priya Raman", active: false, manager: "Elena Petrova"),
      csm("gone-unmanaged", name: "Sam Poe", active: false),
    ], poolOwnerID: "cs-pool")

  @Test(
    "the rule's order: owner before when active, new owner, manager, cs_leader, the CS lead",
    arguments: [
      ("active", "gone", "Lead Name", "Ava Chen", ConversationHolder.Source.ownerBefore),
      ("gone", "active", "Lead Name", "Ava Chen", .newOwner),
      ("gone", "cs-pool", "Lead Name", "Elena Petrova", .manager),
      ("gone", "", nil, "Elena Petrova", .manager),
      ("gone-unmanaged", "cs-pool", "Lead Name", "Lead Name", .csLeader),
      ("not-on-roster", "", "  ", "the CS lead", .unnamedCSLead),
      ("cs-pool", "", nil, "the CS lead", .unnamedCSLead),
      ("", "active", nil, "Ava Chen", .newOwner),
    ] as [(String, String, String?, String, ConversationHolder.Source)])
  func order(
    before: String, after: String, leader: String?, name: String,
    source: ConversationHolder.Source
  ) {
    let holder = ConversationHolder.of(
      ownerBefore: before, newOwner: after, people: Self.people, csLeader: leader)
    #expect(holder.name == name)
    #expect(holder.source == source)
    // Never an inactive person, never an id off the roster.
    #expect(!["Priya Raman", "Sam Poe", "not-on-roster", "gone", "cs-pool"].contains(holder.name))
  }

  private func result(seed: UInt64, leader: String?) throws -> RunResult {
    var configuration = Configuration()
    configuration.maxRejectedShare = ExactDecimal(1)
    configuration.csLeader = leader
    return try Retier.decide(
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!, files: GeneratedDrop(seed: seed).files(),
        configuration: configuration, configBytes: [], toolVersion: "property"))
  }

  /// Amounts with cents, `194,007.40`, `12.50` (hours are not money).
  private static var centsAmount: Regex<Substring> {
    #/\d{1,3}(?:,\d{3})*\.\d\d(?![\d])(?! ×| support hours| hours| extra hours)/#
  }
  /// Any amount, `14,000` or `13,999.60`.
  private static var anyAmount: Regex<Substring> { #/\d{1,3}(?:,\d{3})*(?:\.\d\d)?(?![\d])/# }

  /// `194,007.40` in cents.
  private static func cents(_ text: Substring) -> Int {
    let parts = text.replacing(",", with: "").split(separator: ".")
    return (Int(parts[0]) ?? 0) * 100 + (parts.count == 2 ? Int(parts[1]) ?? 0 : 0)
  }

  @Test(
    "every account memo names its holder and executive, speaks without codes or cents",
    arguments: Array(UInt64(1)...60))
  func memosAreSpeech(seed: UInt64) throws {
    let leader: String? = seed.isMultiple(of: 2) ? "Morgan Lee" : nil
    let result = try result(seed: seed, leader: leader)
    let lookups = RunLookups(result)
    let activeNames = Set(
      result.book.roster.filter(\.isActive).map { lookups.people.name(of: $0.id) })
    let managers = Set(result.book.roster.map(\.manager))
    let codes = ["`", "tier1_cap", "tier2_cap", "skipped_reviews", "new_logo", "invalid_input"]
    #expect(Set(AccountMemo.memoRefs(result)) == Set(lookups.holders.keys))
    for ref in AccountMemo.memoRefs(result) {
      let memo = String(
        decoding: AccountMemo.markdownBytes(for: ref, lookups: lookups), as: UTF8.self)
      let id = result.ledger.id(ref)
      let holder = try #require(lookups.holders[ref])
      let allowed = activeNames.union(managers).union(leader.map { [$0] } ?? [])
      #expect(
        allowed.contains(holder.name) || (leader == nil && holder.source == .unnamedCSLead),
        "\(id): held by \(holder.name)")
      let opening = memo.split(separator: "\n").prefix(6).joined(separator: "\n")
      #expect(opening.contains("Held by **\(ReviewMemo.escaped(holder.name))**"), "\(id)")
      let executive = result.ledger.accountExecutive(ref)
      #expect(
        opening.contains(
          executive.name.isEmpty
            ? ConversationHolder.unnamedSalesOwner : "**\(ReviewMemo.escaped(executive.name))**"),
        "\(id)")
      for code in codes { #expect(!memo.contains(code), "\(id): says \(code)") }
      // Cents only where a figure and the line it is compared with read as the same unit.
      for line in memo.split(separator: "\n") where !line.hasPrefix("- CSM hours") {
        let all = line.matches(of: Self.anyAmount).map { Self.cents($0.output) }
        for match in line.matches(of: Self.centsAmount) {
          let amount = Self.cents(match.output)
          let units = (amount + 50) / 100
          #expect(
            all.contains { $0 != amount && ($0 + 50) / 100 == units },
            "\(id): \(match.output) keeps its cents in: \(line)")
        }
      }
      let from = result.ledger.currentTier(ref)
      if let from, result.ledger.decisions.finalTier(ref) > from {
        #expect(memo.contains(AccountMemo.relationshipLine), "\(id)")
        #expect(memo.contains("approved by the sales leader and the CS leader together"), "\(id)")
      }
    }
  }
}
