// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "retier",
  products: [
    .executable(name: "retier", targets: ["retier"])
  ],
  targets: [
    // All rules, in memory: no clock, no environment, no file system.
    .target(name: "RetierCore", dependencies: ["CSHA256"]),
    // SHA-256's compression on the CPU's SHA extensions (x86-64), which Swift cannot reach;
    // `SHA256` falls back to its portable Swift compression without them.
    .target(name: "CSHA256"),
    // The I/O shell: files, lock, clock, environment, exit statuses.
    .target(name: "RetierCLI", dependencies: ["RetierCore"]),
    .executableTarget(name: "retier", dependencies: ["RetierCLI"]),
    // Deterministic generator of demo and benchmark drops.
    .executableTarget(name: "retier-drop-gen", dependencies: ["RetierCore"]),
    // Helpers both test targets share (the seeded generator); no product depends on it.
    .target(name: "RetierTestSupport", path: "Tests/RetierTestSupport"),
    // Its config tests read whole config files through RetierCLI's `ConfigFile`.
    .testTarget(
      name: "RetierCoreTests", dependencies: ["RetierCore", "RetierCLI", "RetierTestSupport"]),
    .testTarget(
      name: "RetierCLITests", dependencies: ["RetierCLI", "RetierCore", "RetierTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
