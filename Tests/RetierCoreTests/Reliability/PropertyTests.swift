import Foundation
import Testing

@testable import RetierCore

/// Invariants that must hold for any book (issue "Reliability"): checked on hundreds of seeded
/// random drops. A failing seed replays exactly.
@Suite("Properties over generated books")
struct PropertyTests {
  /// Seeds of the generated books (CI-sized).
  static let seeds: [UInt64] = Array(1...300)

  /// A configuration that never aborts on the error budget, so every book reaches the outputs.
  static let configuration: Configuration = {
    var configuration = Configuration()
    configuration.maxRejectedShare = ExactDecimal(1)
    return configuration
  }()

  private func run(_ files: DropFiles) throws -> (result: RunResult, files: [OutputFile]) {
    try RenderedRun.run(
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!, files: files, configuration: Self.configuration,
        configBytes: [], toolVersion: "property"))
  }

  @Test("every account row is accounted for exactly once", arguments: seeds)
  func everyRowAccountedFor(seed: UInt64) throws {
    let drop = GeneratedDrop(seed: seed)
    let (result, _) = try run(drop.files())
    let rows = result.tierRows
    // One tiers.csv row per distinct usable id…
    let usableIDs = Set(
      drop.accounts.dropFirst().map { String($0[0].trimmingSpaces) }.filter { !$0.isEmpty })
    #expect(rows.count == usableIDs.count)
    #expect(Set(rows.map(\.accountID)) == usableIDs)
    // …and every row of a rejected account is in rejected.csv with its line.
    let rejectedLines = Set(
      result.book.rejections.filter { $0.file == DropFiles.Name.accounts }.map(\.line))
    let validIDs = Set(result.book.ledger.accounts.map(\.id))
    let document = try CSVReader.parse(drop.files().accounts)
    for row in 0..<document.rowCount {
      let id = String(document.field(row: row, column: 0).trimmingSpaces)
      let line = document.line(ofRow: row)
      guard !validIDs.contains(id) else { continue }
      let isListed =
        rejectedLines.contains(line)
        || result.book.rejections.contains { $0.accountID == id && !id.isEmpty }
      #expect(isListed, "row on line \(line) (\(id)) is neither valid nor rejected")
    }
    #expect(
      result.book.ledger.accounts.count + result.book.ledger.rejectedAccounts.count
        == usableIDs.count)
  }

  @Test("no capped tier holds more than its seats, except by overrides", arguments: seeds)
  func capsHold(seed: UInt64) throws {
    let (result, _) = try run(GeneratedDrop(seed: seed).files())
    for report in result.tiering.capReports {
      let inTier = result.ledger.decisionList.filter { $0.finalTier == report.tier }
      let overrides = inTier.count { $0.reason == .override }
      #expect(inTier.count <= max(report.seats, overrides))
      #expect(inTier.count - overrides <= max(0, report.seats - overrides))
    }
  }

  @Test("tier counts before and after balance", arguments: seeds)
  func countsBalance(seed: UInt64) throws {
    let (result, files) = try run(GeneratedDrop(seed: seed).files())
    // Count from_tier and to_tier of valid accounts in the rendered tiers.csv, independently of
    // the model; rejected accounts (reason invalid_input) are a count of their own.
    let tiersCSV = try CSVReader.parse(try #require(files.first { $0.path == "tiers.csv" }).bytes)
    let fromColumn = try #require(tiersCSV.columnIndex(named: "from_tier"))
    let toColumn = try #require(tiersCSV.columnIndex(named: "to_tier"))
    let reasonColumn = try #require(tiersCSV.columnIndex(named: "reason"))
    var before: [String: Int] = [:]
    var after: [String: Int] = [:]
    var rejected = 0
    for row in 0..<tiersCSV.rowCount {
      guard tiersCSV.field(row: row, column: reasonColumn) != "invalid_input" else {
        rejected += 1
        continue
      }
      before[tiersCSV.field(row: row, column: fromColumn), default: 0] += 1
      after[tiersCSV.field(row: row, column: toColumn), default: 0] += 1
    }
    // run.json must report the same counts per tier ("" = no tier) …
    let manifest = try #require(files.first { $0.path == "run.json" })
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(manifest.bytes)) as? [String: Any])
    let tiers = try #require(json["tiers"] as? [[String: Any]])
    for entry in tiers {
      let key = (entry["tier"] as? Int).map(String.init) ?? ""
      #expect(entry["before"] as? Int == before[key, default: 0], "before, tier '\(key)'")
      #expect(entry["after"] as? Int == after[key, default: 0], "after, tier '\(key)'")
    }
    // … and both sides must add up to one row per account with a usable id.
    let counts = try #require(json["counts"] as? [String: Any])
    #expect(counts["rejected_accounts"] as? Int == rejected)
    let total = tiers.reduce(0) { $0 + ($1["before"] as? Int ?? 0) }
    #expect(total + rejected == tiersCSV.rowCount)
    #expect(tiers.reduce(0) { $0 + ($1["after"] as? Int ?? 0) } == total)
    // Valid accounts always end placed; only a rejected account with no valid tier has none.
    #expect(result.tierRows.filter { $0.toTier == nil }.allSatisfy { $0.reason == .invalidInput })
  }

  @Test(
    "no CSM carries more accounts than their capacity but by holds, which the table shows",
    arguments: seeds)
  func ownersWithinCapacity(seed: UInt64) throws {
    let (result, _) = try run(GeneratedDrop(seed: seed).files())
    let configuration = result.configuration
    let ledger = result.ledger
    let holds = HoldRule(configuration: configuration, runDate: result.runDate)
    var load: [String: Int] = [:]
    var held: [String: Int] = [:]
    for ref in ledger.refs where !ledger.owners[ref].isEmpty {
      load[ledger.owners[ref], default: 0] += 1
      if holds.reason(ledger, ref) != nil, ledger.owners[ref] == ledger.ownerID(ref) {
        held[ledger.owners[ref], default: 0] += 1
      }
    }
    for csm in result.book.roster where csm.isActive {
      guard configuration.tier(csm.tier).coverage == .named else { continue }
      let capacity = csm.maxAccounts ?? configuration.tier(csm.tier).capacity
      let carried = load[csm.id, default: 0]
      #expect(carried - held[csm.id, default: 0] <= capacity, "\(csm.id) over capacity")
      if carried > capacity {
        let row = result.owners.capacity[csm.tier - 1]
        #expect(row.flags.contains { $0.hasSuffix("past capacity by holds") }, "\(csm.id)")
      }
    }
    // Every owner given is an active CSM of the account's tier, or the pool; a held account
    // keeps its owner, an active CSM of a named tier.
    let active = Dictionary(
      result.book.roster.filter(\.isActive).map { ($0.id, $0.tier) },
      uniquingKeysWith: { first, _ in first })
    for ref in ledger.refs where !ledger.owners[ref].isEmpty {
      let owner = ledger.owners[ref]
      let tier = ledger.decisions.finalTier(ref)
      if ledger.ownerChangeReasons[ref]?.isHold ?? false {
        #expect(owner == ledger.ownerID(ref))
        #expect(active[owner].map { configuration.tier($0).coverage == .named } == true)
      } else if configuration.tier(tier).coverage == .pooled {
        #expect(owner == configuration.poolOwnerID)
      } else {
        #expect(active[owner] == tier)
      }
    }
  }

  @Test(
    "outputs are byte-identical across runs and independent of row and column order",
    arguments: Array(seeds.prefix(100)))
  func orderIndependent(seed: UInt64) throws {
    let drop = GeneratedDrop(seed: seed)
    let first = try run(drop.files()).files
    #expect(try run(drop.files()).files == first)
    // Line numbers (rejected.csv) and input checksums (run.json, memo.md, memo.html)
    // legitimately depend on the byte layout of the inputs; every decision output must not.
    let layoutFree = { (files: [OutputFile]) in
      files.filter { !["rejected.csv", "run.json", "memo.md", "memo.html"].contains($0.path) }
    }
    let shuffled = try run(drop.files(shuffledWith: seed &* 7919)).files
    let expected = layoutFree(first)
    let actual = layoutFree(shuffled)
    #expect(actual.map(\.path) == expected.map(\.path))
    for (lhs, rhs) in zip(expected, actual) where lhs != rhs {
      let diff = GoldenFile.lineDiff(expected: lhs.bytes, actual: rhs.bytes)
      Issue.record("\(lhs.path) changed with row/column order:\n\(diff)")
    }
  }
}
