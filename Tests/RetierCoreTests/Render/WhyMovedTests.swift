import Testing

@testable import RetierCore

@Suite("WhyMoved: the one-line reason")
struct WhyMovedTests {
  private func sentence(_ id: String, in result: RunResult) throws -> String? {
    WhyMoved(RunLookups(result)).sentence(for: try RunResultFixtures.ref(of: id, in: result))
  }

  @Test(
    "rubric promotions, demotions and first placements name the line that decided",
    arguments: [
      (
        "X02", "Tier 2 → Tier 1: total 12 (ARR 4, fit 4, expansion 4) reaches the Tier 1 line of 12"
      ),
      (
        "X03", "Tier 1 → Tier 2: total 8 (ARR 4, fit 2, expansion 2) is below the Tier 1 line of 12"
      ),
      // Two tiers down: the line it missed last is Tier 2's.
      ("X04", "Tier 1 → Tier 3: total 3 (ARR 3, fit 0, expansion 0) is below the Tier 2 line of 8"),
      (
        "X05",
        "First placement in Tier 2: total 9 (ARR 3, fit 3, expansion 3) reaches the Tier 2 line of 8"
      ),
    ])
  func rubric(id: String, expected: String) throws {
    #expect(try sentence(id, in: RunResultFixtures.rubricBook()) == expected)
  }

  @Test("an account that keeps its tier has no sentence")
  func unmoved() throws {
    let result = try RunResultFixtures.rubricBook()
    #expect(try sentence("X01", in: result) == nil)
    #expect(try sentence("X10", in: result) == nil)
  }

  @Test("a first placement in the last tier names the line above it")
  func firstPlacementInLastTier() throws {
    #expect(
      try sentence("R4", in: RunResultFixtures.reasonsBook())
        == "First placement in Tier 3: total 4 (ARR 2, fit 0, expansion 2) is below the Tier 2 line of 8"
    )
  }

  @Test("a cap-displaced incumbent names the newcomer that took its seat")
  func capPairing() throws {
    #expect(
      try sentence("INC-A", in: RunResultFixtures.capBook())
        == "Tier 1 → Tier 2: seat taken by Name NEW-1 (NEW-1, total 14) under the Tier 1 cap of 2")
  }

  @Test("an override takes a seat first and is named as the taker of the lowest incumbent")
  func capPairingWithOverride() throws {
    // F06's override takes one of the two seats, NEW-1 the other. Displaced incumbents INC-B
    // (13) and INC-A (12): the lowest-ranked, INC-A, pairs with the first newcomer, F06.
    let result = try RunResultFixtures.capBook(overrides: [
      "F06,1,Strategic logo,Sam Sales,Casey CS,2026-12-31"
    ])
    #expect(
      try sentence("INC-A", in: result)
        == "Tier 1 → Tier 2: seat taken by Name F06 (F06, override to Tier 1) under the Tier 1 cap of 2"
    )
    #expect(
      try sentence("INC-B", in: result)
        == "Tier 1 → Tier 2: seat taken by Name NEW-1 (NEW-1, total 14) under the Tier 1 cap of 2")
  }

  @Test("a displaced incumbent with no taker says the cap shrank")
  func capShrank() throws {
    #expect(
      try sentence("INC-3", in: RunResultFixtures.shrunkCapBook())
        == "Tier 1 → Tier 2: no seat under the Tier 1 cap of 2, and no newcomer took it: the cap "
        + "shrank below the incumbents that qualify")
  }

  @Test("a non-incumbent that missed the cap but still moved says both")
  func capMissedButMoved() throws {
    #expect(
      try sentence("T3-UP", in: RunResultFixtures.capBook())
        == "Tier 3 → Tier 2: total 12 (ARR 4, fit 4, expansion 4) reaches the Tier 1 line of 12 "
        + "but missed the Tier 1 cap of 2 seats (lowest seated total 13)")
  }

  @Test("the newcomer that took a seat is a plain rubric promotion")
  func capTaker() throws {
    #expect(
      try sentence("NEW-1", in: RunResultFixtures.capBook())
        == "Tier 2 → Tier 1: total 14 (ARR 5, fit 5, expansion 4) reaches the Tier 1 line of 12")
  }

  @Test("an override names both approvers, the expiry and the reason")
  func override() throws {
    #expect(
      try sentence("R3", in: RunResultFixtures.reasonsBook())
        == "Tier 2 → Tier 1: override to Tier 1 approved by Sam Sales and Casey CS, expires "
        + "2026-12-31: Renewal at risk; board sponsor")
  }

  @Test("a reason with line breaks stays on one line")
  func overrideReasonOnOneLine() throws {
    let result = try RunResultFixtures.reasonsBook(overrides: [
      "R3,1,\"Renewal\r\nat risk\",Sam Sales,Casey CS,2026-12-31"
    ])
    let text = try #require(try sentence("R3", in: result))
    #expect(!text.contains("\n") && !text.contains("\r"))
    #expect(text.hasSuffix("expires 2026-12-31: Renewal  at risk"))
  }

  @Test(
    "a new logo is held in the last tier, moved or first placed",
    arguments: [
      (
        "R1",
        "Tier 1 → Tier 3: new logo (customer since 2026-05-01, fewer than 2 full quarters) held in Tier 3"
      ),
      (
        "R2",
        "First placement in Tier 3: new logo (customer since 2026-05-01, fewer than 2 full quarters) "
          + "held in Tier 3"
      ),
    ])
  func newLogo(id: String, expected: String) throws {
    #expect(try sentence(id, in: RunResultFixtures.reasonsBook()) == expected)
  }

  @Test("oneLine turns control characters and separators into spaces and trims")
  func oneLine() {
    #expect(Prose.oneLine("\ta\nb\u{0}c\u{2028}d\u{85}e\u{7F}f\u{2029}é\r\n") == "a b c d e f é")
    #expect(Prose.oneLine("plain") == "plain")
    #expect(Prose.oneLine(" \n ") == "")
  }

  @Test(
    "amounts group thousands and keep cents only when there are any",
    arguments: [
      (Money(cents: 100_000_000), "1,000,000"), (Money(cents: 10_938_272), "109,382.72"),
      (Money(cents: 5), "0.05"), (Money(cents: -123_450), "-1,234.50"),
    ])
  func amount(money: Money, expected: String) {
    #expect(Prose.amount(money) == expected)
  }
}
