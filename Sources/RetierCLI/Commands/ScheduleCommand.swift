import RetierCore

/// `retier schedule`: the latest due quarter and the next run dates, with which are done.
struct ScheduleCommand {
  /// The shared options (`--quarter` is not accepted).
  var options: CommandOptions
  /// How many upcoming runs to list.
  var count: Int

  /// Runs the command.
  func execute(_ shell: Shell) throws(RetierError) -> ExitStatus {
    let loaded = try options.loadConfiguration(shell)
    let configuration = loaded.configuration
    let calendar = configuration.calendar
    let today = options.today(shell)
    let firstQuarter = configuration.firstQuarter
    var lines = [
      "Today is \(today) (\(today.weekday)). A quarter runs \(configuration.businessDaysAfterQuarterEnd) "
        + "business days after it ends; the fiscal year starts in month "
        + "\(configuration.fiscalYearStartMonth)."
        + (firstQuarter.map { " The first quarter run is \($0.label) (first_quarter)." } ?? "")
    ]
    if let due = configuration.dueQuarter(asOf: today) {
      lines.append(line(due, calendar.runDate(of: due), status: dueStatus(due, loaded)))
    } else {
      lines.append("  " + loaded.nothingDue(asOf: today))
    }
    for run in calendar.upcomingRuns(after: today.adding(days: 1), count: count) {
      let status =
        if loaded.output.isComplete(run.quarter) {
          "done"
        } else if let firstQuarter, run.quarter < firstQuarter {
          "not run: before first_quarter"
        } else {
          "upcoming"
        }
      lines.append(line(run.quarter, run.runDate, status: status))
    }
    shell.console.print(lines)
    return .success
  }

  /// The status of the latest due quarter: done, or due with the state of its drop.
  private func dueStatus(_ quarter: FiscalQuarter, _ loaded: LoadedConfiguration) -> String {
    if loaded.output.isComplete(quarter) { return "done (latest due)" }
    do {
      try DropReader.checkReady(
        folder: loaded.dropFolder(quarter), readyMarker: loaded.configuration.readyMarker)
      return "due: the drop is ready; the next run processes it"
    } catch {
      guard case .dropMissing(_, let reason) = error else { return "due" }
      return "due: waiting for the drop (\(reason))"
    }
  }

  /// One line of the table.
  private func line(
    _ quarter: FiscalQuarter, _ runDate: CalendarDate, status: String
  ) -> String {
    "  \(quarter.label)  runs \(runDate) (\(runDate.weekday.description.prefix(3)))  \(status)"
  }
}
