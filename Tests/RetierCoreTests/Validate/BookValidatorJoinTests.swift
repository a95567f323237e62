import RetierTestSupport
import Testing

@testable import RetierCore

/// The validator's joins, de-duplication and ordering against a straightforward reference (the
/// `Dictionary<String, Int>` algorithm it replaced) on random drops: ids that repeat, are empty,
/// longer than the 16 bytes of a key, share prefixes, or differ only in Unicode normalisation.
@Suite("Book validator joins")
struct BookValidatorJoinTests {
  /// Ids every drop draws from.
  static let asciiIDs = [
    "A1", "A2", "A10", "B", "ACC-0000001", "ACC-0000002", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ",
    "ABCDEFGHIJKLMNOPA", "CUSTOMER-ACCOUNT-0001", "CUSTOMER-ACCOUNT-00010", "CUSTOMER-ACCOUNT-0002",
    "K", "a1", "", "  A1 ", "A1\t",
  ]
  /// Ids that are not ASCII, some canonically equivalent to others or to ASCII ids.
  static let unicodeIDs = [
    "é", "e\u{301}", "\u{212A}", "Ω", "\u{2126}", "x\u{301}\u{302}", "x\u{302}\u{301}", "ḱ",
    "k\u{301}", "ABCDEFGHIJKLMNOé", "ABCDEFGHIJKLMNOe\u{301}",
  ]

  @Test("random drops validate as the reference does", arguments: Array(0..<150))
  func matchesReference(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9)
    // Seeds 0 mod 3 put non-ASCII ids in accounts.csv, 1 mod 3 only in the lines.
    let accountIDs = seed % 3 == 0 ? Self.asciiIDs + Self.unicodeIDs : Self.asciiIDs
    let lineIDs = seed % 3 == 2 ? Self.asciiIDs + ["GHOST"] : accountIDs + Self.unicodeIDs
    let drop = Self.randomDrop(accountIDs: accountIDs, lineIDs: lineIDs, random: &random)
    let loaded = try DropLoader.load(drop.files, tierCount: 3)
    guard loaded.accounts.count > 0 else {
      // An empty book is refused before any join (see "an accounts.csv without rows…").
      #expect(throws: RetierError.self) {
        try BookValidator.validate(
          loaded, maxRejectedShare: ExactDecimal(1), maxRejectedRowsFloor: 0)
      }
      return
    }
    let expected = ReferenceValidator.validate(loaded)
    let book = try BookValidator.validate(
      loaded, maxRejectedShare: ExactDecimal(1), maxRejectedRowsFloor: 0)
    let actual = Outcome(book)
    // Compared byte for byte: `String` equality would hide a change of normalisation.
    #expect(actual.bytes == expected.bytes, "seed \(seed)")
  }

  @Test("ids equal only under canonical equivalence are one account, in both index modes")
  func canonicalEquivalence() throws {
    let header = "account_id,customer_since,strategic_fit\n"
    // All account ids ASCII: a line id with a Kelvin sign still joins account "K".
    var drop = TestDrop(
      accounts: header + "K,2020-01-01,3\nL,2020-01-01,3\n",
      arr: "account_id,arr\n\u{212A},100\nL,5\n")
    var book = try BookValidator.validate(
      DropLoader.load(drop.files, tierCount: 3), maxRejectedShare: ExactDecimal(1),
      maxRejectedRowsFloor: 0)
    #expect(book.ledger.accounts.map(\.arr) == [Money(units: 100), Money(units: 5)])
    #expect(book.orphanARRLines == 0)
    // Account ids in both normalisations: one repeated id, whose lines join its first row.
    drop = TestDrop(
      accounts: header + "é,2020-01-01,3\ne\u{301},2020-01-01,3\nz,2020-01-01,3\n",
      arr: "account_id,arr\ne\u{301},100\nz,1\n")
    book = try BookValidator.validate(
      DropLoader.load(drop.files, tierCount: 3), maxRejectedShare: ExactDecimal(1),
      maxRejectedRowsFloor: 0)
    #expect(book.ledger.accounts.map(\.id) == ["z"])
    #expect(book.ledger.rejectedAccounts.map { Array($0.id.utf8) } == [Array("é".utf8)])
    #expect(
      book.rejections.count { $0.reason == "account_id is repeated (2 rows; first on line 2)" } == 2
    )
    #expect(book.orphanARRLines == 0)
  }

  @Test("accounts come out in id order whatever the file order, rejected rows dropped")
  func ordersAccounts() throws {
    var random = SplitMix64(seed: 77)
    var ids = (0..<3_000).map { "ID-\(String($0, radix: 7))" } + ["LONG-ID-FOR-TESTING-\(1)"]
    ids.shuffle(using: &random)
    var accounts = "account_id,customer_since,strategic_fit\n"
    var arr = "account_id,arr\n"
    for (index, id) in ids.enumerated() {
      // Every seventh row has an invalid fit and is rejected.
      accounts += "\(id),2020-01-01,\(index % 7 == 0 ? 9 : 3)\n"
      arr += "\(id),\(index)\n"
    }
    let book = try BookValidator.validate(
      DropLoader.load(TestDrop(accounts: accounts, arr: arr).files, tierCount: 3),
      maxRejectedShare: ExactDecimal(1), maxRejectedRowsFloor: 0)
    let valid = ids.enumerated().filter { $0.offset % 7 != 0 }.map(\.element)
    #expect(book.ledger.accounts.map(\.id) == valid.sorted())
    #expect(book.ledger.accounts.allSatisfy { $0.arr == Money(units: ids.firstIndex(of: $0.id)!) })
    #expect(
      book.ledger.rejectedAccounts.map(\.id)
        == ids.enumerated().filter { $0.offset % 7 == 0 }.map(\.element).sorted())
  }

  /// A random drop: accounts with random validity, ARR lines and usage rows in random order.
  static func randomDrop(
    accountIDs: [String], lineIDs: [String], random: inout SplitMix64
  ) -> TestDrop {
    var accounts = CSVWriter(header: [
      "account_id", "account_name", "current_tier", "owner_id", "customer_since", "strategic_fit",
    ])
    for index in 0..<random.below(40) {
      accounts.appendRow([
        .raw(random.pick(accountIDs)), .raw("Name \(index % 5)"),
        .raw(random.pick(["", "1", "2", "3", "4"])), .raw(random.pick(["", "csm-1", "csm-2"])),
        .raw(random.chance(90) ? "2020-01-01" : "bad"), .raw(String(random.below(7))),
      ])
    }
    var arr = CSVWriter(header: ["account_id", "arr"])
    for _ in 0..<random.below(60) {
      arr.appendRow([
        .raw(random.pick(lineIDs)), .raw(random.pick(["100", "-5", "0", "x", "12.5"])),
      ])
    }
    var usage = CSVWriter(header: ["account_id", "licensed_seats", "active_users"])
    for _ in 0..<random.below(40) {
      usage.appendRow([
        .raw(random.pick(lineIDs)), .raw(random.pick(["10", "", "-1"])),
        .raw(random.pick(["3", ""])),
      ])
    }
    return TestDrop(
      accounts: String(decoding: accounts.bytes, as: UTF8.self),
      arr: String(decoding: arr.bytes, as: UTF8.self),
      usage: String(decoding: usage.bytes, as: UTF8.self))
  }
}

