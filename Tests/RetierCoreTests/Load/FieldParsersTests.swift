import RetierTestSupport
import Testing

@testable import RetierCore

/// The byte-level parsers of the loader against their contract and against `FixedPointParser`,
/// which they replace on the load path.
@Suite("Field parsers")
struct FieldParsersTests {
  /// Each case: text, then what `count`, `money` (in cents) and `hundredths` give.
  static let cases: [(String, Int?, Int?, Int?)] = [
    ("0", 0, 0, 0), ("7", 7, 700, 700), ("007", 7, 700, 700), ("-0", nil, 0, nil),
    ("-12.5", nil, -1250, nil), ("12.34", nil, 1234, 1234), ("12.3", nil, 1230, 1230),
    ("12.345", nil, nil, nil), ("12.", nil, nil, nil), (".5", nil, nil, nil), ("-", nil, nil, nil),
    ("", nil, nil, nil), ("+1", nil, nil, nil), ("1e3", nil, nil, nil), (" 1", nil, nil, nil),
    ("1 ", nil, nil, nil), ("1,000", nil, nil, nil), ("--1", nil, nil, nil),
    ("1.-2", nil, nil, nil),
    ("１", nil, nil, nil), ("0x10", nil, nil, nil),
    ("999999999999999", 999_999_999_999_999, 99_999_999_999_999_900, 99_999_999_999_999_900),
    ("999999999999999.99", nil, 99_999_999_999_999_999, 99_999_999_999_999_999),
    ("-999999999999999.99", nil, -99_999_999_999_999_999, nil),
    ("1000000000000000", nil, nil, nil), ("0000000000000001", nil, nil, nil),
  ]

  @Test("numbers parse exactly as the contract says", arguments: cases)
  func parsesNumbers(_ text: String, _ count: Int?, _ cents: Int?, _ hundredths: Int?) {
    do {
      let bytes = text.utf8.span
      #expect(FieldParsers.count(bytes) == count)
      #expect(FieldParsers.money(bytes) == cents.map { Money(cents: Int128($0)) })
      #expect(FieldParsers.hundredths(bytes) == hundredths)
    }
  }

  @Test("a run of digits far too long to fit any integer is refused, not trapped on")
  func refusesOverlongDigits() {
    for length in [16, 19, 20, 39, 40, 200] {
      let digits = Array(String(repeating: "9", count: length).utf8)
      do {
        let bytes = digits.span
        #expect(FieldParsers.count(bytes) == nil)
        #expect(FieldParsers.money(bytes) == nil)
      }
      #expect(FieldParsers.money(("1." + String(repeating: "9", count: length)).utf8.span) == nil)
    }
  }

  @Test("random decimal-looking text parses as FixedPointParser parses it")
  func matchesFixedPointParser() {
    var random = SplitMix64(seed: 0xF1E1D)
    let pieces = ["0", "1", "5", "9", "00", "12", "-", ".", "+", " ", "e", "x", "99999", "é"]
    for _ in 0..<5_000 {
      // At most 24 bytes: FixedPointParser computes in Int128 before checking lengths.
      var text = ""
      while true {
        let piece = random.pick(pieces)
        if text.utf8.count + piece.utf8.count > 24 || random.chance(15) { break }
        text += piece
      }
      do {
        let bytes = text.utf8.span
        #expect(
          FieldParsers.count(bytes)
            == FixedPointParser.parse(bytes, maximumFractionDigits: 0, allowsSign: false)
            .map { Int($0) },
          "\(text)")
        #expect(FieldParsers.money(bytes) == Money(bytes: bytes), "\(text)")
        #expect(
          FieldParsers.hundredths(bytes)
            == FixedPointParser.parse(bytes, maximumFractionDigits: 2, allowsSign: false)
            .map { Int($0) },
          "\(text)")
      }
    }
  }

  @Test(
    "words match ignoring ASCII case only",
    arguments: [
      ("true", true, nil), ("TRUE", true, nil), ("False", false, nil), ("lost", nil, true),
      ("LoSt", nil, true), ("active", nil, false), ("yes", nil, nil), ("tru", nil, nil),
      ("truee", nil, nil), ("", nil, nil), ("ＴＲＵＥ", nil, nil),
    ] as [(String, Bool?, Bool?)])
  func parsesWords(_ text: String, _ boolean: Bool?, _ sponsorLost: Bool?) {
    do {
      let bytes = text.utf8.span
      #expect(FieldParsers.boolean(bytes) == boolean)
      #expect(FieldParsers.sponsorLost(bytes) == sponsorLost)
    }
  }

  @Test(
    "dates are strict YYYY-MM-DD",
    arguments: [
      ("2026-02-28", CalendarDate(year: 2026, month: 2, day: 28)),
      ("2024-02-29", CalendarDate(year: 2024, month: 2, day: 29)),
      ("2026-02-29", nil), ("2026-2-28", nil), ("2026-13-01", nil), ("26-01-01", nil),
      ("2026/01/01", nil), ("2026-01-01T00:00", nil),
    ] as [(String, CalendarDate?)])
  func parsesDates(_ text: String, _ expected: CalendarDate?) {
    #expect(FieldParsers.date(text.utf8.span) == expected)
  }
}
