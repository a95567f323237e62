import Foundation
import RetierCLI

exit(
  RetierCommandLine.main(
    arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment))
