import Foundation
import GRDB
import SlateCore

/// What making a series did: the series, its occurrences (bookings or draft shows), and
/// the occurrences left out because they clashed (only when asked to skip them).
public struct SeriesResult: Sendable, Encodable, Equatable {
    public var series: String
    public var occurrences: [String]
    /// "2026-12-24T10:00–11:00: Stage A is already booked …" for each occurrence left out.
    public var skipped: [String]
}

/// A series of `series list`.
public struct SeriesSummary: ReadModel, Equatable {
    public var uid, resource, rule: String
    public var first: Timestamp
    /// Live occurrences, and the next one to come.
    public var live: Int
    public var next: Timestamp?
    public var exceptions: [String]

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("resource", .text(resource)), ("rule", .text(rule)), ("first", .time(first)), ("live", .int(Int64(live))),
                 ("next", .time(next)), ("exceptions", .text(exceptions.isEmpty ? nil : exceptions.joined(separator: ",")))])
    }
}

/// Which occurrences of a series an edit acts on (rule 14).
public enum SeriesScope: Sendable, Equatable {
    case all
    /// This occurrence (a booking of the series) and the ones after it.
    case following(String)
    /// This occurrence only.
    case only(String)
}

/// A series as stored: its rule, first planned occurrence and exception days.
struct SeriesRecord {
    var id: Int64
    var uid: String
    var rule: RecurrenceRule
    var first: Interval
    var exceptions: [Day]

    init(_ row: Row, zone: LocalTime) {
        id = row["id"]
        uid = row["uid"]
        first = Interval(start: row["start_at"], end: row["end_at"])
        let weekdays: String = row["weekdays"]
        let tokens = weekdays.split(separator: ",").map(String.init)
        rule = RecurrenceRule(frequency: RecurrenceRule.Frequency(rawValue: row["frequency"]) ?? .weekly, interval: row["every"],
                              weekdays: tokens.compactMap { token in RecurrenceRule.codes.firstIndex(of: String(token.suffix(2))).map { $0 + 1 } },
                              ordinal: tokens.first.flatMap { Int($0.dropLast(2)) }, count: row["count"],
                              until: (row["until_at"] as Int64?).map { zone.day(of: $0) })
        exceptions = ((try? JSONDecoder().decode([String].self, from: Data((row["exceptions"] as String).utf8))) ?? []).compactMap { Day(iso: $0) }
    }

    /// The planned interval of each occurrence day, exceptions left out.
    func occurrences(zone: LocalTime) -> [(day: Day, interval: Interval)] {
        let firstDay = zone.day(of: first.start)
        let skip = Set(exceptions)
        return rule.days(from: firstDay).filter { !skip.contains($0) }.map { ($0, zone.shifted(first, days: $0 - firstDay)) }
    }
}

struct NewRecurrence: NewRow {
    static let table = "recurrences"
    var rule: RecurrenceRule
    var first: Interval
    var untilAt: Int64?
    var exceptions: [Day]
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("frequency", rule.frequency.rawValue), ("every", rule.interval),
         ("weekdays", rule.weekdays.map { (rule.ordinal.map(String.init) ?? "") + RecurrenceRule.codes[$0 - 1] }.joined(separator: ",")),
         ("until_at", untilAt), ("count", rule.count), ("exceptions", Series.json(exceptions)), ("start_at", first.start), ("end_at", first.end)]
    }
}

enum Series {
    static func json(_ days: [Day]) -> String {
        "[" + days.sorted().map { "\"\($0.iso)\"" }.joined(separator: ",") + "]"
    }
}

extension Session {
    /// Checks a new series and stores its rule: the first occurrence must be one of the
    /// rule's days, `except` days must be days of the series. Returns the series' row id,
    /// its days and the exception days.
    static func startSeries(_ context: CommandContext, rule: RecurrenceRule, first: Interval, zone: LocalTime, except: [String]) throws -> (id: Int64, days: [Day], exceptions: [Day]) {
        guard first.duration < 86_400 else { throw SlateError.invalidInput("an occurrence of a series lasts less than a day") }
        let firstDay = zone.day(of: first.start)
        if let mismatch = rule.mismatch(first: firstDay) { throw SlateError.invalidInput("--repeat: \(mismatch)") }
        let exceptions = try except.map { text -> Day in
            guard let day = Day(iso: text) else { throw SlateError.invalidInput("--except: '\(TextInput.printable(text))' is not a day (2026-12-24)") }
            return day
        }
        let days = rule.days(from: firstDay)
        if let stray = exceptions.first(where: { !days.contains($0) }) {
            throw SlateError.invalidInput("--except: \(stray.iso) is not a day of the series")
        }
        let id = try context.insert(NewRecurrence(rule: rule, first: first, untilAt: rule.until.map { zone.start(of: $0) }, exceptions: exceptions)).id
        return (id, days, exceptions)
    }

