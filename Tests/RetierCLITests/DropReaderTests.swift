import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("Drop reading")
struct DropReaderTests {
  @Test("A complete drop is read whole; overrides.csv is optional")
  func readsDrop() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    let folder = workspace.inbox + "/2026-Q3"
    let files = try DropReader.read(folder: folder, readyMarker: "READY")
    #expect(files.accounts == Array(TestDrop().files["accounts.csv"]!.utf8))
    #expect(files.overrides == nil)
    workspace.write(
      "account_id,tier,reason,approved_by_sales,approved_by_cs,expires\n",
      to: "inbox/2026-Q3/overrides.csv")
    // The marker is written again after the new file, as RevOps does.
    workspace.write("", to: "inbox/2026-Q3/READY")
    #expect(try DropReader.read(folder: folder, readyMarker: "READY").overrides != nil)
  }

  @Test("The ready marker is checked before the files, and can be switched off")
  func readyMarker() throws {
    let workspace = Workspace()
    workspace.writeDrop(ready: false)
    let folder = workspace.inbox + "/2026-Q3"
    workspace.remove("inbox/2026-Q3/csms.csv")
    #expect(
      throws: RetierError.dropMissing(
        path: folder,
        reason:
          "the ready marker 'DONE' is missing (RevOps writes it last, when the drop is complete)")
    ) {
      try DropReader.read(folder: folder, readyMarker: "DONE")
    }
    #expect(
      throws: RetierError.dropMissing(path: folder, reason: "required file missing: csms.csv")
    ) {
      try DropReader.read(folder: folder, readyMarker: nil)
    }
  }

  @Test("Every missing required file is named on the one line")
  func missingFiles() {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.remove("inbox/2026-Q3/arr.csv")
    workspace.remove("inbox/2026-Q3/usage.csv")
    let folder = workspace.inbox + "/2026-Q3"
    #expect(
      throws: RetierError.dropMissing(
        path: folder, reason: "required file missing: arr.csv, usage.csv")
    ) {
      try DropReader.read(folder: folder, readyMarker: "READY")
    }
  }

  @Test("A file where the drop folder should be is not a drop")
  func notAFolder() {
    let workspace = Workspace()
    workspace.write("", to: "inbox/2026-Q3")
    let folder = workspace.inbox + "/2026-Q3"
    #expect(throws: RetierError.dropMissing(path: folder, reason: "the drop path is not a folder"))
    {
      try DropReader.read(folder: folder, readyMarker: "READY")
    }
  }
}
