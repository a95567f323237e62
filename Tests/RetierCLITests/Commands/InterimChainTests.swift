import Foundation
import Testing

@testable import RetierCLI
@testable import RetierCore

/// Chains of `retier interim` (SPEC §7): the n-th interim starts from the state the (n−1)-th
/// left, so no chain overfills a capped tier or displaces one account twice.
@Suite("retier interim chains")
struct InterimChainTests {
  /// A workspace whose 2026-Q3 is run with Tier 1 full (six accounts reach its line, for four
  /// seats: the four seated total 13), then its drop changed so that `count` accounts the run
  /// placed below Tier 1 by the rubric now score 15 (top ARR, fit, expansion and usage that
  /// does not decline); `hot-<i>.csv` flags the i-th alone.
  static func workspaceWithHotAccounts(
    _ count: Int
  ) throws -> (workspace: Workspace, hotIDs: [String], seats: Int) {
    let workspace = Workspace()
    var files = TestDrop().files
    func write() {
      for (name, text) in files { workspace.write(text, to: "inbox/2026-Q3/\(name)") }
      workspace.write("", to: "inbox/2026-Q3/READY")
    }
    let strong = (1...6).map { TestDrop.id($0) }
    Self.boost(&files, strong, fit: 3) { 3_000_000 + 1_000 * (strong.firstIndex(of: $0) ?? 0) }
    write()
    try #require(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
    let rows = try tiersRows(workspace, "out/2026-Q3/tiers.csv")
    let manifest = try workspace.textOf("out/2026-Q3/run.json")
    // Tier 1's seats, from the first tier line ("tier": 1, …, "seats": n).
    let tierOne = try #require(manifest.range(of: "\"seats\": "))
    let seats = try #require(Int(manifest[tierOne.upperBound...].prefix { $0.isNumber }))
    try #require(rows.filter { $0[9] == "1" }.count == seats, "Tier 1 is not full")
    let hotIDs = rows.filter { $0[9] != "1" && $0[10] == "rubric" }.prefix(count).map {
      String($0[0])
    }
    try #require(hotIDs.count == count)
    Self.boost(&files, hotIDs, fit: 5) { _ in 4_000_000 }
    write()
    for (index, id) in hotIDs.enumerated() {
      workspace.write(
        "account_id,flagged_by,reason\n\(id),Sam,usage tripled\n", to: "hot-\(index + 1).csv")
    }
    return (workspace, hotIDs, seats)
  }

  /// Makes `ids` score high in `files`: `fit`, a multi-BU ceiling far above, usage that does not
  /// decline, and one ARR line of `arr(id)`.
  private static func boost(
    _ files: inout [String: String], _ ids: [String], fit: Int, arr: (String) -> Int
  ) {
    func rewrite(_ name: String, _ body: (String, [Substring]) -> String?) {
      files[name] =
        files[name]!.split(separator: "\n").compactMap { line -> String? in
          let fields = line.split(separator: ",", omittingEmptySubsequences: false)
          guard let id = ids.first(where: { line.hasPrefix($0 + ",") }) else {
            return String(line)
          }
          return body(id, fields)
        }.joined(separator: "\n") + "\n"
    }
    rewrite("accounts.csv") { id, fields in
      "\(id),\(fields[1]),\(fields[2]),\(fields[3]),2020-01-15,\(fit),90000000,true,active"
    }
    rewrite("arr.csv") { _, _ in nil }
    rewrite("usage.csv") { id, _ in "\(id),100,90,80,0" }
    files["arr.csv"]! += ids.map { "\($0),\(arr($0))\n" }.joined()
  }

  /// The data rows of a `tiers.csv`, split into fields.
  static func tiersRows(_ workspace: Workspace, _ path: String) throws -> [[Substring]] {
    try workspace.textOf(path).split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
  }

  /// Tier 1 after the completed run and the interims `folders`, applied in order: each
  /// interim's `tiers.csv` holds the accounts it moved, with their tier after it.
  static func tierOne(_ workspace: Workspace, after folders: [String]) throws -> Set<String> {
    var tiers: [String: Substring] = [:]
    for row in try tiersRows(workspace, "out/2026-Q3/tiers.csv") { tiers[String(row[0])] = row[9] }
    for folder in folders {
      for row in try tiersRows(workspace, "out/\(folder)/tiers.csv") {
        tiers[String(row[0])] = row[9]
      }
    }
    return Set(tiers.filter { $0.value == "1" }.keys)
  }

