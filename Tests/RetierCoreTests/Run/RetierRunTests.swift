import Testing

@testable import RetierCore

@Suite("Retier.decide and Retier.render")
struct RetierRunTests {
  @Test("the same inputs give byte-identical outputs")
  func deterministic() throws {
    let drop = TestDrop.simple(arrs: (1...40).map { "\($0 * 1000)" })
    let first = try RenderedRun.run(drop.input()).files
    let second = try RenderedRun.run(drop.input()).files
    #expect(first == second)
    #expect(first.map(\.path).contains("run.json"))
  }

  @Test("decide reports each of its phases once, in order, up to assign")
  func phases() throws {
    var phases: [Phase] = []
    _ = try Retier.decide(TestDrop.simple(arrs: ["1", "2"]).input()) { phases.append($0.phase) }
    #expect(phases == [.load, .validate, .score, .tier, .assign])
  }

  @Test("run.json checksums every other output")
  func manifestChecksums() throws {
    let files = try RenderedRun.run(TestDrop.simple(arrs: ["100", "200", "300"]).input()).files
    let manifest = String(
      decoding: try #require(files.first { $0.path == "run.json" }).bytes, as: UTF8.self)
    for file in files where file.path != "run.json" {
      #expect(manifest.contains(SHA256.hexDigest(file.bytes)))
    }
    #expect(manifest.contains("\"run_date\": \"2026-10-14\""))
  }

  @Test("rejected accounts keep their tier and owner in tiers.csv with reason invalid_input")
  func rejectedAccountsInTiers() throws {
    var drop = TestDrop.simple(arrs: (1...200).map { "\($0 * 100)" })
    drop.accounts += "BAD,Bad Co,2,csm-9,2020-01-01,9\n"
    drop.arr += "BAD,100\n"
    let files = try RenderedRun.run(drop.input()).files
    let tiers = String(
      decoding: try #require(files.first { $0.path == "tiers.csv" }).bytes, as: UTF8.self)
    #expect(tiers.contains("BAD,Bad Co,,,,,,,2,2,invalid_input,csm-9\n"))
    let rejected = String(
      decoding: try #require(files.first { $0.path == "rejected.csv" }).bytes, as: UTF8.self)
    #expect(rejected.contains("accounts.csv,202,BAD,strategic_fit 9 is out of range 0–5"))
  }
}
