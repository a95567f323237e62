/// A value that can write itself into a ``TextBuffer``: the pieces a renderer strings together.
protocol TextFragment {
  /// Appends the value's text to `text`.
  func write(to text: inout TextBuffer)
}

extension String: TextFragment {
  /// Appends the string as is.
  func write(to text: inout TextBuffer) {
    // Copying from the UTF-8 span measured faster than appending the `utf8` view.
    let utf8 = self.utf8.span
    text.bytes.append(addingCapacity: utf8.count) { output in
      for index in utf8.indices {
        output.append(utf8[index])
      }
    }
  }
}

extension Int: TextFragment {
  /// Appends the number in decimal, like `String(self)`.
  func write(to text: inout TextBuffer) {
    DecimalDigits.append(self, to: &text.bytes)
  }
}

extension ExactDecimal: TextFragment {
  /// Appends ``description``.
  func write(to text: inout TextBuffer) {
    appendDescription(to: &text.bytes)
  }
}

extension CalendarDate: TextFragment {
  /// Appends ``description`` (`2026-10-14`).
  func write(to text: inout TextBuffer) {
    description.write(to: &text)
  }
}

extension TierReason: TextFragment {
  /// Appends ``description`` (`rubric`, `tier1_cap`).
  func write(to text: inout TextBuffer) {
    switch self {
    case .cap(let tier): text.append("tier", tier, "_cap")
    default: description.write(to: &text)
    }
  }
}
