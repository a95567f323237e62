import Foundation
import Testing

@testable import RetierCore

@Suite("Book validator")
struct BookValidatorTests {
  private let accountsHeader =
    "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit\n"

  /// Validates a drop with a generous budget unless one is given; no floor unless one is given.
  private func validate(
    _ drop: TestDrop, budget: String = "0.5", floor: Int = 0
  ) throws(RetierError) -> Book {
    let loaded = try DropLoader.load(drop.files, tierCount: 3)
    return try BookValidator.validate(
      loaded, maxRejectedShare: ExactDecimal(budget)!, maxRejectedRowsFloor: floor)
  }

  @Test("every row of a repeated id is rejected; the id still appears once, keeping its tier")
  func repeatedIDs() throws {
    let drop = TestDrop(
      accounts: accountsHeader + "A,First,1,csm-1,2020-01-01,3\nB,Bee,,,2020-01-01,3\n"
        + "A,Second,2,csm-2,2020-01-01,3\n",
      arr: "account_id,arr\nA,100\nB,200\n")
    let book = try validate(drop, budget: "1")
    #expect(book.accounts.map(\.id) == ["B"])
    // The rows disagree on tier and owner, so neither is kept (whatever the row order).
    #expect(
      book.rejectedAccounts == [
        RejectedAccount(id: "A", name: "First", currentTier: nil, ownerID: "")
      ])
    #expect(book.rejectedAccountRowCount == 2)
    #expect(book.rejections.filter { $0.accountID == "A" }.map(\.line) == [2, 4])
  }

  @Test("repeated rows that agree keep their tier and owner")
  func repeatedAgreeingRows() throws {
    let drop = TestDrop(
      accounts: accountsHeader + "A,Zed,2,csm-1,2020-01-01,3\nA,Alpha,2,csm-1,2021-01-01,4\n",
      arr: "account_id,arr\nA,100\n")
    let book = try validate(drop, budget: "1")
    #expect(
      book.rejectedAccounts == [
        RejectedAccount(id: "A", name: "Alpha", currentTier: 2, ownerID: "csm-1")
      ])
  }

  @Test(
    "account rows are rejected for each rule of SPEC §2",
    arguments: [
      ("X,Name,,,2020-01-01,3", "", "no ARR line"),
      ("X,Name,,,2020-01-01,3", "X,-5\n", "negative"),
      ("X,Name,,,2020-01-01,3", "X,10\nX,-10.01\n", "negative"),
      ("X,Name,,,,3", "X,1\n", "customer_since is missing"),
      ("X,Name,,,2026-13-01,3", "X,1\n", "customer_since '2026-13-01'"),
      ("X,Name,,,2020-01-01,6", "X,1\n", "out of range"),
      ("X,Name,,,2020-01-01,", "X,1\n", "strategic_fit is missing"),
      ("X,Name,4,,2020-01-01,3", "X,1\n", "current_tier 4"),
      ("X,Name,0,,2020-01-01,3", "X,1\n", "current_tier 0"),
      ("X,Name,,,2020-01-01,3", "X,12.345\n", "is not money"),
      ("X,Name,,,2020-01-01,3", "X,$12\n", "is not money"),
      ("X,Name, extra,,,2020-01-01,3", "X,1\n", "7 fields where the header has 6"),
    ])
  func rejectsInvalidAccounts(row: String, arrLines: String, expected: String) throws {
    let drop = TestDrop(accounts: accountsHeader + row + "\n", arr: "account_id,arr\n" + arrLines)
    let book = try validate(drop, budget: "1")
    #expect(book.accounts.isEmpty)
    #expect(book.rejections.contains { $0.reason.contains(expected) })
  }

  @Test("an ARR sum of exactly zero is valid; credits net against charges")
  func zeroAndCredits() throws {
    let drop = TestDrop(
      accounts: accountsHeader + "Z,Zero,,,2020-01-01,3\nC,Credit,,,2020-01-01,3\n",
      arr: "account_id,arr\nZ,0\nC,100.50\nC,-0.50\n")
    let book = try validate(drop)
    #expect(book.accounts.map(\.arr) == [Money(units: 100), .zero])
  }

  @Test("orphan ARR and usage rows are counted and listed; missing usage is a warning")
  func orphansAndMissingUsage() throws {
    var drop = TestDrop(
      accounts: accountsHeader + "A,A,,,2020-01-01,3\nB,B,,,2020-01-01,3\n",
      arr: "account_id,arr\nA,1\nB,2\nGHOST,3\n")
    drop.usage += "A,10,9,9,1\nPHANTOM,1,1,1,1\n"
    let book = try validate(drop)
    #expect(book.orphanARRLines == 1 && book.orphanUsageRows == 1)
    #expect(book.rejections.map(\.accountID).sorted() == ["GHOST", "PHANTOM"])
    #expect(book.accountsWithoutUsage == ["B"])
    #expect(book.warnings.count == 1)
    #expect(book.accounts.first { $0.id == "A" }?.usage.activeUsers == 9)
  }

  @Test("the error budget allows exactly its share and aborts one row over")
  func errorBudget() throws {
    // 100 rows, budget 0.01: one rejected row passes, two abort.
    var accounts = accountsHeader
    var arr = "account_id,arr\n"
    for index in 0..<100 {
      accounts += "A\(index),Name,,,2020-01-01,\(index < 2 ? "9" : "3")\n"
      arr += "A\(index),100\n"
    }
    #expect(throws: RetierError.self) {
      try validate(TestDrop(accounts: accounts, arr: arr), budget: "0.01")
    }
    let oneBad = accounts.replacingOccurrences(
      of: "A1,Name,,,2020-01-01,9", with: "A1,Name,,,2020-01-01,3")
    let book = try validate(TestDrop(accounts: oneBad, arr: arr), budget: "0.01")
    #expect(book.rejectedAccountRowCount == 1)
    #expect(book.accounts.count == 99)
  }

  @Test(
    "the run aborts only when rejected rows exceed both the share and max_rejected_rows_floor",
    arguments: [
      // A 40-account book survives up to the floor of 3 (0.01 × 40 is 0.4 rows).
      (40, 1, 3, false), (40, 3, 3, false), (40, 4, 3, true),
      // A big book: the share binds (0.01 × 1000 = 10 rows).
      (1000, 10, 3, false), (1000, 11, 3, true),
      // Floor 0: the share alone, as before the floor existed.
      (40, 1, 0, true),
    ])
  func rejectedRowsFloor(rows: Int, bad: Int, floor: Int, aborts: Bool) throws {
    var accounts = accountsHeader
    var arr = "account_id,arr\n"
    for index in 0..<rows {
      accounts += "A\(index),Name,,,2020-01-01,\(index < bad ? "9" : "3")\n"
      arr += "A\(index),100\n"
    }
    let drop = TestDrop(accounts: accounts, arr: arr)
    if aborts {
      #expect {
        try validate(drop, budget: "0.01", floor: floor)
      } throws: { error in
        guard case .tooManyRejected(let rejected, _, _, let allowedRows, _) = error as? RetierError
        else { return false }
        return rejected == bad && allowedRows == floor
      }
    } else {
      #expect(try validate(drop, budget: "0.01", floor: floor).rejectedAccountRowCount == bad)
    }
  }

  @Test("the over-budget error lists every problem")
  func overBudgetListsEverything() {
    let drop = TestDrop(
      accounts: accountsHeader + "A,A,,,2020-01-01,9\nB,B,,,bad,3\n",
      arr: "account_id,arr\nA,1\nB,1\n")
    #expect {
      try validate(drop, budget: "0.01")
    } throws: { error in
      guard
        case .tooManyRejected(let rejected, let accounts, _, _, let problems) = error
          as? RetierError
      else { return false }
      return rejected == 2 && accounts == 2 && problems.count == 2
        && problems[0].description.hasPrefix("accounts.csv:2: error: account 'A'")
    }
  }

  @Test("a missing required column is fatal and names file and column")
  func missingColumn() {
    let drop = TestDrop(
      accounts: "account_id,customer_since\nA,2020-01-01\n", arr: "account_id,arr\nA,1\n")
    #expect(
      throws: RetierError.missingColumn(
        file: "accounts.csv", column: "strategic_fit", header: ["account_id", "customer_since"])
    ) {
      try validate(drop)
    }
  }

  @Test("columns are matched by name, any order, any case, unknown columns ignored")
  func columnsByName() throws {
    let drop = TestDrop(
      accounts: " Strategic_Fit ,Industry,CUSTOMER_SINCE,Account_ID\n4,Retail,2021-03-04,A\n",
      arr: "ARR,account_id\n10.5,A\n")
    let book = try validate(drop)
    #expect(book.accounts.first?.strategicFit == 4)
    #expect(book.accounts.first?.arr == Money("10.50"))
  }
}
