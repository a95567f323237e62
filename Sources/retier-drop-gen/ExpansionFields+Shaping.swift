extension ExpansionFields {
  /// Fields that give exactly `score` under the SPEC §3 expansion rules for an account with
  /// `arrCents` of ARR.
  ///
  /// - Parameters:
  ///   - score: the wanted expansion signal, 0...5.
  ///   - arrCents: the account's ARR in cents (non-negative).
  ///   - usageKnown: false when the account has no usage row; scores 1 and the seat-cap 3 need
  ///     usage, so they are only produced when it is known.
  ///   - random: the drop's random generator.
  static func shaped(
    score: Int, arrCents: Int64, usageKnown: Bool, random: inout DropRandom
  ) -> ExpansionFields {
    var fields = ExpansionFields(
      ceilingCents: nil, multiBU: nil, sponsor: random.chance(1, in: 3) ? .blank : .active,
      licensedSeats: nil, activeUsers: nil, activeUsersPreviousQuarter: nil)
    if usageKnown {
      fields.setSteadyUsage(arrCents: arrCents, random: &random)
    }
    switch score {
    case 0:
      fields.sponsor = .lost
      fields.ceilingCents = random.chance(1, in: 2) ? roundedUp(arrCents * 3 / 2) : nil
      if usageKnown && random.chance(1, in: 3) {
        fields.makeDeclining(random: &random)
      }
    case 1:
      precondition(usageKnown, "declining usage needs a usage row")
      fields.makeDeclining(random: &random)
      // A large ceiling shows that declining usage wins over expansion room.
      fields.ceilingCents = random.chance(1, in: 2) ? roundedUp(arrCents * 3) : nil
    case 5:
      fields.multiBU = true
      let room = Int64(random.integer(in: 0...20)) * 10_000_000
      fields.ceilingCents = roundedUp(arrCents + multiBURoomCents + room + arrCents)
    case 4:
      let extra = Int64(random.integer(in: 0...100)) * arrCents / 100
      fields.setCeiling(roundedUp(2 * arrCents + extra), arrCents: arrCents, random: &random)
    case 3:
      let modestLow = (6 * arrCents + 4) / 5
      let knownCeiling = arrCents > 0 && (!usageKnown || random.chance(3, in: 5))
      if knownCeiling {
        let span = 2 * arrCents - modestLow
        let ceiling = modestLow + Int64(random.below(Int(span / 100) + 1)) * 100
        fields.setCeiling(min(ceiling, 2 * arrCents - 1), arrCents: arrCents, random: &random)
      } else {
        precondition(usageKnown, "a seat-cap expansion score needs a usage row")
        fields.makeNearSeatCap(random: &random)
      }
    default:
      let knownCeiling = arrCents > 0 && (!usageKnown || random.chance(1, in: 2))
      if knownCeiling {
        let span = Int((6 * arrCents + 4) / 5 - arrCents)
        let ceiling = arrCents + Int64(random.below(max(span, 1)))
        fields.setCeiling(ceiling - ceiling % 100, arrCents: arrCents, random: &random)
      } else if usageKnown {
        fields.makeRoomUnderSeatCap(random: &random)
      }
    }
    return fields
  }

  /// `expansion_ceiling_arr − arr` at and above which a multi-BU account scores 5 (500,000).
  static let multiBURoomCents: Int64 = 50_000_000

  /// Sets a known ceiling and a `multi_bu` value that cannot lift the score to 5.
  private mutating func setCeiling(_ cents: Int64, arrCents: Int64, random: inout DropRandom) {
    ceilingCents = cents
    if cents - arrCents >= Self.multiBURoomCents {
      multiBU = random.chance(1, in: 2) ? false : nil
    } else {
      multiBU = random.element(of: [true, false, nil])
    }
  }

  /// Seats roughly in line with ARR, most in use, and usage not declining
  /// (`active_users ≥ 0.90 × active_users_prev_quarter`).
  private mutating func setSteadyUsage(arrCents: Int64, random: inout DropRandom) {
    let seats = max(5, Int(arrCents / 90_000) * random.integer(in: 70...130) / 100)
    let active = seats * random.integer(in: 40...88) / 100
    licensedSeats = random.chance(1, in: 25) ? nil : seats
    activeUsers = active
    if random.chance(1, in: 10) {
      activeUsersPreviousQuarter = nil
    } else {
      let highestSteady = 10 * active / 9
      activeUsersPreviousQuarter = random.integer(in: (active * 8 / 10)...highestSteady)
    }
  }

  /// Usage that fell below 90% of last quarter's.
  private mutating func makeDeclining(random: inout DropRandom) {
    let previous = max(10, activeUsers ?? 10)
    let highestDeclined = (9 * previous - 1) / 10
    activeUsersPreviousQuarter = previous
    activeUsers = random.integer(in: (previous / 2)...highestDeclined)
  }

  /// An unknown ceiling with at least 90% of licensed seats in use.
  private mutating func makeNearSeatCap(random: inout DropRandom) {
    ceilingCents = nil
    let seats = max(10, licensedSeats ?? activeUsers ?? 10)
    let lowestNearCap = (9 * seats + 9) / 10
    let active = random.integer(in: lowestNearCap...seats)
    licensedSeats = seats
    activeUsers = active
    if activeUsersPreviousQuarter != nil {
      activeUsersPreviousQuarter = random.integer(in: (active * 9 / 10)...(10 * active / 9))
    }
  }

  /// An unknown ceiling with clear room under the seat count (or no seat count at all).
  private mutating func makeRoomUnderSeatCap(random: inout DropRandom) {
    ceilingCents = nil
    guard let seats = licensedSeats, seats > 0 else { return }
    let highestRoomy = (9 * seats - 1) / 10
    let active = min(activeUsers ?? 0, highestRoomy)
    activeUsers = active
    if let previous = activeUsersPreviousQuarter, 10 * active < 9 * previous {
      activeUsersPreviousQuarter = 10 * active / 9
    }
  }

  /// Rounds a ceiling up to whole thousands of dollars, as account teams write them.
  private static func roundedUp(_ cents: Int64) -> Int64 {
    (cents + 99_999) / 100_000 * 100_000
  }
}
