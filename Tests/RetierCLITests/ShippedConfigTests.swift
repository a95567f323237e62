import Foundation
import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("Shipped configs")
struct ShippedConfigTests {
  /// The repository's `config/` folder.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("config")

  @Test(
    "Each shipped config decodes and runs on a test drop",
    arguments: ["retier.json", "four-tier.json"])
  func runs(name: String) throws {
    let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let inbox = try #require(json["inbox"] as? String)
    #expect(["../fixtures/inbox", "../fixtures/inbox-four-tier"].contains(inbox))
    json["inbox"] = "../inbox"
    json["output"] = "../out"
    let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
    let workspace = Workspace(config: text)
    workspace.writeDrop()
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0, "\(outcome.errorText)")
    #expect(RunFolderCheck.check(workspace) == .complete)
  }

  @Test("The four-tier config has the agreed ladder")
  func fourTierLadder() throws {
    let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent("four-tier.json")))
    let configuration = try Configuration.load(json: bytes, path: "four-tier.json")
    #expect(configuration.tiers.map(\.name) == ["Strategic", "Enterprise", "Mid-Market", "SMB"])
    #expect(configuration.tiers.map(\.minScore) == [14, 11, 7, 0].map { ExactDecimal($0) })
    #expect(
      configuration.tiers.map(\.maxShare)
        == [ExactDecimal(millionths: 50_000), ExactDecimal(millionths: 150_000), nil, nil])
    #expect(configuration.tiers.map(\.coverage) == [.named, .named, .pooled, .pooled])
    #expect(configuration.tiers.prefix(2).map(\.capacity) == [10, 25])
    #expect(configuration.output == "../out-four-tier")
  }
}
