import RetierCore

/// The command line of `retier`, parsed by hand (no package dependencies) from the commands'
/// declarations (``CommandDeclaration/all``): pure, so every rule is testable without a process.
enum CommandLineArguments {
  /// Parses the arguments after the program name; a mistake throws ``RetierError/usage(_:)``
  /// with one line saying what is wrong (the caller prints ``usage`` after it).
  static func parse(_ arguments: [String]) throws(RetierError) -> Command {
    guard let name = arguments.first else { throw .usage("no command given") }
    switch name {
    case "--help", "-h":
      guard arguments.count == 1 else { throw .usage("\(name) takes no arguments") }
      return .help(command: nil)
    case "help":
      guard arguments.count <= 2 else { throw .usage("help takes at most one command") }
      guard let command = arguments.dropFirst().first else { return .help(command: nil) }
      guard CommandDeclaration.named(command) != nil else {
        throw .usage("unknown command '\(command)'")
      }
      return .help(command: command)
    case "--version":
      guard arguments.count == 1 else { throw .usage("--version takes no arguments") }
      return .version
    default:
      break
    }
    guard let declaration = CommandDeclaration.named(name) else {
      if name.hasPrefix("-") { throw .usage("unknown option '\(name)' before the command") }
      throw .usage("unknown command '\(name)'")
    }
    let words = try ParsedWords(
      command: name, arguments: arguments.dropFirst(), accepted: declaration.options)
    if words.wantsHelp { return .help(command: name) }
    let common = CommandOptions(
      configPath: try words.configPath(), quarter: try words.quarter(), asOf: try words.asOf())
    return try declaration.make(words, common)
  }

  /// The synopsis printed after a usage error: every command's, then help and version.
  static var usage: String {
    let lines =
      CommandDeclaration.all.map(\.synopsis) + [
        "retier <command> --help", "retier --help | --version",
      ]
    return lines.enumerated().map { ($0 == 0 ? "usage: " : "       ") + $1 }
      .joined(separator: "\n")
  }

  /// The full help of `retier --help`: the synopsis, each command's description, every option
  /// (those of one command marked with its name), and the exit statuses.
  static var help: String {
    var lines = ["retier: quarterly re-tiering of customer accounts from the RevOps drop.", ""]
    lines += usage.split(separator: "\n").map(String.init)
    lines += ["", "Commands:"]
    for declaration in CommandDeclaration.all {
      for (index, line) in declaration.description.enumerated() {
        let name = index == 0 ? declaration.name : ""
        lines.append("  " + name + String(repeating: " ", count: 11 - name.count) + line)
      }
    }
    lines += ["", "Options:"]
    var options: [(String, [String])] = []
    var seen: Set<String> = []
    for declaration in CommandDeclaration.all {
      for option in declaration.options where seen.insert(option.name).inserted {
        let users = CommandDeclaration.all.filter { $0.options.contains(option) }
        var help = option.help
        if users.count == 1 { help[0] = "\(declaration.name): " + help[0] }
        options.append((option.synopsis, help))
      }
    }
    options += CommandDeclaration.helpOption + [("--version", ["Show the version."])]
    lines += CommandDeclaration.optionLines(options)
    lines += ["", "Run 'retier <command> --help' for one command's options and an example.", ""]
    lines += CommandDeclaration.closing
    return lines.joined(separator: "\n")
  }
}

/// The words after a command name, sorted into flags, option values and operands.
struct ParsedWords {
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
    command: String, arguments: ArraySlice<String>, accepted: [CommandDeclaration.Option]
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
      let option = accepted.first { $0.name == name }
      if let option, option.value == nil {
        guard attached == nil else { throw .usage("option \(name) takes no value") }
        guard flags.insert(name).inserted else { throw .usage("option \(name) is given twice") }
      } else if option != nil {
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
    guard let text = values["--count"] else { return CommandDeclaration.defaultScheduleCount }
    let maximum = CommandDeclaration.maximumScheduleCount
    guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
      let count = Int(text), (1...maximum).contains(count)
    else {
      throw .usage("--count '\(text)' is not a whole number from 1 to \(maximum)")
    }
    return count
  }
}
