/// A booking the user wants to place, confirm or move.
public struct BookingRequest: Sendable {
    public var resource: ResourceInfo
    public var interval: Interval
    /// `.hold` to place a pencil, `.confirmed` to book outright or confirm a hold.
    public var status: BookingStatus
    /// The booking being changed (a hold being confirmed, a booking being moved), if any;
    /// it is left out of the clash search and its place in the queue is kept.
    public var existing: BookingSnapshot?

    public init(resource: ResourceInfo, interval: Interval, status: BookingStatus, existing: BookingSnapshot? = nil) {
        self.resource = resource
        self.interval = interval
        self.status = status
        self.existing = existing
    }
}

/// What is around a requested booking: the live bookings and time off that overlap it.
public struct BookingSurroundings: Sendable {
    public var confirmed: [BookingSnapshot]
    public var holds: [BookingSnapshot]
    public var timeOff: [TimeOffPeriod]
    public var openingHours: OpeningHours
    /// Zone of the resource's studio, for messages and opening hours.
    public var zone: LocalTime
    /// The workspace's words for the times in messages (`jeu. 3 déc. 14:00–16:00`).
    public var words: LocaleFormat

    public init(confirmed: [BookingSnapshot], holds: [BookingSnapshot], timeOff: [TimeOffPeriod], openingHours: OpeningHours, zone: LocalTime, words: LocaleFormat) {
        self.confirmed = confirmed
        self.holds = holds
        self.timeOff = timeOff
        self.openingHours = openingHours
        self.zone = zone
        self.words = words
    }
}

/// The two ways to take a live booking out of play.
public enum RetireVerb: String, Sendable {
    /// A hold is released.
    case release
    /// A confirmed booking is cancelled.
    case cancel
}

/// What forcing a confirmation does (rule 2): the holds ranked above are released, with a
/// reason; every other violation (a confirmed clash, banned talent, hard time off) stands.
public struct ForcedOutcome: Equatable, Sendable {
    /// Violations that still refuse the edit.
    public var violations: [RuleViolation]
    /// Public ids of the holds to release.
    public var holdsToRelease: Set<String>
}

/// The booking rules of DESIGN §3: no double booking (1), the hold queue (2),
/// availability (3) and banned talent (4).
public enum BookingRules {
    /// The result of forcing an outcome with `reason` (already trimmed).
    public static func forcing(_ outcome: RuleOutcome, reason: String) -> ForcedOutcome {
        guard !reason.isEmpty else {
            return ForcedOutcome(violations: outcome.violations + [RuleViolation(.reasonRequired, "force-confirm needs a reason (--force REASON)")], holdsToRelease: [])
        }
        guard outcome.violations.allSatisfy({ $0.kind == .holdAbove }) else {
            return ForcedOutcome(violations: outcome.violations, holdsToRelease: [])
        }
        return ForcedOutcome(violations: [], holdsToRelease: Set(outcome.violations.compactMap(\.otherUID)))
    }

    /// Every violation and warning of moving or resizing `booking` to `interval` (rule 3.4).
    ///
    /// A hold keeps its place in the queue. A confirmed booking stands above the holds it
    /// already overlapped; the holds it moves onto were placed before the move, so they
    /// stand above it exactly as they would above a new booking there.
    public static func evaluateMove(_ booking: BookingSnapshot, of resource: ResourceInfo, to interval: Interval, around: BookingSurroundings) -> RuleOutcome {
        var moved = booking
        moved.interval = interval
        guard booking.status == .confirmed else {
            return evaluate(BookingRequest(resource: resource, interval: interval, status: booking.status, existing: moved), around: around)
        }
        var surroundings = around
        surroundings.confirmed = around.confirmed.filter { $0.id != booking.id }
        surroundings.holds = around.holds.filter { !$0.interval.overlaps(booking.interval) }
        return evaluate(BookingRequest(resource: resource, interval: interval, status: .confirmed), around: surroundings)
    }

