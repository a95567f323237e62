import RetierCore
import Testing

@testable import RetierCLI

@Suite("Command line arguments")
struct CommandLineArgumentsTests {
  private static let q3 = FiscalQuarter(label: "2026-Q3")!
  private static let day = CalendarDate(year: 2026, month: 10, day: 20)!

  @Test(
    "Commands and options parse into a Command",
    arguments: [
      (["run"], Command.run(CommandOptions(), dryRun: false, force: false)),
      (
        ["run", "--config", "c.json", "--quarter", "2026-Q3", "--as-of", "2026-10-20"],
        .run(
          CommandOptions(configPath: "c.json", quarter: q3, asOf: day), dryRun: false, force: false)
      ),
      (
        [
          "run", "--config=c.json", "--quarter=2026-Q3", "--as-of=2026-10-20", "--dry-run",
          "--force",
        ],
        .run(
          CommandOptions(configPath: "c.json", quarter: q3, asOf: day), dryRun: true, force: true)
      ),
      (["run", "--force", "--dry-run"], .run(CommandOptions(), dryRun: true, force: true)),
      (["validate", "--quarter", "2026-Q3"], .validate(CommandOptions(quarter: q3))),
      (["explain", "ACC-1"], .explain(accountID: "ACC-1", CommandOptions(), verbose: false)),
      (
        ["explain", "ACC-1", "--verbose"],
        .explain(accountID: "ACC-1", CommandOptions(), verbose: true)
      ),
      (
        ["explain", "--as-of", "2026-10-20", "ACC-1"],
        .explain(accountID: "ACC-1", CommandOptions(asOf: day), verbose: false)
      ),
      (
        ["explain", "--", "-odd-id"],
        .explain(accountID: "-odd-id", CommandOptions(), verbose: false)
      ),
      (
        ["compare", "--with", "alt.json", "--quarter", "2026-Q3"],
        .compare(CommandOptions(quarter: q3), alternative: "alt.json", roster: nil, out: nil)
      ),
      (
        ["compare", "--with=alt.json", "--roster", "r.csv", "--out", "w.md"],
        .compare(CommandOptions(), alternative: "alt.json", roster: "r.csv", out: "w.md")
      ),
      (["schedule"], .schedule(CommandOptions(), count: 4)),
      (
        ["schedule", "--count", "8", "--as-of=2026-10-20"],
        .schedule(CommandOptions(asOf: day), count: 8)
      ),
      (["--help"], .help(command: nil)),
      (["-h"], .help(command: nil)),
      (["help"], .help(command: nil)),
      (["help", "compare"], .help(command: "compare")),
      (["run", "--help"], .help(command: "run")),
      (["explain", "-h"], .help(command: "explain")),
      (["interim", "--hot", "h.csv", "--help"], .help(command: "interim")),
      (["--version"], .version),
    ])
  func parses(arguments: [String], expected: Command) throws {
    #expect(try CommandLineArguments.parse(arguments) == expected)
  }

  @Test(
    "Mistakes are usage errors with a one-line message",
    arguments: [
      ([], "no command given"),
      (["frobnicate"], "unknown command 'frobnicate'"),
      (["--verbose"], "unknown option '--verbose' before the command"),
      (["--version", "run"], "--version takes no arguments"),
      (["run", "--verbose"], "unknown option '--verbose' for 'retier run'"),
      (["run", "-q"], "unknown option '-q' for 'retier run'"),
      (["validate", "--force"], "unknown option '--force' for 'retier validate'"),
      (["schedule", "--quarter", "2026-Q3"], "unknown option '--quarter' for 'retier schedule'"),
      (["run", "--count", "3"], "unknown option '--count' for 'retier run'"),
      (["run", "--config"], "option --config needs a value"),
      (["run", "--config", "--force"], "option --config needs a value"),
      (["run", "--config="], "option --config needs a file path"),
      (
        ["run", "--quarter", "2026-Q5"],
        "--quarter '2026-Q5' is not a quarter YYYY-Qn, e.g. 2026-Q3"
      ),
      (
        ["run", "--quarter", "2026-q3"],
        "--quarter '2026-q3' is not a quarter YYYY-Qn, e.g. 2026-Q3"
      ),
      (["run", "--as-of", "2026-02-30"], "--as-of '2026-02-30' is not a date YYYY-MM-DD"),
      (["run", "--as-of=yesterday"], "--as-of 'yesterday' is not a date YYYY-MM-DD"),
      (["run", "--dry-run=yes"], "option --dry-run takes no value"),
      (["run", "--force", "--force"], "option --force is given twice"),
      (["run", "--quarter", "2026-Q3", "--quarter=2026-Q4"], "option --quarter is given twice"),
      (["run", "2026-Q3"], "unexpected argument '2026-Q3' for 'retier run'"),
      (["explain"], "retier explain needs ACCOUNT_ID"),
      (["compare"], "retier compare needs --with ALT.json"),
      (["compare", "--with="], "option --with needs a file path"),
      (
        ["compare", "--with", "a.json", "--count", "2"],
        "unknown option '--count' for 'retier compare'"
      ),
      (["explain", "A", "B"], "unexpected argument 'B' for 'retier explain'"),
      (["explain", ""], "ACCOUNT_ID is empty"),
      (["schedule", "--count", "0"], "--count '0' is not a whole number from 1 to 100"),
      (["schedule", "--count", "-2"], "--count '-2' is not a whole number from 1 to 100"),
      (["schedule", "--count=+3"], "--count '+3' is not a whole number from 1 to 100"),
      (["schedule", "--count", "101"], "--count '101' is not a whole number from 1 to 100"),
    ])
  func rejects(arguments: [String], message: String) {
    #expect(throws: RetierError.usage(message)) {
      try CommandLineArguments.parse(arguments)
    }
  }

  @Test("Every usage error exits 64")
  func usageExitStatus() throws {
    let error = try #require(throws: RetierError.self) {
      try CommandLineArguments.parse(["run", "--nope"])
    }
    #expect(ExitStatus(error) == .usage)
  }

  @Test("Every declared option is in the synopsis, the global help and its command's help")
  func helpNamesEveryOption() {
    for declaration in CommandDeclaration.all {
      #expect(CommandLineArguments.usage.contains(declaration.synopsis))
      #expect(CommandLineArguments.help.contains("  \(declaration.name) "))
      for option in declaration.options {
        #expect(CommandLineArguments.help.contains(option.synopsis), "help lacks \(option.name)")
        #expect(
          declaration.help.contains("  \(option.synopsis)"),
          "\(declaration.name) lacks \(option.name)")
      }
    }
  }

  @Test("An option of another command is refused by name", arguments: CommandDeclaration.all)
  func othersOptionsRefused(declaration: CommandDeclaration) {
    let own = Set(declaration.options.map(\.name))
    let others = CommandDeclaration.all.flatMap(\.options).filter { !own.contains($0.name) }
    for option in others {
      #expect(
        throws: RetierError.usage(
          "unknown option '\(option.name)' for 'retier \(declaration.name)'")
      ) {
        try CommandLineArguments.parse(
          [declaration.name] + declaration.operands + [option.name, "x"])
      }
    }
  }

}
