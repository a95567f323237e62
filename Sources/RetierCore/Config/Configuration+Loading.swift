import Foundation

extension Configuration {
  /// Decodes and validates a JSON config. `path` only names the file in errors.
  package static func load(json: [UInt8], path: String) throws(RetierError) -> Configuration {
    if let repeated = JSONDuplicateKeys.first(in: json) {
      throw .configUnreadable(
        path: path, reason: "key '\(repeated)' is given twice; every key may appear once")
    }
    let configuration: Configuration
    do {
      configuration = try JSONDecoder().decode(Configuration.self, from: Data(json))
    } catch let error as DecodingError {
      throw .configUnreadable(path: path, reason: Self.describe(error))
    } catch {
      throw .configUnreadable(path: path, reason: "\(error)")
    }
    let problems = configuration.problems
    guard problems.isEmpty else { throw .configInvalid(path: path, problems: problems) }
    return configuration
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