    /// Adds a repeating show (rule 14): a draft for every day of the series, in one command
    /// (drafts reserve nothing; the board marks any that would clash).
    public func addShowSeries(_ input: ShowInput, rule: RecurrenceRule, except: [String] = [], plan: Bool = false) throws -> Outcome<SeriesResult> {
        try perform("show series add", plan: plan) { context in
            let schedule = try input.schedule.map { try context.schedule(uid: $0) }
            let studio = try schedule.map { try context.studio(id: $0.studioID) } ?? context.studio(refOrOnly: input.studio)
            let zone = studio.zone
            let first = try Interval.validated(start: input.start.resolve(in: zone), end: input.end.resolve(in: zone))
            let (recurrenceID, days, exceptions) = try Self.startSeries(context, rule: rule, first: first, zone: zone, except: except)
            var shows: [String] = []
            for day in days where !exceptions.contains(day) {
                let interval = zone.shifted(first, days: day - zone.day(of: first.start))
                var occurrence = input
                (occurrence.start, occurrence.end) = (.instant(interval.start), .instant(interval.end))
                shows.append(try ShowWriting.insert(context, occurrence, recurrenceID: recurrenceID))
            }
            context.summary = "add show \(input.title) \(rule.text) from \(studio.text(first)): \(Plural.count(shows.count, "draft"))"
            return SeriesResult(series: PublicID.make(prefix: PublicID.prefix(forTable: "recurrences"), id: recurrenceID), occurrences: shows, skipped: [])
        }
    }

