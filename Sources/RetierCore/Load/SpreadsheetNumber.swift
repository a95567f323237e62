/// Numbers as spreadsheets display them (`$1,234.50`, `1.234,50 €`, `1 200`), recognised so that
/// a field that does not parse can say how to write it (SPEC §2: "write 1234.50, not
/// $1,234.50"). Only called for a field that already failed to parse, so it costs nothing on a
/// clean file.
enum SpreadsheetNumber {
  /// What a failed number field says after its generic problem: `: write 1234.50, not
  /// $1,234.50` with the field's own value when it is an unambiguous formatted number of at
  /// most `fractionDigits` decimals, the general advice when it holds a currency sign or digit
  /// grouping that cannot be read back unambiguously, and `nil` when it shows neither.
  static func fix(for text: String, fractionDigits: Int) -> String? {
    let formatted = hasCurrency(text) || text.contains(where: isGrouping)
    guard formatted else { return nil }
    if let plain = plain(text, fractionDigits: fractionDigits) {
      return ": write \(plain), not \(text)"
    }
    return ": write a plain number without currency sign or thousands separators, e.g. 1234.50, "
      + "not $1,234.50"
  }

  /// `text` as a plain decimal (`-1234.50`) when it is a number with a currency sign or code
  /// and digit grouping that can be read only one way, with at most `fractionDigits` decimals;
  /// `nil` otherwise. Grouping must be in threes (`1,234,567`); a decimal comma is taken only
  /// when it cannot be a thousands separator (`1.234,50`, `12,5`), never from `1,234` alone.
  static func plain(_ text: String, fractionDigits: Int) -> String? {
    var body = Substring(text)
    var negative = false
    var strippedCurrency = false
    // Sign and currency in either order at the front (`-$12`, `$-12`), currency at the end.
    for _ in 0..<2 {
      body = body.drop(while: \.isWhitespace)
      if body.first == "-" {
        negative = true
        body = body.dropFirst()
      }
      if let rest = droppingCurrencyPrefix(body) {
        body = rest
        strippedCurrency = true
      }
    }
    body = body.drop(while: \.isWhitespace)
    if let rest = droppingCurrencySuffix(body) {
      body = rest
      strippedCurrency = true
    }
    while body.last?.isWhitespace == true { body = body.dropLast() }
    guard let first = body.first, isDigit(first), let parts = split(body),
      parts.fraction.count <= fractionDigits,
      strippedCurrency || parts.wasGrouped || parts.hadDecimalComma
    else { return nil }
    let digits = parts.integer + (parts.fraction.isEmpty ? "" : "." + parts.fraction)
    return (negative ? "-" : "") + digits
  }

  /// The integer digits (grouping removed) and fraction digits of `body`, and whether it was
  /// grouped or had a decimal comma; `nil` when it is not a number grouped in threes with at most
  /// one decimal separator.
  private static func split(
    _ body: Substring
  ) -> (integer: String, fraction: String, wasGrouped: Bool, hadDecimalComma: Bool)? {
    let lastComma = body.lastIndex(of: ",")
    let lastDot = body.lastIndex(of: ".")
    var decimal: Character?
    switch (lastComma, lastDot) {
    case (let comma?, let dot?):
      decimal = comma > dot ? "," : "."
    case (let comma?, nil):
      // One comma followed by one or two digits can only be a decimal comma.
      let after = body[body.index(after: comma)...]
      if body.count(where: { $0 == "," }) == 1, (1...2).contains(after.count) { decimal = "," }
    case (nil, _?):
      if body.count(where: { $0 == "." }) == 1 { decimal = "." }
    case (nil, nil):
      break
    }
    var integerPart = body
    var fraction = ""
    if let decimal, let index = body.lastIndex(of: decimal) {
      integerPart = body[..<index]
      fraction = String(body[body.index(after: index)...])
      guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return nil }
    }
    var groups: [Substring] = []
    var current = integerPart.startIndex
    var separator: Character?
    for index in integerPart.indices where !isDigit(integerPart[index]) {
      let character = integerPart[index]
      guard isGrouping(character) || character == "." else { return nil }
      // One grouping character throughout.
      guard separator == nil || separator == character else { return nil }
      separator = character
      groups.append(integerPart[current..<index])
      current = integerPart.index(after: index)
    }
    groups.append(integerPart[current...])
    guard let head = groups.first, !head.isEmpty, groups.count == 1 || head.count <= 3,
      groups.dropFirst().allSatisfy({ $0.count == 3 })
    else { return nil }
    return (groups.joined(), fraction, separator != nil, decimal == ",")
  }

  /// Whether `text` holds a currency symbol (`$`, `€`, `£`, …) or starts or ends with a
  /// three-letter currency code (`USD 12`, `12 EUR`).
  private static func hasCurrency(_ text: String) -> Bool {
    if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .currencySymbol }) {
      return true
    }
    let body = Substring(text).drop { $0.isWhitespace || $0 == "-" }
    return droppingCurrencyPrefix(body) != nil || droppingCurrencySuffix(body) != nil
  }

  /// `text` without a leading currency symbol or code (`$`, `USD `); `nil` when it has none.
  private static func droppingCurrencyPrefix(_ text: Substring) -> Substring? {
    if let first = text.unicodeScalars.first, first.properties.generalCategory == .currencySymbol {
      return text.dropFirst()
    }
    let code = text.prefix(3)
    guard code.count == 3, code.allSatisfy(isUppercaseLetter) else { return nil }
    let rest = text.dropFirst(3)
    guard rest.first.map({ $0.isWhitespace || isDigit($0) || $0 == "-" }) ?? false else {
      return nil
    }
    return rest
  }

  /// `text` without a trailing currency symbol or code (`€`, ` EUR`); `nil` when it has none.
  private static func droppingCurrencySuffix(_ text: Substring) -> Substring? {
    var text = text
    while text.last?.isWhitespace == true { text = text.dropLast() }
    if let last = text.unicodeScalars.last, last.properties.generalCategory == .currencySymbol {
      return text.dropLast()
    }
    let code = text.suffix(3)
    guard code.count == 3, code.allSatisfy(isUppercaseLetter) else { return nil }
    let rest = text.dropLast(3)
    guard rest.last.map({ $0.isWhitespace || isDigit($0) }) ?? false else { return nil }
    return rest
  }

  /// A character spreadsheets put between groups of three digits: comma, apostrophe, space,
  /// no-break space or narrow no-break space.
  private static func isGrouping(_ character: Character) -> Bool {
    character == "," || character == "'" || character == " " || character == "\u{A0}"
      || character == "\u{202F}"
  }

  private static func isDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
  }

  private static func isUppercaseLetter(_ character: Character) -> Bool {
    character.isASCII && character.isUppercase
  }
}

extension DropLoader {
  /// The problem of a money field that did not parse, with the fix for a spreadsheet format.
  static func notMoney(_ column: String, _ text: String) -> String {
    if let fix = SpreadsheetNumber.fix(for: text, fractionDigits: 2) {
      return "\(column) '\(text)' is not money\(fix)"
    }
    return "\(column) '\(text)' is not money (plain decimal, ≤ 2 decimals)"
  }

  /// The problem of a count field that did not parse, with the fix for a spreadsheet format.
  static func notCount(_ column: String, _ text: String) -> String {
    "\(column) '\(text)' is not a non-negative integer"
      + (SpreadsheetNumber.fix(for: text, fractionDigits: 0) ?? "")
  }
}
