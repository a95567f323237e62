/// Why the drop generator could not do what it was asked.
enum DropGenError: Error, CustomStringConvertible {
  /// An option that is not known.
  case unknownOption(String)
  /// An option given without its value.
  case missingValue(option: String)
  /// A required option that was not given.
  case missingOption(String)
  /// An option whose value does not parse or is out of range.
  case invalidValue(option: String, value: String, expected: String)
  /// A file or folder that could not be written.
  case cannotWrite(path: String, reason: String)

  /// A one-line human message.
  var description: String {
    switch self {
    case .unknownOption(let option):
      return "unknown option \(option) (see --help)"
    case .missingValue(let option):
      return "option \(option) needs a value"
    case .missingOption(let option):
      return "option \(option) is required (see --help)"
    case .invalidValue(let option, let value, let expected):
      return "invalid value '\(value)' for \(option): expected \(expected)"
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason)"
    }
  }
}
