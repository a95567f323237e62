import Foundation
import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier explain")
struct ExplainCommandTests {
  @Test("A valid account shows each signal's rule with its numbers and the tier decision")
  func validAccount() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    let outcome = workspace.run(["explain", "ACC-0007", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    let text = outcome.outputText
    #expect(outcome.output.first == #"Account ACC-0007 "Account 7": 2026-Q3, run date 2026-10-14"#)
    for expected in [
      "ARR signal: ", "g(a) = ", "N = 40", "median ARR ", "Strategic fit signal: 1",
      "Expansion ceiling signal: ", "Total: 1 × ", "Rubric tier: ", "Target: ", "Final tier: ",
      "Movement: first placement", "Owner: ",
    ] {
      #expect(text.contains(expected), "missing \(expected)")
    }
    // Exactly one rule fired per computed signal.
    #expect(outcome.output.count { $0.hasPrefix("  → ") } == 2)
  }

  @Test("An override and the Tier 1 cap are spelled out")
  func overrideAndCap() {
    let workspace = Workspace()
    workspace.writeDrop(
      TestDrop(
        overrides: "account_id,tier,reason,approved_by_sales,approved_by_cs,expires\n"
          + "ACC-0003,1,strategic bet,ann,bob,2026-12-01\n"))
    let outcome = workspace.run(["explain", "ACC-0003", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    #expect(
      outcome.outputText.contains(
        #"set by override (overrides.csv line 2: "strategic bet", approved by ann (sales) and bob (CS), expires 2026-12-01)"#
      ))
    #expect(outcome.outputText.contains("Tier 1 cap: ⌊0.1 × N⌋ = 4 seats"))
  }

  @Test("A rejected account shows why, with the real path and line")
  func rejectedAccount() {
    let workspace = Workspace()
    workspace.writeDrop(TestDrop(accounts: 200, badFitRows: 1))
    let outcome = workspace.run(["explain", "BAD-0", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    #expect(outcome.outputText.contains("keeps Tier 2 and owner csm-2 (reason invalid_input)"))
    #expect(
      outcome.output.last?.hasPrefix("  \(workspace.inbox)/2026-Q3/accounts.csv:202: error: ")
        == true)
  }

  @Test("An unknown account exits 65")
  func unknownAccount() {
    let workspace = Workspace()
    workspace.writeDrop()
    let outcome = workspace.run(["explain", "ACC-9999", "--quarter", "2026-Q3"])
    #expect(outcome.status == 65)
    #expect(
      outcome.errors.last
        == "retier: error: account 'ACC-9999' is not in accounts.csv; nearest ids: ACC-0009, "
        + "ACC-0019, ACC-0029, ACC-0039, ACC-0001")
    let far = workspace.run(["explain", "nothing-like-it", "--quarter", "2026-Q3"])
    #expect(far.status == 65)
    #expect(far.errors.last == "retier: error: account 'nothing-like-it' is not in accounts.csv")
  }

  @Test("An id in the wrong case is answered with the id as the drop writes it, first")
  func wrongCase() {
    let workspace = Workspace()
    workspace.writeDrop()
    let outcome = workspace.run(["explain", "acc-0007", "--quarter", "2026-Q3"])
    #expect(outcome.status == 65)
    #expect(
      outcome.errors.last?.hasSuffix(
        "; nearest ids: ACC-0007, ACC-0001, ACC-0002, ACC-0003, ACC-0004") == true)
  }

  @Test("The answer stands alone: the phase log only with --verbose")
  func verbose() {
    let workspace = Workspace()
    workspace.writeDrop()
    let quiet = workspace.run(["explain", "ACC-0007", "--quarter", "2026-Q3"])
    #expect(quiet.status == 0)
    #expect(quiet.errors.isEmpty)
    let verbose = workspace.run(["explain", "ACC-0007", "--quarter", "2026-Q3", "--verbose"])
    #expect(verbose.output == quiet.output)
    #expect(
      verbose.errors.map { $0.split(separator: " ")[1] } == [
        "config", "read", "load", "validate", "score", "tier", "assign",
      ])
  }

  @Test("A name with line breaks is printed on one line, escaped")
  func nameOnOneLine() {
    let workspace = Workspace()
    var drop = TestDrop()
    drop.accountsText = drop.files["accounts.csv"]!.replacingOccurrences(
      of: "ACC-0001,Account 1,", with: "ACC-0001,\"Acme\nCorp\r\nEMEA\",")
    workspace.writeDrop(drop)
    let outcome = workspace.run(["explain", "ACC-0001", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    #expect(
      outcome.output.first
        == #"Account ACC-0001 "Acme\nCorp\r\nEMEA": 2026-Q3, run date 2026-10-14"#)
  }
}
