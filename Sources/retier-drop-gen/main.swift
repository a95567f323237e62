import Foundation

// retier-drop-gen: writes a deterministic quarterly drop (the demo fixture or a benchmark book).
// Exit statuses follow the job's: 0 done, 64 usage, 73 cannot write output.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == HashThroughput.option {
  print(HashThroughput.report(runs: arguments.count > 1 ? max(1, Int(arguments[1]) ?? 7) : 7))
  exit(0)
}

let options: DropGenOptions
do {
  guard let parsed = try DropGenOptions.parse(arguments) else {
    print(DropGenOptions.usage)
    exit(0)
  }
  options = parsed
} catch {
  FileHandle.standardError.write(Data("retier-drop-gen: \(error)\n".utf8))
  exit(64)
}

do {
  // The files are written while they are built, so a large book never sits in memory whole.
  let output = try DropOutput(creatingFilesIn: options.outputPath)
  let tables: DropTables
  switch options.profile {
  case .demo:
    var demo = DemoDrop(seed: options.seed, quarter: options.quarter)
    tables = demo.tables(writingTo: output)
  case .bench:
    var bench = BenchDrop(
      accountCount: options.accountCount, seed: options.seed, quarter: options.quarter)
    tables = bench.tables(writingTo: output)
  case .fourTier:
    var book = BenchDrop(
      accountCount: options.accountCount, seed: options.seed, quarter: options.quarter,
      ladder: .fourTier)
    tables = book.tables(writingTo: output)
  }
  try tables.finish()
} catch {
  FileHandle.standardError.write(Data("retier-drop-gen: \(error)\n".utf8))
  exit(73)
}
print(
  "retier-drop-gen: wrote \(options.profile.rawValue) drop for \(options.quarter) "
    + "(\(options.accountCount) valid accounts, seed \(options.seed)) to \(options.outputPath)")
