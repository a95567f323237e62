/// The ARR signal lines of a book (SPEC §3 with the default constants), found from its ARR
/// sorted largest first; the generator uses them to know the score it is generating.
struct ScoreLines {
  /// The smallest ARR that still has fewer than ⌈0.10 × N⌉ accounts strictly above it.
  let topDecileCents: Int64
  /// The smallest ARR that still has fewer than ⌈0.25 × N⌉ accounts strictly above it.
  let topQuartileCents: Int64
  /// Twice the median ARR (the sum of the two middle values when N is even).
  let doubleMedianCents: Int64
  /// 1.10 × the default minimum contract of 5,000.
  let floorCents: Int64 = 550_000

  /// Finds the lines of a non-empty book.
  init(sortedDescending arr: [Int64]) {
    let count = arr.count
    topDecileCents = arr[(count + 9) / 10 - 1]
    topQuartileCents = arr[(count + 3) / 4 - 1]
    doubleMedianCents =
      count % 2 == 0 ? arr[count / 2 - 1] + arr[count / 2] : 2 * arr[count / 2]
  }

  /// The ARR signal, 0...5, of an account with `cents` of ARR and the given quarterly support
  /// hours (in hundredths; each hour costs 4 × 85 = 340 a year).
  func arrScore(cents: Int64, supportHundredths: Int64) -> Int {
    if cents < 340 * supportHundredths {
      return 0
    }
    if cents >= topDecileCents {
      return 5
    }
    if cents >= topQuartileCents {
      return 4
    }
    // arr ≥ 0.8 × median  ⇔  10 × arr ≥ 4 × (2 × median)
    if 10 * cents >= 4 * doubleMedianCents {
      return 3
    }
    return cents <= floorCents ? 1 : 2
  }
}
