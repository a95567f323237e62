import RetierCore

/// The five CSV files of one drop while they are being built.
///
/// Rows are built in one buffer per file; ``handOverFullBuffers()`` passes the buffers that have
/// filled to the `DropOutput` and ``finish()`` the rest, so memory does not grow with the book.
struct DropTables {
  /// How a word value (`true`, `lost`, ...) is capitalised; the contract reads them
  /// case-insensitively, so the demo mixes spellings.
  enum WordCase {
    /// `true`.
    case lower
    /// `TRUE`.
    case upper
    /// `True`.
    case capitalized
  }

  /// accounts.csv.
  private(set) var accounts: CSVBuffer
  /// arr.csv.
  private(set) var arr: CSVBuffer
  /// usage.csv.
  private(set) var usage: CSVBuffer
  /// overrides.csv.
  private(set) var overrides: CSVBuffer
  /// csms.csv.
  private(set) var csms: CSVBuffer
  /// Where the files are written.
  private let output: DropOutput

  /// A buffer is handed to the output once it holds this many bytes.
  private static let handOverBytes = 8 << 20

  /// Starts the five files with their header rows.
  ///
  /// accounts.csv deliberately lists its columns out of the contract's order, with an unknown
  /// `industry` column and header spellings that only match case-insensitively after trimming.
  /// - Parameters:
  ///   - accountsByteOrderMark: start accounts.csv with a UTF-8 byte order mark.
  ///   - arrCRLF: end arr.csv rows with CR LF.
  ///   - expectedAccounts: the number of account rows, to reserve memory once (at most what
  ///     a buffer holds before it is handed over).
  ///   - output: where the files are written.
  init(
    accountsByteOrderMark: Bool, arrCRLF: Bool, expectedAccounts: Int, output: DropOutput
  ) {
    self.output = output
    // A buffer never holds more than a full buffer and the rows of one account.
    let most = Self.handOverBytes + (1 << 16)
    accounts = CSVBuffer(
      byteOrderMark: accountsByteOrderMark, capacity: min(expectedAccounts * 120, most))
    arr = CSVBuffer(crlf: arrCRLF, capacity: min(expectedAccounts * 40, most))
    usage = CSVBuffer(capacity: min(expectedAccounts * 36, most))
    overrides = CSVBuffer()
    csms = CSVBuffer()
    accounts.row([
      "Account_ID", "account_name", "industry", "customer_since", " strategic_fit ", "owner_id",
      "current_tier", "expansion_ceiling_arr", "Sponsor_Status", "multi_bu", "Reviews_Skipped",
      "Sales Owner", "sales_owner_email", "renewal_date", "owner_locked", "lock_reason",
    ])
    arr.row(["subscription_id", "account_id", "arr"])
    usage.row([
      "account_id", "licensed_seats", "active_users", "active_users_prev_quarter", "support_hours",
    ])
    overrides.row([
      "account_id", "tier", "reason", "approved_by_sales", "approved_by_cs", "expires",
    ])
    csms.row([
      "csm_id", "name", "email", "tier", "max_accounts", "active", "crm_user_id", "manager",
      "backfill_csm_id",
    ])
  }

  /// Appends an account row, and its usage row when it has one.
  mutating func append(
    _ account: AccountRecord, wordCase: WordCase = .lower,
    moneyStyle: CSVBuffer.DecimalStyle = .shortest
  ) {
    accounts.text(account.id)
    accounts.text(account.name)
    accounts.text(account.industry)
    switch account.customerSince {
    case .date(let date):
      accounts.date(date)
    case .text(let text):
      accounts.text(text)
    }
    accounts.integer(account.strategicFit)
    accounts.text(account.ownerID)
    accounts.integer(account.currentTier)
    accounts.decimal(hundredths: account.expansion.ceilingCents, style: moneyStyle)
    switch account.expansion.sponsor {
    case .blank:
      accounts.empty()
    case .active:
      accounts.text(Self.spell("active", wordCase))
    case .lost:
      accounts.text(Self.spell("lost", wordCase))
    }
    switch account.expansion.multiBU {
    case nil:
      accounts.empty()
    case true?:
      accounts.text(Self.spell("true", wordCase))
    case false?:
      accounts.text(Self.spell("false", wordCase))
    }
    accounts.integer(account.reviewsSkipped)
    let executive = Self.accountExecutive(of: account.id)
    accounts.text(executive.name)
    accounts.text(executive.email)
    if let renewal = account.hold.renewal { accounts.date(renewal) } else { accounts.empty() }
    if account.hold.locked { accounts.text(Self.spell("true", wordCase)) } else { accounts.empty() }
    accounts.text(account.hold.reason)
    accounts.endRow()
    if account.hasUsageRow {
      appendUsage(
        accountID: account.id, licensedSeats: account.expansion.licensedSeats,
        activeUsers: account.expansion.activeUsers,
        activeUsersPreviousQuarter: account.expansion.activeUsersPreviousQuarter,
        supportHundredths: account.supportHundredths)
    }
  }

