import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("Run writer")
struct RunWriterTests {
  private static let quarter = FiscalQuarter(fiscalYear: 2026, quarter: 3)

  /// A fresh workspace and a writer into it through `fileSystem`, as process 7.
  private static func writer(_ fileSystem: any OutputFileSystem) -> (Workspace, RunWriter) {
    let workspace = Workspace()
    let layout = OutputLayout(root: workspace.root)
    return (workspace, RunWriter(layout: layout, fileSystem: fileSystem, processID: 7))
  }

  @Test(
    "Output paths must stay inside the run folder",
    arguments: [
      ("tiers.csv", true), ("memos/ACC-1.md", true), ("memos/..md", true),
      ("../escape.csv", false), ("memos/../../x", false), ("/etc/passwd", false), ("", false),
      ("memos//x.md", false), ("./x", false), ("memos/", false), ("a\0b", false),
    ])
  func safePaths(path: String, isSafe: Bool) {
    #expect(RunWriter.isSafe(path) == isSafe)
  }

  @Test("An unsafe output path is refused and leaves no folder behind")
  func refusesUnsafe() {
    let (workspace, writer) = Self.writer(DurableFileSystem())
    let files = [OutputFile(path: "../evil.md", bytes: [1])]
    #expect(throws: RetierError.self) { try writer.write(files, quarter: Self.quarter) }
    #expect(!workspace.exists(".2026-Q3.tmp-7"))
    #expect(!workspace.exists("evil.md"))
  }

  @Test("Files go into the temporary folder, run.json last, then one rename puts it in place")
  func order() throws {
    let recorder = FailingFileSystem(failing: .removeItem, after: .max)
    let (workspace, writer) = Self.writer(recorder)
    let files = [
      OutputFile(path: "memos/A.md", bytes: [1]), OutputFile(path: "run.json", bytes: [2]),
      OutputFile(path: "tiers.csv", bytes: [3]),
    ]
    let outcome = try writer.write(files, quarter: Self.quarter)
    #expect(outcome == RunWriter.Outcome(folder: workspace.root + "/2026-Q3", kept: nil))
    let temporary = workspace.root + "/.2026-Q3.tmp-7"
    #expect(
      recorder.log == [
        "mkdir \(temporary)", "mkdir \(temporary)/memos", "write \(temporary)/memos/A.md",
        "write \(temporary)/tiers.csv", "write \(temporary)/run.json", "fsync \(temporary)/memos",
        "fsync \(temporary)", "rename \(temporary)", "fsync \(workspace.root)",
      ])
    #expect(workspace.files(under: "2026-Q3").count == 3)
  }
}

extension RunWriterTests {
  @Test("Batches are written as they come; run.json waits for the last one, whatever its batch")
  func streamedOrder() throws {
    let recorder = FailingFileSystem(failing: .removeItem, after: .max)
    let (workspace, writer) = Self.writer(recorder)
    let batches = [
      [OutputFile(path: "tiers.csv", bytes: [1]), OutputFile(path: "run.json", bytes: [2])],
      [OutputFile(path: "memos/A.md", bytes: [3])], [OutputFile(path: "memos/B.md", bytes: [4])],
    ]
    let outcome = try writer.write(quarter: Self.quarter) { emit throws(RetierError) in
      for batch in batches { try emit(batch) }
    }
    #expect(outcome.folder == workspace.root + "/2026-Q3")
    let temporary = workspace.root + "/.2026-Q3.tmp-7"
    #expect(
      recorder.log == [
        "mkdir \(temporary)", "write \(temporary)/tiers.csv", "mkdir \(temporary)/memos",
        "write \(temporary)/memos/A.md", "write \(temporary)/memos/B.md",
        "write \(temporary)/run.json", "fsync \(temporary)/memos", "fsync \(temporary)",
        "rename \(temporary)", "fsync \(workspace.root)",
      ])
    #expect(workspace.files(under: "2026-Q3").count == 4)
  }

  @Test(
    "A failure in a later batch leaves no folder: an unsafe path, a full disk, a render error",
    arguments: ["unsafe", "disk", "render"])
  func laterBatchFails(failure: String) {
    let fileSystem = FailingFileSystem(failing: .writeFile, after: failure == "disk" ? 1 : .max)
    let (workspace, writer) = Self.writer(fileSystem)
    #expect(throws: RetierError.self) {
      _ = try writer.write(quarter: Self.quarter) { emit throws(RetierError) in
        try emit([OutputFile(path: "tiers.csv", bytes: [1])])
        switch failure {
        case "unsafe": try emit([OutputFile(path: "memos/../../x.md", bytes: [2])])
        case "disk": try emit([OutputFile(path: "memos/A.md", bytes: [2])])
        default: throw .cannotWrite(path: "memos/A.md", reason: "render failed")
        }
        try emit([OutputFile(path: "run.json", bytes: [3])])
      }
    }
    #expect(!workspace.exists(".2026-Q3.tmp-7"))
    #expect(!workspace.exists("2026-Q3"))
    #expect(!workspace.exists("x.md"))
  }
}

