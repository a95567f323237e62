import Testing

@testable import RetierCore

/// The demo drop (`fixtures/inbox/2026-Q3`) run in memory with `config/retier.json`, compared
/// file by file with `fixtures/expected/2026-Q3/`.
@Suite("Demo drop golden files")
struct DemoDropGoldenTests {
  /// The demo drop's run input.
  static func demoInput(
    config: String = "config/retier.json", folder: String = "fixtures/inbox/2026-Q3/"
  ) throws -> RunInput {
    let configBytes = try #require(RepositoryFiles.bytes(config))
    let configuration = try Configuration.load(json: configBytes, path: config)
    let files = DropFiles(
      accounts: try #require(RepositoryFiles.bytes(folder + "accounts.csv")),
      arr: try #require(RepositoryFiles.bytes(folder + "arr.csv")),
      usage: try #require(RepositoryFiles.bytes(folder + "usage.csv")),
      csms: try #require(RepositoryFiles.bytes(folder + "csms.csv")),
      overrides: RepositoryFiles.bytes(folder + "overrides.csv"))
    return RunInput(
      quarter: try #require(FiscalQuarter(label: "2026-Q3")), files: files,
      configuration: configuration, configBytes: configBytes, toolVersion: "golden")
  }

  @Test("every output file matches its golden file, and no file is missing or extra")
  func outputsMatchGoldenFiles() throws {
    let files = try RenderedRun.run(Self.demoInput()).files
    for file in files {
      GoldenFile.check(file.bytes, named: "2026-Q3/" + file.path)
    }
    guard !GoldenFile.isRecording else { return }
    let listing = try #require(RepositoryFiles.bytes("fixtures/expected/2026-Q3/FILES"))
    let expectedPaths = String(decoding: listing, as: UTF8.self).split(separator: "\n").map(
      String.init)
    #expect(files.map(\.path) == expectedPaths)
  }

  @Test("the file listing is recorded with the golden files")
  func listing() throws {
    let paths = try RenderedRun.run(Self.demoInput()).files.map(\.path)
    GoldenFile.check(Array((paths.joined(separator: "\n") + "\n").utf8), named: "2026-Q3/FILES")
  }

  @Test("the demo reproduces the spec's worked example, figure for figure")
  func workedExample() throws {
    let result = try Retier.decide(Self.demoInput())
    // 600 valid accounts, about 24M of ARR; the median and the cut lines of the rubric.
    #expect(result.book.ledger.accounts.count == 600)
    let bookARR = result.book.ledger.accounts.reduce(Money.zero) { $0 + $1.arr }
    #expect(bookARR.groupedWholeUnits == "23,939,554")
    #expect(result.cutLines.median == Money(units: 17_500))
    #expect(result.cutLines.topDecileCount == 60)
    #expect(result.cutLines.topQuartileCount == 150)
    #expect(result.cutLines.healthyARR == Money(units: 14_000))
    #expect(result.cutLines.floorARR == Money(units: 5_500))
    // Tier 1 = the top 60 accounts, ≈ 12M of ARR, takes the whole six-CSM team at ten each…
    let capacity = result.owners.capacity
    let tierOne = try #require(capacity.first { $0.tier == 1 })
    #expect(tierOne.accounts == 60)
    #expect(tierOne.arr.groupedWholeUnits == "11,283,274")
    #expect(tierOne.activeCSMs == 6)
    #expect(tierOne.accountsPerCSM == ExactDecimal(10))
    #expect(tierOne.csmsShort == 0 && tierOne.unassigned == 0)
    // …and leaves Tier 2 (170 accounts, no CSM, 80 per CSM) three CSMs short; one of them,
    // ACC-00233, stays with its Tier 1 CSM until its renewal (a renewal hold).
    let tierTwo = try #require(capacity.first { $0.tier == 2 })
    #expect(tierTwo.accounts == 170)
    #expect(tierTwo.activeCSMs == 0)
    #expect(tierTwo.csmsShort == 3)
    #expect(tierTwo.unassigned == 169)
    let tierThree = try #require(capacity.first { $0.tier == 3 })
    #expect(tierThree.accounts == 370 && tierThree.csmsShort == 1)
    // Every promotion into the full Tier 1 is paid for by a demotion: 60 seats, one override,
    // six accounts moved down by the cap, of which the four incumbents are each paired with the
    // account that took their seat.
    let report = try #require(result.tiering.capReports.first { $0.tier == 1 })
    #expect(report.seats == 60 && report.seatedCount == 60 && report.overrideCount == 1)
    #expect(report.displaced.count == 6)
    #expect(report.pairs.count == 4)
    #expect(report.pairs.allSatisfy { $0.takenBy != nil })
  }

