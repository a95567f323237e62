/// How a tier's accounts are covered.
enum Coverage: String, Sendable, Codable, Hashable {
  /// Each account has one named CSM of the tier.
  case named
  /// Every account is served by a pooled queue under the pool owner id.
  case pooled
}