    /// Warnings about when a booking lies: one that ends before `now` is in the past.
    public static func timing(_ interval: Interval, now: Int64, zone: LocalTime, words: LocaleFormat) -> [RuleWarning] {
        guard interval.end <= now else { return [] }
        return [RuleWarning(.pastTime, "\(words.span(interval, in: zone)) is in the past (it ended before now)")]
    }

    /// Refuses releasing a confirmed booking or cancelling a hold (rule 17): the two verbs
    /// never stand in for each other, so a stale screen cannot turn one into the other.
    public static func retirement(of booking: BookingSnapshot, as verb: RetireVerb) -> [RuleViolation] {
        switch (verb, booking.status) {
        case (.release, .hold), (.cancel, .confirmed): return []
        case (.release, .confirmed):
            return [RuleViolation(.notAHold, "\(booking.uid) is a confirmed booking, not a hold; cancel it instead (slate cancel \(booking.uid))")]
        case (.cancel, .hold):
            return [RuleViolation(.notABooking, "\(booking.uid) is a hold, not a confirmed booking; release it instead (slate release \(booking.uid))")]
        default:
            return [RuleViolation(.transition, "\(booking.uid) is \(booking.status.rawValue); it can no longer be changed")]
        }
    }

    /// Rule 4: banned talent gets no new holds, bookings or casting.
    public static func banned(_ resource: ResourceInfo) -> RuleViolation? {
        resource.banned ? RuleViolation(.bannedTalent, "\(resource.name) is banned: no new holds or bookings") : nil
    }

    /// Every violation and warning of placing `request` among `around`.
    public static func evaluate(_ request: BookingRequest, around: BookingSurroundings) -> RuleOutcome {
        var outcome = RuleOutcome()
        let zone = around.zone
        let name = request.resource.name
        // Formatted only for a message: most requests have none.
        func text(_ interval: Interval) -> String { around.words.span(interval, in: zone) }
        var when: String { text(request.interval) }
        let excluded = request.existing?.id

        if let banned = banned(request.resource) { outcome.violations.append(banned) }
        for period in around.timeOff where period.interval.overlaps(request.interval) {
            let why = period.reason.isEmpty ? "" : " (\(period.reason))"
            let text = "\(name) is off \(text(period.interval))\(why)"
            if period.hard {
                outcome.violations.append(RuleViolation(.hardTimeOff, "\(text); \(when) cannot be booked", otherUID: period.uid))
            } else {
                outcome.warnings.append(RuleWarning(.timeOff, text))
            }
        }
        if !around.openingHours.contains(request.interval, in: zone) {
            outcome.warnings.append(RuleWarning(.outsideOpeningHours, "\(when) is outside the studio's opening hours (\(around.openingHours.text))"))
        }
        guard request.status == .confirmed else { return outcome }

        for other in around.confirmed where other.id != excluded && other.interval.overlaps(request.interval) {
            outcome.violations.append(RuleViolation(
                .doubleBooking,
                "\(name) is already booked \(text(other.interval)) by \(other.holder) (\(other.uid))",
                otherUID: other.uid))
        }
        let me = request.existing ?? BookingSnapshot(id: .max, uid: "", resourceID: request.resource.id, status: .hold,
                                                     interval: request.interval, placedAt: .max, holder: "")
        var probe = me
        probe.interval = request.interval
        for hold in HoldQueue.holdsAbove(probe, among: around.holds) {
            let rank = hold.rank ?? HoldQueue.rank(of: hold, among: around.holds)
            outcome.violations.append(RuleViolation(
                .holdAbove,
                "\(name) has \(HoldQueue.withArticle(rank)) hold \(text(hold.interval)) by \(hold.holder) (\(hold.uid)) ahead of this request; challenge it or force-confirm with a reason",
                otherUID: hold.uid))
        }
        return outcome
    }
}
