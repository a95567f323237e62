/// A ``Usage`` in four words: each count in an `Int64` with `Int64.min` standing for unknown,
/// 32 bytes where four `Int?` take 64 (each optional pads to 16). The load and the ledger keep
/// one per account.
///
/// The parsers give counts below 10^15 and hundredths below 10^17, never negative, so every
/// parsed value fits a word and none is `Int64.min`; packing one that is traps.
struct PackedUsage: Sendable, Hashable {
  /// `licensedSeats`, `activeUsers`, `activeUsersPreviousQuarter`, `supportHundredths`.
  private var words: (Int64, Int64, Int64, Int64)

  /// The stored form of unknown.
  private static let unknownWord = Int64.min

  /// Packs `usage`.
  init(_ usage: Usage) {
    words = (
      Self.word(usage.licensedSeats), Self.word(usage.activeUsers),
      Self.word(usage.activeUsersPreviousQuarter), Self.word(usage.supportHundredths)
    )
  }

  /// Nothing known.
  static let unknown = PackedUsage(.unknown)

  /// The usage packed.
  var value: Usage {
    Usage(
      licensedSeats: Self.value(words.0), activeUsers: Self.value(words.1),
      activeUsersPreviousQuarter: Self.value(words.2), supportHundredths: Self.value(words.3))
  }

  static func == (left: PackedUsage, right: PackedUsage) -> Bool { left.value == right.value }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }

  /// The stored form of `value`.
  private static func word(_ value: Int?) -> Int64 {
    guard let value else { return unknownWord }
    let word = Int64(value)
    precondition(word != unknownWord, "\(value) cannot be stored next to unknown")
    return word
  }

  /// The value of `word`.
  private static func value(_ word: Int64) -> Int? {
    word == unknownWord ? nil : Int(word)
  }
}
