import Foundation

@testable import RetierCLI
@testable import RetierCore

/// The state of a quarter's output folder, as the "complete or not at all" rule sees it.
enum RunFolderCheck: Equatable {
  /// There is no folder.
  case absent
  /// The folder holds `run.json` and exactly the files it lists, each with its checksum.
  case complete
  /// Anything else, with what is wrong.
  case broken(String)

  /// Checks the folder `quarter` of `workspace`'s output.
  static func check(_ workspace: Workspace, quarter: String = "2026-Q3") -> RunFolderCheck {
    guard workspace.exists("out/\(quarter)") else { return .absent }
    let files = workspace.files(under: "out/\(quarter)")
    guard let manifest = try? FileReader.read("\(workspace.output)/\(quarter)/run.json"),
      let json = try? JSONSerialization.jsonObject(with: Data(manifest)) as? [String: Any],
      let outputs = json["outputs"] as? [[String: Any]]
    else { return .broken("run.json is missing or unreadable") }
    var expected: [String: String] = [:]
    for output in outputs {
      guard let file = output["file"] as? String, let sha = output["sha256"] as? String else {
        return .broken("run.json lists an output without file or sha256")
      }
      expected[file] = sha
    }
    var actual = files
    actual["run.json"] = nil
    return actual == expected
      ? .complete : .broken("files differ from run.json: \(actual.keys.sorted())")
  }
}
