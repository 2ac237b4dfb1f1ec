import Foundation
import GRDB
import SlateCore

/// What placing a series did: the series, its bookings, and the occurrences left out
/// because they clashed (only when asked to skip them).
public struct SeriesResult: Sendable, Encodable, Equatable {
    public var series: String
    public var bookings: [String]
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
    /// Places a repeating booking or hold (rule 14): every occurrence is checked like a
    /// single booking, in one command. A clash refuses the whole series with every clashing
    /// occurrence named, unless `skipClashes`, which books the others and lists those left
    /// out (they become exceptions of the series). `except` days are left out from the start.
    public func placeSeries(_ placement: BookingPlacement, rule: RecurrenceRule, except: [String] = [], skipClashes: Bool = false,
                            plan: Bool = false) throws -> Outcome<SeriesResult> {
        try perform(placement.status == .hold ? "hold series" : "book series", plan: plan) { context in
            let (resource, studio, _) = try context.resource(ref: placement.resource)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "book \(resource.name)")
            let zone = studio.zone
            let first = try Interval.validated(start: placement.start.resolve(in: zone), end: placement.end.resolve(in: zone))
            guard first.duration < 86_400 else { throw SlateError.invalidInput("an occurrence of a series lasts less than a day") }
            let firstDay = zone.day(of: first.start)
            if let mismatch = rule.mismatch(first: firstDay) { throw SlateError.invalidInput("--repeat: \(mismatch)") }
            var exceptions = try except.map { text -> Day in
                guard let day = Day(iso: text) else { throw SlateError.invalidInput("--except: '\(TextInput.printable(text))' is not a day (2026-12-24)") }
                return day
            }
            let note = try TextInput.note(placement.note)
            let days = rule.days(from: firstDay)
            if let stray = exceptions.first(where: { !days.contains($0) }) {
                throw SlateError.invalidInput("--except: \(stray.iso) is not a day of the series")
            }
            var recurrence = NewRecurrence(rule: rule, first: first, untilAt: rule.until.map { zone.start(of: $0) }, exceptions: exceptions)
            let recurrenceID = try context.insert(recurrence).id
            var result = SeriesResult(series: "", bookings: [], skipped: [])
            for day in days where !exceptions.contains(day) {
                let interval = zone.shifted(first, days: day - firstDay)
                let around = try BookingQueue.surroundings(context.db, resource: resource.id, interval: interval, studio: studio)
                let outcome = BookingRules.evaluate(BookingRequest(resource: resource, interval: interval, status: placement.status), around: around)
                let label = "\(zone.format(interval))"
                guard outcome.isAllowed else {
                    if skipClashes {
                        result.skipped.append("\(label): " + outcome.violations.map(\.message).joined(separator: "; "))
                        exceptions.append(day)
                    } else {
                        context.violations += outcome.violations.map { RuleViolation($0.kind, "occurrence \(label): \($0.message)", otherUID: $0.otherUID) }
                    }
                    continue
                }
                context.warnings += outcome.warnings.map { RuleWarning($0.kind, "occurrence \(label): \($0.message)") } + BookingRules.timing(interval, now: context.now, zone: zone)
                var row = NewBooking(resourceID: resource.id, holderID: context.actor.userID, showID: nil, status: placement.status, interval: interval,
                                     placedAt: context.now, note: note, recurrenceID: recurrenceID)
                if placement.status == .hold {
                    let queued = try HoldQueue.placement(overlapping: around.holds, now: context.now, firstDays: context.settings.holdExpiryFirstDays,
                                                         otherDays: context.settings.holdExpiryOtherDays)
                    (row.rank, row.expiresAt) = (queued.rank, queued.expiresAt)
                }
                result.bookings.append(try context.insert(row).uid)
            }
            if !result.skipped.isEmpty {
                recurrence.exceptions = exceptions
                try context.update(recurrenceID, [RecurrenceChange.exceptions(Series.json(exceptions))])
            }
            if result.bookings.isEmpty, context.violations.isEmpty {
                throw SlateError.refused([RuleViolation(.doubleBooking, "every occurrence of the series clashes; nothing was booked")])
            }
            result.series = PublicID.make(prefix: PublicID.prefix(forTable: "recurrences"), id: recurrenceID)
            context.summary = "\(placement.status == .hold ? "hold" : "book") \(resource.name) \(rule.text) from \(zone.format(first)): \(result.bookings.count) occurrence(s)"
            return result
        }
    }

    /// Series the user may see (those with an occurrence they may see).
    public func series() throws -> [SeriesSummary] {
        try read { reader in
            let rows = try Row.fetchAll(reader.db, sql: """
                SELECT rc.*, r.name AS resource, s.time_zone,
                       (SELECT count(*) FROM bookings x WHERE x.recurrence_id = rc.id AND x.status IN ('hold', 'confirmed') AND x.deleted_at IS NULL) AS live,
                       (SELECT min(x.start_at) FROM bookings x WHERE x.recurrence_id = rc.id AND x.status IN ('hold', 'confirmed') AND x.deleted_at IS NULL AND x.end_at > ?) AS next
                FROM recurrences rc
                JOIN bookings b ON b.id = (SELECT min(id) FROM bookings WHERE recurrence_id = rc.id)
                JOIN resources r ON r.id = b.resource_id JOIN studios s ON s.id = r.studio_id
                WHERE rc.deleted_at IS NULL AND \(reader.visibility.predicate("bookings", alias: "b"))
                ORDER BY rc.id
                """, arguments: [reader.now])
            return rows.map { row in
                let zone = LocalTime.cached(row["time_zone"]) ?? LocalTime(timeZone: .gmt)
                let record = SeriesRecord(row, zone: zone)
                return SeriesSummary(uid: record.uid, resource: row["resource"], rule: record.rule.text, first: Timestamp(record.first.start, in: zone),
                                     live: row["live"], next: (row["next"] as Int64?).map { Timestamp($0, in: zone) }, exceptions: record.exceptions.map(\.iso))
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
            let (record, zone, bookings) = try Self.seriesInScope(context, uid: uid, scope: scope)
            for booking in bookings {
                try BookingQueue.retire(context, booking: booking, to: booking.status == .hold ? .released : .cancelled)
            }
            switch scope {
            case .all: break
            case .following(let from):
                let day = zone.day(of: try Self.occurrence(context, record: record, uid: from).interval.start)
                try context.update(record.id, [RecurrenceChange.untilAt(zone.start(of: day - 1)), .count(nil)])
            case .only(let one):
                let day = zone.day(of: try Self.occurrence(context, record: record, uid: one).interval.start)
                try context.update(record.id, [RecurrenceChange.exceptions(Series.json(record.exceptions + [day]))])
            }
            context.summary = "cancel \(bookings.count) occurrence(s) of series \(uid)"
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
            let (record, zone, bookings) = try Self.seriesInScope(context, uid: uid, scope: scope)
            var moved: [String] = []
            for booking in bookings {
                let day = zone.day(of: booking.interval.start)
                let start = try zone.parse("\(day.iso)T\(time)")
                let interval = Interval(start: start, end: start + Int64(length.map { $0 * 60 } ?? Int(booking.interval.duration)))
                let (resource, studio, _) = try context.resource(ref: try String.fetchOne(context.db, sql: "SELECT uid FROM resources WHERE id = ?", arguments: [booking.resourceID]) ?? "",
                                                                 checkAccess: false)
                try Session.moveBooking(context, booking, of: resource, in: studio, to: interval, forceReason: nil, label: "occurrence \(zone.format(booking.interval))")
                moved.append("\(booking.uid) → \(zone.format(interval))")
            }
            if scope == .all {
                // The series' own time follows, so later exports and occurrences agree.
                let start = try zone.parse("\(zone.day(of: record.first.start).iso)T\(time)")
                try context.update(record.id, [RecurrenceChange.startAt(start), .endAt(start + Int64(length.map { $0 * 60 } ?? Int(record.first.duration)))])
            }
            context.summary = "move \(bookings.count) occurrence(s) of series \(uid) to \(time)"
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
        var bookings = try Row.fetchAll(context.db, sql: """
            SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
            WHERE b.recurrence_id = ? AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL AND b.end_at > ? ORDER BY b.start_at, b.id
            """, arguments: [record.id, context.now]).map(BookingQueue.snapshot)
        switch scope {
        case .all: break
        case .following(let from):
            let start = try occurrence(context, record: record, uid: from).interval.start
            bookings = bookings.filter { $0.interval.start >= start }
        case .only(let one):
            bookings = bookings.filter { $0.uid == one }
        }
        guard !bookings.isEmpty else { throw SlateError.invalidInput("series \(uid) has no live occurrence to change there") }
        return (record, studio.zone, bookings)
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
              AND EXISTS (SELECT 1 FROM bookings b WHERE b.recurrence_id = rc.id AND \(visibility.predicate("bookings", alias: "b")))
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
