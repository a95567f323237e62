import Testing

@testable import RetierCore

@Suite("Due quarter and first_quarter")
struct DueQuarterTests {
  private func configuration(firstQuarter: String?) -> Configuration {
    var configuration = Configuration(inbox: "in", output: "out")
    configuration.firstQuarter = firstQuarter.flatMap(FiscalQuarter.init(label:))
    return configuration
  }

  private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

  @Test(
    "without first_quarter the latest quarter whose run date has come is due",
    arguments: [("2026-10-13", "2026-Q2"), ("2026-10-14", "2026-Q3"), ("2027-01-13", "2026-Q3")])
  func withoutFirstQuarter(today: String, due: String) {
    let configuration = configuration(firstQuarter: nil)
    #expect(configuration.dueQuarter(asOf: date(today))?.label == due)
  }

  @Test(
    "before first_quarter's run date nothing is due; from it on, the latest due quarter",
    arguments: [
      ("2026-10-13", nil), ("2026-10-14", "2026-Q3"), ("2027-01-14", "2026-Q4"),
      ("2026-05-01", nil),
    ] as [(String, String?)])
  func withFirstQuarter(today: String, due: String?) {
    let configuration = configuration(firstQuarter: "2026-Q3")
    #expect(configuration.dueQuarter(asOf: date(today))?.label == due)
  }

  @Test(
    "the first run after today is first_quarter's, or the next quarter's when that is later",
    arguments: [
      ("2026-Q3", "2026-05-01", "2026-Q3", "2026-10-14"),
      ("2027-Q2", "2026-11-02", "2027-Q2", "2027-07-14"),
      ("2020-Q1", "2026-11-02", "2026-Q4", "2027-01-14"),
    ])
  func firstRun(first: String, today: String, quarter: String, runDate: String) {
    let run = configuration(firstQuarter: first).firstRun(after: date(today))
    #expect(run.quarter.label == quarter)
    #expect(run.runDate == date(runDate))
  }
}
