import RetierCore

/// What the command line asks `retier` to do.
enum Command: Sendable, Hashable {
  /// `retier run`: re-tier a quarter and write its outputs (none with `dryRun`); `force`
  /// re-runs a quarter that is already done, keeping the earlier run renamed.
  case run(CommandOptions, dryRun: Bool, force: Bool)
  /// `retier validate`: check the config and a drop, list every problem.
  case validate(CommandOptions)
  /// `retier explain ACCOUNT_ID`: show how one account was scored and tiered; the phase log
  /// only with `verbose`.
  case explain(accountID: String, CommandOptions, verbose: Bool)
  /// `retier compare --with ALT.json`: decide the quarter under the config and under the
  /// alternative config (with `roster` in place of the drop's `csms.csv` when given) and print
  /// them side by side; `out` also writes the comparison as Markdown.
  case compare(CommandOptions, alternative: String, roster: String?, out: String?)
  /// `retier schedule`: the latest due quarter and the next `count` run dates.
  case schedule(CommandOptions, count: Int)
  /// `retier interim --hot FILE`: re-score the hot accounts listed in `hotFile` under the cut
  /// lines and seats of a completed run (`options.quarter`, else the latest).
  case interim(CommandOptions, hotFile: String)
  /// `retier --help` or `retier help` (`command` nil): every command; `retier <command> --help`
  /// or `retier help <command>`: that command's own help.
  case help(command: String?)
  /// `retier --version`.
  case version
}
