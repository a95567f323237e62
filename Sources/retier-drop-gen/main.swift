import Foundation

// retier-drop-gen: writes a deterministic quarterly drop (the demo fixture or a benchmark book).
// Exit statuses follow the job's: 0 done, 64 usage, 73 cannot write output.

let options: DropGenOptions
do {
  guard let parsed = try DropGenOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
    print(DropGenOptions.usage)
    exit(0)
  }
  options = parsed
} catch {
  FileHandle.standardError.write(Data("retier-drop-gen: \(error)\n".utf8))
  exit(64)
}

let tables: DropTables
switch options.profile {
case .demo:
  var demo = DemoDrop(seed: options.seed, quarter: options.quarter)
  tables = demo.tables()
case .bench:
  var bench = BenchDrop(
    accountCount: options.accountCount, seed: options.seed, quarter: options.quarter)
  tables = bench.tables()
case .fourTier:
  var book = BenchDrop(
    accountCount: options.accountCount, seed: options.seed, quarter: options.quarter,
    ladder: .fourTier)
  tables = book.tables()
}

do {
  try tables.write(to: options.outputPath)
} catch {
  FileHandle.standardError.write(Data("retier-drop-gen: \(error)\n".utf8))
  exit(73)
}
print(
  "retier-drop-gen: wrote \(options.profile.rawValue) drop for \(options.quarter) "
    + "(\(options.accountCount) valid accounts, seed \(options.seed)) to \(options.outputPath)")
