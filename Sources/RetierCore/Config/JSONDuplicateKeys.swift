/// Finds a key given twice in one JSON object, at any depth (SPEC §7: repeated keys are
/// rejected). `JSONDecoder` keeps one of the two silently, and other tools keep the other, so a
/// config with a repeated key means different things to different readers.
///
/// The scan only tracks objects, arrays and strings; anything malformed ends it with no finding,
/// and the decoder then reports the syntax error. Keys are compared after their escapes are
/// decoded (`"a"` and `"\u0061"` are one key).
enum JSONDuplicateKeys {
  /// The path of the first repeated key, such as `rubric.weights.arr` or `tiers[1].name`, or
  /// `nil` when every object's keys are distinct (or the text is not JSON).
  static func first(in json: [UInt8]) -> String? {
    var scanner = Scanner(bytes: json)
    return scanner.firstDuplicate()
  }

  /// A container being scanned: an object with its keys so far, or an array with its index.
  private enum Container {
    case object(keys: Set<String>, current: String?)
    case array(index: Int)
  }

  private struct Scanner {
    let bytes: [UInt8]
    var position = 0
    var stack: [Container] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func firstDuplicate() -> String? {
      while position < bytes.count {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"):
          stack.append(.object(keys: [], current: nil))
          position += 1
        case UInt8(ascii: "["):
          stack.append(.array(index: 0))
          position += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          guard !stack.isEmpty else { return nil }
          stack.removeLast()
          position += 1
        case UInt8(ascii: ","):
          if case .array(let index) = stack.last {
            stack[stack.count - 1] = .array(index: index + 1)
          }
          position += 1
        case UInt8(ascii: "\""):
          guard let text = string() else { return nil }
          // A string is a key when it is followed by a colon.
          var next = position
          while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
          guard next < bytes.count, bytes[next] == UInt8(ascii: ":"),
            case .object(var keys, _) = stack.last
          else { continue }
          guard keys.insert(text).inserted else {
            stack[stack.count - 1] = .object(keys: keys, current: text)
            return path()
          }
          stack[stack.count - 1] = .object(keys: keys, current: text)
          position = next + 1
        default:
          position += 1
        }
      }
      return nil
    }

    /// The path of the current key: object keys joined by dots, array indices in brackets.
    func path() -> String {
      var text = ""
      for container in stack {
        switch container {
        case .object(_, let current):
          guard let current else { continue }
          text += (text.isEmpty ? "" : ".") + current
        case .array(let index):
          text += "[\(index)]"
        }
      }
      return text
    }

    /// Reads the string starting at `position` (at its opening quote), decoding its escapes;
    /// `nil` when it is malformed.
    mutating func string() -> String? {
      position += 1
      var scalars = String.UnicodeScalarView()
      var pendingHigh: UInt32?
      var start = position
      func flush(_ end: Int) {
        scalars.append(
          contentsOf: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
      }
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          flush(position)
          position += 1
          return String(scalars)
        }
        guard byte == UInt8(ascii: "\\") else {
          position += 1
          continue
        }
        flush(position)
        guard position + 1 < bytes.count else { return nil }
        let escape = bytes[position + 1]
        position += 2
        switch escape {
        case UInt8(ascii: "u"):
          guard position + 4 <= bytes.count,
            let value = UInt32(
              String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
          else { return nil }
          position += 4
          if (0xD800...0xDBFF).contains(value) {
            pendingHigh = value
          } else if (0xDC00...0xDFFF).contains(value), let high = pendingHigh {
            let combined = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
            scalars.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
            pendingHigh = nil
          } else {
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
          }
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        default: scalars.append(Unicode.Scalar(escape))
        }
        start = position
      }
      return nil
    }
  }
}
