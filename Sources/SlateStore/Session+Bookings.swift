import Foundation
import GRDB
import SlateCore

/// A booking as front ends show it.
public struct BookingView: ReadModel, Equatable {
    public var uid: String
    public var resourceUID: String
    public var resourceName: String
    public var resourceKind: String
    public var studioUID: String
    /// IANA zone of the resource's studio: the zone its times are typed and shown in.
    public var timeZone: String
    public var status: BookingStatus
    public var start: Int64
    public var end: Int64
    public var rank: Int?
    public var expiresAt: Int64?
    public var challengeDeadline: Int64?
    public var holder: String
    public var showUID: String?
    public var showTitle: String?
    /// The client of the show, when the booking is for one.
    public var clientName: String?
    public var note: String
    public var version: Int
    /// The phase the booking assigns the resource to: "Recording (Album: Low Tide)".
    public var phase: String? = nil
    /// The series the booking is an occurrence of: its id and how it repeats (`rc-… weekly MO,WE`).
    public var series: String? = nil
    /// The workspace's locale, which writes the times people read (`jeu. 3 déc. 14:00–16:00`).
    public var locale = "en_US"

    private enum CodingKeys: String, CodingKey {
        case uid, resourceUID, resourceName, resourceKind, studioUID, timeZone, status, start, end, rank, expiresAt, challengeDeadline
        case holder, showUID, showTitle, clientName, note, version, phase
    }

    /// JSON: snake_case keys; times as `{"local": ISO with offset, "epoch": …}` in the studio's zone.
    public func encode(to encoder: any Encoder) throws {
        let zone = self.zone
        let words = LocaleFormat.of(locale)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uid, forKey: .uid)
        try container.encode(resourceUID, forKey: .resourceUID)
        try container.encode(resourceName, forKey: .resourceName)
        try container.encode(resourceKind, forKey: .resourceKind)
        try container.encode(studioUID, forKey: .studioUID)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(status, forKey: .status)
        try container.encode(Timestamp(start, in: zone, words: words), forKey: .start)
        try container.encode(Timestamp(end, in: zone, words: words), forKey: .end)
        try container.encode(rank, forKey: .rank)
        try container.encode(expiresAt.map { Timestamp($0, in: zone, words: words) }, forKey: .expiresAt)
        try container.encode(challengeDeadline.map { Timestamp($0, in: zone, words: words) }, forKey: .challengeDeadline)
        try container.encode(holder, forKey: .holder)
        try container.encode(showUID, forKey: .showUID)
        try container.encode(showTitle, forKey: .showTitle)
        try container.encode(clientName, forKey: .clientName)
        try container.encode(note, forKey: .note)
        try container.encode(version, forKey: .version)
        try container.encode(phase, forKey: .phase)
    }

    private var zone: LocalTime { LocalTime.cached(timeZone) ?? LocalTime(timeZone: .gmt) }

    /// Start and end as they are typed, in the studio's zone (`2026-12-03T14:00`).
    public var startLocal: String { zone.format(start) }
    public var endLocal: String { zone.format(end) }

    /// Start and end in the studio's zone, in the workspace's words (`jeu. 3 déc. 14:00–16:00`),
    /// followed by the zone's place name when `labelled` (several zones in play).
    public func when(labelled: Bool) -> String {
        LocaleFormat.of(locale).span(Interval(start: start, end: end), in: zone) + (labelled ? " " + zone.placeName : "")
    }

    /// The booking as table cells; times in its studio's zone, named in `zone`.
    public var listing: Listing {
        Listing([("uid", .text(uid)), ("resource", .text(resourceName)), ("status", .text(status.rawValue)), ("rank", rank.map { .int(Int64($0)) } ?? .null),
                 ("series", .text(series.map { String($0.prefix { $0 != " " }) })),
                 ("start", .time(Timestamp(start, in: zone, words: LocaleFormat.of(locale)))), ("end", .time(Timestamp(end, in: zone, words: LocaleFormat.of(locale)))), ("zone", .text(LocalTime.placeName(timeZone))), ("holder", .text(holder)),
                 ("show", .text(showTitle ?? "")), ("note", .text(note)), ("version", .int(Int64(version)))])
    }

    /// "2nd hold", "confirmed", "released": the status as people say it.
    public var statusText: String {
        status == .hold ? "\(HoldQueue.ordinal(rank ?? 1)) hold" : status.rawValue
    }
}

