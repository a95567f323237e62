/// Support hours as the generators spell them, in hundredths of an hour.
enum SupportLoad {
  /// A typical quarter's support hours for an account: about 8.5% of its ARR at 340 a year per
  /// hour (4 × the default hour cost of 85), in quarter hours, so the margin stays positive.
  static func typicalHundredths(arrCents: Int64, random: inout DropRandom) -> Int64 {
    let hundredths = arrCents / 4000 * Int64(random.integer(in: 50...150)) / 100
    return hundredths - hundredths % 25
  }

  /// Hours whose yearly cost (340 each) exceeds `arrCents`: a negative margin, ARR signal 0.
  static func excessiveHundredths(arrCents: Int64, extraHours: Int64) -> Int64 {
    (arrCents / 34_000 + extraHours) * 100
  }
}