  /// The demo drop with `fixtures/usage-signal/retier.json`: the demo config and the usage
  /// signal for the bottom 70% of the book (`rubric.usage_signal.below_share` 0.70).
  static func usageSignalInput() throws -> RunInput {
    try demoInput(config: "fixtures/usage-signal/retier.json")
  }

  @Test("with the usage signal, tiers.csv, movements.csv and memo.md match their golden files")
  func usageSignalGoldenFiles() throws {
    let files = try RenderedRun.run(Self.usageSignalInput()).files
    for path in ["tiers.csv", "movements.csv", "memo.md"] {
      let file = try #require(files.first { $0.path == path })
      GoldenFile.check(file.bytes, named: "usage-signal/2026-Q3/" + path)
    }
    // The long tail is scored on usage, and says so.
    let tiers = String(
      decoding: try #require(files.first { $0.path == "tiers.csv" }).bytes, as: UTF8.self)
    #expect(tiers.contains(",usage\n") && tiers.contains(",arr\n"))
  }

  @Test("with the usage signal, the memos of demoted accounts scored on usage match golden files")
  func usageSignalMemos() throws {
    let (result, files) = try RenderedRun.run(Self.usageSignalInput())
    // Their path back raises active users, not ARR: the usage raise and shortfall sentences.
    let names = AccountMemo.memoNames(result).filter { ref, _ in
      let from = result.ledger.currentTier(ref) ?? 0
      return result.ledger.scores[ref].firstSignal == .usage
        && result.ledger.decisions.finalTier(ref) > from
    }
    var memos: [String] = []
    for name in names.values.sorted() {
      let path = AccountMemo.folder + "/" + name
      let file = try #require(files.first { $0.path == path })
      GoldenFile.check(file.bytes, named: "usage-signal/2026-Q3/" + path)
      memos.append(String(decoding: file.bytes, as: UTF8.self))
    }
    // The set guards both sentences of the usage lever.
    #expect(memos.contains { $0.contains(": usage scores ") })
    #expect(
      memos.contains {
        $0.contains("- Usage: not enough alone") || $0.contains("- Usage: usage already scores")
          || $0.contains("- Usage: no usage scores")
      })
  }

  /// The four-tier company's drop (`fixtures/inbox-four-tier/2026-Q3`) with
  /// `config/four-tier.json`.
  static func fourTierInput() throws -> RunInput {
    try demoInput(
      config: "config/four-tier.json", folder: "fixtures/inbox-four-tier/2026-Q3/")
  }

  @Test("the four-tier drop's outputs match their golden files under four-tier/2026-Q3")
  func fourTierGoldenFiles() throws {
    let files = try RenderedRun.run(Self.fourTierInput()).files
    for file in files {
      GoldenFile.check(file.bytes, named: "four-tier/2026-Q3/" + file.path)
    }
    GoldenFile.check(
      Array((files.map(\.path).joined(separator: "\n") + "\n").utf8),
      named: "four-tier/2026-Q3/FILES")
  }

  @Test("the four-tier drop has memos only where a named tier is involved")
  func fourTierMemos() throws {
    let result = try Retier.decide(Self.fourTierInput())
    let tiers = result.configuration.tiers
    let memos = Set(AccountMemo.memoRefs(result))
    let moved = AccountMemo.movedRefs(result)
    let betweenPooled = moved.filter { index in
      let from = result.ledger[index].currentTier ?? 0
      let to = result.ledger.decisions[index].finalTier
      return tiers[from - 1].coverage == .pooled && tiers[to - 1].coverage == .pooled
    }
    // Mid-Market ↔ SMB moves happen in this book and get no memo; every other move gets one.
    #expect(!betweenPooled.isEmpty)
    #expect(memos.isDisjoint(with: betweenPooled))
    // First placements into a named tier get the handoff memo too.
    let firstPlacements = memos.filter { result.ledger.currentTier($0) == nil }
    #expect(
      firstPlacements.allSatisfy { index in
        tiers[result.ledger.decisions.finalTier(index) - 1].coverage == .named
      })
    #expect(memos.count - firstPlacements.count + betweenPooled.count == moved.count)
  }

  @Test("the four-tier config runs on the demo drop")
  func fourTier() throws {
    let result = try Retier.decide(Self.demoInput(config: "config/four-tier.json"))
    #expect(result.configuration.tierCount == 4)
    #expect(result.ledger.decisionList.allSatisfy { (1...4).contains($0.finalTier) })
    let strategic = result.ledger.decisionList.count { $0.finalTier == 1 }
    let overridesIntoTierOne = result.tiering.validOverrides.values.count { $0.tier == 1 }
    #expect(strategic <= 30 + overridesIntoTierOne)
  }
}
