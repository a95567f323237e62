import Foundation
import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier run, crm/ files")
struct RunCRMFilesTests {
  /// The default config with the pool's CRM identity.
  static let configWithPool =
    #"{"inbox": "../inbox", "output": "../out", "pool_owner_email": "cs-pool@example.com", "#
    + #""pool_owner_crm_id": "005Hn0000000090AAC"}"#

  /// The rows of a CSV file of the run folder.
  private static func rows(_ workspace: Workspace, _ path: String) throws -> [[String]] {
    let document = try CSVReader.parse(try FileReader.read(workspace.output + "/2026-Q3/" + path))
    return (0..<document.rowCount).map { document.fields(ofRow: $0) }
  }

  @Test("crm/ is created, written and flushed before run.json marks the folder complete")
  func folderFlushed() throws {
    let workspace = Workspace(config: Self.configWithPool)
    workspace.writeDrop()
    let recorder = FailingFileSystem(failing: .removeItem, after: .max)
    workspace.fileSystem = recorder
    #expect(workspace.run(["run"]).status == 0)
    let temporary = workspace.output + "/.2026-Q3.tmp-4242"
    let log = recorder.log
    let made = try #require(log.firstIndex(of: "mkdir \(temporary)/crm"))
    let written = try #require(
      log.firstIndex(of: "write \(temporary)/crm/salesforce-account-owners.csv"))
    let flushed = try #require(log.firstIndex(of: "fsync \(temporary)/crm"))
    let manifest = try #require(log.firstIndex(of: "write \(temporary)/run.json"))
    let renamed = try #require(log.firstIndex(of: "rename \(temporary)"))
    #expect(made < written && manifest < flushed && flushed < renamed)
    let files = workspace.files(under: "out/2026-Q3")
    for path in [
      CRMFiles.salesforcePath, CRMFiles.hubSpotPath, CRMFiles.tierFieldUpdatePath,
      CRMFiles.unassignedPath,
    ] {
      #expect(files[path] != nil, "\(path)")
    }
  }

  @Test("with the pool's identity, pooled changes are imported and the summary is silent")
  func poolImported() throws {
    let workspace = Workspace(config: Self.configWithPool)
    workspace.writeDrop()
    let outcome = workspace.run(["run"])
    #expect(outcome.status == 0)
    #expect(!outcome.output.contains { $0.hasPrefix("CRM import:") })
    let toPool = try Self.rows(workspace, "reassignments.csv").filter { $0[7] == "cs-pool" }
    #expect(!toPool.isEmpty)
    let salesforce = try Self.rows(workspace, CRMFiles.salesforcePath)
    #expect(toPool.allSatisfy { salesforce.contains([$0[0], "005Hn0000000090AAC"]) })
  }

  @Test("without it, the summary says how many pooled changes each file left out, in one line")
  func poolLeftOut() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    let outcome = workspace.run(["run"])
    #expect(outcome.status == 0)
    let toPool = try Self.rows(workspace, "reassignments.csv").filter { $0[7] == "cs-pool" }
    #expect(
      outcome.output.filter { $0.hasPrefix("CRM import:") } == [
        "CRM import: \(toPool.count) owner changes to the pool (cs-pool) left out of "
          + "crm/salesforce-account-owners.csv and crm/hubspot-company-owners.csv: set "
          + "pool_owner_crm_id and pool_owner_email in the config"
      ])
    let salesforce = try Self.rows(workspace, CRMFiles.salesforcePath)
    #expect(!salesforce.isEmpty)
    #expect(!salesforce.contains { $0[1] == "cs-pool" })
  }
}
