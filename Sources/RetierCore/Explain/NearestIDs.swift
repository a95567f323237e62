/// The ids nearest to one that is not in the book, for `retier explain` to suggest: the ids equal
/// to it ignoring case first, then the ids within a few edits of it or sharing most of its
/// beginning (`ACC-0070` for `ACC-007`), closest first. Pure and deterministic: ties are broken by
/// the longer common prefix, then by id.
package enum NearestIDs {
  /// The most suggestions given.
  package static let limit = 5

  /// At most ``limit`` ids of `ids` near `wanted`, nearest first; empty when none is near.
  package static func suggestions(for wanted: String, among ids: [String]) -> [String] {
    let key = Array(wanted.lowercased().utf8)
    // An id within this many single-character edits is near, whatever its beginning.
    let maximumDistance = max(2, key.count / 3)
    // An id that shares at least this many leading characters is near, however many edits away.
    let minimumPrefix = max(3, (key.count + 1) / 2)
    var exact: [String] = []
    var near: [(distance: Int, prefix: Int, id: String)] = []
    for id in Set(ids) where id != wanted {
      let candidate = Array(id.lowercased().utf8)
      if candidate == key {
        exact.append(id)
        continue
      }
      let prefix = commonPrefixLength(key, candidate)
      // The distance is at least the difference in length: skip what can be neither near by
      // edits nor by prefix without computing it.
      if abs(candidate.count - key.count) > maximumDistance, prefix < minimumPrefix { continue }
      let distance = editDistance(key, candidate)
      if distance <= maximumDistance || prefix >= minimumPrefix {
        near.append((distance, prefix, id))
      }
    }
    near.sort { ($0.distance, -$0.prefix, $0.id) < ($1.distance, -$1.prefix, $1.id) }
    return Array((exact.sorted() + near.map(\.id)).prefix(limit))
  }

  /// The number of leading bytes `a` and `b` share.
  static func commonPrefixLength(_ a: [UInt8], _ b: [UInt8]) -> Int {
    var length = 0
    while length < a.count, length < b.count, a[length] == b[length] { length += 1 }
    return length
  }

  /// The Levenshtein distance between `a` and `b`: the fewest single-byte insertions, deletions
  /// and substitutions that turn one into the other (two rows of the table, not all of it).
  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
