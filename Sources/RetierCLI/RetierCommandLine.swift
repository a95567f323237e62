import Foundation
import Glibc
import RetierCore

/// The entry point of the `retier` executable: parses the command line, runs the command and
/// turns every error into its exit status (through ``ExitStatus/init(_:)``, the one mapping).
package enum RetierCommandLine {
  /// Runs `retier` in this process: `arguments` is the full argument vector (program name
  /// first). Reads the real date, working directory and process id here, once.
  package static func main(arguments: [String], environment: [String: String]) -> Int32 {
    ProcessMemory.keepLargeBlocksMapped()
    let clock = ContinuousClock()
    let start = clock.now
    let shell = Shell(
      environment: environment, currentDirectory: FileManager.default.currentDirectoryPath,
      today: SystemClock.today(), processID: getpid(), console: .standardStreams(),
      fileSystem: DurableFileSystem(),
      milliseconds: {
        let (seconds, attoseconds) = start.duration(to: clock.now).components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
      },
      peakMemoryMiB: {
        // Linux reports `ru_maxrss` in KiB.
        var usage = rusage()
        return getrusage(RUSAGE_SELF.rawValue, &usage) == 0 ? usage.ru_maxrss / 1024 : nil
      })
    return run(arguments: Array(arguments.dropFirst()), shell: shell)
  }

  /// Runs `retier` with `arguments` (program name excluded) against `shell`; returns the exit
  /// status.
  static func run(arguments: [String], shell: Shell) -> Int32 {
    do {
      return try execute(try CommandLineArguments.parse(arguments), shell).rawValue
    } catch {
      shell.console.log(error.lines)
      if case .usage = error {
        shell.console.printError(CommandLineArguments.usage.lines)
        shell.console.printError(["Run 'retier --help' or 'retier <command> --help' for more."])
      }
      return ExitStatus(error).rawValue
    }
  }

  /// Runs one parsed command.
  private static func execute(_ command: Command, _ shell: Shell) throws(RetierError) -> ExitStatus
  {
    switch command {
    case .run(let options, let dryRun, let force):
      return try RunCommand(options: options, dryRun: dryRun, force: force).execute(shell)
    case .validate(let options):
      return try ValidateCommand(options: options).execute(shell)
    case .explain(let accountID, let options, let verbose):
      return try ExplainCommand(accountID: accountID, options: options, verbose: verbose)
        .execute(shell)
    case .compare(let options, let alternative, let roster, let out):
      return try CompareCommand(
        options: options, alternativePath: alternative, rosterPath: roster, outPath: out
      )
      .execute(shell)
    case .schedule(let options, let count):
      return try ScheduleCommand(options: options, count: count).execute(shell)
    case .interim(let options, let hotFile):
      return try InterimCommand(options: options, hotFile: hotFile).execute(shell)
    case .help(let command):
      let help = command.flatMap(CommandDeclaration.named)?.help ?? CommandLineArguments.help
      shell.console.print(help.lines)
      return .success
    case .version:
      shell.console.print("retier \(RetierVersion.current)")
      return .success
    }
  }
}
