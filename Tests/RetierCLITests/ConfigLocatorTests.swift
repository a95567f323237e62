import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("Config location")
struct ConfigLocatorTests {
  private func write(_ workspace: Workspace, _ path: String, inbox: String) {
    workspace.write(#"{"inbox": "\#(inbox)", "output": "out"}"#, to: path)
  }

  @Test("--config wins over $RETIER_CONFIG, which wins over ./config/retier.json")
  func precedence() throws {
    let workspace = Workspace(config: #"{"inbox": "default", "output": "out"}"#)
    write(workspace, "a/explicit.json", inbox: "explicit")
    write(workspace, "b/env.json", inbox: "env")
    let environment = [ConfigLocator.environmentVariable: "b/env.json"]
    func inbox(_ explicit: String?, _ environment: [String: String]) throws -> String {
      try ConfigLocator.load(
        explicitPath: explicit, environment: environment, currentDirectory: workspace.root
      ).inbox
    }
    #expect(try inbox("a/explicit.json", environment) == workspace.root + "/a/explicit")
    #expect(try inbox(nil, environment) == workspace.root + "/b/env")
    #expect(try inbox(nil, [:]) == workspace.root + "/config/default")
    #expect(
      try inbox(nil, [ConfigLocator.environmentVariable: ""]) == workspace.root + "/config/default")
  }

  @Test("inbox and output resolve against the config file's folder; absolute paths stay")
  func resolvesPaths() throws {
    let workspace = Workspace(config: #"{"inbox": "../fixtures/inbox", "output": "/var/out/"}"#)
    let loaded = try ConfigLocator.load(
      explicitPath: nil, environment: [:], currentDirectory: workspace.root)
    #expect(loaded.path == workspace.configPath)
    #expect(loaded.inbox == workspace.root + "/fixtures/inbox")
    #expect(loaded.output.root == "/var/out")
    #expect(
      loaded.dropFolder(FiscalQuarter(fiscalYear: 2026, quarter: 3)) == workspace.root
        + "/fixtures/inbox/2026-Q3")
  }

  @Test("A named config that does not exist is an error, never a fall-through to another file")
  func namedButMissing() {
    let workspace = Workspace()
    #expect(
      throws: RetierError.configUnreadable(
        path: workspace.root + "/gone.json", reason: "No such file or directory")
    ) {
      try ConfigLocator.load(
        explicitPath: nil, environment: [ConfigLocator.environmentVariable: "gone.json"],
        currentDirectory: workspace.root)
    }
  }

  @Test("With no config anywhere the error says where it looked")
  func nowhere() throws {
    let workspace = Workspace()
    workspace.remove("config")
    let error = try #require(throws: RetierError.self) {
      try ConfigLocator.load(explicitPath: nil, environment: [:], currentDirectory: workspace.root)
    }
    #expect(ExitStatus(error) == .configError)
    #expect(error.description.contains(ConfigLocator.systemPath))
    #expect(error.description.contains("--config"))
  }

  @Test(
    "the folders are required, named when missing or empty, and checked with the rules",
    arguments: [
      (#"{"output": "o"}"#, "configUnreadable", "missing key 'inbox'"),
      (#"{"inbox": "i"}"#, "configUnreadable", "missing key 'output'"),
      (#"{"inbox": 1, "output": "o"}"#, "configUnreadable", "inbox: expected String"),
      (
        #"{"inbox": "i", "output": "o", "outbox": "x"}"#, "configUnreadable", "unknown key 'outbox'"
      ),
      (
        #"{"inbox": "i", "\u0069nbox": "j", "output": "o"}"#, "configUnreadable",
        "key 'inbox' is given twice"
      ),
      (#"{"inbox": "", "output": "o"}"#, "configInvalid", "inbox is empty"),
      (
        #"{"inbox": "i", "output": "", "max_rejected_share": 2}"#, "configInvalid",
        "output is empty|max_rejected_share 2 is not in 0…1"
      ),
    ])
  func folderKeys(json: String, kind: String, expected: String) throws {
    let workspace = Workspace(config: json)
    let error = try #require(throws: RetierError.self) {
      try ConfigLocator.load(explicitPath: nil, environment: [:], currentDirectory: workspace.root)
    }
    #expect(ExitStatus(error) == .configError)
    switch error {
    case .configUnreadable(let path, let reason) where kind == "configUnreadable":
      #expect(path == workspace.configPath)
      #expect(reason.contains(expected), "\(reason)")
    case .configInvalid(let path, let problems) where kind == "configInvalid":
      #expect(path == workspace.configPath)
      #expect(problems == expected.split(separator: "|").map(String.init))
    default:
      Issue.record("unexpected \(error)")
    }
  }
}
