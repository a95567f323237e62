/// The raw bytes of one quarter's drop, as the executable read them from `<inbox>/<QUARTER>/`.
package struct DropFiles: Sendable {
  /// `accounts.csv`, the CRM export: the account universe.
  var accounts: [UInt8]
  /// `arr.csv`, billing lines.
  var arr: [UInt8]
  /// `usage.csv`, product analytics.
  var usage: [UInt8]
  /// `csms.csv`, the CSM roster.
  var csms: [UInt8]
  /// `overrides.csv`, approved exceptions; `nil` when the drop has none.
  var overrides: [UInt8]?

  /// Creates a drop from file contents.
  package init(accounts: [UInt8], arr: [UInt8], usage: [UInt8], csms: [UInt8], overrides: [UInt8]?)
  {
    self.accounts = accounts
    self.arr = arr
    self.usage = usage
    self.csms = csms
    self.overrides = overrides
  }

  /// File names of the drop, as they appear in diagnostics and outputs.
  package enum Name {
    package static let accounts = "accounts.csv"
    package static let arr = "arr.csv"
    package static let usage = "usage.csv"
    package static let csms = "csms.csv"
    package static let overrides = "overrides.csv"
    /// The files a drop must hold.
    package static let required = [accounts, arr, usage, csms]
    /// The files a drop may hold.
    static let optional = [overrides]
  }

  /// Every file present, by name, in name order (for checksums and row counts).
  package var namedFiles: [(name: String, bytes: [UInt8])] {
    var files: [(name: String, bytes: [UInt8])] = [
      (Name.accounts, accounts), (Name.arr, arr), (Name.csms, csms), (Name.usage, usage),
    ]
    if let overrides { files.append((Name.overrides, overrides)) }
    return files.sorted { $0.name < $1.name }
  }
}
