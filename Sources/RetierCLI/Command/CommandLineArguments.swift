import RetierCore

/// The command line of `retier`, parsed by hand (no package dependencies): pure, so every rule
/// is testable without a process.
enum CommandLineArguments {
  /// Parses the arguments after the program name; a mistake throws ``RetierError/usage(_:)``
  /// with one line saying what is wrong (the caller prints ``usage`` after it).
  static func parse(_ arguments: [String]) throws(RetierError) -> Command {
    guard let name = arguments.first else { throw .usage("no command given") }
    switch name {
    case "--help", "-h", "help":
      return .help
    case "--version":
      guard arguments.count == 1 else { throw .usage("--version takes no arguments") }
      return .version
    default:
      break
    }
    guard let accepted = options[name] else {
      if name.hasPrefix("-") { throw .usage("unknown option '\(name)' before the command") }
      throw .usage("unknown command '\(name)'")
    }
    let words = try ParsedWords(command: name, arguments: arguments.dropFirst(), accepted: accepted)
    if words.wantsHelp { return .help }
    let common = CommandOptions(
      configPath: try words.configPath(), quarter: try words.quarter(), asOf: try words.asOf())
    switch name {
    case "run":
      try words.expectOperands([])
      return .run(common, dryRun: words.has("--dry-run"), force: words.has("--force"))
    case "validate":
      try words.expectOperands([])
      return .validate(common)
    case "interim":
      try words.expectOperands([])
      guard let hotFile = words.value("--hot") else {
        throw .usage("retier interim needs --hot FILE (account_id, flagged_by, reason)")
      }
      guard !hotFile.isEmpty else { throw .usage("option --hot needs a file path") }
      return .interim(common, hotFile: hotFile)
    case "explain":
      try words.expectOperands(["ACCOUNT_ID"])
      return .explain(accountID: words.operands[0], common, verbose: words.has("--verbose"))
    case "compare":
      try words.expectOperands([])
      guard let alternative = try words.path("--with") else {
        throw .usage("retier compare needs --with ALT.json")
      }
      return .compare(
        common, alternative: alternative, roster: try words.path("--roster"),
        out: try words.path("--out"))
    default:
      try words.expectOperands([])
      return .schedule(common, count: try words.count())
    }
  }

  /// The options each command accepts; a value option is followed by its value.
  static let options: [String: (flags: Set<String>, values: Set<String>)] = [
    "run": (["--dry-run", "--force"], ["--config", "--quarter", "--as-of"]),
    "validate": ([], ["--config", "--quarter", "--as-of"]),
    "explain": (["--verbose"], ["--config", "--quarter", "--as-of"]),
    "schedule": ([], ["--config", "--count", "--as-of"]),
    "compare": ([], ["--config", "--quarter", "--as-of", "--with", "--roster", "--out"]),
    "interim": ([], ["--config", "--quarter", "--as-of", "--hot"]),
  ]

  /// The number of upcoming runs `retier schedule` lists by default.
  static let defaultScheduleCount = 4

  /// The largest `--count` accepted (25 years of quarters).
  static let maximumScheduleCount = 100

  /// The synopsis printed after a usage error.
  static let usage = """
    usage: retier run [--config FILE] [--quarter YYYY-Qn] [--as-of YYYY-MM-DD] [--dry-run] [--force]
           retier validate [--config FILE] [--quarter YYYY-Qn] [--as-of YYYY-MM-DD]
           retier explain ACCOUNT_ID [--config FILE] [--quarter YYYY-Qn] [--as-of YYYY-MM-DD] [--verbose]
           retier schedule [--config FILE] [--count N] [--as-of YYYY-MM-DD]
           retier compare --with ALT.json [--roster ALT-csms.csv] [--out FILE] [--config FILE]
                          [--quarter YYYY-Qn] [--as-of YYYY-MM-DD]
           retier interim --hot FILE [--config FILE] [--quarter YYYY-Qn] [--as-of YYYY-MM-DD]
           retier --help | --version
    """

  /// The full help of `retier --help`.
  static let help = """
    retier: quarterly re-tiering of customer accounts from the RevOps drop.

    \(usage)

    Commands:
      run        Re-tier a quarter and write <output>/<QUARTER>/ (tiers, movements,
                 reassignments, memos, rejected rows, run.json), complete or not at all.
                 Without --quarter it runs the latest quarter whose run date (by default
                 the 10th business day after quarter end) is on or before today (the
                 local date) and that is not before first_quarter (config), and exits 0
                 at once when that quarter is already done or none is due yet.
                 After downtime that spans several run dates, only the latest due quarter
                 is run: earlier drops are superseded; run them by hand with --quarter
                 when they are still wanted.
      validate   Check the config and a quarter's drop; list every problem as
                 path:line:column: severity: message. Writes nothing.
      explain    Show how one account was scored and tiered: each signal's rule with
                 its numbers, the total, the tier decision and the owner. Writes nothing.
                 An unknown id is answered with the nearest ids of the drop.
      schedule   List the latest due quarter and the next run dates, and which are done.
      compare    What-if: decide the quarter under the config and under ALT.json (another
                 rubric, lines, caps, ladder or weights; its inbox and output are not used),
                 with ALT-csms.csv in place of the drop's roster when given, and print both
                 side by side as Markdown: tier counts, movements, seats and the bound that
                 binds, capacity, book balance per tier and the accounts that land in a
                 different tier. Writes nothing but --out FILE; takes no lock.
      interim    Re-score only the hot accounts listed in --hot FILE (CSV: account_id,
                 flagged_by, reason) with the quarter's drop as it is now, under the cut
                 lines and seats of the quarter's completed run (by default the latest),
                 and write the accounts that moved to <output>/<QUARTER>-interim-<n>/ (the
                 same files as a run), complete or not at all. Unknown, repeated or
                 incomplete rows are listed and skipped; none is dropped silently.

    Options:
      --config FILE       Config file. Default: $RETIER_CONFIG, then ./config/retier.json,
                          then /etc/retier/retier.json. Relative inbox and output paths
                          in it are resolved against the config file's own folder.
      --quarter YYYY-Qn   The fiscal quarter, e.g. 2026-Q3. Any quarter may be asked for;
                          its run date, not today, is the date recorded in the outputs.
      --as-of YYYY-MM-DD  Act as if today were this date (picks the due quarter).
      --dry-run           run: decide and print the summary, write nothing.
      --force             run: re-run a quarter that is already done; the earlier run is
                          kept, renamed <QUARTER>.replaced-<n>.
      --hot FILE          interim: the hot-account flags (account_id, flagged_by, reason).
      --count N           schedule: number of upcoming runs to list (default 4).
      --verbose           explain: also log each phase on standard error.
      --with FILE         compare: the alternative config file.
      --roster FILE       compare: the alternative roster, in the format of csms.csv.
      --out FILE          compare: also write the comparison to FILE as Markdown.
      --help, -h          Show this help.
      --version           Show the version.

    Options take their value as --option VALUE or --option=VALUE; -- ends the options.

    Exit status: 0 done or nothing to do, 64 usage, 65 bad input data, 66 drop missing or
    not ready, 73 cannot write output, 75 another run holds the lock, 78 bad config.
    """
}

