/// The outcome of parsing one field.
enum FieldValue<T> {
  /// Empty, or the column is absent.
  case blank
  /// A value that parsed.
  case value(T)
  /// Text that did not parse.
  case invalid(String)

  /// The parsed value, if any.
  var value: T? {
    if case .value(let value) = self { return value }
    return nil
  }
}
