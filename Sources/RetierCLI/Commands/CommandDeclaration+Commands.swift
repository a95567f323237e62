import RetierCore

extension CommandDeclaration {
  /// Every command, in the order of the synopsis and the help.
  static let all: [CommandDeclaration] = [run, validate, explain, schedule, compare, interim]

  /// The declaration of the command `name`, if there is one.
  static func named(_ name: String) -> CommandDeclaration? {
    all.first { $0.name == name }
  }

  /// `retier run`.
  static let run = CommandDeclaration(
    name: "run",
    options: [
      .config, .quarter, .asOf,
      Option(name: "--dry-run", help: ["Decide and print the summary, write nothing."]),
      Option(
        name: "--force",
        help: [
          "Re-run a quarter that is already done; the earlier run is",
          "kept, renamed <QUARTER>.replaced-<n>.",
        ]),
    ],
    description: [
      "Re-tier a quarter and write <output>/<QUARTER>/ (tiers, movements, reassignments,",
      "memos, rejected rows, run.json), complete or not at all. Without --quarter it runs",
      "the latest quarter whose run date (by default the 10th business day after quarter",
      "end) is on or before today (the local date) and that is not before first_quarter",
      "(config), and exits 0 at once when that quarter is already done or none is due yet.",
      "After downtime that spans several run dates, only the latest due quarter is run:",
      "earlier drops are superseded; run them by hand with --quarter when still wanted.",
    ],
    example: [
      "retier run --quarter 2026-Q3 --dry-run   # the summary, nothing written",
      "retier run --quarter 2026-Q3             # writes <output>/2026-Q3/",
    ],
    make: { words, common throws(RetierError) in
      try words.expectOperands([])
      return .run(common, dryRun: words.has("--dry-run"), force: words.has("--force"))
    })

  /// `retier validate`.
  static let validate = CommandDeclaration(
    name: "validate", options: [.config, .quarter, .asOf],
    description: [
      "Check the config and a quarter's drop; list every problem as",
      "path:line:column: severity: message, and warn of what the run will report (rows",
      "it will reject, a named tier with no active CSM, CSMs short, overrides that will be",
      "ignored). Writes nothing; exits 65 when the drop cannot run.",
    ],
    example: ["retier validate --quarter 2026-Q3"],
    make: { words, common throws(RetierError) in
      try words.expectOperands([])
      return .validate(common)
    })

  /// `retier explain`.
  static let explain = CommandDeclaration(
    name: "explain", operands: ["ACCOUNT_ID"],
    options: [
      .config, .quarter, .asOf,
      Option(name: "--verbose", help: ["Also log each phase on standard error."]),
    ],
    description: [
      "Show how one account was scored and tiered: each signal's rule with its numbers,",
      "the total, the tier decision and the owner. Writes nothing. An unknown id is",
      "answered with the nearest ids of the drop.",
    ],
    example: ["retier explain ACC-00444 --quarter 2026-Q3"],
    make: { words, common throws(RetierError) in
      try words.expectOperands(["ACCOUNT_ID"])
      return .explain(accountID: words.operands[0], common, verbose: words.has("--verbose"))
    })

  /// `retier schedule`.
  static let schedule = CommandDeclaration(
    name: "schedule",
    options: [
      .config,
      Option(
        name: "--count", value: "N",
        help: ["Number of upcoming runs to list (default \(defaultScheduleCount))."]),
      .asOf,
    ],
    description: [
      "List the latest due quarter and the next run dates, and which are done."
    ],
    example: ["retier schedule --count 8"],
    make: { words, common throws(RetierError) in
      try words.expectOperands([])
      return .schedule(common, count: try words.count())
    })

  /// `retier compare`.
  static let compare = CommandDeclaration(
    name: "compare",
    options: [
      Option(
        name: "--with", value: "ALT.json", help: ["The alternative config file."], isRequired: true),
      Option(
        name: "--roster", value: "ALT-csms.csv",
        help: ["The alternative roster, in the format of csms.csv."]),
      Option(
        name: "--out", value: "FILE", help: ["Also write the comparison to FILE as Markdown."]),
      .config, .quarter, .asOf,
    ],
    description: [
      "What-if: decide the quarter under the config and under ALT.json (another rubric,",
      "lines, caps, ladder or weights; its inbox and output are not used), with",
      "ALT-csms.csv in place of the drop's roster when given, and print both side by side",
      "as Markdown: tier counts, movements, seats and the bound that binds, capacity, book",
      "balance per tier and the accounts that land in a different tier. Writes nothing but",
      "--out FILE; takes no lock.",
    ],
    example: [
      "# Would a Tier 1 line of 11 in place of 12 change the quarter? ALT.json is a complete",
      "# config; only the line differs:",
      "cp /etc/retier/retier.json alt.json   # then set \"min_score\": 11 in Tier 1 of \"tiers\"",
      "retier compare --with alt.json --quarter 2026-Q3 --out what-if.md",
    ],
    make: { words, common throws(RetierError) in
      try words.expectOperands([])
      guard let alternative = try words.path("--with") else {
        throw .usage("retier compare needs --with ALT.json")
      }
      return .compare(
        common, alternative: alternative, roster: try words.path("--roster"),
        out: try words.path("--out"))
    })

  /// `retier interim`.
  static let interim = CommandDeclaration(
    name: "interim",
    options: [
      Option(
        name: "--hot", value: "FILE",
        help: ["The hot-account flags (CSV: account_id, flagged_by, reason)."], isRequired: true),
      .config, .quarter, .asOf,
    ],
    description: [
      "Re-score only the hot accounts listed in --hot FILE with the quarter's drop as it",
      "is now, under the cut lines and seats of the quarter's completed run (by default",
      "the latest), and write the accounts that moved to <output>/<QUARTER>-interim-<n>/",
      "(the same files as a run), complete or not at all. Unknown, repeated or incomplete",
      "rows are listed and skipped; none is dropped silently.",
    ],
    example: [
      "cat hot.csv",
      "  account_id,flagged_by,reason",
      "  ACC-00003,Jane Doe,seats tripled since the quarter's run",
      "retier interim --hot hot.csv --quarter 2026-Q3",
    ],
    make: { words, common throws(RetierError) in
      try words.expectOperands([])
      guard let hotFile = words.value("--hot") else {
        throw .usage("retier interim needs --hot FILE (account_id, flagged_by, reason)")
      }
      guard !hotFile.isEmpty else { throw .usage("option --hot needs a file path") }
      return .interim(common, hotFile: hotFile)
    })

  /// The number of upcoming runs `retier schedule` lists by default.
  static let defaultScheduleCount = 4

  /// The largest `--count` accepted (25 years of quarters).
  static let maximumScheduleCount = 100
}