/// What validation decides, as text lines compared byte for byte.
private struct Outcome {
  var lines: [String] = []

  /// The lines as bytes.
  var bytes: [[UInt8]] { lines.map { Array($0.utf8) } }

  /// An empty outcome, filled by the reference.
  init() {}

  /// The outcome of a validated book.
  init(_ book: Book) {
    for account in book.ledger.accounts {
      add(account)
    }
    for rejected in book.ledger.rejectedAccounts {
      add(rejected)
    }
    for rejection in book.rejections {
      lines.append(
        "rejection \(rejection.file) \(rejection.line) \(rejection.accountID) \(rejection.reason)")
    }
    lines.append("without usage \(book.accountsWithoutUsage)")
    lines.append("warnings \(book.warnings.map(\.message))")
    lines.append("orphans \(book.orphanARRLines) \(book.orphanUsageRows)")
    lines.append("rejected rows \(book.rejectedAccountRowCount) of \(book.accountRowCount)")
  }

  /// Adds one rejected account.
  mutating func add(_ rejected: RejectedAccount) {
    lines.append(
      "rejected account \(rejected.id) \(rejected.name) "
        + "\(String(describing: rejected.currentTier)) \(rejected.ownerID)")
  }

  /// Adds one valid account.
  mutating func add(_ account: Account) {
    lines.append(
      "account \(account.id) \(account.name) \(String(describing: account.currentTier)) "
        + "\(account.ownerID) \(account.customerSince) \(account.strategicFit) "
        + "\(account.arr) \(account.usage) \(account.hasUsageRow) \(account.line)")
  }
}

