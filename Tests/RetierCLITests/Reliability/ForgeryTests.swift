import Foundation
import RetierTestSupport
import Testing

@testable import RetierCLI
@testable import RetierCore

/// Text from the drop cannot forge or hide a message line (SPEC §7): whatever control
/// characters ids and names hold, every line `retier` prints is one line with none of them, and
/// every `path:line:column: error:` line it prints names a real file of the drop.
@Suite("Forged messages")
struct ForgeryTests {
  /// Pieces of hostile ids and names: line breaks, terminal escapes, C1 controls, DEL, and a
  /// would-be diagnostic.
  static let pieces = [
    "\n", "\r", "\r\n", "\u{1B}[2K", "\u{1B}]0;t\u{07}", "\u{85}", "\u{9B}31m", "\u{7F}", "\t",
    "\u{0}", "accounts.csv:1:1: error: forged", "/etc/passwd:9:9: warning: forged", "X", "é",
  ]

  /// A drop whose ids and names are random joins of ``pieces``, with rows that make messages:
  /// a repeated id, an orphan ARR line, an account without usage.
  static func drop(seed: UInt64) -> (files: [String: String], ids: [String]) {
    var random = SplitMix64(seed: seed)
    func hostile() -> String {
      (0..<(1 + random.below(4))).map { _ in random.pick(pieces.filter { $0 != "\u{0}" }) }
        .joined()
    }
    var accounts = CSVWriter(header: [
      "account_id", "account_name", "current_tier", "owner_id", "customer_since", "strategic_fit",
    ])
    var arr = CSVWriter(header: ["account_id", "arr"])
    var ids: [String] = []
    for index in 0..<40 {
      // Ids end in a letter: surrounding spaces and tabs are trimmed from fields.
      let id = index % 4 == 0 ? "id\(index)" + hostile() + "Z" : "ACC-\(index)"
      ids.append(id)
      accounts.appendRow([
        .raw(id), .raw(hostile()), .raw("2"), .raw(hostile()), .raw("2020-01-01"), .raw("3"),
      ])
      arr.appendRow([.raw(id), .raw(String(1_000 + index))])
    }
    accounts.appendRow([
      .raw(ids[0]), .raw("again"), .raw("1"), .raw(""), .raw("2020-01-01"), .raw("3"),
    ])
    arr.appendRow([.raw("ghost" + hostile()), .raw("5")])
    return (
      [
        "accounts.csv": String(decoding: accounts.bytes, as: UTF8.self),
        "arr.csv": String(decoding: arr.bytes, as: UTF8.self),
        "usage.csv": "account_id\n", "csms.csv": "csm_id,tier\ncsm-1,1\n",
      ], ids
    )
  }

  /// Checks that no printed line holds a control character and that every line that reads as
  /// a diagnostic (`path:line[:column]: severity:`, after the `retier: ` prefix and indent)
  /// names a path under the workspace: a forged one would start with the drop's text.
  static func checkLines(_ lines: [String], workspace: Workspace) {
    let diagnostic = /^[^ ]*:[0-9]+(:[0-9]+)?: (error|warning|note):/
    for line in lines {
      #expect(!line.unicodeScalars.contains(where: ControlCharacters.isControl), "\(line)")
      var text = Substring(line)
      if text.hasPrefix("retier: ") { text = text.dropFirst("retier: ".count) }
      text = text.drop { $0 == " " }
      if text.prefixMatch(of: diagnostic) != nil {
        #expect(text.hasPrefix(workspace.root), "\(line)")
      }
    }
  }

  @Test(
    "validate, explain and a run over budget print no forged or multi-line message",
    arguments: 0..<12 as Range<UInt64>)
  func noForgedLines(seed: UInt64) {
    let workspace = Workspace(
      config: #"{"inbox": "../inbox", "output": "../out", "max_rejected_share": 0.1}"#)
    let (files, ids) = Self.drop(seed: seed)
    for (name, text) in files { workspace.write(text, to: "inbox/2026-Q3/\(name)") }
    workspace.write("", to: "inbox/2026-Q3/READY")
    let validate = workspace.run(["validate", "--quarter", "2026-Q3"])
    #expect(validate.status == 0, "\(validate.errorText)")
    Self.checkLines(validate.output + validate.errors, workspace: workspace)
    // Each problem is one line: the repeated id's two rows, the orphan, 39 accounts without
    // usage, the warning that named Tier 2 has no active CSM, plus the summary line.
    #expect(validate.output.count == 2 + 1 + 39 + 1 + 1, "\(validate.outputText)")
    for id in [ids[0], ids[4]] {
      let explain = workspace.run(["explain", id, "--quarter", "2026-Q3"])
      #expect(explain.status == 0, "\(explain.errorText)")
      Self.checkLines(explain.output + explain.errors, workspace: workspace)
    }
    let unknown = workspace.run(["explain", "nope\n" + ids[4], "--quarter", "2026-Q3"])
    #expect(unknown.status == 65)
    #expect(unknown.errors.count { $0.contains("error:") } == 1, "\(unknown.errorText)")
    Self.checkLines(unknown.errors, workspace: workspace)
    // Over the budget (2 of 41 account rows; the 1 orphan of 41 ARR lines is within 0.03):
    // every problem on stderr, one line each. Then over the orphan budget: the orphan alone.
    // No floor, so that two rows are over it.
    for (share, lines) in [("0.03", 1 + 3), ("0", 1 + 1)] {
      workspace.write(
        #"{"inbox": "../inbox", "output": "../out", "max_rejected_share": \#(share), "#
          + #""max_rejected_rows_floor": 0}"#,
        to: "config/retier.json")
      let run = workspace.run(["run", "--quarter", "2026-Q3"])
      #expect(run.status == 65)
      #expect(run.errors.count { $0.contains("error:") } == lines, "\(run.errorText)")
      Self.checkLines(run.output + run.errors, workspace: workspace)
    }
  }

  @Test(
    "control characters are escaped, and text without them is unchanged",
    arguments: [
      ("plain text, é and ‘quotes’", "plain text, é and ‘quotes’"),
      ("a\nb", "a\\nb"), ("a\r\nb", "a\\r\\nb"), ("\t", "\\t"), ("\u{1B}[2K", "\\u{1B}[2K"),
      ("\u{7F}", "\\u{7F}"), ("\u{85}\u{9F}", "\\u{85}\\u{9F}"), ("\u{0}", "\\u{0}"),
      ("\u{A0}", "\u{A0}"), ("ls\u{2028}ps\u{2029}", "ls\\u{2028}ps\\u{2029}"),
      (#"back\slash "quote""#, #"back\slash "quote""#), ("", ""),
      ("evil\u{202E}gpj.exe", "evil\\u{202E}gpj.exe"),
      ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u{202A}\\u{202B}\\u{202C}\\u{202D}"),
      ("\u{2066}a\u{2067}b\u{2068}c\u{2069}", "\\u{2066}a\\u{2067}b\\u{2068}c\\u{2069}"),
      ("\u{200E}\u{200F}\u{061C}", "\\u{200E}\\u{200F}\\u{61C}"),
      ("عربي \u{200D}\u{202F}", "عربي \u{200D}\u{202F}"),
    ])
  func escaping(text: String, escaped: String) {
    #expect(ControlCharacters.escaped(text) == escaped)
    #expect(!ControlCharacters.escaped(text).contains { $0.isNewline })
  }

  @Test("a quoted name is on one line in double quotes")
  func quoted() {
    #expect(ControlCharacters.quoted("Acme\nCorp") == #""Acme\nCorp""#)
  }
}
