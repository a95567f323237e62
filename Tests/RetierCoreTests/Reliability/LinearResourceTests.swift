import Testing

@testable import RetierCore

/// Output size stays linear in the input whatever it holds (SPEC §2): a row of a repeated
/// account id, override or CSM id names the first line and the count, never every other line,
/// so n repeats make n bounded records, not n². Sizes are asserted, never times.
@Suite("Linear resource use on repeated ids")
struct LinearResourceTests {
  /// The longest reason any rejection may carry, in bytes, whatever the repeat count: a
  /// constant (ids in these drops are short).
  static let reasonBound = 160

  /// A drop of `repeats` account rows of one id `DUP` (with `valid` other accounts), and
  /// `overrideRepeats` valid overrides of the valid account `A-0`, and `csmRepeats` rows of one
  /// CSM id.
  static func drop(repeats: Int, valid: Int, overrideRepeats: Int, csmRepeats: Int) -> DropFiles {
    var accounts = "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit\n"
    var arr = "account_id,arr\n"
    for index in 0..<valid {
      accounts += "A-\(index),Name \(index),2,,2020-01-01,3\n"
      arr += "A-\(index),\(1_000 + index)\n"
    }
    accounts += String(repeating: "DUP,Dup,1,,2020-01-01,3\n", count: repeats)
    arr += "DUP,100\n"
    let overrides =
      "account_id,tier,reason,approved_by_sales,approved_by_cs,expires\n"
      + String(repeating: "A-0,1,logo,Sam,Cat,2026-12-31\n", count: overrideRepeats)
    let csms = "csm_id,tier\n" + String(repeating: "csm-1,1\n", count: csmRepeats)
    return DropFiles(
      accounts: Array(accounts.utf8), arr: Array(arr.utf8),
      usage: Array("account_id\n".utf8), csms: Array(csms.utf8), overrides: Array(overrides.utf8))
  }

  /// The default configuration with an error budget that lets every row be rejected.
  static var configuration: Configuration {
    var configuration = TestAccounts.configuration
    configuration.maxRejectedShare = ExactDecimal(1)
    return configuration
  }

  @Test(
    "every rejection of a repeated account id, override or CSM id is bounded, whatever the count",
    arguments: [2, 3, 17, 1_000])
  func boundedReasons(repeats: Int) throws {
    let (result, files) = try RenderedRun.run(
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!,
        files: Self.drop(repeats: repeats, valid: 3, overrideRepeats: repeats, csmRepeats: repeats),
        configuration: Self.configuration, configBytes: []))
    let book = result.book
    #expect(book.rejections.count { $0.accountID == "DUP" } == repeats)
    #expect(result.tiering.ignoredOverrides.count == repeats)
    for rejection in book.rejections {
      #expect(rejection.reason.utf8.count <= Self.reasonBound, "\(rejection.reason.prefix(200))")
      #expect(rejection.diagnostic.description.utf8.count <= Self.reasonBound + 40)
    }
    let repeated = try #require(book.rejections.first { $0.accountID == "DUP" })
    #expect(repeated.reason == "account_id is repeated (\(repeats) rows; first on line 5)")
    let conflict = try #require(result.tiering.ignoredOverrides.first)
    #expect(
      conflict.reason.hasSuffix("(\(repeats) valid overrides; first on line 2)"),
      "\(conflict.reason)")
    let rejectedCSV = try #require(files.first { $0.path == "rejected.csv" })
    // Three kinds of rejected rows, each bounded: linear in the repeat count.
    #expect(rejectedCSV.bytes.count <= 64 + 3 * repeats * (Self.reasonBound + 40))
  }

  @Test("10^5 repeats of one id, one override and one CSM id give outputs of tens of MB at most")
  func hundredThousandRepeats() throws {
    let repeats = 100_000
    let files = Self.drop(
      repeats: repeats, valid: 10, overrideRepeats: repeats, csmRepeats: repeats)
    let inputBytes = files.namedFiles.reduce(0) { $0 + $1.bytes.count }
    let (result, outputs) = try RenderedRun.run(
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!, files: files,
        configuration: Self.configuration, configBytes: []))
    #expect(result.book.rejectedAccountRowCount == repeats)
    let outputBytes = outputs.reduce(0) { $0 + $1.bytes.count }
    // About 29 MB in all (3 × 10^5 rejected rows of ≤ 140 bytes); a quadratic record would be
    // about 140 GB (2 × 10^5 rows listing 10^5 line numbers each).
    #expect(outputBytes <= 40 * inputBytes, "input \(inputBytes) B, output \(outputBytes) B")
    #expect(outputBytes <= 40_000_000, "output \(outputBytes) B")
    let messages = result.book.rejections.map(\.diagnostic.description)
    #expect(messages.allSatisfy { $0.utf8.count <= Self.reasonBound + 40 })
  }

  @Test("over the budget, the error lists each problem on one bounded line")
  func overBudgetMessageIsLinear() throws {
    let repeats = 10_000
    var configuration = Self.configuration
    configuration.maxRejectedShare = ExactDecimal(millionths: 10_000)
    #expect {
      try Retier.decide(
        RunInput(
          quarter: FiscalQuarter(label: "2026-Q3")!,
          files: Self.drop(repeats: repeats, valid: 3, overrideRepeats: 0, csmRepeats: 1),
          configuration: configuration, configBytes: []))
    } throws: { error in
      guard case .tooManyRejected(_, _, _, _, let problems) = error as? RetierError else {
        return false
      }
      let lines = (error as! RetierError).description.split(separator: "\n")
      return problems.count == repeats && lines.count == repeats + 1
        && lines.allSatisfy { $0.utf8.count <= Self.reasonBound + 80 }
    }
  }
}