/// The validator before it worked on byte keys: a `Dictionary<String, Int>` of first rows,
/// String sorting, new arrays. Kept as the oracle; no error budget.
private enum ReferenceValidator {
  static func validate(_ drop: LoadedDrop) -> Outcome {
    let rows = drop.accounts.rows
    var problemsByRow: [Int: [String]] = [:]
    for entry in drop.accountProblems { problemsByRow[entry.row] = entry.problems }
    var rejections: [Rejection] = drop.rosterRejections
    var indexByID: [String: Int] = [:]
    var repeatedRows: [String: [Int]] = [:]
    for (index, row) in rows.enumerated() where !row.id.isEmpty {
      if let first = indexByID[row.id] {
        repeatedRows[row.id, default: [first]].append(index)
      } else {
        indexByID[row.id] = index
      }
    }
    var rejected = rows.indices.map { problemsByRow[$0] != nil }
    for (index, row) in rows.enumerated() {
      for problem in problemsByRow[index] ?? [] {
        rejections.append(
          Rejection(file: "accounts.csv", line: row.line, accountID: row.id, reason: problem))
      }
      if let repeated = repeatedRows[row.id] {
        rejected[index] = true
        rejections.append(
          Rejection(
            file: "accounts.csv", line: row.line, accountID: row.id,
            reason: "account_id is repeated (\(repeated.count) rows; first on line "
              + "\(rows[repeated[0]].line))"))
      }
    }
    var arrSums = [Money?](repeating: nil, count: rows.count)
    var orphanARR = 0
    for line in drop.arrLines {
      guard let index = indexByID[line.accountID] else {
        orphanARR += 1
        rejections.append(
          Rejection(
            file: "arr.csv", line: line.line, accountID: line.accountID,
            reason: line.accountID.isEmpty
              ? "account_id is empty" : "orphan: no such account in accounts.csv"))
        continue
      }
      if let problem = line.problem {
        rejected[index] = true
        rejections.append(
          Rejection(file: "arr.csv", line: line.line, accountID: line.accountID, reason: problem))
      } else if let amount = line.arr {
        arrSums[index] = (arrSums[index] ?? .zero) + amount
      }
    }
    var usageByIndex = [Usage?](repeating: nil, count: rows.count)
    var usageLine = [Int](repeating: 0, count: rows.count)
    var orphanUsage = 0
    for usageRow in drop.usageRows {
      guard let index = indexByID[usageRow.accountID] else {
        orphanUsage += 1
        rejections.append(
          Rejection(
            file: "usage.csv", line: usageRow.line, accountID: usageRow.accountID,
            reason: usageRow.accountID.isEmpty
              ? "account_id is empty" : "orphan: no such account in accounts.csv"))
        continue
      }
      var problems = usageRow.problems
      if usageLine[index] != 0 {
        problems.append("second usage row for the account (first on line \(usageLine[index]))")
      } else {
        usageLine[index] = usageRow.line
      }
      if problems.isEmpty {
        usageByIndex[index] = usageRow.usage
      } else {
        rejected[index] = true
        rejections += problems.map {
          Rejection(
            file: "usage.csv", line: usageRow.line, accountID: usageRow.accountID, reason: $0)
        }
      }
    }
    var accounts: [Account] = []
    var rejectedAccounts: [RejectedAccount] = []
    var warnings: [String] = []
    var withoutUsage: [String] = []
    for (index, row) in rows.enumerated() {
      let isFirst = !row.id.isEmpty && indexByID[row.id] == index
      let sum = isFirst ? arrSums[index] : nil
      if isFirst, !rejected[index] {
        if sum == nil {
          rejected[index] = true
          rejections.append(
            Rejection(
              file: "accounts.csv", line: row.line, accountID: row.id,
              reason: "no ARR line in arr.csv"))
        } else if let sum, sum < .zero {
          rejected[index] = true
          rejections.append(
            Rejection(
              file: "accounts.csv", line: row.line, accountID: row.id,
              reason: "ARR sum \(sum) is negative"))
        }
      }
      guard isFirst else { continue }
      if let repeated = repeatedRows[row.id] {
        let group = repeated.map { rows[$0] }
        rejectedAccounts.append(
          RejectedAccount(
            id: row.id, name: group.map(\.name).min() ?? "",
            currentTier: Set(group.map(\.currentTier)).count == 1 ? row.currentTier : nil,
            ownerID: Set(group.map(\.ownerID)).count == 1 ? row.ownerID : ""))
        continue
      }
      if rejected[index] {
        rejectedAccounts.append(
          RejectedAccount(
            id: row.id, name: row.name, currentTier: row.currentTier, ownerID: row.ownerID))
        continue
      }
      var account = row
      account.arr = sum!
      account.usage = usageByIndex[index] ?? .unknown
      account.hasUsageRow = usageByIndex[index] != nil
      if !account.hasUsageRow {
        withoutUsage.append(row.id)
        warnings.append("account '\(row.id)' has no usage row; scored with unknown usage")
      }
      accounts.append(account)
    }
    rejections.sort()
    accounts.sort { $0.id < $1.id }
    rejectedAccounts.sort { $0.id < $1.id }
    var outcome = Outcome()
    for account in accounts { outcome.add(account) }
    for account in rejectedAccounts { outcome.add(account) }
    for rejection in rejections {
      outcome.lines.append(
        "rejection \(rejection.file) \(rejection.line) \(rejection.accountID) \(rejection.reason)")
    }
    outcome.lines.append("without usage \(withoutUsage.sorted())")
    outcome.lines.append("warnings \(warnings.sorted())")
    outcome.lines.append("orphans \(orphanARR) \(orphanUsage)")
    outcome.lines.append("rejected rows \(rejected.count { $0 }) of \(rows.count)")
    return outcome
  }
}