  /// Appends one subscription line to arr.csv.
  mutating func appendARRLine(
    subscription: Int, accountID: String, cents: Int64,
    style: CSVBuffer.DecimalStyle = .shortest
  ) {
    arr.identifier(prefix: "SUB-", number: subscription, width: 7)
    arr.text(accountID)
    arr.decimal(hundredths: cents, style: style)
    arr.endRow()
  }

  /// Appends a usage.csv row (also used for orphan rows whose account does not exist).
  mutating func appendUsage(
    accountID: String, licensedSeats: Int?, activeUsers: Int?, activeUsersPreviousQuarter: Int?,
    supportHundredths: Int64?
  ) {
    usage.text(accountID)
    usage.integer(licensedSeats)
    usage.integer(activeUsers)
    usage.integer(activeUsersPreviousQuarter)
    usage.decimal(hundredths: supportHundredths)
    usage.endRow()
  }

  /// Appends an overrides.csv row; `tier` is text so a drop can hold an out-of-range tier.
  mutating func appendOverride(
    accountID: String, tier: String, reason: String, salesApprover: String, csApprover: String,
    expires: CalendarDate
  ) {
    for field in [accountID, tier, reason, salesApprover, csApprover] {
      overrides.text(field)
    }
    overrides.date(expires)
    overrides.endRow()
  }

  /// Appends a csms.csv row; `tier` and `active` are text so a roster can hold bad values. An
  /// empty `crmUserID` leaves the CRM user id to default to the csm id; `backfill` names who
  /// takes over an inactive CSM's book.
  mutating func appendCSM(
    id: String, name: String, email: String, tier: String, maxAccounts: Int?, active: String,
    crmUserID: String = "", manager: String = "", backfill: String = ""
  ) {
    csms.text(id)
    csms.text(name)
    csms.text(email)
    csms.text(tier)
    csms.integer(maxAccounts)
    csms.text(active)
    csms.text(crmUserID)
    csms.text(manager)
    csms.text(backfill)
    csms.endRow()
  }

  /// Hands every buffer that holds at least `handOverBytes` to the output and empties it; call
  /// it between rows.
  mutating func handOverFullBuffers() {
    Self.handOver(&accounts, to: .accounts, of: output, atLeast: Self.handOverBytes)
    Self.handOver(&arr, to: .arr, of: output, atLeast: Self.handOverBytes)
    Self.handOver(&usage, to: .usage, of: output, atLeast: Self.handOverBytes)
    Self.handOver(&overrides, to: .overrides, of: output, atLeast: Self.handOverBytes)
    Self.handOver(&csms, to: .csms, of: output, atLeast: Self.handOverBytes)
  }

  /// Hands what is left of every file to the output, closes the files and writes the READY
  /// marker; throws the first failed write.
  consuming func finish() throws(DropGenError) {
    Self.handOver(&accounts, to: .accounts, of: output, atLeast: 0)
    Self.handOver(&arr, to: .arr, of: output, atLeast: 0)
    Self.handOver(&usage, to: .usage, of: output, atLeast: 0)
    Self.handOver(&overrides, to: .overrides, of: output, atLeast: 0)
    Self.handOver(&csms, to: .csms, of: output, atLeast: 0)
    try output.finish()
  }

  private static func handOver(
    _ buffer: inout CSVBuffer, to file: DropOutput.File, of output: DropOutput, atLeast: Int
  ) {
    guard buffer.bytes.count >= atLeast else { return }
    output.append(buffer.bytes, to: file)
    buffer.removeAll()
  }

  /// The account executives of the drop; an account is owned by one of them, or by nobody (a
  /// blank `sales_owner`), picked from its id so that no random draw changes.
  static let accountExecutives = [
    "Dana Whitfield", "Omar Haddad", "Grace Liu", "Tomás Ferreira", "Ingrid Nilsen",
  ]

  /// The account executive of the account `id` (name and email; both blank for one id in six).
  static func accountExecutive(of id: String) -> (name: String, email: String) {
    let pick = id.unicodeScalars.reduce(0) { ($0 * 31 + Int($1.value)) % 1_000_003 }
    let slot = pick % (accountExecutives.count + 1)
    guard slot < accountExecutives.count else { return ("", "") }
    let name = accountExecutives[slot]
    let plain = String(name.lowercased().map { $0 == "á" ? "a" : $0 })
    let email = plain.split(separator: " ").joined(separator: ".") + "@example.com"
    return (name, email)
  }

  private static func spell(_ word: String, _ wordCase: WordCase) -> String {
    switch wordCase {
    case .lower:
      return word
    case .upper:
      return word.uppercased()
    case .capitalized:
      return word.prefix(1).uppercased() + word.dropFirst()
    }
  }
}
