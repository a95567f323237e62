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
    let files = try Retier.run(Self.demoInput()).files
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
    let paths = try Retier.run(Self.demoInput()).files.map(\.path)
    GoldenFile.check(Array((paths.joined(separator: "\n") + "\n").utf8), named: "2026-Q3/FILES")
  }

  @Test("the demo reproduces the spec's worked example")
  func workedExample() throws {
    let result = try Retier.decide(Self.demoInput())
    #expect(result.book.accounts.count == 600)
    let tierOne = result.tiering.decisions.count { $0.finalTier == 1 }
    #expect(tierOne == 60)
    let capacity = result.owners.capacity
    let tierOneRow = try #require(capacity.first { $0.tier == 1 })
    let tierTwoRow = try #require(capacity.first { $0.tier == 2 })
    // Tier 1 takes the whole six-CSM team at ten accounts each…
    #expect(tierOneRow.activeCSMs == 6)
    #expect(tierOneRow.unassigned == 0)
    // …and leaves Tier 2 (≈180 accounts, no CSM) three CSMs short.
    #expect((161...180).contains(tierTwoRow.accounts))
    #expect(tierTwoRow.activeCSMs == 0)
    #expect(tierTwoRow.csmsShort == 3)
    // Every promotion into the full Tier 1 is paid for by a demotion.
    let report = try #require(result.tiering.capReports.first { $0.tier == 1 })
    #expect(report.pairs.count >= 3)
    #expect(report.pairs.allSatisfy { $0.takenBy != nil })
  }

  /// The four-tier company's drop (`fixtures/inbox-four-tier/2026-Q3`) with
  /// `config/four-tier.json`.
  static func fourTierInput() throws -> RunInput {
    try demoInput(
      config: "config/four-tier.json", folder: "fixtures/inbox-four-tier/2026-Q3/")
  }

  @Test("the four-tier drop's outputs match their golden files under four-tier/2026-Q3")
  func fourTierGoldenFiles() throws {
    let files = try Retier.run(Self.fourTierInput()).files
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
    let memos = Set(AccountMemo.memoIndices(result))
    let moved = AccountMemo.movedIndices(result)
    let betweenPooled = moved.filter { index in
      let from = result.book.accounts[index].currentTier ?? 0
      let to = result.tiering.decisions[index].finalTier
      return tiers[from - 1].coverage == .pooled && tiers[to - 1].coverage == .pooled
    }
    // Mid-Market ↔ SMB moves happen in this book and get no memo; every other move gets one.
    #expect(!betweenPooled.isEmpty)
    #expect(memos.isDisjoint(with: betweenPooled))
    #expect(memos.count + betweenPooled.count == moved.count)
  }

  @Test("the four-tier config runs on the demo drop")
  func fourTier() throws {
    let result = try Retier.decide(Self.demoInput(config: "config/four-tier.json"))
    #expect(result.configuration.tierCount == 4)
    #expect(result.tiering.decisions.allSatisfy { (1...4).contains($0.finalTier) })
    let strategic = result.tiering.decisions.count { $0.finalTier == 1 }
    let overridesIntoTierOne = result.tiering.validOverrides.values.count { $0.tier == 1 }
    #expect(strategic <= 30 + overridesIntoTierOne)
  }
}
