import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier run reads the latest earlier run folder, verified")
struct PreviousRunTests {
  @Test("A skipped quarter does not hide the run before it")
  func skippedQuarter() {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q1")
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q1"]).status == 0)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    #expect(
      outcome.errors.contains { $0.contains(" read ") && $0.contains("previous_run=2026-Q1") })
    #expect(
      outcome.errors.contains {
        $0.hasPrefix("retier: previous 2026-Q1 verified=yes tiers.csv_bytes=")
      })
    let memo = (try? FileReader.read(workspace.output + "/2026-Q3/memo.md")) ?? []
    #expect(
      String(decoding: memo, as: UTF8.self).contains(
        "This quarter compared with the 2026-Q1 run (the latest earlier complete run)."))
    let manifest = (try? FileReader.read(workspace.output + "/2026-Q3/run.json")) ?? []
    #expect(
      String(decoding: manifest, as: UTF8.self).contains(
        "\"previous_run\": {\n    \"quarter\": \"2026-Q1\",\n    \"verified\": true\n  },"))
  }

  /// SPEC §8: the previous run is the latest earlier quarter with a run folder; one that fails
  /// verification is not used, and no older run is used in its place.
  @Test("A folder without run.json is the previous run, not used, and no older run replaces it")
  func failedPreviousRunIsNotReplaced() {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q1")
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q1"]).status == 0)
    workspace.write("account_id,to_tier\n", to: "out/2026-Q2/tiers.csv")
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    let warning =
      "the previous run (2026-Q2) failed verification and is not used, nor any older run in its "
      + "place: run.json: is missing: the run never completed"
    #expect(outcome.errors.contains("retier: warning: " + warning), "\(outcome.errorText)")
    let memo = String(
      decoding: (try? FileReader.read(workspace.output + "/2026-Q3/memo.md")) ?? [], as: UTF8.self)
    #expect(memo.contains("### Tier scorecard\n\nNot compared: " + warning + ".\n"))
    #expect(!memo.contains("2026-Q1"))
    let manifest = String(
      decoding: (try? FileReader.read(workspace.output + "/2026-Q3/run.json")) ?? [], as: UTF8.self)
    #expect(
      manifest.contains(
        "\"previous_run\": {\n    \"quarter\": \"2026-Q2\",\n    \"verified\": false,\n"
          + "    \"file\": \"run.json\",\n    \"problem\": \"is missing: the run never completed\"\n  },"
      ))
  }

  /// SPEC §8: what is read back is verified; the previous run's memos are not read, so an
  /// archived or edited memo does not cost the comparison, while an edited tiers.csv does.
  @Test("The previous run is verified for what is read back: run.json and tiers.csv, not memos")
  func readBackFilesOnly() throws {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q2")
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q2"]).status == 0)
    let memoPath = "out/2026-Q2/memo.md"
    let memo = try FileReader.read(workspace.root + "/" + memoPath)
    workspace.write(String(decoding: memo, as: UTF8.self) + "edited\n", to: memoPath)
    let used = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(used.status == 0)
    #expect(
      used.errors.contains { $0.hasPrefix("retier: previous 2026-Q2 verified=yes ") },
      "\(used.errorText)")

    let tiersPath = "out/2026-Q2/tiers.csv"
    let tiers = try FileReader.read(workspace.root + "/" + tiersPath)
    workspace.write(String(decoding: tiers.dropLast(), as: UTF8.self) + "9\n", to: tiersPath)
    let refused = workspace.run(["run", "--quarter", "2026-Q3", "--force"])
    #expect(refused.status == 0)
    #expect(
      refused.errors.contains {
        $0.contains("the previous run (2026-Q2) failed verification and is not used")
          && $0.contains("tiers.csv")
      }, "\(refused.errorText)")
  }

  @Test("With no earlier complete run there is none")
  func noEarlierRun() {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q3")
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    #expect(outcome.errors.contains { $0.contains(" read ") && $0.contains("previous_run=no") })
  }
}