/// The words after a command name, sorted into flags, option values and operands.
private struct ParsedWords {
  /// The command, for messages.
  let command: String
  /// Flags given.
  private(set) var flags: Set<String> = []
  /// Value options given, with their value.
  private(set) var values: [String: String] = [:]
  /// Words that are not options, in order.
  private(set) var operands: [String] = []
  /// Whether `--help` or `-h` was given.
  private(set) var wantsHelp = false

  /// Sorts `arguments`; an unknown option, a repeated option, a value given to a flag or a
  /// missing value throws.
  init(
    command: String, arguments: ArraySlice<String>,
    accepted: (flags: Set<String>, values: Set<String>)
  ) throws(RetierError) {
    self.command = command
    var remaining = arguments[...]
    var optionsEnded = false
    while let word = remaining.popFirst() {
      if optionsEnded || word == "-" || !word.hasPrefix("-") {
        operands.append(word)
        continue
      }
      if word == "--" {
        optionsEnded = true
        continue
      }
      if word == "--help" || word == "-h" {
        wantsHelp = true
        continue
      }
      let (name, attached) = Self.split(word)
      if accepted.flags.contains(name) {
        guard attached == nil else { throw .usage("option \(name) takes no value") }
        guard flags.insert(name).inserted else { throw .usage("option \(name) is given twice") }
      } else if accepted.values.contains(name) {
        guard values[name] == nil else { throw .usage("option \(name) is given twice") }
        if let attached {
          values[name] = attached
        } else if let next = remaining.first, !next.hasPrefix("--") {
          values[name] = next
          remaining = remaining.dropFirst()
        } else {
          throw .usage("option \(name) needs a value")
        }
      } else {
        throw .usage("unknown option '\(name)' for 'retier \(command)'")
      }
    }
  }

  /// `--name=value` as (`--name`, `value`); `--name` as (`--name`, nil).
  private static func split(_ word: String) -> (name: String, value: String?) {
    guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
    return (String(word[..<equals]), String(word[word.index(after: equals)...]))
  }

  /// The value of a value option, `nil` when it was not given.
  func value(_ option: String) -> String? { values[option] }

  /// Whether a flag was given.
  func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// Checks that the operands are exactly the named ones, none of them empty.
  func expectOperands(_ names: [String]) throws(RetierError) {
    if operands.count < names.count {
      throw .usage("retier \(command) needs \(names[operands.count])")
    }
    if operands.count > names.count {
      throw .usage("unexpected argument '\(operands[names.count])' for 'retier \(command)'")
    }
    for (name, operand) in zip(names, operands) where operand.isEmpty {
      throw .usage("\(name) is empty")
    }
  }

  /// `--config`, which must not be empty.
  func configPath() throws(RetierError) -> String? {
    guard let path = values["--config"] else { return nil }
    guard !path.isEmpty else { throw .usage("option --config needs a file path") }
    return path
  }

  /// A file path option, which must not be empty; `nil` when not given.
  func path(_ option: String) throws(RetierError) -> String? {
    guard let path = values[option] else { return nil }
    guard !path.isEmpty else { throw .usage("option \(option) needs a file path") }
    return path
  }

  /// `--quarter`, a fiscal quarter label.
  func quarter() throws(RetierError) -> FiscalQuarter? {
    guard let text = values["--quarter"] else { return nil }
    guard let quarter = FiscalQuarter(label: text) else {
      throw .usage("--quarter '\(text)' is not a quarter YYYY-Qn, e.g. 2026-Q3")
    }
    return quarter
  }

  /// `--as-of`, a calendar date.
  func asOf() throws(RetierError) -> CalendarDate? {
    guard let text = values["--as-of"] else { return nil }
    guard let date = CalendarDate(iso: text) else {
      throw .usage("--as-of '\(text)' is not a date YYYY-MM-DD")
    }
    return date
  }

  /// `--count`, a whole number from 1 to the maximum, or the default.
  func count() throws(RetierError) -> Int {
    guard let text = values["--count"] else { return CommandLineArguments.defaultScheduleCount }
    let maximum = CommandLineArguments.maximumScheduleCount
    guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
      let count = Int(text), (1...maximum).contains(count)
    else {
      throw .usage("--count '\(text)' is not a whole number from 1 to \(maximum)")
    }
    return count
  }
}
