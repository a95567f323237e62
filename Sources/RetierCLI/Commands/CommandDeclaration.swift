import RetierCore

/// One command of `retier`, declared once: its name, operands, options, summary, description
/// and example, and how its parsed words become a ``Command``. Parsing, the synopsis, the
/// global help and `retier <command> --help` all come from these declarations
/// (``CommandDeclaration/all``), so they cannot disagree (SPEC §7).
struct CommandDeclaration: Sendable {
  /// An option of a command.
  struct Option: Sendable, Hashable {
    /// `--config`.
    var name: String
    /// The value's placeholder (`FILE`), `nil` for a flag.
    var value: String?
    /// What it does, one or more lines without the command's name.
    var help: [String]
    /// Whether the command needs it (shown without brackets in the synopsis).
    var isRequired = false

    /// `--config FILE`, or the flag alone.
    var synopsis: String { name + (value.map { " \($0)" } ?? "") }
  }

  /// The command's name: `run`.
  var name: String
  /// The operands it takes, in order: `ACCOUNT_ID`.
  var operands: [String] = []
  /// Its options, in the synopsis's order.
  var options: [Option]
  /// What it does, as lines of the help (wrapped at 80 columns with the indent).
  var description: [String]
  /// An example: lines of a shell session or file, printed indented.
  var example: [String]
  /// The command for the parsed words.
  var make: @Sendable (ParsedWords, CommandOptions) throws(RetierError) -> Command

  /// `retier run [--config FILE] …`.
  var synopsis: String {
    (["retier", name] + operands
      + options.map { $0.isRequired ? $0.synopsis : "[\($0.synopsis)]" })
      .joined(separator: " ")
  }

  /// `retier <command> --help`: the synopsis, what it does, its options, an example and the
  /// exit statuses.
  var help: String {
    var lines = ["usage: " + synopsis, ""] + description + ["", "Options:"]
    lines += Self.optionLines(options.map { ($0.synopsis, $0.help) } + Self.helpOption)
    lines += ["", "Example:"] + example.map { "  " + $0 }
    lines += [""] + CommandDeclaration.closing
    return lines.joined(separator: "\n")
  }

  /// `--help, -h`, accepted by every command.
  static let helpOption = [("--help, -h", ["Show this help."])]

  /// The options' lines: the option, then its help aligned in a second column.
  static func optionLines(_ options: [(String, [String])]) -> [String] {
    let width = max(20, (options.map(\.0.count).max() ?? 0) + 2)
    return options.flatMap { synopsis, help in
      help.enumerated().map { index, line in
        "  " + (index == 0 ? synopsis.padding(width) : "".padding(width)) + line
      }
    }
  }

  /// The lines every help ends with.
  static let closing = [
    "Options take their value as --option VALUE or --option=VALUE; -- ends the options.",
    "",
    "Exit status: 0 done or nothing to do, 64 usage, 65 bad input data, 66 drop missing or",
    "not ready, 73 cannot write output, 75 another run holds the lock, 78 bad config.",
  ]
}

extension String {
  /// The string followed by spaces up to `width` characters.
  fileprivate func padding(_ width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }
}

extension CommandDeclaration.Option {
  /// `--config FILE`.
  static let config = Self(
    name: "--config", value: "FILE",
    help: [
      "Config file. Default: $RETIER_CONFIG, then ./config/retier.json,",
      "then /etc/retier/retier.json. Relative inbox and output paths",
      "in it are resolved against the config file's own folder.",
    ])
  /// `--quarter YYYY-Qn`.
  static let quarter = Self(
    name: "--quarter", value: "YYYY-Qn",
    help: [
      "The fiscal quarter, e.g. 2026-Q3. Any quarter may be asked for;",
      "its run date, not today, is the date recorded in the outputs.",
    ])
  /// `--as-of YYYY-MM-DD`.
  static let asOf = Self(
    name: "--as-of", value: "YYYY-MM-DD",
    help: ["Act as if today were this date (picks the due quarter)."])
}
