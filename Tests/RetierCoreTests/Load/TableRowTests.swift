import RetierTestSupport
import Testing

@testable import RetierCore

/// Text of a field read straight from bytes must equal what the string path gives.
@Suite("Table row text")
struct TableRowTests {
  /// The text `TableRow.trimmed` gives for `text`, read as the one field of a CSV row.
  private func trimmed(_ text: String) -> String {
    let csv = "field\n\"" + text + "\"\n"
    var texts: [String] = []
    do {
      var table = try Table(
        file: "t.csv", bytes: Array(csv.utf8), required: ["field"], optional: [])
      let column = table.column("field")
      _ = try table.forEachRow { texts.append($0.trimmed(column)) }
    } catch {
      Issue.record("\(error)")
    }
    // A row of blanks only is skipped as a spreadsheet leftover, and trims to "".
    return texts.first ?? ""
  }

  @Test(
    "trimming drops surrounding spaces and tabs as whole characters",
    arguments: [
      ("  ACC-1\t", "ACC-1"), ("\t \t", ""), ("", ""), ("a b", "a b"), (" é ", "é"),
      // A space followed by a combining accent is one character, not a space.
      (" \u{301}x ", " \u{301}x"), ("\t\u{301}x", "\u{301}x"),
      // A prepended concatenation mark joins the space after it.
      ("x\u{600} ", "x\u{600} "), ("x\u{600}\t", "x\u{600}"),
      (" \u{200D}y", " \u{200D}y"), ("ÉCOLE  ", "ÉCOLE"),
    ] as [(String, String)])
  func trimsWholeCharacters(_ text: String, _ expected: String) {
    #expect(trimmed(text) == expected)
    #expect(trimmed(text) == String(text.trimmingSpaces))
  }

  @Test("random text trims exactly as String.trimmingSpaces trims it")
  func matchesStringTrimming() {
    var random = SplitMix64(seed: 0x7121)
    let pieces = [
      " ", "\t", "a", "Z", "é", "e\u{301}", "\u{301}", "\u{600}", "\u{200D}", "👍🏽", "\u{FE0F}",
      "\r\n", "-", "€",
    ]
    for _ in 0..<3_000 {
      let text = (0..<random.below(7)).map { _ in random.pick(pieces) }.joined()
      let bytes = Array(text.utf8)
      #expect(trimmed(text) == String(text.trimmingSpaces), "\(bytes)")
    }
  }

  @Test("rows of a table give their line, alignment and fields")
  func readsRows() throws {
    let csv = "id,  Amount ,note\n A1 , 12.50 ,\"x, \"\"y\"\"\"\n\nB2,oops\n"
    var table = try Table(
      file: "t.csv", bytes: Array(csv.utf8), required: ["id", "amount"], optional: ["note", "gone"])
    let id = table.column("id")
    let amount = table.column("amount")
    let note = table.column("note")
    let gone = table.column("gone")
    #expect(gone == nil)
    var seen: [String] = []
    let count = try table.forEachRow { row in
      let value: String =
        switch row.value(amount, FieldParsers.money) {
        case .value(let money): "\(money)"
        case .invalid(let text): "invalid \(text)"
        case .blank: "blank"
        }
      seen.append(
        "\(row.line) \(row.isAligned) [\(row.trimmed(id))] \(value) [\(row.text(note))] "
          + "[\(row.text(gone))]")
    }
    #expect(count == 2)
    #expect(
      seen == [
        "2 true [A1] 12.50 [x, \"y\"] []",
        "4 false [B2] invalid oops [] []",
      ])
    #expect(try table.forEachRow { _ in } == 0)
  }

  @Test("malformed CSV after the header outranks a missing required column")
  func malformedBeforeMissingColumn() {
    let csv = "id,other\nA,1\nB,\"unterminated\n"
    #expect(
      throws: RetierError.malformedCSV(file: "t.csv", error: .unterminatedQuote(line: 3, column: 3))
    ) {
      _ = try Table(file: "t.csv", bytes: Array(csv.utf8), required: ["amount"], optional: [])
    }
    #expect(
      throws: RetierError.missingColumn(file: "t.csv", column: "amount", header: ["id", "other"])
    ) {
      _ = try Table(
        file: "t.csv", bytes: Array("id,other\nA,1\n".utf8), required: ["id", "amount"],
        optional: [])
    }
  }

  @Test("an empty file has no header")
  func emptyFile() {
    #expect(throws: RetierError.malformedCSV(file: "t.csv", error: .empty)) {
      _ = try Table(file: "t.csv", bytes: Array("\r\n\n".utf8), required: [], optional: [])
    }
  }
}
