import RetierCore

/// `retier explain ACCOUNT_ID`: decides the quarter in memory and shows how one account was
/// scored and tiered. A rejected account shows why it was rejected; an unknown id exits 65.
struct ExplainCommand {
  /// The account to explain.
  var accountID: String
  /// The shared options.
  var options: CommandOptions
  /// Log each phase on standard error, as `run` does; off by default, so the answer stands alone.
  var verbose = false

  /// Runs the command.
  func execute(_ shell: Shell) throws(RetierError) -> ExitStatus {
    let decision = try QuarterJob.decide(options, shell, quiet: !verbose)
    guard case .decided(let loaded, let quarter, let result) = decision else {
      if case .nothingDue(let line) = decision { shell.console.print(line) }
      return .success
    }
    let book = result.book
    if let index = book.accounts.firstIndex(where: { $0.id == accountID }) {
      shell.console.print(AccountExplanation(result: result, index: index).lines)
      return .success
    }
    guard let rejected = book.rejectedAccounts.first(where: { $0.id == accountID }) else {
      throw .unknownAccount(
        accountID,
        nearest: NearestIDs.suggestions(
          for: accountID, among: book.accounts.map(\.id) + book.rejectedAccounts.map(\.id)))
    }
    let tier = rejected.currentTier.map { "Tier \($0)" } ?? "no tier"
    let owner =
      rejected.ownerID.isEmpty ? "no owner" : "owner \(ControlCharacters.escaped(rejected.ownerID))"
    var lines = [
      "Account \(ControlCharacters.escaped(rejected.id)) \(ControlCharacters.quoted(rejected.name)): "
        + "\(quarter.label), run date \(result.runDate)",
      "Rejected: its input rows cannot be used, so it is not scored; it keeps \(tier) and "
        + "\(owner) (reason invalid_input). Fix these rows in the drop:",
    ]
    let folder = loaded.dropFolder(quarter)
    lines += book.rejections.filter { $0.accountID == accountID }
      .map { "  " + $0.diagnostic.locating(in: folder).description }
    shell.console.print(lines)
    return .success
  }
}
