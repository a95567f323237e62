import RetierTestSupport
import Testing

@testable import RetierCore

/// A book that is not whole is refused, never run (SPEC §2): orphan ARR lines and usage rows
/// count against the error budget as a share of their own file's rows, so a truncated or
/// header-only `accounts.csv` exits 65 instead of computing cut lines and caps on part of the
/// book.
@Suite("A truncated book is refused")
struct WholeBookTests {
  /// A book of `count` accounts, each with one or two ARR lines and a usage row, whose
  /// `accounts.csv` keeps only its first `kept` rows (as a cut-off export would).
  static func truncatedDrop(count: Int, kept: Int, random: inout SplitMix64) -> (
    drop: TestDrop, orphanARR: Int, arrLines: Int, orphanUsage: Int, usageRows: Int
  ) {
    var accounts =
      "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit\n"
    var arr = "account_id,arr\n"
    var usage = "account_id,active_users\n"
    var orphanARR = 0
    var arrLines = 0
    var orphanUsage = 0
    var usageRows = 0
    for index in 0..<count {
      let id = "ACC-\(index)"
      if index < kept { accounts += "\(id),Name,2,,2020-01-01,3\n" }
      for _ in 0..<(1 + random.below(2)) {
        arr += "\(id),\(1_000 + index)\n"
        arrLines += 1
        if index >= kept { orphanARR += 1 }
      }
      if random.chance(80) {
        usage += "\(id),\(index)\n"
        usageRows += 1
        if index >= kept { orphanUsage += 1 }
      }
    }
    var drop = TestDrop(accounts: accounts, arr: arr)
    drop.usage = usage
    return (drop, orphanARR, arrLines, orphanUsage, usageRows)
  }

  @Test(
    "a cut-off accounts.csv runs only when its orphans are within the budget of each file",
    arguments: 0..<60 as Range<UInt64>)
  func truncatedAccounts(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let count = 1 + random.below(400)
    // Most cuts are deep; some keep all rows or all but one.
    let kept = random.chance(30) ? count - random.below(2) : random.below(count + 1)
    let budget = random.pick(["0", "0.01", "0.05", "0.2"])
    let share = ExactDecimal(budget)!
    let floor = random.pick([0, 3])
    let (drop, orphanARR, arrLines, orphanUsage, usageRows) = Self.truncatedDrop(
      count: count, kept: kept, random: &random)
    let loaded = try DropLoader.load(drop.files, tierCount: 3)
    func over(_ orphans: Int, _ rows: Int) -> Bool {
      Int128(orphans) * 1_000_000 > share.millionths * Int128(rows) && orphans > floor
    }
    do {
      let book = try BookValidator.validate(
        loaded, maxRejectedShare: share, maxRejectedRowsFloor: floor)
      #expect(kept > 0 && !over(orphanARR, arrLines) && !over(orphanUsage, usageRows))
      #expect(book.orphanARRLines == orphanARR && book.orphanUsageRows == orphanUsage)
    } catch {
      guard case .incompleteBook(let file, let reason, let problems) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      if kept == 0 {
        #expect(file == "accounts.csv" && problems.isEmpty)
      } else if over(orphanARR, arrLines) {
        #expect(file == "arr.csv")
        #expect(reason.hasPrefix("\(orphanARR) of \(arrLines) rows name an account"))
        #expect(problems.count == orphanARR)
      } else {
        #expect(over(orphanUsage, usageRows))
        #expect(file == "usage.csv" && problems.count == orphanUsage)
      }
      #expect(ExitStatus(error) == .dataError)
    }
  }

  @Test("a header-only accounts.csv is refused, whatever the other files hold")
  func headerOnly() throws {
    for arr in ["account_id,arr\n", "account_id,arr\nA,100\n"] {
      let drop = TestDrop(
        accounts: "account_id,customer_since,strategic_fit\n", arr: arr)
      #expect {
        try BookValidator.validate(
          DropLoader.load(drop.files, tierCount: 3), maxRejectedShare: ExactDecimal(1),
          maxRejectedRowsFloor: 3)
      } throws: { error in
        guard case .incompleteBook("accounts.csv", let reason, _) = error as? RetierError else {
          return false
        }
        return reason.hasPrefix("no account rows")
      }
    }
  }

  @Test("orphans at exactly the budget's share pass, one more is refused")
  func budgetEdge() throws {
    var accounts = "account_id,customer_since,strategic_fit\n"
    var arr = "account_id,arr\n"
    for index in 0..<99 {
      accounts += "A\(index),2020-01-01,3\n"
      arr += "A\(index),100\n"
    }
    let within = TestDrop(accounts: accounts, arr: arr + "GHOST,1\n")
    let book = try BookValidator.validate(
      DropLoader.load(within.files, tierCount: 3), maxRejectedShare: ExactDecimal("0.01")!,
      maxRejectedRowsFloor: 0)
    #expect(book.orphanARRLines == 1)
    let over = TestDrop(accounts: accounts, arr: arr + "GHOST,1\nGHOST-2,1\n")
    #expect(throws: RetierError.self) {
      try BookValidator.validate(
        DropLoader.load(over.files, tierCount: 3), maxRejectedShare: ExactDecimal("0.01")!,
        maxRejectedRowsFloor: 0)
    }
  }

  @Test("orphans within max_rejected_rows_floor pass a small book, one more is refused")
  func floorEdge() throws {
    var accounts = "account_id,customer_since,strategic_fit\n"
    var arr = "account_id,arr\n"
    for index in 0..<40 {
      accounts += "A\(index),2020-01-01,3\n"
      arr += "A\(index),100\n"
    }
    func validate(orphans: Int) throws -> Book {
      let ghosts = (0..<orphans).map { "GHOST-\($0),1\n" }.joined()
      return try BookValidator.validate(
        DropLoader.load(TestDrop(accounts: accounts, arr: arr + ghosts).files, tierCount: 3),
        maxRejectedShare: ExactDecimal("0.01")!, maxRejectedRowsFloor: 3)
    }
    #expect(try validate(orphans: 3).orphanARRLines == 3)
    #expect {
      try validate(orphans: 4)
    } throws: { error in
      guard case .incompleteBook("arr.csv", let reason, let problems) = error as? RetierError
      else { return false }
      return reason.hasPrefix("4 of 44 rows name an account") && problems.count == 4
    }
  }
}