extension RunWriterTests {
  /// A file handed out in three pieces, then `run.json`, each in its own batch.
  private static let piecedBatches = [
    [OutputFile(path: "tiers.csv", bytes: Array("a,b\n".utf8))],
    [OutputFile(path: "tiers.csv", bytes: Array("1,2\n".utf8), isContinuation: true)],
    [OutputFile(path: "tiers.csv", bytes: Array("3,4\n".utf8), isContinuation: true)],
    [OutputFile(path: "run.json", bytes: Array("{}".utf8))],
  ]

  /// The run folder `piecedBatches` write, as ``Workspace/files(under:)`` lists it.
  private static let piecedFolder = [
    "tiers.csv": SHA256.hexDigest(Array("a,b\n1,2\n3,4\n".utf8)),
    "run.json": SHA256.hexDigest(Array("{}".utf8)),
  ]

  @Test("A file handed out in pieces is created by its first piece and appended to by the rest")
  func pieces() throws {
    let recorder = FailingFileSystem(failing: .removeItem, after: .max)
    let (workspace, writer) = Self.writer(recorder)
    _ = try writer.write(quarter: Self.quarter) { emit throws(RetierError) in
      for batch in Self.piecedBatches { try emit(batch) }
    }
    let temporary = workspace.root + "/.2026-Q3.tmp-7"
    #expect(
      recorder.log.prefix(4) == [
        "mkdir \(temporary)", "write \(temporary)/tiers.csv", "append \(temporary)/tiers.csv",
        "append \(temporary)/tiers.csv",
      ])
    #expect(workspace.files(under: "2026-Q3") == Self.piecedFolder)
  }

  @Test("The real file system writes pieces whole too, flushing them together")
  func piecesOnDisk() throws {
    let (workspace, writer) = Self.writer(DurableFileSystem())
    _ = try writer.write(quarter: Self.quarter) { emit throws(RetierError) in
      for batch in Self.piecedBatches { try emit(batch) }
    }
    #expect(workspace.files(under: "2026-Q3") == Self.piecedFolder)
  }

  @Test("A failed append leaves no folder behind")
  func failedAppend() {
    let (workspace, writer) = Self.writer(FailingFileSystem(failing: .appendToFile, after: 1))
    #expect(throws: RetierError.self) {
      _ = try writer.write(quarter: Self.quarter) { emit throws(RetierError) in
        for batch in Self.piecedBatches { try emit(batch) }
      }
    }
    #expect(!workspace.exists(".2026-Q3.tmp-7"))
    #expect(!workspace.exists("2026-Q3"))
  }
}

@Suite("Output layout")
struct OutputLayoutTests {
  @Test(
    "Only .<QUARTER>.tmp-<pid> and .<QUARTER>-interim-<n>.tmp-<pid> names are temporary",
    arguments: [
      (".2026-Q3.tmp-4242", true), (".2027-Q1.tmp-1", true), ("2026-Q3.tmp-1", false),
      (".2026-Q3.tmp-", false), (".2026-Q3.tmp-12a", false), (".notes.tmp-1", false),
      (".retier.lock", false), ("2026-Q3", false), (".2026-Q3.tmp--1", false),
      (".2026-Q3-interim-2.tmp-9", true), (".2026-Q3-interim-.tmp-9", false),
      (".2026-Q3-interim-x.tmp-9", false), ("2026-Q3-interim-1", false),
    ])
  func temporaryNames(name: String, isTemporary: Bool) {
    #expect(OutputLayout.isTemporaryName(name) == isTemporary)
  }

  @Test("A kept folder takes the first number above every existing one")
  func keptNames() {
    let workspace = Workspace()
    let layout = OutputLayout(root: workspace.root)
    let quarter = FiscalQuarter(fiscalYear: 2026, quarter: 3)
    #expect(layout.keptFolder(quarter, label: "replaced") == workspace.root + "/2026-Q3.replaced-1")
    workspace.write("", to: "2026-Q3.replaced-1/run.json")
    workspace.write("", to: "2026-Q3.replaced-7/run.json")
    #expect(layout.keptFolder(quarter, label: "replaced") == workspace.root + "/2026-Q3.replaced-8")
    #expect(
      layout.keptFolder(quarter, label: "incomplete") == workspace.root + "/2026-Q3.incomplete-1")
  }
}
