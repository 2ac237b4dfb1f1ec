import GRDB
import SlateCore

/// One problem `slate check` reports.
public struct Finding: Sendable, Codable, Equatable {
    /// `error` for a broken hard rule (should never exist), `warning` for soft ones.
    public var severity: String
    public var kind: String
    /// Public id of the booking or show concerned.
    public var subject: String
    public var message: String
}

extension Session {
    /// Reports clashes in a period (default: the next 90 days): overlapping confirmed
    /// bookings (a broken invariant), draft shows that would clash with confirmed bookings
    /// or with other drafts (rule 5), and live bookings in time off or outside opening hours.
    public func check(from: When? = nil, to: When? = nil) throws -> [Finding] {
        try read { reader in
            let zone = LocalTime(timeZone: reader.settings.zone)
            let start = try from?.resolve(in: zone) ?? reader.now
            return try findings(reader, start: start, end: try to?.resolve(in: zone) ?? start + 90 * 86_400)
        }
    }

    /// What `slate check` reports between `start` and `end` (the dashboard's open clashes too).
    func findings(_ reader: Reader, start: Int64, end: Int64) throws -> [Finding] {
        let zone = LocalTime(timeZone: reader.settings.zone)
        let studios = Self.ids(reader.policy.studioIDs)
        var findings: [Finding] = []
        // Booking scans start no earlier than the longest booking before the period (an index range).
        let earliest = start - (try Self.longestBooking(reader.db))

        // Bookings are read from their indexes alone (resource, start, end, row id), in
        // order per resource; public ids and names are looked up for what is found, which is few.
        let window: StatementArguments = [start, end, earliest]
        func scan(_ index: String, _ status: String, _ body: (_ resource: Int64, _ interval: Interval, _ id: Int64) throws -> Void) throws {
            try reader.db.makeStatement(sql: """
                SELECT b.resource_id, b.start_at, b.end_at, b.id FROM bookings b INDEXED BY \(index)
                WHERE b.resource_id IN (SELECT id FROM resources WHERE studio_id IN (\(studios)))
                  AND b.status = '\(status)' AND b.deleted_at IS NULL AND b.end_at > ? AND b.start_at < ? AND b.start_at >= ?
                ORDER BY b.resource_id, b.start_at
                """).eachRow(window) { row in try body(row.int(0), Interval(start: row.int(1), end: row.int(2)), row.int(3)) }
        }
        // An overlap is a confirmed booking starting before the one before it on its resource ends.
        var overlaps: [(id: Int64, previous: Int64)] = []
        var last: (resource: Int64, end: Int64, id: Int64)?
        try scan("bookings_confirmed", "confirmed") { resource, interval, id in
            if let previous = last, previous.resource == resource, previous.end > interval.start { overlaps.append((id, previous.id)) }
            last = (resource, interval.end, id)
        }
        let pair = try reader.db.makeStatement(sql: """
            SELECT b.uid, p.uid, r.name FROM bookings b JOIN bookings p ON p.id = ?2 JOIN resources r ON r.id = b.resource_id WHERE b.id = ?1
            """)
        for overlap in overlaps {
            guard let row = try Row.fetchOne(pair, arguments: [overlap.id, overlap.previous]) else { continue }
            findings.append(Finding(severity: "error", kind: RuleViolation.Kind.doubleBooking.rawValue, subject: row[0],
                                    message: "\(row[2] as String): \(row[0] as String) overlaps \(row[1] as String)"))
        }

        // Rule 15: a show's live bookings share its times and its fate.
        let drifted = try Row.fetchAll(reader.db, sql: """
            SELECT b.uid, sh.uid AS show_uid, sh.title, sh.status, b.start_at, b.end_at, sh.start_at AS show_start, sh.end_at AS show_end, r.name AS resource
            FROM bookings b JOIN shows sh ON sh.id = b.show_id JOIN resources r ON r.id = b.resource_id
            WHERE b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL AND sh.studio_id IN (\(studios))
              AND (b.start_at != sh.start_at OR b.end_at != sh.end_at OR sh.status IN (\(Self.releasingStatuses)) OR sh.deleted_at IS NOT NULL)
              AND sh.end_at > ? AND sh.start_at < ?
            ORDER BY sh.start_at, b.id
            """, arguments: [start, end])
        for row in drifted {
            let label = "show '\(row["title"] as String)' (\(row["show_uid"] as String))"
            let problem = (ShowStatus(rawValue: row["status"]) ?? .cancelled).releasesBookings
                ? "is \(row["status"] as String) but its booking \(row["uid"] as String) of \(row["resource"] as String) is live"
                : "is \(reader.settings.words.span(Interval(start: row["show_start"], end: row["show_end"]), in: zone)) but its booking \(row["uid"] as String) of \(row["resource"] as String) is \(reader.settings.words.span(Interval(start: row["start_at"], end: row["end_at"]), in: zone))"
            findings.append(Finding(severity: "error", kind: "show_bookings_disagree", subject: row["show_uid"], message: "\(label) \(problem)"))
        }

        findings += try draftClashes(reader, studios: studios, window: Interval(start: start, end: max(end, start + 1)))

        // Time off over the period read once for all; each studio looked up once.
        var timeOff: [Int64: IntervalList<TimeOffPeriod>] = [:]
        var periods: [Int64: [TimeOffPeriod]] = [:]
        for row in try Row.fetchAll(reader.db, sql: """
            SELECT t.resource_id, t.uid, t.start_at, t.end_at, t.hard, t.reason FROM time_off t JOIN resources r ON r.id = t.resource_id
            WHERE t.deleted_at IS NULL AND r.studio_id IN (\(studios)) AND t.end_at > ? AND t.start_at < ? ORDER BY t.resource_id, t.end_at, t.start_at, t.id
            """, arguments: [start, end]) {
            periods[row[0], default: []].append(TimeOffPeriod(uid: row[1], interval: Interval(start: row[2], end: row[3]), hard: row[4], reason: row[5]))
        }
        for (resource, list) in periods { timeOff[resource] = IntervalList(list) { $0.interval } }
        var studiosByID: [Int64: StudioInfo] = [:]
        var studioOf: [Int64: Int64] = [:]
        for row in try Row.fetchAll(reader.db, sql: "SELECT id, studio_id FROM resources WHERE studio_id IN (\(studios))") {
            studioOf[row[0]] = row[1]
            if studiosByID[row[1]] == nil { studiosByID[row[1]] = try reader.studio(id: row[1]) }
        }
        // Live bookings in time off or outside opening hours, earliest first (at most 5,000).
        var flagged: [(id: Int64, interval: Interval, studio: StudioInfo, offs: [TimeOffPeriod], closed: Bool)] = []
        func checkLive(_ resource: Int64, _ interval: Interval, _ id: Int64) {
            guard let studio = studioOf[resource].flatMap({ studiosByID[$0] }) else { return }
            let offs = timeOff[resource]?.overlapping(interval) ?? []
            let closed = !studio.hours.contains(interval, in: studio.zone)
            if !offs.isEmpty || closed { flagged.append((id, interval, studio, offs, closed)) }
        }
        try scan("bookings_holds", "hold", checkLive)
        try scan("bookings_confirmed", "confirmed", checkLive)
        let booking = try reader.db.makeStatement(sql: "SELECT uid, phase_id FROM bookings WHERE id = ?")
        for live in flagged.sorted(by: { ($0.interval.start, $0.id) < ($1.interval.start, $1.id) }).prefix(5_000) {
            guard let row = try Row.fetchOne(booking, arguments: [live.id]) else { continue }
            let uid: String = row[0]
            var messages = live.offs.map { "in time off \(live.studio.text($0.interval))\($0.reason.isEmpty ? "" : " (\($0.reason))")" }
            // A phase's booking holds its whole days: opening hours do not apply to it.
            if live.closed, (row[1] as Int64?) == nil { messages.append("outside opening hours (\(live.studio.hours.text))") }
            for message in messages {
                findings.append(Finding(severity: "warning", kind: "availability", subject: uid, message: "\(uid) \(live.studio.text(live.interval)): \(message)"))
            }
        }
        return findings
    }

