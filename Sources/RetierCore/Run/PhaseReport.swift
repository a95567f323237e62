/// The phases of a run, in order: load → validate → score → tier → assign → render.
package enum Phase: String, Sendable, CaseIterable {
  case load
  case validate
  case score
  case tier
  case assign
  case render
}

/// What one phase did, for the one log line per phase (the executable adds the elapsed time).
package struct PhaseReport: Sendable, Hashable {
  /// The phase that finished.
  package var phase: Phase
  /// Counts, e.g. `accounts=604 arr_lines=713`.
  package var counts: String
}
