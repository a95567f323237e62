import Testing

@testable import RetierCore

@Suite("memo.md across quarters")
struct ReviewMemoQuartersTests {
  static func memo(_ result: RunResult) -> String {
    String(decoding: RenderedRun.bytes("memo.md", of: result), as: UTF8.self)
  }

  /// The rubric book run twice: the second run reads the first one's folder, verified,
  /// `edit` applied to it first.
  static func secondRun(edit: (inout PreviousRunFolder) -> Void = { _ in }) throws -> RunResult {
    var folder = PreviousRunFolder(of: try RunResultFixtures.rubricBook())
    edit(&folder)
    return folder.attach(to: try RunResultFixtures.rubricBook())
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
  /// cohort keeps its ARR and tier. X07's path back (ARR 109,383 or a ceiling of 96,000 to
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
        "| X07 | Name X07 | Tier 2 | 109,383 (not reached) | 80,000 | ceiling ≥ 96,000 (not "
          + "reached) | 7 (not reached) | 8 | no |"))
    #expect(text.contains("in the last two runs, for review by hand (the rubric still rules): 0."))
  }

  @Test("a schema-1 run.json gives no path back and is taken to be in this run's currency")
  func schemaOne() throws {
    let folder = PreviousRunFolder(
      tiersCSV: "account_id,to_tier,arr\nX01,1,1000000\nX02,1,500000\n", quarter: "2026-Q2")
    let text = Self.memo(folder.attach(to: try RunResultFixtures.rubricBook()))
    #expect(
      text.contains(
        "### Re-elevation watch\n\nNot computed: its run.json (schema\\_version 1) records no "
          + "path-back targets.\n"))
    #expect(
      text.contains(
        "The previous run's run.json records no currency (schema\\_version 2 or older): it is "
          + "taken to be in USD, this run's currency.\n"))
    #expect(text.contains("| Tier 1 | 2 | 2 | 1,500,000 | 1,500,000 | 100.0% | 100.0% | 0 | 0 |"))
  }

  @Test("a previous run that fails verification is not used: each section says which file and why")
  func notVerified() throws {
    let result = try Self.secondRun { $0.runJSON = #"{"quarter": "2026-Q3"}"# }
    #expect(result.previousRun == nil)
    let text = Self.memo(result)
    let why =
      "Not compared: the previous run (2026-Q3) failed verification and is not used, nor any "
      + "older run in its place: run.json: lists no outputs.\n"
    #expect(text.contains("### Tier scorecard\n\n" + why))
    #expect(text.contains("### Re-elevation watch\n\n" + why))
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
    #expect(page.contains("109,383 (not reached)"))
  }
}
