import RetierCore

/// The command line of `retier-drop-gen`.
struct DropGenOptions {
  /// Which kind of drop to generate.
  enum Profile: String {
    /// The hand-tuned demo book that exercises every rule of the contract.
    case demo
    /// A large, roughly realistic book for timing runs.
    case bench
    /// A four-tier company's book for `config/four-tier.json` (Strategic / Enterprise named,
    /// Mid-Market / SMB pooled): the bench generator on that ladder and roster.
    case fourTier = "four-tier"
  }

  /// The number of valid accounts the demo profile is tuned for.
  static let demoAccountCount = 600

  /// The seed used when `--seed` is not given.
  static let defaultSeed: UInt64 = 2026

  /// The usage text printed by `--help`.
  static let usage = """
    usage: retier-drop-gen --profile demo|bench|four-tier --out DIR [--accounts N] [--seed S] \
    [--quarter 2026-Q3]

    Writes DIR/{accounts,arr,usage,overrides,csms}.csv and then the empty DIR/READY marker.
    The same arguments always give byte-identical files.

      --profile   demo: the 600-account book of fixtures/inbox (every rule exercised);
                  bench: N accounts with skewed ARR, for timing runs.
      --accounts  number of VALID accounts; rejected rows are added on top
                  (demo: 600 only; bench: required).
      --seed      64-bit seed (default 2026).
      --quarter   the quarter the drop is for (default 2026-Q3); new-logo dates and override
                  expiry dates are placed relative to it.
    """

  /// The chosen profile.
  var profile: Profile
  /// The number of valid accounts to generate.
  var accountCount: Int
  /// The seed of the random generator.
  var seed: UInt64
  /// The folder the drop is written to.
  var outputPath: String
  /// The quarter the drop is for.
  var quarter: FiscalQuarter

  /// Parses the arguments after the program name; returns `nil` when help was asked for.
  static func parse(_ arguments: [String]) throws(DropGenError) -> DropGenOptions? {
    var values: [String: String] = [:]
    var index = 0
    while index < arguments.count {
      let option = arguments[index]
      if option == "--help" || option == "-h" {
        return nil
      }
      guard ["--profile", "--accounts", "--seed", "--out", "--quarter"].contains(option) else {
        throw .unknownOption(option)
      }
      guard index + 1 < arguments.count else {
        throw .missingValue(option: option)
      }
      values[option] = arguments[index + 1]
      index += 2
    }
    return try DropGenOptions(values: values)
  }

  private init(values: [String: String]) throws(DropGenError) {
    guard let profileText = values["--profile"] else {
      throw .missingOption("--profile")
    }
    guard let profile = Profile(rawValue: profileText) else {
      throw .invalidValue(
        option: "--profile", value: profileText, expected: "demo, bench or four-tier")
    }
    guard let outputPath = values["--out"], !outputPath.isEmpty else {
      throw .missingOption("--out")
    }
    self.profile = profile
    self.outputPath = outputPath
    quarter = try FiscalQuarter(parsing: values["--quarter"] ?? "2026-Q3")
    seed = Self.defaultSeed
    if let seedText = values["--seed"] {
      guard let seed = UInt64(seedText) else {
        throw .invalidValue(option: "--seed", value: seedText, expected: "an unsigned integer")
      }
      self.seed = seed
    }
    switch (profile, values["--accounts"]) {
    case (.demo, nil):
      accountCount = Self.demoAccountCount
    case (.demo, let text?):
      // The demo's cap line, deciles and tier counts are tuned for exactly this book size.
      guard Int(text) == Self.demoAccountCount else {
        throw .invalidValue(
          option: "--accounts", value: text, expected: "\(Self.demoAccountCount) for --profile demo"
        )
      }
      accountCount = Self.demoAccountCount
    case (.bench, nil), (.fourTier, nil):
      throw .missingOption("--accounts")
    case (.bench, let text?), (.fourTier, let text?):
      guard let count = Int(text), (1...50_000_000).contains(count) else {
        throw .invalidValue(option: "--accounts", value: text, expected: "1...50000000")
      }
      accountCount = count
    }
  }
}