/// How to place a booking.
public struct BookingPlacement: Sendable {
    public var resource: String
    public var start: When
    public var end: When
    public var status: BookingStatus
    public var show: String?
    public var note: String
    /// When a confirmation clashes, place a hold instead (the waiting list).
    public var orHold: Bool
    /// A manager's reason to force the booking over holds ranked above it.
    public var forceReason: String?
    public var expires: When?
    /// The phase this booking assigns the resource to (`slate phase assign`).
    public var phase: String?

    public init(resource: String, start: When, end: When, status: BookingStatus, show: String? = nil, note: String = "",
                orHold: Bool = false, forceReason: String? = nil, expires: When? = nil, phase: String? = nil) {
        self.phase = phase
        self.resource = resource
        self.start = start
        self.end = end
        self.status = status
        self.show = show
        self.note = note
        self.orHold = orHold
        self.forceReason = forceReason
        self.expires = expires
    }
}

extension Session {
    /// Places a hold or a confirmed booking (rules 1–4).
    public func place(_ placement: BookingPlacement, plan: Bool = false) throws -> Outcome<BookingView> {
        try perform(placement.status == .hold ? "hold" : "book", plan: plan) { context in
            try Self.placeBooking(context, placement)
        }
    }

    /// The write behind `place`, also run inside other commands (filling a job listing).
    static func placeBooking(_ context: CommandContext, _ placement: BookingPlacement) throws -> BookingView {
        let (resource, studio, _) = try context.resource(ref: placement.resource)
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "book \(resource.name)")
        let interval = try Interval.validated(start: placement.start.resolve(in: studio.zone), end: placement.end.resolve(in: studio.zone))
        let note = try TextInput.note(placement.note)
        let show = try placement.show.map { try context.show(uid: $0) }
        let showID = show?.id
        let phaseID: Int64? = try placement.phase.map { try context.row("phases", uid: $0, what: "phase")["id"] }
        func view(_ uid: String, _ status: BookingStatus, rank: Int? = nil, expires: Int64? = nil) -> BookingView {
            BookingView(uid: uid, resourceUID: resource.uid, resourceName: resource.name, resourceKind: resource.kind.rawValue, studioUID: studio.uid,
                        timeZone: studio.zone.timeZone.identifier, status: status, start: interval.start, end: interval.end, rank: rank, expiresAt: expires, challengeDeadline: nil,
                        holder: context.actor.login, showUID: show?.uid, showTitle: show?.title, clientName: nil, note: note, version: 1, locale: context.settings.locale)
        }
        var around = try BookingQueue.surroundings(context.db, resource: resource.id, interval: interval, studio: studio)
        // A phase's booking holds its whole days: opening hours do not apply to it.
        if phaseID != nil { around.openingHours = .always }
        var status = placement.status
        var outcome = BookingRules.evaluate(BookingRequest(resource: resource, interval: interval, status: status), around: around)
        if status == .confirmed, !outcome.isAllowed {
            if let reason = placement.forceReason {
                outcome.violations = try Self.force(context, outcome: outcome, reason: reason, around: around, studio: studio)
            } else if placement.orHold, outcome.refusedOnlyForClashes {
                status = .hold
                outcome = BookingRules.evaluate(BookingRequest(resource: resource, interval: interval, status: .hold), around: around)
            } else if outcome.refusedOnlyForClashes {
                let rank = try HoldQueue.placement(overlapping: around.holds, now: context.now, firstDays: context.settings.holdExpiryFirstDays,
                                                   otherDays: context.settings.holdExpiryOtherDays).rank
                context.holdOffer = HoldOffer(resourceUID: resource.uid, interval: interval, rank: rank, zone: studio.zone)
            }
        }
        context.violations += outcome.violations
        context.warnings += outcome.warnings + BookingRules.timing(interval, now: context.now, zone: studio.zone, words: studio.words)
            + [placement.start, placement.end].compactMap { $0.ambiguity(in: studio.zone) }
        // Never returned: `perform` turns the violations into a refusal.
        guard outcome.isAllowed else { return view("", status) }
        let row = NewBooking(resourceID: resource.id, holderID: context.actor.userID, showID: showID, phaseID: phaseID, status: status, interval: interval,
                             placedAt: context.now, note: note)
        let placed = try Self.insertBooking(context, row, queue: around.holds, expires: placement.expires?.resolve(in: studio.zone))
        let made = view(placed.uid, status, rank: placed.rank, expires: placed.expiresAt)
        context.summary = "\(status == .hold ? "hold" : "book") \(resource.name) \(made.when(labelled: false)) (\(placed.uid))"
        return made
    }

    /// Inserts a checked booking; a hold takes its place in the queue of `queue` (the holds
    /// overlapping it) and its expiry.
    static func insertBooking(_ context: CommandContext, _ booking: NewBooking, queue: [BookingSnapshot], expires: Int64? = nil) throws -> (uid: String, rank: Int?, expiresAt: Int64?) {
        var row = booking
        if row.status == .hold {
            let queued = try HoldQueue.placement(overlapping: queue, now: context.now, firstDays: context.settings.holdExpiryFirstDays,
                                                 otherDays: context.settings.holdExpiryOtherDays, expires: expires)
            (row.rank, row.expiresAt) = (queued.rank, queued.expiresAt)
        }
        return (try context.insert(row).uid, row.rank, row.expiresAt)
    }

    /// Confirms a hold (rule 2): refused while a confirmed booking or a higher hold overlaps,
    /// unless a manager forces it with a reason, which releases the holds above.
    /// `expectedVersion` refuses a stale edit (rule 11).
    public func confirm(_ uid: String, forceReason: String? = nil, expectedVersion: Int? = nil, plan: Bool = false) throws -> Outcome<BookingView> {
        try perform("confirm", plan: plan) { context in
            let (booking, resource, studio) = try Self.liveBooking(context, uid: uid, action: "confirm", expectedVersion: expectedVersion)
            guard booking.status == .hold else {
                throw SlateError.refused([RuleViolation(.notAHold, "\(uid) is already \(booking.status.rawValue); only holds can be confirmed")])
            }
            let around = try BookingQueue.surroundings(context.db, resource: resource.id, interval: booking.interval, studio: studio)
            var outcome = BookingRules.evaluate(BookingRequest(resource: resource, interval: booking.interval, status: .confirmed, existing: booking), around: around)
            if !outcome.isAllowed, let reason = forceReason {
                outcome.violations = try Self.force(context, outcome: outcome, reason: reason, around: around, studio: studio)
            }
            context.violations += outcome.violations
            context.warnings += outcome.warnings
            guard outcome.isAllowed else { return try Self.view(context, id: booking.id) }
            try context.update(booking.id, [BookingChange.status(.confirmed), .rank(nil), .expiresAt(nil), .challengeDeadline(nil)])
            if context.settings.autoPromote {
                try BookingQueue.rerank(context, resource: resource.id, window: booking.interval)
            }
            context.summary = "confirm \(resource.name) \(studio.text(booking.interval)) (\(uid))"
            return try Self.view(context, id: booking.id)
        }
    }

    /// Releases a hold; the holds behind move up. A confirmed booking is refused: it is
    /// cancelled, never released (rule 17).
    public func release(_ uid: String, expectedVersion: Int? = nil, plan: Bool = false) throws -> Outcome<BookingView> {
        try retire(uid, as: .release, expectedVersion: expectedVersion, plan: plan)
    }

    /// Cancels a confirmed booking; the holds behind move up. A hold is refused: it is
    /// released, never cancelled (rule 17). A show's booking is cancelled with its show.
    public func cancel(_ uid: String, expectedVersion: Int? = nil, plan: Bool = false) throws -> Outcome<BookingView> {
        try retire(uid, as: .cancel, expectedVersion: expectedVersion, plan: plan)
    }

    private func retire(_ uid: String, as verb: RetireVerb, expectedVersion: Int?, plan: Bool) throws -> Outcome<BookingView> {
        try perform(verb.rawValue, plan: plan) { context in
            let (booking, resource, studio) = try Self.liveBooking(context, uid: uid, action: verb.rawValue, expectedVersion: expectedVersion)
            let refusals = BookingRules.retirement(of: booking, as: verb)
            guard refusals.isEmpty else { throw SlateError.refused(refusals) }
            if let show = try Self.owningShow(context, booking: booking.id) {
                throw SlateError.refused([RuleViolation(.partOfShow, "\(uid) is \(resource.name)'s booking for show '\(show.title)' (\(show.uid)); a show's bookings share its fate: cancel the show (slate show cancel \(show.uid)) or move it (slate show move \(show.uid))", otherUID: show.uid)])
            }
            try BookingQueue.retire(context, booking: booking, to: verb == .release ? .released : .cancelled)
            context.summary = "\(verb.rawValue) \(resource.name) \(studio.text(booking.interval)) (\(uid))"
            return try Self.view(context, id: booking.id)
        }
    }

    /// Challenges the holds ranked above a hold: each gets a deadline to confirm or release,
    /// and is released when it passes.
    public func challenge(_ uid: String, expectedVersion: Int? = nil, plan: Bool = false) throws -> Outcome<[BookingView]> {
        try perform("challenge", plan: plan) { context in
            let (booking, resource, studio) = try Self.liveBooking(context, uid: uid, action: "challenge", expectedVersion: expectedVersion)
            guard booking.status == .hold else {
                throw SlateError.refused([RuleViolation(.notAHold, "\(uid) is \(booking.status.rawValue); only a hold can challenge the holds above it")])
            }
            let holds = try BookingQueue.holds(context.db, resource: resource.id, overlapping: booking.interval)
            let above = HoldQueue.holdsAbove(booking, among: holds)
            guard !above.isEmpty else {
                throw SlateError.invalidInput("\(uid) is the 1st hold: there is nothing above it to challenge; confirm it instead")
            }
            let deadline = context.now + context.settings.challengeHours * 3600
            for hold in above {
                let current: Int64? = try Int64.fetchOne(context.db, sql: "SELECT challenge_deadline FROM bookings WHERE id = ?", arguments: [hold.id])
                if current.map({ $0 > deadline }) ?? true {
                    try context.update(hold.id, [BookingChange.challengeDeadline(deadline), .challengedBy(booking.id)])
                }
            }
            context.summary = "challenge \(Plural.count(above.count, "hold")) above \(uid) on \(resource.name), deadline \(studio.text(deadline))"
            return try above.map { try Self.view(context, id: $0.id) }
        }
    }

    /// Moves or resizes a live booking, checked again like a new one (rule 3.4): a hold
    /// keeps its place in the queue and is re-ranked; a confirmed booking moving onto holds
    /// is refused as `book` is, unless a manager forces it with a reason. A show's booking
    /// moves the whole show (rule 3.15). `expectedVersion` refuses a stale edit.
    public func move(_ uid: String, start: When, end: When, expectedVersion: Int? = nil, forceReason: String? = nil, plan: Bool = false) throws -> Outcome<BookingView> {
        try perform("move", plan: plan) { context in
            let (booking, resource, studio) = try Self.liveBooking(context, uid: uid, action: "move", expectedVersion: expectedVersion)
            let interval = try Interval.validated(start: start.resolve(in: studio.zone), end: end.resolve(in: studio.zone))
            context.warnings += [start, end].compactMap { $0.ambiguity(in: studio.zone) }
            if let show = try Self.owningShow(context, booking: booking.id) {
                try ShowMove.apply(context, showID: show.id, to: interval, forceReason: forceReason)
                context.summary = "move show '\(show.title)' (\(show.uid)) with \(uid) to \(studio.text(interval))"
                return try Self.view(context, id: booking.id)
            }
            if let phase = try Row.fetchOne(context.db, sql: "SELECT ph.uid, ph.name FROM bookings b JOIN phases ph ON ph.id = b.phase_id WHERE b.id = ?", arguments: [booking.id]) {
                let (phaseUID, name): (String, String) = (phase[0], phase[1])
                throw SlateError.refused([RuleViolation(.partOfPhase, "\(uid) assigns \(resource.name) to phase '\(name)' (\(phaseUID)) and spans it; move the phase (slate phase move \(phaseUID)) and its bookings follow", otherUID: phaseUID)])
            }
            try Self.moveBooking(context, booking, of: resource, in: studio, to: interval, forceReason: forceReason)
            context.summary = "move \(uid) on \(resource.name) to \(studio.text(interval))"
            return try Self.view(context, id: booking.id)
        }
    }

    /// Moves one live booking after checking it (the body of `move`, also used for shows).
    static func moveBooking(_ context: CommandContext, _ booking: BookingSnapshot, of resource: ResourceInfo, in studio: StudioInfo,
                            to interval: Interval, forceReason: String?, label: String = "", wholeDays: Bool = false) throws {
        let window = Interval(start: min(interval.start, booking.interval.start), end: max(interval.end, booking.interval.end))
        var around = try BookingQueue.surroundings(context.db, resource: resource.id, interval: interval, studio: studio)
        if wholeDays { around.openingHours = .always }
        var outcome = BookingRules.evaluateMove(booking, of: resource, to: interval, around: around)
        outcome.warnings += BookingRules.timing(interval, now: context.now, zone: studio.zone, words: studio.words)
        if !outcome.isAllowed, let reason = forceReason {
            var surroundings = around
            surroundings.holds = around.holds.filter { !$0.interval.overlaps(booking.interval) }
            outcome.violations = try force(context, outcome: outcome, reason: reason, around: surroundings, studio: studio)
        }
        context.violations += outcome.violations.map { label.isEmpty ? $0 : RuleViolation($0.kind, "\(label): \($0.message)", otherUID: $0.otherUID) }
        context.warnings += outcome.warnings.map { label.isEmpty ? $0 : RuleWarning($0.kind, "\(label): \($0.message)") }
        guard outcome.isAllowed else { return }
        try context.update(booking.id, [BookingChange.startAt(interval.start), .endAt(interval.end)])
        if booking.status == .hold || context.settings.autoPromote {
            try BookingQueue.rerank(context, resource: resource.id, window: window)
        }
    }

    /// The show a booking belongs to, if any.
    static func owningShow(_ context: CommandContext, booking: Int64) throws -> (id: Int64, uid: String, title: String)? {
        try Row.fetchOne(context.db.cachedStatement(sql: """
            SELECT sh.id, sh.uid, sh.title FROM bookings b JOIN shows sh ON sh.id = b.show_id WHERE b.id = ?
            """), arguments: [booking]).map { ($0[0], $0[1], $0[2]) }
    }

    /// Bookings the user may see, optionally of one resource and overlapping a period.
    public func bookings(resource: String? = nil, from: When? = nil, to: When? = nil, includeHistory: Bool = false, limit: Int = 500) throws -> [BookingView] {
        try read { reader in
            var conditions = ["b.deleted_at IS NULL"]
            var arguments: [any DatabaseValueConvertible] = []
            var zone = LocalTime(timeZone: reader.settings.zone)
            if let resource {
                let found = try reader.resource(ref: resource)
                conditions.append("b.resource_id = ?")
                arguments.append(found.info.id)
                zone = found.studio.zone
            }
            if let from { conditions.append("b.end_at > ?"); arguments.append(try from.resolve(in: zone)) }
            if let to { conditions.append("b.start_at < ?"); arguments.append(try to.resolve(in: zone)) }
            if !includeHistory { conditions.append("b.status IN ('hold', 'confirmed')") }
            conditions.append(reader.visibility.predicate("bookings", alias: "b"))
            let sql = Self.viewSQL + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY b.start_at, b.id LIMIT \(max(1, limit))"
            return try Row.fetchAll(reader.db, sql: sql, arguments: StatementArguments(arguments)).map { try Self.view($0, reader) }
        }
    }

    /// One booking by id, if visible.
    public func booking(_ uid: String) throws -> BookingView {
        try read { reader in
            guard let row = try Row.fetchOne(reader.db, sql: Self.viewSQL + " WHERE b.uid = ? AND b.deleted_at IS NULL AND \(reader.visibility.predicate("bookings", alias: "b"))",
                                             arguments: [uid]) else {
                throw SlateError.notFound("no booking with id '\(TextInput.printable(uid))'")
            }
            return try Self.view(row, reader)
        }
    }

    // MARK: helpers

    /// A booking's phase as the views name it: "Recording (Album: Low Tide)" (`ph`, `pj`).
    static let phaseText = "ph.name || ' (' || pj.name || ')'"
    /// A booking's series: its id and how it repeats, "rc-… weekly every 2 MO,WE" (`rc`).
    static let seriesText = """
        rc.uid || ' ' || rc.frequency || CASE WHEN rc.every > 1 THEN ' every ' || rc.every ELSE '' END || CASE WHEN rc.weekdays != '' THEN ' ' || rc.weekdays ELSE '' END
        """

    /// Columns read by position in `view(_:_:)`; keep the two in step.
    static let viewSQL = """
        SELECT b.uid, r.uid, r.name, r.kind, s.uid, b.status, b.start_at, b.end_at, s.time_zone, b.rank, b.expires_at,
               b.challenge_deadline, u.login, sh.uid, sh.title, cl.name, b.note, b.version, \(phaseText), \(seriesText)
        FROM bookings b
        JOIN resources r ON r.id = b.resource_id
        JOIN studios s ON s.id = r.studio_id
        JOIN users u ON u.id = b.holder_id
        LEFT JOIN shows sh ON sh.id = b.show_id
        LEFT JOIN clients cl ON cl.id = sh.client_id
        LEFT JOIN phases ph ON ph.id = b.phase_id
        LEFT JOIN projects pj ON pj.id = ph.project_id
        LEFT JOIN recurrences rc ON rc.id = b.recurrence_id
        """

    static func view(_ context: some Lookup, id: Int64) throws -> BookingView {
        guard let row = try Row.fetchOne(context.db.cachedStatement(sql: viewSQL + " WHERE b.id = ?"), arguments: [id]) else {
            throw SlateError.notFound("booking \(id)")
        }
        return try view(row, context)
    }

    static func view(_ row: Row, _ context: some Lookup) throws -> BookingView {
        BookingView(uid: row[0], resourceUID: row[1], resourceName: row[2], resourceKind: row[3], studioUID: row[4], timeZone: row[8],
                           status: BookingStatus(rawValue: row[5]) ?? .released,
                           start: row[6], end: row[7], rank: row[9], expiresAt: row[10],
                           challengeDeadline: row[11], holder: row[12], showUID: row[13], showTitle: row[14], clientName: row[15], note: row[16], version: row[17],
                           phase: row[18], series: row[19], locale: context.settings.locale)
    }

    /// A live booking the actor may change (manager of the resource's studio).
    static func liveBooking(_ context: CommandContext, uid: String, action: String, expectedVersion: Int? = nil) throws -> (BookingSnapshot, ResourceInfo, StudioInfo) {
        guard let row = try Row.fetchOne(context.db, sql: """
            SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id WHERE b.uid = ? AND b.deleted_at IS NULL
            """, arguments: [uid]) else {
            throw SlateError.notFound("no booking with id '\(TextInput.printable(uid))'")
        }
        let booking = BookingQueue.snapshot(row)
        let resourceUID = try String.fetchOne(context.db, sql: "SELECT uid FROM resources WHERE id = ?", arguments: [booking.resourceID]) ?? ""
        let (resource, studio, _) = try context.resource(ref: resourceUID)
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "\(action) bookings")
        try context.requireVersion("bookings", id: booking.id, expected: expectedVersion)
        guard booking.status.isLive else {
            throw SlateError.refused([RuleViolation(.transition, "\(uid) is \(booking.status.rawValue); it can no longer be changed")])
        }
        return (booking, resource, studio)
    }

    /// Force-confirm: carries out `BookingRules.forcing`, releasing the holds ranked above.
    static func force(_ context: CommandContext, outcome: RuleOutcome, reason: String, around: BookingSurroundings, studio: StudioInfo) throws -> [RuleViolation] {
        let reason = try TextInput.line(reason, field: "reason", limit: 500)
        let forced = BookingRules.forcing(outcome, reason: reason)
        guard forced.violations.isEmpty else { return forced.violations }
        for hold in around.holds.sorted(by: { $0.isPlaced(before: $1) }) where forced.holdsToRelease.contains(hold.uid) {
            try BookingQueue.retire(context, booking: hold, to: .released)
        }
        context.reason = reason
        return []
    }
}
