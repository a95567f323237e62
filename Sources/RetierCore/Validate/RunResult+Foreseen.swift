extension RunResult {
  /// What the run will report that a person should know before it runs, for `retier validate`:
  /// named tiers with no active CSM, tiers short of CSMs (with the accounts the run will leave
  /// unassigned), and the overrides the run will ignore, with why. Sorted by file and line.
  package var foreseenWarnings: [Diagnostic] {
    var warnings: [Diagnostic] = []
    for row in owners.capacity {
      let definition = configuration.tier(row.tier)
      let tier = "Tier \(row.tier) (\(definition.name))"
      let unassigned =
        row.unassigned > 0
        ? "; the run will leave \(row.unassigned) of its accounts unassigned "
          + "(capacity_shortfall)" : ""
      if definition.coverage == .named, row.activeCSMs == 0 {
        warnings.append(
          Diagnostic(
            .warning, file: DropFiles.Name.csms,
            message: "\(tier) has named coverage but no active CSM"
              + (row.csmsShort > 0 ? ", \(row.csmsShort) CSM(s) short" : "") + unassigned))
      } else if row.csmsShort > 0 {
        let needed = row.activeCSMs + row.csmsShort
        warnings.append(
          Diagnostic(
            .warning, file: DropFiles.Name.csms,
            message: "\(tier) is \(row.csmsShort) CSM(s) short: \(row.accounts) accounts at "
              + "\(definition.capacity) per CSM need \(needed), \(row.activeCSMs) active"
              + unassigned))
      }
    }
    warnings += tiering.ignoredOverrides.map { ignored in
      Diagnostic(
        .warning, file: DropFiles.Name.overrides, line: ignored.row.line,
        message: "override for account '\(ignored.row.accountID)' will be ignored: "
          + ignored.reason)
    }
    warnings += owners.warnings
    return warnings.sorted()
  }
}