    /// Places a repeating booking or hold (rule 14): every occurrence is checked like a
    /// single booking, in one command. A clash refuses the whole series with every clashing
    /// occurrence named, unless `skipClashes`, which books the others and lists those left
    /// out (they become exceptions of the series). `except` days are left out from the start.
    public func placeSeries(_ placement: BookingPlacement, rule: RecurrenceRule, except: [String] = [], skipClashes: Bool = false,
                            plan: Bool = false) throws -> Outcome<SeriesResult> {
        guard placement.show == nil, placement.phase == nil, !placement.orHold, placement.forceReason == nil, placement.expires == nil else {
            throw SlateError.invalidInput("a series places plain bookings or holds: no show (repeat the show instead), phase, or-hold, force or expiry")
        }
        return try perform(placement.status == .hold ? "hold series" : "book series", plan: plan) { context in
            let (resource, studio, _) = try context.resource(ref: placement.resource)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "book \(resource.name)")
            let zone = studio.zone
            let first = try Interval.validated(start: placement.start.resolve(in: zone), end: placement.end.resolve(in: zone))
            let note = try TextInput.note(placement.note)
            let firstDay = zone.day(of: first.start)
            let (recurrenceID, days, excepted) = try Self.startSeries(context, rule: rule, first: first, zone: zone, except: except)
            var exceptions = excepted
            var result = SeriesResult(series: "", occurrences: [], skipped: [])
            for day in days where !exceptions.contains(day) {
                let interval = zone.shifted(first, days: day - firstDay)
                let around = try BookingQueue.surroundings(context.db, resource: resource.id, interval: interval, studio: studio)
                let outcome = BookingRules.evaluate(BookingRequest(resource: resource, interval: interval, status: placement.status), around: around)
                let label = studio.text(interval)
                guard outcome.isAllowed else {
                    if skipClashes {
                        result.skipped.append("\(label): " + outcome.violations.map(\.message).joined(separator: "; "))
                        exceptions.append(day)
                    } else {
                        context.violations += outcome.violations.map { RuleViolation($0.kind, "occurrence \(label): \($0.message)", otherUID: $0.otherUID) }
                    }
                    continue
                }
                context.warnings += outcome.warnings.map { RuleWarning($0.kind, "occurrence \(label): \($0.message)") } + BookingRules.timing(interval, now: context.now, zone: zone, words: studio.words)
                let row = NewBooking(resourceID: resource.id, holderID: context.actor.userID, showID: nil, status: placement.status, interval: interval,
                                     placedAt: context.now, note: note, recurrenceID: recurrenceID)
                result.occurrences.append(try Self.insertBooking(context, row, queue: around.holds).uid)
            }
            if !result.skipped.isEmpty {
                try context.update(recurrenceID, [RecurrenceChange.exceptions(Series.json(exceptions))])
            }
            if result.occurrences.isEmpty, context.violations.isEmpty {
                throw SlateError.refused([RuleViolation(.doubleBooking, "every occurrence of the series clashes; nothing was booked")])
            }
            result.series = PublicID.make(prefix: PublicID.prefix(forTable: "recurrences"), id: recurrenceID)
            context.summary = "\(placement.status == .hold ? "hold" : "book") \(resource.name) \(rule.text) from \(studio.text(first)): \(Plural.count(result.occurrences.count, "occurrence"))"
            return result
        }
    }

    /// Series the user may see (those with an occurrence they may see).
    public func series() throws -> [SeriesSummary] {
        try read { reader in
            // A series repeats bookings of a resource, or shows.
            let rows = try Row.fetchAll(reader.db, sql: """
                SELECT rc.*, coalesce(r.name, 'show ' || sh.title) AS resource, s.time_zone,
                       (SELECT count(*) FROM bookings x WHERE x.recurrence_id = rc.id AND x.status IN ('hold', 'confirmed') AND x.deleted_at IS NULL)
                       + (SELECT count(*) FROM shows x WHERE x.recurrence_id = rc.id AND x.status IN ('draft', 'confirmed', 'live') AND x.deleted_at IS NULL) AS live,
                       min(ifnull((SELECT min(x.start_at) FROM bookings x WHERE x.recurrence_id = rc.id AND x.status IN ('hold', 'confirmed') AND x.deleted_at IS NULL AND x.end_at > ?1), 9e18),
                           ifnull((SELECT min(x.start_at) FROM shows x WHERE x.recurrence_id = rc.id AND x.status IN ('draft', 'confirmed') AND x.deleted_at IS NULL AND x.end_at > ?1), 9e18)) AS next
                FROM recurrences rc
                LEFT JOIN bookings b ON b.id = (SELECT min(id) FROM bookings WHERE recurrence_id = rc.id)
                LEFT JOIN resources r ON r.id = b.resource_id
                LEFT JOIN shows sh ON sh.id = (SELECT min(id) FROM shows WHERE recurrence_id = rc.id)
                JOIN studios s ON s.id = coalesce(r.studio_id, sh.studio_id)
                WHERE rc.deleted_at IS NULL
                  AND ((b.id IS NOT NULL AND \(reader.visibility.predicate("bookings", alias: "b"))) OR (sh.id IS NOT NULL AND \(reader.visibility.predicate("shows", alias: "sh"))))
                ORDER BY rc.id
                """, arguments: [reader.now])
            return rows.map { row in
                let zone = LocalTime.cached(row["time_zone"]) ?? LocalTime(timeZone: .gmt)
                let record = SeriesRecord(row, zone: zone)
                let next = (row["next"] as Double?).flatMap { $0 < 9e18 ? Int64($0) : nil }
                return SeriesSummary(uid: record.uid, resource: row["resource"], rule: record.rule.text, first: Timestamp(record.first.start, in: zone, words: reader.settings.words),
                                     live: row["live"], next: next.map { Timestamp($0, in: zone, words: reader.settings.words) }, exceptions: record.exceptions.map(\.iso))
            }
        }
    }

    /// The occurrences of a series (every booking, whatever its status).
    public func seriesOccurrences(_ uid: String) throws -> [BookingView] {
        try read { reader in
            let id = try reader.seriesRow(uid)["id"] as Int64
            return try Row.fetchAll(reader.db, sql: Self.viewSQL + " WHERE b.recurrence_id = ? AND b.deleted_at IS NULL ORDER BY b.start_at, b.id", arguments: [id])
                .map { try Self.view($0, reader) }
        }
    }

    /// Cancels the occurrences of a series in `scope` (holds are released, bookings
    /// cancelled; those already over are left alone), as one command. "This and following"
    /// ends the series the day before; "this only" makes its day an exception.
    public func cancelSeries(_ uid: String, scope: SeriesScope = .all) throws -> Outcome<[String]> {
        try perform("series cancel") { context in
            if let shows = try Self.showsInScope(context, uid: uid, scope: scope) {
                try Self.narrow(context, shows.record, zone: shows.zone, scope: scope, start: { uid in try context.show(uid: uid).interval.start })
                // Drafts reserved nothing and go; confirmed shows are cancelled with their bookings.
                for show in shows.shows {
                    if show.status == .draft { try context.softDelete("shows", id: show.id) } else { try Self.transition(context, show: show, to: .cancelled) }
                }
                context.summary = "cancel \(Plural.count(shows.shows.count, "show")) of series \(uid)"
                return shows.shows.map(\.uid)
            }
            let (record, zone, bookings) = try Self.seriesInScope(context, uid: uid, scope: scope)
            for booking in bookings {
                try BookingQueue.retire(context, booking: booking, to: booking.status == .hold ? .released : .cancelled)
            }
            try Self.narrow(context, record, zone: zone, scope: scope, start: { uid in try Self.occurrence(context, record: record, uid: uid).interval.start })
            context.summary = "cancel \(Plural.count(bookings.count, "occurrence")) of series \(uid)"
            return bookings.map(\.uid)
        }
    }

    /// Moves the occurrences of a series in `scope` to a new time of day (`HH:MM`, each on
    /// its own day, in the studio's zone) and, when given, a new length: every occurrence
    /// checked like a move of its own, one command; a clash refuses them all.
    public func retimeSeries(_ uid: String, scope: SeriesScope = .all, at time: String, minutes length: Int? = nil, plan: Bool = false) throws -> Outcome<[String]> {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]), time.count == 5 else {
            throw SlateError.invalidInput("--at: a time of day, 10:30")
        }
        if let length, !(1...(24 * 60 - 1)).contains(length) { throw SlateError.invalidInput("--for: from 1 minute to less than a day") }
        return try perform("series move", plan: plan) { context in
            /// The same day at the new time, with the new length or its own.
            func retimed(_ interval: Interval, _ zone: LocalTime) throws -> Interval {
                let start = try zone.parse("\(zone.day(of: interval.start).iso)T\(time)")
                return Interval(start: start, end: start + (length.map { Int64($0) * 60 } ?? interval.duration))
            }
            var moved: [String] = []
            let record: SeriesRecord
            let zone: LocalTime
            if let shows = try Self.showsInScope(context, uid: uid, scope: scope) {
                (record, zone) = (shows.record, shows.zone)
                for show in shows.shows {
                    let interval = try retimed(show.interval, zone)
                    try ShowMove.apply(context, showID: show.id, to: interval, forceReason: nil)
                    moved.append("\(show.uid) → \(context.settings.words.span(interval, in: zone))")
                }
            } else {
                let bookings: [BookingSnapshot]
                (record, zone, bookings) = try Self.seriesInScope(context, uid: uid, scope: scope)
                // A series repeats one resource.
                let ref = try String.fetchOne(context.db, sql: "SELECT uid FROM resources WHERE id = ?", arguments: [bookings[0].resourceID]) ?? ""
                let (resource, studio, _) = try context.resource(ref: ref, checkAccess: false)
                for booking in bookings {
                    let interval = try retimed(booking.interval, zone)
                    try Session.moveBooking(context, booking, of: resource, in: studio, to: interval, forceReason: nil, label: "occurrence \(studio.text(booking.interval))")
                    moved.append("\(booking.uid) → \(studio.text(interval))")
                }
            }
            if scope == .all {
                // The series' own time follows, so later exports and occurrences agree.
                let first = try retimed(record.first, zone)
                try context.update(record.id, [RecurrenceChange.startAt(first.start), .endAt(first.end)])
            }
            context.summary = "move \(Plural.count(moved.count, "occurrence")) of series \(uid) to \(time)"
            return moved
        }
    }

    /// The series, its studio's zone and its live occurrences in `scope` that are not over.
    static func seriesInScope(_ context: CommandContext, uid: String, scope: SeriesScope) throws -> (SeriesRecord, LocalTime, [BookingSnapshot]) {
        let row = try context.seriesRow(uid)
        let studioID = try Int64.fetchOne(context.db, sql: """
            SELECT r.studio_id FROM bookings b JOIN resources r ON r.id = b.resource_id WHERE b.recurrence_id = ? ORDER BY b.id LIMIT 1
            """, arguments: [row["id"] as Int64]) ?? 0
        let studio = try context.studio(id: studioID)
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "change series")
        let record = SeriesRecord(row, zone: studio.zone)
        let live = try Row.fetchAll(context.db, sql: """
            SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
            WHERE b.recurrence_id = ? AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL AND b.end_at > ? ORDER BY b.start_at, b.id
            """, arguments: [record.id, context.now]).map(BookingQueue.snapshot)
        let bookings = try inScope(live, scope, uid: \.uid, start: \.interval.start) { try occurrence(context, record: record, uid: $0).interval.start }
        guard !bookings.isEmpty else { throw SlateError.invalidInput("series \(uid) has no live occurrence to change there") }
        return (record, studio.zone, bookings)
    }

    /// A series of shows: its record, zone and the shows in `scope` that are not over; nil
    /// for a series of bookings.
    static func showsInScope(_ context: CommandContext, uid: String, scope: SeriesScope) throws -> (record: SeriesRecord, zone: LocalTime, shows: [ShowRecord])? {
        let row = try context.seriesRow(uid)
        var shows = try Row.fetchAll(context.db, sql: """
            SELECT * FROM shows WHERE recurrence_id = ? AND deleted_at IS NULL AND status IN ('draft', 'confirmed') AND end_at > ? ORDER BY start_at, id
            """, arguments: [row["id"] as Int64, context.now]).map(ShowRecord.init)
        guard let first = shows.first else {
            let any = try Int.fetchOne(context.db, sql: "SELECT count(*) FROM shows WHERE recurrence_id = ?", arguments: [row["id"] as Int64]) ?? 0
            if any > 0 { throw SlateError.invalidInput("series \(uid) has no show to change") }
            return nil
        }
        let studio = try context.studio(id: first.studioID)
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "change series")
        shows = try inScope(shows, scope, uid: \.uid, start: \.interval.start) { try context.show(uid: $0).interval.start }
        guard !shows.isEmpty else { throw SlateError.invalidInput("series \(uid) has no show to change there") }
        return (SeriesRecord(row, zone: studio.zone), studio.zone, shows)
    }

    /// The occurrences of `items` a scope takes: all, those from the named one on, or it alone.
    static func inScope<T>(_ items: [T], _ scope: SeriesScope, uid: (T) -> String, start: (T) -> Int64, startOf: (String) throws -> Int64) throws -> [T] {
        switch scope {
        case .all: return items
        case .following(let from):
            let first = try startOf(from)
            return items.filter { start($0) >= first }
        case .only(let one): return items.filter { uid($0) == one }
        }
    }

    /// After "this and following" the series ends the day before; after "this only" that
    /// day is an exception.
    static func narrow(_ context: CommandContext, _ record: SeriesRecord, zone: LocalTime, scope: SeriesScope, start: (String) throws -> Int64) throws {
        switch scope {
        case .all: break
        case .following(let from):
            let day = zone.day(of: try start(from))
            try context.update(record.id, [RecurrenceChange.untilAt(zone.start(of: day - 1)), .count(nil)])
        case .only(let one):
            let day = zone.day(of: try start(one))
            try context.update(record.id, [RecurrenceChange.exceptions(Series.json(record.exceptions + [day]))])
        }
    }

    /// A booking of the series, by public id.
    static func occurrence(_ context: CommandContext, record: SeriesRecord, uid: String) throws -> BookingSnapshot {
        guard let row = try Row.fetchOne(context.db, sql: """
            SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id WHERE b.uid = ? AND b.recurrence_id = ? AND b.deleted_at IS NULL
            """, arguments: [uid, record.id]) else {
            throw SlateError.invalidInput("\(TextInput.printable(uid)) is not an occurrence of series \(record.uid)")
        }
        return BookingQueue.snapshot(row)
    }
}

extension Lookup {
    /// A live series the actor may see (through its occurrences), by public id.
    func seriesRow(_ uid: String) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT rc.* FROM recurrences rc WHERE rc.uid = ? AND rc.deleted_at IS NULL
              AND (EXISTS (SELECT 1 FROM bookings b WHERE b.recurrence_id = rc.id AND \(visibility.predicate("bookings", alias: "b")))
                   OR EXISTS (SELECT 1 FROM shows sh WHERE sh.recurrence_id = rc.id AND \(visibility.predicate("shows", alias: "sh"))))
            """, arguments: [uid]) else {
            throw SlateError.notFound("no series with id '\(TextInput.printable(uid))'")
        }
        return row
    }
}

enum RecurrenceChange: RowChange {
    static let table = "recurrences"
    case exceptions(String), untilAt(Int64?), count(Int?), startAt(Int64), endAt(Int64)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .exceptions(let value): ("exceptions", value)
        case .untilAt(let value): ("until_at", value)
        case .count(let value): ("count", value)
        case .startAt(let value): ("start_at", value)
        case .endAt(let value): ("end_at", value)
        }
    }
}
