/// The queue of holds (pencils) on one resource.
///
/// A hold's rank is 1 + the number of live holds of the same resource that overlap it
/// and were placed before it. Ranks are derived, so releasing a hold moves the ones
/// behind it up (auto-promotion) simply by computing again.
public enum HoldQueue {
    /// The rank `hold` has among `holds` (other live holds of the same resource; the
    /// hold itself may be in the list and is ignored).
    public static func rank(of hold: BookingSnapshot, among holds: [BookingSnapshot]) -> Int {
        1 + holds.filter { $0.id != hold.id && $0.status == .hold && $0.interval.overlaps(hold.interval) && $0.isPlaced(before: hold) }.count
    }

    /// The live holds overlapping `booking` that stand above it in the queue.
    public static func holdsAbove(_ booking: BookingSnapshot, among holds: [BookingSnapshot]) -> [BookingSnapshot] {
        holds.filter { $0.id != booking.id && $0.status == .hold && $0.interval.overlaps(booking.interval) && $0.isPlaced(before: booking) }
            .sorted { $0.isPlaced(before: $1) }
    }

    /// Ranks of every hold in `holds` (all of one resource), keyed by booking id.
    public static func ranks(of holds: [BookingSnapshot]) -> [Int64: Int] {
        let live = holds.filter { $0.status == .hold }
        var result: [Int64: Int] = [:]
        for hold in live { result[hold.id] = rank(of: hold, among: live) }
        return result
    }

    /// The rank a hold placed now would take among the live holds it overlaps (it is
    /// placed last), and when it expires: `firstDays` for a 1st hold, `otherDays` for
    /// the others, unless `expires` (which must be in the future) is given.
    public static func placement(overlapping holds: [BookingSnapshot], now: Int64, firstDays: Int64, otherDays: Int64, expires: Int64? = nil) throws -> (rank: Int, expiresAt: Int64) {
        let rank = holds.filter { $0.status == .hold }.count + 1
        let expiry = expires ?? now + (rank == 1 ? firstDays : otherDays) * 86_400
        guard expiry > now else { throw SlateError.invalidInput("the hold's expiry must be in the future") }
        return (rank, expiry)
    }

    /// "a 1st", "an 8th", "an 11th", "an 18th", "an 81st": the article as the number is said.
    public static func withArticle(_ rank: Int) -> String {
        var lead = rank
        while lead >= 1000 { lead /= 1000 }
        let vowel = lead == 11 || lead == 18 || String(rank).hasPrefix("8")
        return (vowel ? "an " : "a ") + ordinal(rank)
    }

    /// "1st", "2nd", "3rd", "4th" ...
    public static func ordinal(_ rank: Int) -> String {
        let suffix: String
        switch (rank % 10, rank % 100) {
        case (1, let h) where h != 11: suffix = "st"
        case (2, let h) where h != 12: suffix = "nd"
        case (3, let h) where h != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(rank)\(suffix)"
    }
}