  @Test("Two interims into a full Tier 1 never hold more than its seats, nor displace one twice")
  func chainKeepsTheCap() throws {
    let (workspace, hotIDs, seats) = try Self.workspaceWithHotAccounts(2)
    for number in 1...2 {
      let outcome = workspace.run(["interim", "--hot", workspace.root + "/hot-\(number).csv"])
      try #require(outcome.status == 0, "\(outcome.errorText)")
    }
    let folders = ["2026-Q3-interim-1", "2026-Q3-interim-2"]
    let tierOne = try Self.tierOne(workspace, after: folders)
    #expect(tierOne.count <= seats)
    #expect(tierOne.isSuperset(of: hotIDs))
    // Each interim displaced an incumbent of its own, from Tier 1, and says so once.
    var demoted: [String: Int] = [:]
    for folder in folders {
      for row in try Self.tiersRows(workspace, "out/\(folder)/tiers.csv")
      where row[10] == "tier1_cap" {
        demoted[String(row[0]), default: 0] += 1
        #expect(row[8] == "1")
      }
    }
    #expect(demoted.count == 2 && demoted.values.allSatisfy { $0 == 1 }, "\(demoted)")
  }

  @Test(
    "An interim folder that fails verification stops the chain (66, naming it) until moved aside")
  func failedFolderStopsTheChain() throws {
    let (workspace, hotIDs, seats) = try Self.workspaceWithHotAccounts(2)
    let hot = { (number: Int) in ["interim", "--hot", workspace.root + "/hot-\(number).csv"] }
    try #require(workspace.run(hot(1)).status == 0)
    let folder = workspace.output + "/2026-Q3-interim-1"
    workspace.write(#"{"quarter": "2026-Q3"}"#, to: "out/2026-Q3-interim-1/run.json")
    let stopped = workspace.run(hot(2))
    #expect(stopped.status == 66)
    #expect(
      stopped.errorText.contains(
        "\(folder)/run.json: error: this interim folder fails verification: lists no outputs; "
          + "the chain of interims stops here until it is "
          + "moved aside (renamed, e.g. mv \(folder) \(folder).bad)"), "\(stopped.errorText)")
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3", "2026-Q3-interim-1"])

    // Moved aside by the rule: any name that is not exactly <QUARTER>-interim-<n>.
    try FileManager.default.moveItem(atPath: folder, toPath: folder + ".bad")
    #expect(workspace.run(hot(2)).status == 0)
    #expect(
      workspace.outputEntries == [
        ".retier.lock", "2026-Q3", "2026-Q3-interim-1", "2026-Q3-interim-1.bad",
      ])
    let tierOne = try Self.tierOne(workspace, after: ["2026-Q3-interim-1"])
    #expect(tierOne.count <= seats && tierOne.contains(hotIDs[1]))
  }

  @Test("A folder after a gap in the chain (built on one moved aside) stops it too, named")
  func gapStopsTheChain() throws {
    let (workspace, _, _) = try Self.workspaceWithHotAccounts(2)
    let hot = { (number: Int) in ["interim", "--hot", workspace.root + "/hot-\(number).csv"] }
    try #require(workspace.run(hot(1)).status == 0)
    try #require(workspace.run(hot(2)).status == 0)
    let first = workspace.output + "/2026-Q3-interim-1"
    try FileManager.default.moveItem(atPath: first, toPath: first + ".bad")
    let stopped = workspace.run(hot(1))
    #expect(stopped.status == 66)
    #expect(
      stopped.errorText.contains(
        "\(workspace.output)/2026-Q3-interim-2: error: interim 2 continues interim 1, which is "
          + "no longer in the output folder;"))
  }

  @Test(
    "--as-of outside the completed run's quarter is a usage error (64), named with the dates",
    arguments: ["2026-01-01", "2026-10-13", "2027-01-14", "2027-03-01"])
  func asOfOutsideTheQuarter(asOf: String) throws {
    let (workspace, _, _) = try Self.workspaceWithHotAccounts(1)
    let outcome = workspace.run(
      ["interim", "--hot", workspace.root + "/hot-1.csv", "--as-of", asOf])
    #expect(outcome.status == 64)
    #expect(
      outcome.errorText.contains(
        "--as-of \(asOf) is outside the 2026-Q3 interim period: an interim against the "
          + "completed 2026-Q3 run is dated on or after its run date 2026-10-14 and before "
          + "2026-Q4's run date 2027-01-14"), "\(outcome.errorText)")
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }

  @Test("--as-of on the completed run's run date or the day before the next one's is taken")
  func asOfInsideTheQuarter() throws {
    let (workspace, _, _) = try Self.workspaceWithHotAccounts(1)
    for asOf in ["2026-10-14", "2027-01-13"] {
      let outcome = workspace.run(
        ["interim", "--hot", workspace.root + "/hot-1.csv", "--as-of", asOf])
      #expect(outcome.status == 0, "\(outcome.errorText)")
    }
  }

  @Test(
    "run.json records the flag file's SHA-256 and each flag's flagged_by and reason; the memos show them"
  )
  func auditOfTheFlags() throws {
    let (workspace, hotIDs, _) = try Self.workspaceWithHotAccounts(1)
    let flags = "account_id,flagged_by,reason\n\(hotIDs[0]),Sam <sam@example.com>,usage tripled\n"
    workspace.write(flags, to: "hot-1.csv")
    try #require(workspace.run(["interim", "--hot", workspace.root + "/hot-1.csv"]).status == 0)
    let sha = SHA256.hexDigest(Array(flags.utf8))
    let manifest = try workspace.textOf("out/2026-Q3-interim-1/run.json")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
    let interim = try #require(json["interim"] as? [String: Any])
    let file = try #require(interim["flag_file"] as? [String: Any])
    #expect(file["sha256"] as? String == sha && file["rows"] as? Int == 1)
    let recorded = try #require(interim["flags"] as? [[String: Any]])
    #expect(recorded.count == 1)
    #expect(recorded.first?["account_id"] as? String == hotIDs[0])
    #expect(recorded.first?["flagged_by"] as? String == "Sam <sam@example.com>")
    #expect(recorded.first?["reason"] as? String == "usage tripled")
    #expect(interim["number"] as? Int == 1)
    let memo = try workspace.textOf("out/2026-Q3-interim-1/memo.md")
    #expect(
      memo.contains("## What flagged the accounts\n\nThe flag file (sha256 `\(sha)`) has 1 row;"))
    #expect(
      memo.contains("| \(hotIDs[0]) | Sam \\<sam@example.com\\> | usage tripled | 2 |"), "\(memo)")
    let page = try workspace.textOf("out/2026-Q3-interim-1/memo.html")
    #expect(page.contains("<h2>What flagged the accounts</h2>"))
    #expect(page.contains("Sam &lt;sam@example.com&gt;") && page.contains(sha))
  }

  @Test(
    "Messages say what is true: the flag file's own path, no 'drop not ready' or 'drop is whole'")
  func messagesSayWhatIsTrue() throws {
    let (workspace, _, _) = try Self.workspaceWithHotAccounts(1)
    let hot = workspace.root + "/hot-1.csv"
    workspace.write("account_id;flagged_by;reason\nX;Sam;typo\n", to: "hot-1.csv")
    let semicolons = workspace.run(["interim", "--hot", hot])
    #expect(semicolons.status == 65)
    #expect(
      semicolons.errorText.contains("retier: \(hot):1:11: error: looks semicolon-separated"),
      "\(semicolons.errorText)")
    #expect(!semicolons.errorText.contains("//"))

    workspace.write("account_id,flagged_by,reason\n\"NOPE\r\u{1B}[2J\",Sam,typo\n", to: "hot-1.csv")
    let none = workspace.run(["interim", "--hot", hot])
    #expect(none.status == 65)
    #expect(
      none.errorText.contains("\(hot): error: no flagged account can be re-scored; nothing written")
    )
    #expect(!none.errorText.contains("drop is whole"))
    // Control characters in a flag's id are escaped as everywhere else, not turned into spaces.
    #expect(
      none.errorText.contains("account NOPE\\r\\u{1B}[2J is not a valid account"),
      "\(none.errorText)")

    let empty = Workspace()
    empty.writeDrop()
    empty.write("account_id,flagged_by,reason\nACC-0001,Sam,check\n", to: "hot.csv")
    let missing = empty.run(["interim", "--hot", empty.root + "/hot.csv"])
    #expect(missing.status == 66)
    #expect(!missing.errorText.contains("drop not ready"), "\(missing.errorText)")
  }
}

extension Workspace {
  /// The text of the file at `path`, relative to the root.
  func textOf(_ path: String) throws -> String {
    String(decoding: try FileReader.read(root + "/" + path), as: UTF8.self)
  }
}
