import Foundation
import Glibc
import RetierCore

/// `retier compare`: the what-if. Decides the quarter under the config and under an alternative
/// config (and roster), prints the comparison as Markdown and, with `--out`, writes it to a file.
/// Nothing else is written and no lock is taken: it reads what a run reads.
struct CompareCommand {
  /// The shared options (the config, the quarter, today).
  var options: CommandOptions
  /// `--with`: the alternative config file, as typed.
  var alternativePath: String
  /// `--roster`: the alternative roster, as typed.
  var rosterPath: String?
  /// `--out`: where to write the Markdown, as typed.
  var outPath: String?

  /// Runs the command. The two sides are decided one after the other, and only the first
  /// side's summary is kept while the second is decided.
  func execute(_ shell: Shell) throws(RetierError) -> ExitStatus {
    let phases = PhaseLog(shell)
    let loaded = try options.loadConfiguration(shell)
    guard let quarter = options.quarterToRun(loaded.configuration, shell) else {
      shell.console.print(loaded.nothingDue(asOf: options.today(shell)))
      return .success
    }
    let alternativeFile = ConfigLocator.absolute(alternativePath, against: shell.currentDirectory)
    let alternativeBytes: [UInt8]
    do {
      alternativeBytes = try FileReader.read(alternativeFile)
    } catch {
      throw .configUnreadable(path: alternativeFile, reason: error.reason)
    }
    var alternative = loaded
    alternative.path = alternativeFile
    alternative.bytes = alternativeBytes
    alternative.configuration =
      try ConfigFile.load(json: alternativeBytes, path: alternativeFile).configuration
    var roster: (path: String, bytes: [UInt8])?
    if let rosterPath {
      let file = ConfigLocator.absolute(rosterPath, against: shell.currentDirectory)
      do {
        roster = (file, try FileReader.read(file))
      } catch {
        throw .dropMissing(
          path: file, reason: "cannot read the alternative roster: \(error.reason)")
      }
    }
    // The report's path is checked before the two decisions, so a refusal costs nothing.
    let report = try outPath.map { (typed) throws(RetierError) in
      try CompareReport(
        typed, currentDirectory: shell.currentDirectory,
        protectedFolders: [("inbox", loaded.inbox), ("output folder", loaded.output.root)],
        protectedFiles: [("config", loaded.path), ("alternative config", alternativeFile)]
          + (roster.map { [("alternative roster", $0.path)] } ?? []))
    }
    phases.log(
      "config",
      "\(loaded.path) with=\(alternativeFile)" + (roster.map { " roster=\($0.path)" } ?? "")
        + " quarter=\(quarter.label)")

    let labels = Self.labels(
      base: loaded.path, alternative: alternativeFile, roster: roster?.path)
    let base = ComparisonSide(
      try QuarterJob.decide(quarter, loaded, phases, readsPreviousRun: false), label: labels.base,
      keepsDetail: false)
    // The first decision's book is freed by now, but malloc keeps most of its small blocks in
    // the arenas of the threads that parsed it; hand them back before the second decision.
    ProcessMemory.returnFreedMemory()
    let second = ComparisonSide(
      try QuarterJob.decide(
        quarter, alternative, phases, roster: roster?.bytes, readsPreviousRun: false),
      label: labels.alternative)
    let markdown = Comparison(base: base, alternative: second).markdown(quarter: quarter)
    if let report {
      try report.write(markdown)
      shell.console.log("wrote the comparison to \(report.path)")
    }
    // The Markdown ends with a line feed; every other line is printed as it is written.
    var lines = markdown.lines
    if lines.last == "" { lines.removeLast() }
    shell.console.print(lines)
    return .success
  }

  /// The two sides' names: the config files' names, with the roster's after the alternative's;
  /// `config` and `ALT` in front when the names alone are the same.
  static func labels(
    base: String, alternative: String, roster: String?
  ) -> (base: String, alternative: String) {
    let baseName = (base as NSString).lastPathComponent
    var alternativeName = (alternative as NSString).lastPathComponent
    if let roster { alternativeName += " + " + (roster as NSString).lastPathComponent }
    guard baseName != alternativeName else {
      return ("config " + baseName, "ALT " + alternativeName)
    }
    return (baseName, alternativeName)
  }
}
