import Foundation
import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier compare")
struct CompareCommandTests {
  /// An alternative ladder: Tier 1 capped at 20% instead of 10%.
  private static let alternative = """
    {"inbox": "unused", "output": "unused", "tiers": [
      {"name": "Gold", "min_score": 12, "max_share": 0.2},
      {"name": "Silver", "min_score": 8},
      {"name": "Bronze", "min_score": 0, "coverage": "pooled"}]}
    """

  @Test("prints both sides as Markdown, writes only --out, takes no lock")
  func printsAndWritesOnlyOut() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write(Self.alternative, to: "alt.json")
    workspace.write("csm_id,name,tier\ncsm-9,Nine,1\n", to: "alt-csms.csv")
    let outcome = workspace.run([
      "compare", "--with", "alt.json", "--roster", "alt-csms.csv", "--out", "what-if.md",
      "--quarter", "2026-Q3",
    ])
    #expect(outcome.status == 0)
    #expect(
      outcome.output.first
        == "# What-if for 2026-Q3: retier.json and alt.json + alt-csms.csv")
    #expect(outcome.outputText.contains("## Seats and the bound that binds"))
    let written = try String(contentsOfFile: workspace.root + "/what-if.md", encoding: .utf8)
    #expect(written == CompareReport.mark + "\n" + outcome.outputText + "\n")
    #expect(!workspace.exists("out"))
    #expect(
      outcome.errors.filter { $0.contains(" tier ") }.count == 2,
      "one tier phase per side: \(outcome.errors)")
  }

  @Test(
    "a missing --with is a usage error; a bad alternative config is a config error",
    arguments: [
      (["compare"], Int32(64)),
      (["compare", "--with", "missing.json"], Int32(78)),
      (["compare", "--with", "alt.json", "--roster", "missing.csv"], Int32(66)),
    ])
  func errors(arguments: [String], status: Int32) {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write(Self.alternative, to: "alt.json")
    #expect(workspace.run(arguments + ["--quarter", "2026-Q3"]).status == status)
  }

  @Test("cap_by_capacity on a pooled tier in the alternative names the key (78)")
  func capacityOnPooledTier() {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write(
      """
      {"inbox": "i", "output": "o", "tiers": [{"name": "G", "min_score": 8},
        {"name": "P", "min_score": 0, "coverage": "pooled", "cap_by_capacity": true}]}
      """, to: "alt.json")
    let outcome = workspace.run(["compare", "--with", "alt.json", "--quarter", "2026-Q3"])
    #expect(outcome.status == 78)
    #expect(outcome.errorText.contains("tiers[1] (P) cap_by_capacity: a pooled tier"))
  }

  @Test("two config files of the same name are told apart")
  func labels() {
    #expect(
      CompareCommand.labels(base: "/a/retier.json", alternative: "/b/retier.json", roster: nil)
        == ("config retier.json", "ALT retier.json"))
    #expect(
      CompareCommand.labels(base: "/a/retier.json", alternative: "/b/alt.json", roster: "/c/r.csv")
        == ("retier.json", "alt.json + r.csv"))
  }
}
