/// Renders `memos/<file>.md`: one memo per account that moved into or out of a tier with named
/// coverage, and per first placement into one (moves between pooled tiers get none). Each is a
/// brief for the person who holds the conversation (``ConversationHolder``) with the account
/// executive: a demotion's is the downgrade conversation, a promotion's or a first placement's
/// the handoff (SPEC §6).
enum AccountMemo {
  /// The folder of the account memos inside the run folder.
  static let folder = "memos"

  /// Longest file-name stem kept from an account id, before any checksum suffix.
  static let maximumStemLength = 80

  /// The memo of each moved account: its ref in the book and its path in the run folder,
  /// sorted by path (the order `run.json` lists them in and the order they are written in).
  static func plan(_ lookups: RunLookups) -> [(ref: AccountRef, path: String)] {
    // Paths are ASCII (see `safeStem`) and distinct, so `String` order is byte order and the
    // dictionary's order does not matter. (`String`'s `<` compares ASCII with `memcmp`: this
    // sort took half the time it did comparing the `utf8` views.)
    lookups.memoNames.map { ($0.key, "\(folder)/\($0.value)") }.sorted { $0.path < $1.path }
  }

  /// The memo file name of each account that gets a memo, by its ref in the book.
  static func memoNames(_ result: RunResult) -> [AccountRef: String] {
    let moved = memoRefs(result)
    let names = fileNames(for: moved.map { result.ledger.id($0) })
    // Valid accounts have distinct ids, so every moved account has its own name.
    return Dictionary(
      uniqueKeysWithValues: moved.map { ($0, names[result.ledger.id($0)] ?? "") })
  }

  /// Valid accounts that were promoted or demoted, by account id (ledger order).
  static func movedRefs(_ result: RunResult) -> [AccountRef] {
    let ledger = result.ledger
    return ledger.refs.filter { ref in
      guard let from = ledger.currentTier(ref) else { return false }
      return from != ledger.decisions.finalTier(ref)
    }
  }

  /// Accounts that get a memo, by account id (ledger order): those that moved into or out of a
  /// tier with named coverage, a conversation between people, and first placements into a
  /// named tier (the handoff to its new owner). Moves between pooled tiers are covered by
  /// movements.csv and memo.md.
  static func memoRefs(_ result: RunResult) -> [AccountRef] {
    let tiers = result.configuration.tiers
    let ledger = result.ledger
    return ledger.refs.filter { ref in
      let to = ledger.decisions.finalTier(ref)
      guard let from = ledger.currentTier(ref) else { return tiers[to - 1].coverage == .named }
      return from != to && (tiers[from - 1].coverage == .named || tiers[to - 1].coverage == .named)
    }
  }

  /// The memo file name of each account id, assigned in id order so the result never depends on
  /// the input order.
  static func fileNames(for accountIDs: [String]) -> [String: String] {
    var taken: Set<String> = []
    var names: [String: String] = [:]
    for id in Set(accountIDs).sorted() {
      let name = fileName(for: id, taken: taken)
      taken.insert(name.lowercased())
      names[id] = name
    }
    return names
  }

  /// A file name for `accountID`'s memo that is not in `taken` (lowercased names, so that two
  /// memos never collide on a case-insensitive file system either).
  ///
  /// The stem keeps `A–Z a–z 0–9 . _ -` of the id, turns every other character into `_` and a
  /// leading `.` into `_`, and is cut to ``maximumStemLength``. When that changed the id, or the
  /// name is taken, `-` and the first 8 hex digits of the id's SHA-256 are appended (all 64 when
  /// even that is taken), so no id can name a path outside the folder.
  static func fileName(for accountID: String, taken: Set<String>) -> String {
    let (stem, isAltered) = safeStem(accountID)
    // Most ids are their own file name; only the others need the digest.
    if !isAltered, !taken.contains("\(stem).md".lowercased()) { return "\(stem).md" }
    let digest = SHA256.hexDigest(Array(accountID.utf8))
    for candidate in ["\(stem)-\(digest.prefix(8)).md", "\(stem)-\(digest).md"]
    where !taken.contains(candidate.lowercased()) {
      return candidate
    }
    // Distinct ids have distinct digests; only a repeated id can get here.
    var counter = 2
    while taken.contains("\(stem)-\(digest)-\(counter).md".lowercased()) { counter += 1 }
    return "\(stem)-\(digest)-\(counter).md"
  }

  /// The id reduced to safe characters, and whether anything was changed.
  static func safeStem(_ accountID: String) -> (stem: String, isAltered: Bool) {
    var stem = ""
    var isAltered = false
    var length = 0
    for scalar in accountID.unicodeScalars {
      guard length < maximumStemLength else {
        isAltered = true
        break
      }
      let isSafe =
        (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z")
        || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
        || (scalar == "." && length > 0)
      stem.unicodeScalars.append(isSafe ? scalar : "_")
      if !isSafe { isAltered = true }
      length += 1
    }
    if stem.isEmpty { return ("_", true) }
    return (stem, isAltered)
  }
}
