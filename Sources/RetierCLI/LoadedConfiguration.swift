import RetierCore

/// A configuration as found on disk, with its folders resolved.
struct LoadedConfiguration {
  /// The config file's absolute path.
  var path: String
  /// Its bytes (their checksum goes into `run.json`).
  var bytes: [UInt8]
  /// The decoded, validated configuration.
  var configuration: Configuration
  /// The inbox folder, absolute: relative paths are resolved against the config file's folder.
  var inbox: String
  /// The output folder, absolute, resolved the same way.
  var output: OutputLayout

  /// The drop folder of a quarter.
  func dropFolder(_ quarter: FiscalQuarter) -> String { inbox + "/" + quarter.label }

  /// The one line said when no quarter is due yet (before `first_quarter`'s run date): when the
  /// first run is and which drop it expects.
  func nothingDue(asOf today: CalendarDate) -> String {
    let first = configuration.firstRun(after: today)
    let start = configuration.firstQuarter.map { " (first_quarter \($0.label))" } ?? ""
    return "no quarter is due yet\(start): the first run is \(first.quarter.label) on "
      + "\(first.runDate), from the drop \(dropFolder(first.quarter))/"
  }
}
