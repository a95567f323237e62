import Testing

@testable import RetierCore

/// The `crm/` files against the files they are cut from, on seeded random books: the owner
/// imports are exactly the owner changes of `reassignments.csv` that have a real owner, the tier
/// field update exactly the rows of `movements.csv`, and the unassigned list exactly the valid
/// accounts of `tiers.csv` without an owner. Everything is read back from the rendered bytes.
@Suite("CRM files over generated books")
struct CRMFilesPropertyTests {
  /// Seeds of the generated books; odd seeds leave the pool's CRM identity unset.
  static let seeds: [UInt64] = Array(1...100)

  private static let poolEmail = "cs-pool@example.com"
  private static let poolCRMID = "005Hn0000000090AAC"

  /// The run of `seed`'s book, and its files by path.
  private static func run(seed: UInt64) throws -> (RunResult, [String: CSVDocument]) {
    var configuration = PropertyTests.configuration
    if seed.isMultiple(of: 2) {
      configuration.poolOwnerEmail = poolEmail
      configuration.poolOwnerCRMID = poolCRMID
    }
    let (result, files) = try RenderedRun.run(
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!, files: GeneratedDrop(seed: seed).files(),
        configuration: configuration, configBytes: [], toolVersion: "property"))
    var documents: [String: CSVDocument] = [:]
    for file in files where file.path.hasSuffix(".csv") {
      documents[file.path] = try CSVReader.parse(file.bytes)
    }
    return (result, documents)
  }

  /// Every data row of `document` as its fields, in file order.
  private static func rows(_ document: CSVDocument?) throws -> [[String]] {
    let document = try #require(document)
    return (0..<document.rowCount).map { document.fields(ofRow: $0) }
  }

  @Test("every crm/ file is cut exactly from reassignments.csv, movements.csv and tiers.csv")
  func cutFromTheirSources() throws {
    // One run per seed for all three checks; the totals show the books exercised every kind
    // of row, so the checks cannot pass on empty files alone.
    var totals = (salesforce: 0, hubSpot: 0, leftOut: 0, moves: 0, unassigned: 0)
    for seed in Self.seeds {
      let (result, files) = try Self.run(seed: seed)
      let owners = try Self.checkOwnerImports(seed: seed, result, files)
      totals.salesforce += owners.salesforce
      totals.hubSpot += owners.hubSpot
      totals.leftOut += owners.leftOut
      totals.moves += try Self.checkTierFieldUpdate(seed: seed, result, files)
      totals.unassigned += try Self.checkUnassigned(seed: seed, files)
    }
    #expect(totals.salesforce > 100 && totals.hubSpot > 100 && totals.leftOut > 10)
    #expect(totals.moves > 100 && totals.unassigned > 10)
  }

  /// Checks the owner imports of `seed`'s run; returns their row counts and the owner changes
  /// with an owner that the HubSpot file left out.
  private static func checkOwnerImports(
    seed: UInt64, _ result: RunResult, _ files: [String: CSVDocument]
  ) throws -> (salesforce: Int, hubSpot: Int, leftOut: Int) {
    let poolSet = seed.isMultiple(of: 2)
    // The roster's CRM ids as the drop wrote them: a blank one stands for the csm id.
    var crmIDs: [String: String] = [:]
    for row in GeneratedDrop(seed: seed).csms.dropFirst() {
      crmIDs[row[0]] = row[6].isEmpty ? row[0] : row[6]
    }
    var salesforce: [[String]] = []
    var hubSpot: [[String]] = []
    var poolChanges = 0
    // reassignments.csv: account_id 0, from_owner_id 4, to_owner_id 7, to_owner_crm_id 8,
    // to_owner_email 9, reason 10. An import holds exactly the rows whose new owner differs
    // and is not blank; a held row (to = from) is in none.
    for row in try Self.rows(files["reassignments.csv"]) where !row[7].isEmpty {
      if row[10] == "locked" || row[10] == "renewal_hold" {
        #expect(row[7] == row[4], "seed \(seed)")
        continue
      }
      #expect(row[7] != row[4], "seed \(seed)")
      if row[7] == result.configuration.poolOwnerID {
        poolChanges += 1
        if poolSet {
          salesforce.append([row[0], Self.poolCRMID])
          hubSpot.append([row[0], Self.poolEmail])
        }
        continue
      }
      let crmID = try #require(crmIDs[row[7]])
      #expect(row[8] == crmID, "seed \(seed)")
      if RosterCheck.crmUserIDProblem(crmID) == nil { salesforce.append([row[0], crmID]) }
      if Configuration.looksLikeEmail(row[9]) { hubSpot.append([row[0], row[9]]) }
    }
    let salesforceRows = try Self.rows(files[CRMFiles.salesforcePath])
    let hubSpotRows = try Self.rows(files[CRMFiles.hubSpotPath])
    let order: ([String], [String]) -> Bool = { $0.lexicographicallyPrecedes($1) }
    #expect(salesforceRows.sorted(by: order) == salesforce.sorted(by: order), "seed \(seed)")
    #expect(hubSpotRows.sorted(by: order) == hubSpot.sorted(by: order), "seed \(seed)")
    #expect((salesforceRows + hubSpotRows).allSatisfy { $0.count == 2 && !$0[1].isEmpty })
    // The summary counts what the files left out.
    let owners = CRMOwnerImport(result)
    #expect(owners.poolChanges == poolChanges, "seed \(seed)")
    #expect(
      owners.summaryLines.contains { $0.contains("to the pool") } == (!poolSet && poolChanges > 0),
      "seed \(seed)")
    let leftOut = (poolSet ? 0 : poolChanges) + owners.changesToCSMsWithoutEmail
    return (salesforceRows.count, hubSpotRows.count, leftOut)
  }

  /// Checks that the tier field update of `seed`'s run is movements.csv row for row; returns
  /// its row count.
  private static func checkTierFieldUpdate(
    seed: UInt64, _ result: RunResult, _ files: [String: CSVDocument]
  ) throws -> Int {
    let expected = try Self.rows(files["movements.csv"]).map { row in
      // movements.csv: account_id 0, to_tier 3, why_moved 5.
      [row[0], row[3], result.configuration.tier(Int(row[3]) ?? 1).name, row[5], "2026-10-14"]
    }
    let rows = try Self.rows(files[CRMFiles.tierFieldUpdatePath])
    #expect(rows == expected, "seed \(seed)")
    return rows.count
  }

  /// Checks that the unassigned list of `seed`'s run is every valid account of tiers.csv left
  /// without an owner; returns its row count.
  private static func checkUnassigned(seed: UInt64, _ files: [String: CSVDocument]) throws -> Int {
    let tiers = try #require(files["tiers.csv"])
    let owner = try #require(tiers.columnIndex(named: "owner_id"))
    let reason = try #require(tiers.columnIndex(named: "reason"))
    let expected = try Self.rows(tiers).filter {
      $0[owner].isEmpty && $0[reason] != "invalid_input"
    }
    .map { $0[0] }
    let listed = try Self.rows(files[CRMFiles.unassignedPath]).map { $0[0] }
    #expect(listed == expected, "seed \(seed)")
    let shortfalls = try Self.rows(files["reassignments.csv"]).filter { $0[7].isEmpty }.map {
      $0[0]
    }
    #expect(Set(shortfalls).isSubset(of: Set(listed)), "seed \(seed)")
    return listed.count
  }
}
