import Testing

@testable import RetierCore

@Suite("memo.md across quarters")
struct ReviewMemoQuartersTests {
  static func memo(_ result: RunResult) -> String {
    String(decoding: RenderedRun.bytes("memo.md", of: result), as: UTF8.self)
  }

  /// The rubric book run twice: the second run reads the first one's tiers.csv and run.json.
  static func secondRun(runJSON: [UInt8]?? = nil) throws -> RunResult {
    let first = try RunResultFixtures.rubricBook()
    let files = RenderedRun.files(of: first)
    let tiers = try #require(files.first { $0.path == "tiers.csv" }).bytes
    let manifest = try #require(files.first { $0.path == RunManifest.fileName }).bytes
    return Retier.attachingPreviousRun(try RunResultFixtures.rubricBook(), tiersCSV: tiers) {
      runJSON ?? manifest
    }
  }

  @Test("with no previous run each section says there is nothing to compare")
  func noPreviousRun() throws {
    let text = Self.memo(try RunResultFixtures.rubricBook())
    #expect(
      text.contains(
        "## Across quarters\n\n### Tier scorecard\n\nNo previous complete run: nothing to "
          + "compare.\n\n### Re-elevation watch\n\nNo previous complete run: nothing to compare."
          + "\n\n### Flapping\n\nNo previous complete run: nothing to compare.\n"))
  }

  /// First run: Tier 1 = X01 (1,000,000) and X02 (500,000); Tier 2 = X03 (300,000), X05
  /// (150,000), T06 (123,456.78): 573,456.78 → 573,457 rounded half up. Same book again: every
  /// cohort keeps its ARR and tier. X07's path back (ARR 109,382.72 or a ceiling of 96,000 to
  /// reach 8) is not reached at 80,000 and no ceiling.
  @Test("the second run scores the first run's cohorts and watches its demotions")
  func secondRunSections() throws {
    let text = Self.memo(try Self.secondRun())
    #expect(text.contains("This quarter compared with the 2026-Q3 run (the latest earlier"))
    #expect(text.contains("| Tier 1 | 2 | 2 | 1,500,000 | 1,500,000 | 100.0% | 100.0% | 0 | 0 |"))
    #expect(text.contains("| Tier 2 | 3 | 3 | 573,457 | 573,457 | 100.0% | 100.0% | 0 | 0 |"))
    #expect(text.contains("reached them, and whether this run puts them back in the tier they "))
    #expect(text.contains("left: 6; 0 re-entered."))
    #expect(
      text.contains(
        "| X07 | Name X07 | Tier 2 | 109,382.72 (not reached) | 80,000 | ceiling ≥ 96,000 (not "
          + "reached) | 7 (not reached) | 8 | no |"))
    #expect(text.contains("in the last two runs, for review by hand (the rubric still rules): 0."))
  }

  @Test(
    "a previous run whose run.json cannot give the path back says why (escaped for Markdown)",
    arguments: [
      (nil, "Not computed: the previous run has no run.json.\n"),
      (
        Array(#"{"quarter": "2026-Q2"}"#.utf8),
        "Not computed: its run.json (schema\\_version 1) records no path-back targets.\n"
      ),
      (
        Array(#"{"schema_version": 9, "quarter": "2026-Q2"}"#.utf8),
        "Not computed: its run.json has schema\\_version 9, and this retier reads up to 2.\n"
      ),
    ] as [([UInt8]?, String)])
  func watchNotComputed(runJSON: [UInt8]?, message: String) throws {
    let text = Self.memo(try Self.secondRun(runJSON: .some(runJSON)))
    #expect(text.contains("### Re-elevation watch\n\n" + message))
    // The scorecard needs only tiers.csv.
    #expect(text.contains("| Tier 1 | 2 | 2 | 1,500,000 | 1,500,000 | 100.0% | 100.0% | 0 | 0 |"))
  }
}

@Suite("memo.html across quarters")
struct ReviewPageQuartersTests {
  @Test("memo.html shows the same scorecard and watch rows as memo.md, escaped as HTML")
  func sameRowsAsMemo() throws {
    let result = try ReviewMemoQuartersTests.secondRun()
    let page = String(decoding: RenderedRun.bytes("memo.html", of: result), as: UTF8.self)
    #expect(page.contains(#"<section aria-label="Across quarters"><h2>Across quarters</h2>"#))
    #expect(page.contains("This quarter compared with the 2026-Q3 run"))
    #expect(
      page.contains(
        #"<th scope="row" class="t">Tier 1</th><td class="n">2</td><td class="n">2</td>"#
          + #"<td class="n">1,500,000</td><td class="n">1,500,000</td><td class="n">100.0%</td>"#))
    // The same sentence as memo.md: the review document words it once.
    #expect(page.contains("Last quarter&#39;s demoted accounts, the targets their path back named"))
    #expect(page.contains("left: 6; 0 re-entered."))
    #expect(page.contains("109,382.72 (not reached)"))
  }
}
