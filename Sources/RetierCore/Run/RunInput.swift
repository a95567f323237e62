/// The in-memory inputs of one run; the executable reads them from disk.
package struct RunInput: Sendable {
  /// The quarter to re-tier.
  var quarter: FiscalQuarter
  /// The drop's files.
  var files: DropFiles
  /// The decoded, validated configuration.
  var configuration: Configuration
  /// The config file's bytes, for its checksum.
  var configBytes: [UInt8]
  /// The tool's version, recorded in `run.json`.
  var toolVersion: String

  /// Creates the inputs of a run.
  package init(
    quarter: FiscalQuarter, files: DropFiles, configuration: Configuration, configBytes: [UInt8],
    toolVersion: String = RetierVersion.current
  ) {
    self.quarter = quarter
    self.files = files
    self.configuration = configuration
    self.configBytes = configBytes
    self.toolVersion = toolVersion
  }
}

extension RunInput {
  /// The same inputs with `csms` in place of the drop's roster (`retier compare --roster`).
  package func replacingRoster(with csms: [UInt8]) -> RunInput {
    var input = self
    input.files.csms = csms
    return input
  }
}

/// The tool's version.
package enum RetierVersion {
  /// Semantic version of this build.
  package static let current = "1.0.0"
}
