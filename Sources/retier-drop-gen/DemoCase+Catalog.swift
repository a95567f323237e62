extension DemoCase {
  /// The deliberate accounts of the demo drop, in ARR rank order. With N = 600 the ARR signal
  /// is 5 for ranks 0–59, 4 for ranks 60–149, then 3, 2 or 1 by the median and floor lines.
  ///
  /// Tier 1 holds 60 incumbents before the run. After it: 53 incumbents and 6 rubric promotions
  /// take the 59 seats left by the override into Tier 1; the 13-point incumbents keep their
  /// seats over the 13-point challenger ACC-00444, whose ARR is higher; the 12-point
  /// incumbents are displaced by the cap.
  static let catalog: [DemoCase] = [
    // Top decile (ARR signal 5).
    DemoCase(
      number: 7, rank: 0, fit: 5, expansion: 5, currentTier: 1, expectedTier: 1,
      name: "Northwind Logistics", quirks: [.exactMultiBURoom]),
    DemoCase(
      number: 412, rank: 3, fit: 5, expansion: 4, currentTier: 2, expectedTier: 1,
      name: "Acme Robotics GmbH"),
    DemoCase(
      number: 58, rank: 5, fit: 5, expansion: 4, currentTier: nil, expectedTier: 3,
      since: .quarterStart(plusDays: 33), name: "Helios Grid Storage, Inc."),
    DemoCase(
      number: 233, rank: 10, fit: 4, expansion: 0, currentTier: 1, expectedTier: 2,
      name: "Bluewater \"Prime\" Seafoods"),
    DemoCase(number: 301, rank: 15, fit: 4, expansion: 5, currentTier: 2, expectedTier: 1),
    DemoCase(
      number: 90, rank: 20, fit: 4, expansion: 4, currentTier: 1, expectedTier: 1,
      quirks: [.creditLine]),
    DemoCase(
      number: 145, rank: 25, fit: 4, expansion: 1, currentTier: 1, expectedTier: 2,
      name: "Kestrel Aerospace\nSystems"),
    DemoCase(number: 366, rank: 30, fit: 5, expansion: 5, currentTier: 2, expectedTier: 1),
    DemoCase(
      number: 21, rank: 40, fit: 1, expansion: 0, currentTier: 1, expectedTier: 3,
      name: "Tailspin Toys, \"The Original\""),
    DemoCase(number: 477, rank: 45, fit: 5, expansion: 4, currentTier: 2, expectedTier: 1),
    DemoCase(number: 118, rank: 50, fit: 4, expansion: 3, currentTier: 1, expectedTier: 2),
    DemoCase(
      number: 259, rank: 57, fit: 4, expansion: 3, currentTier: 1, expectedTier: 2,
      quirks: [.seatCapExpansion]),
    // Top quartile (ARR signal 4).
    DemoCase(number: 333, rank: 62, fit: 5, expansion: 5, currentTier: 2, expectedTier: 1),
    DemoCase(number: 181, rank: 65, fit: 4, expansion: 4, currentTier: 1, expectedTier: 2),
    DemoCase(
      number: 444, rank: 70, fit: 5, expansion: 4, currentTier: 2, expectedTier: 2,
      name: "Smith, Barnes & Kowalski LLP"),
    DemoCase(number: 276, rank: 75, fit: 5, expansion: 5, currentTier: 2, expectedTier: 1),
    DemoCase(
      number: 11, rank: 80, fit: 5, expansion: 4, currentTier: 1, expectedTier: 1,
      owner: "csm-departed"),
    DemoCase(number: 199, rank: 90, fit: 5, expansion: 3, currentTier: 1, expectedTier: 2),
    // Skipped business reviews: exactly at the limit of 2 on a named tier (held to Tier 3 though
    // the total of 10 lands in Tier 2), one below it (kept).
    DemoCase(
      number: 160, rank: 95, fit: 3, expansion: 3, currentTier: 2, expectedTier: 3,
      reviewsSkipped: 2),
    DemoCase(number: 350, rank: 100, fit: 4, expansion: 4, currentTier: 2, expectedTier: 2),
    DemoCase(
      number: 205, rank: 105, fit: 3, expansion: 3, currentTier: 2, expectedTier: 2,
      reviewsSkipped: 1),
    DemoCase(
      number: 72, rank: 110, fit: 4, expansion: 2, currentTier: 2, expectedTier: 1,
      name: "Fabrikam Aerospace"),
    DemoCase(number: 390, rank: 115, fit: 2, expansion: 3, currentTier: 2, expectedTier: 2),
    DemoCase(number: 498, rank: 120, fit: 5, expansion: 4, currentTier: 1, expectedTier: 1),
    DemoCase(number: 47, rank: 125, fit: 3, expansion: 2, currentTier: 2, expectedTier: 2),
    DemoCase(number: 240, rank: 135, fit: 3, expansion: 3, currentTier: 2, expectedTier: 2),
    DemoCase(
      number: 555, rank: 140, fit: 5, expansion: 4, currentTier: 1, expectedTier: 1,
      name: "Orchid Bay Hotels"),
    DemoCase(number: 310, rank: 145, fit: 3, expansion: 4, currentTier: 2, expectedTier: 2),
    // Below the top quartile (ARR signal 3, 2 or 1).
    DemoCase(
      number: 404, rank: 180, fit: 2, expansion: 4, currentTier: 2, expectedTier: 2,
      quirks: [.exactDoubleCeiling]),
    DemoCase(
      number: 405, rank: 190, fit: 1, expansion: 3, currentTier: 3, expectedTier: 3,
      name: "@Home Broadband Co-op", quirks: [.exactModestCeiling], reviewsSkipped: 3),
    DemoCase(
      number: 314, rank: 200, fit: 4, expansion: 3, currentTier: nil, expectedTier: 3,
      since: .previousQuarterStart(plusDays: 47)),
    DemoCase(
      number: 406, rank: 210, fit: 2, expansion: 4, currentTier: 2, expectedTier: 2,
      quirks: [.usageAtDeclineLine]),
    DemoCase(
      number: 407, rank: 220, fit: 2, expansion: 3, currentTier: 2, expectedTier: 2,
      quirks: [.usageAtSeatCapLine]),
    DemoCase(
      number: 268, rank: 250, fit: 3, expansion: 3, currentTier: nil, expectedTier: 3,
      since: .previousQuarterStart(plusDays: 1)),
    DemoCase(
      number: 385, rank: 260, fit: 3, expansion: 3, currentTier: nil, expectedTier: 2,
      since: .previousQuarterStart(plusDays: 0)),
    DemoCase(
      number: 512, rank: 300, fit: 4, expansion: 4, currentTier: 3, expectedTier: 3,
      since: .quarterStart(plusDays: 0)),
    DemoCase(number: 321, rank: 353, fit: 2, expansion: 3, currentTier: 2, expectedTier: 2),
    DemoCase(number: 322, rank: 354, fit: 2, expansion: 3, currentTier: 2, expectedTier: 3),
    DemoCase(
      number: 99, rank: 400, fit: 3, expansion: 1, currentTier: 2, expectedTier: 2,
      name: "Contoso Health System"),
    DemoCase(number: 421, rank: 420, fit: 2, expansion: 2, currentTier: 2, expectedTier: 3),
    DemoCase(
      number: 426, rank: 450, fit: 1, expansion: 2, currentTier: nil, expectedTier: 3,
      since: .quarterLastDay),
    DemoCase(
      number: 589, rank: 470, fit: 4, expansion: 3, currentTier: 2, expectedTier: 3,
      quirks: [.negativeMargin]),
    DemoCase(number: 567, rank: 560, fit: 3, expansion: 3, currentTier: 2, expectedTier: 2),
    DemoCase(number: 566, rank: 561, fit: 3, expansion: 3, currentTier: 3, expectedTier: 3),
    DemoCase(
      number: 600, rank: 599, fit: 2, expansion: 2, currentTier: 3, expectedTier: 3,
      name: "=Equal Parts Media", quirks: [.zeroARR]),
  ]
}
