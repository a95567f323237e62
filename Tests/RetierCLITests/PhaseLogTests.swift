import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("Phase log")
struct PhaseLogTests {
  /// A shell whose clock reads each of `ticks` in turn and whose peak memory is `peak`.
  private final class Recorder: @unchecked Sendable {
    var lines: [String] = []
    var ticks: [Int64]

    init(ticks: [Int64]) {
      self.ticks = ticks
    }

    func shell(peak: Int?) -> Shell {
      Shell(
        environment: [:], currentDirectory: "/",
        today: CalendarDate(year: 2026, month: 11, day: 22)!,
        processID: 1, console: Console(output: { _ in }, error: { self.lines.append($0) }),
        fileSystem: DurableFileSystem(), milliseconds: { self.ticks.removeFirst() },
        peakMemoryMiB: { peak })
    }
  }

  @Test("each line has the counts, the milliseconds since the previous line and the peak memory")
  func lines() {
    let recorder = Recorder(ticks: [100, 130, 1_130])
    let phases = PhaseLog(recorder.shell(peak: 812))
    phases.log("read", "files=5")
    phases.log(PhaseReport(phase: .load, counts: "accounts.csv=3"))
    #expect(
      recorder.lines == [
        "retier: read files=5 (30 ms, peak 812 MiB)",
        "retier: load accounts.csv=3 (1000 ms, peak 812 MiB)",
      ])
  }

  @Test("interleaved phases split the elapsed time; no peak where it is unknown")
  func interleaved() {
    let recorder = Recorder(ticks: [0, 2_500])
    let phases = PhaseLog(recorder.shell(peak: nil))
    phases.log(("render", "files=3"), then: ("write", "/out files=3"), milliseconds: 900)
    #expect(
      recorder.lines == ["retier: render files=3 (1600 ms)", "retier: write /out files=3 (900 ms)"])
  }
}
