import Foundation

extension Configuration {
  /// Decodes a JSON config file as `Document`: a `Configuration` (see
  /// ``init(from:hostKeys:)``) with whatever its host reads from the same file. The text is
  /// first read by the job's one strict reader (``JSONReader``): a key given twice in one object,
  /// invalid UTF-8, an unpaired surrogate, nesting too deep or text after the value is refused
  /// there, naming the path. Then an unknown key, a missing one or a value of the wrong type throws
  /// ``RetierError/configUnreadable(path:reason:)`` naming the key; `path` only names the file
  /// in errors. The caller then checks ``problems``.
  package static func decode<Document: Decodable>(
    _ document: Document.Type, json: [UInt8], path: String
  ) throws(RetierError) -> Document {
    do throws(JSONReader.SyntaxError) {
      try JSONReader.check(json)
    } catch {
      throw .configUnreadable(path: path, reason: error.description)
    }
    do {
      return try JSONDecoder().decode(Document.self, from: Data(json))
    } catch let error as DecodingError {
      throw .configUnreadable(path: path, reason: Self.describe(error))
    } catch {
      throw .configUnreadable(path: path, reason: "\(error)")
    }
  }

  /// One line naming the key path and what is wrong with it.
  private static func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [any CodingKey]) -> String {
      let components = codingPath.map { key in
        key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
      }
      let joined = components.joined()
      return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context.codingPath)
      return "missing key '\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)'"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(type)"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(type), found null"
    case .dataCorrupted(let context):
      let location = path(context.codingPath)
      let detail = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
      return (location.isEmpty ? "" : "\(location): ") + context.debugDescription + detail
    @unknown default:
      return "\(error)"
    }
  }
}
