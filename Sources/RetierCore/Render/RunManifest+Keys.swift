extension RunManifest {
  /// The members of `run.json` that the next run reads back, named once for the writer
  /// (``RunManifest``) and the reader (``PreviousRunManifest``) so the two cannot drift.
  enum Key: String, CaseIterable, Sendable {
    case tool
    case schemaVersion = "schema_version"
    case version
    case quarter
    case runDate = "run_date"
    case currency
    case config
    case inputs
    case previousRun = "previous_run"
    case outputs
    case counts
    case tiers
    case cutLines = "cut_lines"
    case tierLines = "tier_lines"
    case pathBack = "path_back"
  }

  /// The members of an `outputs` (and `inputs`) entry.
  enum FileKey: String, Sendable {
    case file
    case bytes
    case rows
    case sha256
  }

  /// The members of `previous_run` (schema 3): which run this one compared with, and whether
  /// it passed verification (SPEC §8).
  enum PreviousRunKey: String, Sendable {
    case quarter
    case verified
    case file
    case problem
  }

  /// The members of `cut_lines`.
  enum CutLinesKey: String, Sendable {
    case accounts
    case medianARR = "median_arr"
    case topDecileRank = "top_decile_rank"
    case topQuartileRank = "top_quartile_rank"
    case topDecileARR = "top_decile_arr"
    case topQuartileARR = "top_quartile_arr"
    case healthyARR = "healthy_arr"
    case floorARR = "floor_arr"
  }

  /// The members of a `tier_lines` entry.
  enum TierLineKey: String, Sendable {
    case tier
    case minScore = "min_score"
    case seats
    case seated
    case overridesSeated = "overrides_seated"
  }

  /// The members of a `path_back` entry and of its `bar`, `arr` and `expansion` objects.
  enum PathBackKey: String, Sendable {
    case accountID = "account_id"
    case fromTier = "from_tier"
    case toTier = "to_tier"
    case reason
    case total
    case bar
    case strict
    case arr
    case atLeast = "at_least"
    case arrScore = "arr_score"
    case expansion
    case expansionScore = "expansion_score"
    case ceilingAtLeast = "ceiling_at_least"
    case multiBU = "multi_bu"
    case unblock
  }
}