    /// The longest booking ever written (kept by a trigger): bounds scans by start time.
    static func longestBooking(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT longest_booking_seconds FROM workspaces ORDER BY id LIMIT 1")) ?? 0
    }

    /// Show statuses whose bookings should not be live, as an SQL list (from `ShowStatus`).
    static var releasingStatuses: String {
        ShowStatus.allCases.filter(\.releasesBookings).map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    /// Rule 5: what each draft show would clash with, as soft markers: confirmed bookings,
    /// holds, time off, closed hours and other drafts of any schedule.
    public func draftClashes(schedule: String? = nil) throws -> [Finding] {
        try read { reader in
            let scheduleID = try schedule.map { try reader.schedule(uid: $0).id }
            return try draftClashes(reader, studios: Self.ids(reader.policy.studioIDs), window: Interval(start: .min / 2, end: .max / 2), scheduleID: scheduleID)
        }
    }

    private func draftClashes(_ reader: Reader, studios: String, window: Interval, scheduleID: Int64? = nil) throws -> [Finding] {
        try draftClashList(reader, studios: studios, window: window, scheduleID: scheduleID).map {
            Finding(severity: "warning", kind: RuleWarning.Kind.draftClash.rawValue, subject: $0.show, message: "\($0.label): \($0.text)")
        }
    }

    /// Each clash of each draft: the show, the draft named with its time, and the clash in words.
    func draftClashList(_ reader: Reader, studios: String, window: Interval, scheduleID: Int64? = nil) throws -> [(show: String, label: String, text: String)] {
        struct Draft {
            var id: Int64
            var uid, title: String
            var interval: Interval
            var studioID: Int64
            var resources: [Int64]
        }
        // Every live draft of these studios (drafts of any schedule clash with each other),
        // with its room and cast, read once; the drafts examined are those in the window.
        var drafts: [Int64: Draft] = [:]
        var order: [Int64] = []
        for row in try Row.fetchAll(reader.db, sql: """
            SELECT sh.id, sh.uid, sh.title, sh.start_at, sh.end_at, sh.studio_id, sh.schedule_id, m.resource_id AS room_resource
            FROM shows sh LEFT JOIN rooms m ON m.id = sh.room_id
            WHERE sh.status = 'draft' AND sh.deleted_at IS NULL AND sh.studio_id IN (\(studios))
            ORDER BY sh.start_at, sh.id
            """) {
            let id: Int64 = row["id"]
            drafts[id] = Draft(id: id, uid: row["uid"], title: row["title"], interval: Interval(start: row["start_at"], end: row["end_at"]),
                               studioID: row["studio_id"], resources: (row["room_resource"] as Int64?).map { [$0] } ?? [])
            let interval = Interval(start: row["start_at"], end: row["end_at"])
            if interval.overlaps(window), scheduleID == nil || (row["schedule_id"] as Int64?) == scheduleID { order.append(id) }
        }
        guard !order.isEmpty else { return [] }
        for row in try Row.fetchAll(reader.db, sql: """
            SELECT show_id, resource_id FROM (
              SELECT st.show_id, t.resource_id, 0 AS kind, st.id FROM show_talent st JOIN talent t ON t.id = st.talent_id
              WHERE st.deleted_at IS NULL AND st.show_id IN (\(drafts.keys.map(String.init).joined(separator: ",")))
              UNION ALL
              SELECT se.show_id, e.resource_id, 1 AS kind, se.id FROM show_equipment se JOIN equipment e ON e.id = se.equipment_id
              WHERE se.deleted_at IS NULL AND se.show_id IN (\(drafts.keys.map(String.init).joined(separator: ",")))
            ) ORDER BY kind, id
            """) {
            drafts[row[0] as Int64]?.resources.append(row[1])
        }
        var byResource: [Int64: [Int64]] = [:]
        for draft in drafts.values { for resource in draft.resources { byResource[resource, default: []].append(draft.id) } }
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(reader.db, sql: "SELECT id, name FROM resources WHERE id IN (\(byResource.keys.map(String.init).joined(separator: ",")))") {
            names[row[0]] = row[1]
        }
        var findings: [(show: String, label: String, text: String)] = []
        for draft in order.compactMap({ drafts[$0] }) {
            let interval = draft.interval
            let studio = try reader.studio(id: draft.studioID)
            let label = "draft '\(draft.title)' \(studio.text(interval))"
            if !studio.hours.contains(interval, in: studio.zone) {
                findings.append((draft.uid, label, "outside opening hours (\(studio.hours.text))"))
            }
            for resource in draft.resources {
                let name = names[resource] ?? "?"
                func clash(_ text: String) { findings.append((draft.uid, label, "\(name) \(text)")) }
                for booking in try BookingQueue.confirmed(reader.db, resource: resource, overlapping: interval) {
                    clash("is booked \(studio.text(booking.interval)) by \(booking.holder) (\(booking.uid))")
                }
                for hold in try BookingQueue.holds(reader.db, resource: resource, overlapping: interval) {
                    clash("is held \(studio.text(hold.interval)) by \(hold.holder) (\(hold.uid)\(hold.rank.map { ", \(HoldQueue.ordinal($0)) hold" } ?? ""))")
                }
                for off in try BookingQueue.timeOff(reader.db, resource: resource, overlapping: interval) {
                    clash("is off \(studio.text(off.interval))\(off.reason.isEmpty ? "" : " (\(off.reason))")\(off.hard ? ", hard time off" : "")")
                }
                for other in (byResource[resource] ?? []).compactMap({ drafts[$0] }) where other.id != draft.id && other.interval.overlaps(interval) {
                    clash("is also in draft '\(other.title)' (\(other.uid))")
                }
            }
        }
        return findings
    }
}
