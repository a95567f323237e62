import Foundation
import Testing

@testable import RetierCLI
@testable import RetierCore

/// Bidirectional controls (U+202E right-to-left override and its kin) in the drop's text reach
/// no channel as they are (SPEC §7): they would reorder a line on screen, so that a name could
/// show another account's id or hide a `file:line`. Every channel tests text with the one
/// predicate ``ControlCharacters/isControl(_:)``.
@Suite("Bidirectional controls in every channel")
struct BidiControlTests {
  /// Every bidirectional control the predicate names.
  static let controls: [Unicode.Scalar] = [
    "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
    "\u{2068}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}",
  ]

  /// Whether `text` holds any bidirectional control.
  static func holdsControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { controls.contains($0) }
  }

  /// A workspace whose every account name holds bidirectional controls, with a completed run.
  static func workspace() -> Workspace {
    let workspace = Workspace()
    var files = TestDrop().files
    let hostile = String(String.UnicodeScalarView(controls))
    files["accounts.csv"] = files["accounts.csv"]!.replacing(
      /,Account ([0-9]+),/, with: { ",Acme\u{202E}\($0.output.1)\(hostile)," })
    for (name, text) in files { workspace.write(text, to: "inbox/2026-Q3/\(name)") }
    workspace.write("", to: "inbox/2026-Q3/READY")
    workspace.write(
      #"{"inbox": "unused", "output": "unused", "tiers": [{"name": "Gold", "min_score": 9, "#
        + #""max_share": 0.2}, {"name": "Silver", "min_score": 5}, {"name": "Bronze", "#
        + #""min_score": 0, "coverage": "pooled"}]}"#, to: "alt.json")
    return workspace
  }

  @Test("memo.md, memos/ and memo.html name the accounts without the controls")
  func documents() throws {
    let workspace = Self.workspace()
    let run = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(run.status == 0, "\(run.errorText)")
    let folder = workspace.output + "/2026-Q3"
    let memo = try String(contentsOfFile: folder + "/memo.md", encoding: .utf8)
    #expect(memo.contains("Acme"), "the names are in the memo")
    #expect(!Self.holdsControl(memo))
    let html = try String(contentsOfFile: folder + "/memo.html", encoding: .utf8)
    #expect(!Self.holdsControl(html))
    let memos = try FileManager.default.contentsOfDirectory(atPath: folder + "/memos")
    #expect(!memos.isEmpty)
    for name in memos {
      let text = try String(contentsOfFile: folder + "/memos/" + name, encoding: .utf8)
      #expect(text.contains("Acme"), "\(name) names its account")
      #expect(!Self.holdsControl(text), "\(name)")
    }
  }

  @Test("explain escapes them on stdout, and an unknown id on stderr")
  func explain() {
    let workspace = Self.workspace()
    let explain = workspace.run(["explain", "ACC-0001", "--quarter", "2026-Q3"])
    #expect(explain.status == 0, "\(explain.errorText)")
    #expect(explain.outputText.contains("Acme\\u{202E}1\\u{202A}"), "\(explain.outputText)")
    #expect(!Self.holdsControl(explain.outputText))
    let unknown = workspace.run(["explain", "ACC\u{202E}-0001", "--quarter", "2026-Q3"])
    #expect(unknown.status == 65)
    #expect(unknown.errorText.contains("ACC\\u{202E}-0001"), "\(unknown.errorText)")
    #expect(!Self.holdsControl(unknown.errorText + unknown.outputText))
  }

  @Test("compare prints and writes the accounts without them")
  func compare() throws {
    let workspace = Self.workspace()
    let compare = workspace.run([
      "compare", "--with", "alt.json", "--out", "what-if.md", "--quarter", "2026-Q3",
    ])
    #expect(compare.status == 0, "\(compare.errorText)")
    #expect(compare.outputText.contains("Acme"), "the landing list names accounts")
    #expect(!Self.holdsControl(compare.outputText + compare.errorText))
    let written = try String(contentsOfFile: workspace.root + "/what-if.md", encoding: .utf8)
    #expect(!Self.holdsControl(written))
  }
}
