/// Everything one run decided, in memory; every output is rendered from it.
package struct RunResult: Sendable {
  /// The quarter re-tiered.
  package var quarter: FiscalQuarter
  /// Its run date (the date of the run for overrides, effective dates and memos).
  package var runDate: CalendarDate
  /// The configuration used.
  package var configuration: Configuration
  /// The validated book; its ledger holds every account with each phase's column (scores,
  /// tier decision, owner), read by ``AccountRef``.
  package var book: Book
  /// The rubric of the quarter: its constants, cut lines and ARR ranking; every score and
  /// every figure about a score comes from it.
  package var rubric: Rubric
  /// Overrides and caps.
  package var tiering: TieringResult
  /// Capacity.
  package var owners: OwnerAssignment
  /// What the memos need of the previous complete run, when one exists (CRM drift and the
  /// across-quarter sections); the run's own record is not kept.
  var previousRun: PreviousRunFigures? = nil
  /// The previous run looked for and whether it passed verification (`run.json`'s
  /// `previous_run`); `nil` when no earlier quarter has a run folder.
  package var previousRunCheck: PreviousRunCheck? = nil
  /// Facts about the inputs, by file name order.
  var inputs: [InputFact]
  /// SHA-256 of the config file.
  var configSHA256: String
  /// The tool's version.
  var toolVersion: String
  /// Set when this is an interim re-score's result (SPEC §7): its book holds only the accounts
  /// that moved, so the reviews say so rather than present them as the quarter.
  var interim: InterimScope? = nil

  /// Every account of the run and what each phase decided about it.
  package var ledger: AccountLedger { book.ledger }

  /// This quarter's ARR cut lines.
  package var cutLines: RubricCutLines { rubric.cutLines }
}

/// What an interim re-score's reviews say about the book its moved accounts came from.
struct InterimScope: Sendable, Hashable {
  /// The flags re-scored.
  var flagCount: Int
  /// The valid accounts of the latest drop (all of them, not only those that moved).
  var dropAccounts: Int
  /// What flagged the accounts: the flag file's checksum and each flag's author and reason.
  var audit: InterimAudit
  /// The state the chain of interims is left in after this one (its number included).
  var chainAfter: InterimChain
}

/// Row count and checksum of one input file.
struct InputFact: Sendable, Hashable {
  /// File name.
  var name: String
  /// Data rows.
  var rows: Int
  /// Lowercase hex SHA-256 of the bytes.
  var sha256: String
  /// Rows skipped because every field was blank (spreadsheet leftovers).
  var blankRows = 0
}
