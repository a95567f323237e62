/// An `Int?` stored in one 64-bit word, with `Int64.min` standing for nil: 8 bytes where an
/// `Int?` takes 16 in a record (its flag pads to the next word).
///
/// For values that are never `Int.min`, such as the counts of ``Usage``; storing `Int.min`
/// traps rather than reading back as nil.
@propertyWrapper
package struct WordSizedOptional: Sendable, Hashable {
  /// The value, or ``nilWord``.
  private var word: Int64

  /// The stored form of nil.
  private static let nilWord = Int64.min

  /// Stores `wrappedValue`, which must not be `Int.min`.
  package init(wrappedValue: Int?) {
    word = Self.word(for: wrappedValue)
  }

  /// The value stored.
  package var wrappedValue: Int? {
    get { word == Self.nilWord ? nil : Int(word) }
    set { word = Self.word(for: newValue) }
  }

  /// The stored form of `value`.
  private static func word(for value: Int?) -> Int64 {
    guard let value else { return nilWord }
    let word = Int64(value)
    precondition(word != nilWord, "\(value) cannot be stored next to nil")
    return word
  }
}
