import Foundation
import GRDB
import SlateCore

/// A new show (a draft until confirmed).
public struct ShowInput: Sendable, Equatable {
    /// The client by id or name; empty for the schedule's client.
    public var client: String
    public var schedule: String?
    public var studio: String?
    public var room: String?
    public var title: String
    public var start: When
    public var end: When
    public var type: ShowType
    public var standard: ShowStandard
    public var talent: [String]
    public var platforms: [String]
    /// Equipment by id or name, booked with the show when it is confirmed.
    public var equipment: [String]
    /// Materials of the client, by id or title.
    public var materials: [String]
    public var notes: String

    public init(client: String, schedule: String? = nil, studio: String? = nil, room: String? = nil, title: String, start: When, end: When,
                type: ShowType = .bau, standard: ShowStandard = .standard, talent: [String] = [], platforms: [String] = [], equipment: [String] = [], materials: [String] = [], notes: String = "") {
        self.client = client
        self.schedule = schedule
        self.studio = studio
        self.room = room
        self.title = title
        self.start = start
        self.end = end
        self.type = type
        self.standard = standard
        self.talent = talent
        self.platforms = platforms
        self.equipment = equipment
        self.materials = materials
        self.notes = notes
    }
}

extension Session {
    // MARK: schedules

    /// Creates a draft schedule for one client and studio; studio manager.
    public func addSchedule(studio: String? = nil, client: String, name: String) throws -> Outcome<String> {
        try perform("schedule add") { context in
            let studio = try context.studio(refOrOnly: studio)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "create schedules")
            let client = try context.client(ref: client)
            let name = try TextInput.name(name)
            let row = try context.insert(NewSchedule(studioID: studio.id, clientID: client.id, name: name))
            context.summary = "add schedule \(name) for \(client.name)"
            return row.uid
        }
    }

    /// Moves a schedule through its lifecycle (rule 8). Confirming promotes every draft
    /// show in one transaction (rule 6): all bookings and tasks or nothing, with every
    /// clash listed. A client manager may send a proposed schedule back to draft or approve it.
    public func setScheduleStatus(_ uid: String, to target: ScheduleStatus, forceReason: String? = nil, plan: Bool = false) throws -> Outcome<String> {
        try perform("schedule \(target.rawValue)", plan: plan) { context in
            let schedule = try context.schedule(uid: uid)
            let studio = try context.studio(id: schedule.studioID)
            let clientID = schedule.clientID
            let status = schedule.status
            let clientMayDecide = status == .proposed && (target == .draft || target == .confirmed) && (context.policy.role(inClient: clientID) ?? .member) >= .manager
            if !clientMayDecide || forceReason != nil {
                // Forcing releases the studio's holds: only its managers may do that.
                try context.require(.manager, studio: studio.id, studioName: studio.name, to: forceReason == nil ? "change schedules" : "force a confirmation")
            }
            let name = schedule.name
            let violations = ScheduleLifecycle.check("\(name) (\(uid))", from: status, to: target)
            guard violations.isEmpty else { throw SlateError.refused(violations) }
            try context.update(schedule.id, [ScheduleChange.status(target)])
            if target == .confirmed {
                let shows = try Row.fetchAll(context.db, sql: "SELECT * FROM shows WHERE schedule_id = ? AND status = 'draft' AND deleted_at IS NULL ORDER BY start_at, id", arguments: [schedule.id]).map(ShowRecord.init)
                try ShowPromotion.confirm(context, shows: shows, studio: studio, forceReason: forceReason)
                context.summary = "confirm schedule \(name): \(Plural.count(shows.count, "show"))"
            } else if target == .cancelled {
                let shows = try Int64.fetchAll(context.db, sql: "SELECT id FROM shows WHERE schedule_id = ? AND status = 'draft' AND deleted_at IS NULL", arguments: [schedule.id])
                for show in shows { try context.update(show, [ShowChange.status(.cancelled)]) }
                context.summary = "cancel schedule \(name)"
            } else {
                context.summary = "schedule \(name): \(status.rawValue) -> \(target.rawValue)"
            }
            return uid
        }
    }

    /// Schedules the user may see: studio staff see their studios', client members their client's.
    public func schedules() throws -> [ScheduleSummary] {
        try read { reader in try schedules(reader) }
    }

    /// Schedules the reader may see (or the one with row id `id`), with the days their shows span.
    func schedules(_ reader: Reader, id: Int64? = nil) throws -> [ScheduleSummary] {
        try reader.fetch("""
            SELECT sc.uid, sc.name, sc.status, c.name AS client, s.name AS studio, s.time_zone,
                   count(sh.id) AS shows, min(sh.start_at) AS first, max(sh.end_at) AS last, sc.version
            FROM schedules sc JOIN clients c ON c.id = sc.client_id JOIN studios s ON s.id = sc.studio_id
            LEFT JOIN shows sh ON sh.schedule_id = sc.id AND sh.deleted_at IS NULL
            WHERE sc.deleted_at IS NULL AND (? IS NULL OR sc.id = ?) AND \(reader.visibility.predicate("schedules", alias: "sc"))
            GROUP BY sc.id ORDER BY sc.id
            """, [id, id]) { row, format in
            let zone = LocalTime.cached(row["time_zone"]) ?? LocalTime(timeZone: .gmt)
            return ScheduleSummary(uid: row["uid"], name: row["name"], status: ScheduleStatus(rawValue: row["status"]) ?? .draft, client: row["client"],
                                   studio: row["studio"], shows: row["shows"], first: (row["first"] as Int64?).map { Timestamp($0, in: zone, words: format.words) },
                                   last: (row["last"] as Int64?).map { Timestamp($0, in: zone, words: format.words) }, version: row["version"])
        }
    }

    // MARK: shows

    /// Adds a draft show; drafts reserve nothing (rule 5). Studio manager.
    public func addShow(_ input: ShowInput) throws -> Outcome<String> {
        try perform("show add") { context in try ShowWriting.insert(context, input) }
    }

    /// Adds talent to a show (before or after confirmation; a confirmed show books them at once).
    public func addShowTalent(show: String, talent: String) throws -> Outcome<String> {
        try perform("show talent add") { context in
            let record = try context.show(uid: show)
            let studio = try context.studio(id: record.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "cast shows")
            let status = record.status
            guard status.acceptsTalent else {
                throw SlateError.refused([RuleViolation(.transition, "show \(show) is \(status.rawValue); talent can be added to draft or confirmed shows only")])
            }
            let uid = try ShowWriting.addTalent(context, showID: record.id, ref: talent, studio: studio)
            if status == .confirmed {
                try ShowPromotion.confirm(context, show: try context.show(id: record.id), studio: studio, forceReason: nil, alreadyConfirmed: true)
            }
            context.summary = "add \(talent) to show \(record.title)"
            return uid
        }
    }

    /// Takes talent off a show: their live booking for it is cancelled and their open
    /// review tasks are cancelled (completed work is kept).
    public func removeShowTalent(show: String, talent: String) throws -> Outcome<String> {
        try perform("show talent remove") { context in
            let record = try context.show(uid: show)
            let studio = try context.studio(id: record.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "cast shows")
            let person = try context.talent(ref: talent)
            guard let link = try Row.fetchOne(context.db, sql: "SELECT id, uid FROM show_talent WHERE show_id = ? AND talent_id = ? AND deleted_at IS NULL",
                                              arguments: [record.id, person.id]) else {
                throw SlateError.invalidInput("\(person.name) is not on show \(record.title)")
            }
            try ShowWriting.removeTalent(context, showID: record.id, link: link["id"])
            context.summary = "take \(person.name) off show \(record.title)"
            return link["uid"]
        }
    }

    /// Adds a platform to a show; a confirmed show gets its platform review tasks at once.
    public func addShowPlatform(show: String, platform: String) throws -> Outcome<String> {
        try perform("show platform add") { context in
            let record = try context.show(uid: show)
            let studio = try context.studio(id: record.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "plan shows")
            guard record.status.acceptsTalent else {
                throw SlateError.refused([RuleViolation(.transition, "show \(show) is \(record.status.rawValue); platforms can be added to draft or confirmed shows only")])
            }
            let uid = try ShowWriting.addPlatform(context, showID: record.id, ref: platform)
            if record.status == .confirmed { try ShowPromotion.generateTasks(context, shows: [record], studioID: studio.id) }
            context.summary = "add platform \(platform) to show \(record.title)"
            return uid
        }
    }

    /// Takes a platform off a show; its open review tasks are cancelled.
    public func removeShowPlatform(show: String, platform: String) throws -> Outcome<String> {
        try perform("show platform remove") { context in
            let record = try context.show(uid: show)
            let studio = try context.studio(id: record.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "plan shows")
            let platformID = try context.id("platforms", ref: platform, what: "platform")
            guard let link = try Row.fetchOne(context.db, sql: "SELECT id, uid FROM show_platforms WHERE show_id = ? AND platform_id = ? AND deleted_at IS NULL",
                                              arguments: [record.id, platformID]) else {
                throw SlateError.invalidInput("the show is not on that platform")
            }
            try ShowWriting.removePlatform(context, link: link["id"])
            context.summary = "take platform \(platform) off show \(record.title)"
            return link["uid"]
        }
    }

    /// Confirms one draft show: books its room and talent and generates its tasks (rules 6, 9).
    public func confirmShow(_ uid: String, forceReason: String? = nil, plan: Bool = false) throws -> Outcome<String> {
        try perform("show confirm", plan: plan) { context in
            let show = try context.show(uid: uid)
            let studio = try context.studio(id: show.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "confirm shows")
            let violations = ShowLifecycle.check("\(show.title) (\(uid))", from: show.status, to: .confirmed, tasks: [])
            guard violations.isEmpty else { throw SlateError.refused(violations) }
            try ShowPromotion.confirm(context, show: show, studio: studio, forceReason: forceReason)
            context.summary = "confirm show \(show.title)"
            return uid
        }
    }

    /// Moves a show to live, completed or cancelled (rule 7). Cancelling releases its bookings.
    public func setShowStatus(_ uid: String, to target: ShowStatus) throws -> Outcome<String> {
        guard target != .confirmed else { return try confirmShow(uid) }
        return try perform("show \(target.rawValue)") { context in
            try Self.transition(context, show: try context.show(uid: uid), to: target)
            return uid
        }
    }

    /// Cancels the show a booking belongs to, with all its bookings (rule 15), as the
    /// booking grid does when the user cancels one of them. `expectedVersion` is the
    /// booking's version the user saw.
    public func cancelShow(ofBooking booking: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("show cancelled") { context in
            let (snapshot, _, _) = try Self.liveBooking(context, uid: booking, action: "cancel", expectedVersion: expectedVersion)
            guard let show = try Self.owningShow(context, booking: snapshot.id) else {
                throw SlateError.invalidInput("\(booking) is not a show's booking")
            }
            try Self.transition(context, show: try context.show(id: show.id), to: .cancelled)
            return show.uid
        }
    }

    static func transition(_ context: CommandContext, show: ShowRecord, to target: ShowStatus) throws {
        let uid = show.uid
        let studio = try context.studio(id: show.studioID)
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "change shows")
        let status = show.status
        let showID = show.id
        let tasks = try Row.fetchAll(context.db, sql: "SELECT uid, title, item_type, required, status FROM tasks WHERE show_id = ? AND deleted_at IS NULL", arguments: [showID]).map {
            TaskGateInfo(uid: $0["uid"], title: $0["title"], itemType: TaskItemType(rawValue: $0["item_type"]) ?? .other, required: $0["required"], status: TaskStatus(rawValue: $0["status"]) ?? .pending)
        }
        let violations = ShowLifecycle.check("\(show.title) (\(uid))", from: status, to: target, tasks: tasks)
        guard violations.isEmpty else { throw SlateError.refused(violations) }
        try context.update(showID, [ShowChange.status(target)])
        if target == .cancelled {
            let bookings = try Row.fetchAll(context.db, sql: """
                SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
                WHERE b.show_id = ? AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL
                """, arguments: [showID]).map(BookingQueue.snapshot)
            for booking in bookings {
                try BookingQueue.retire(context, booking: booking, to: booking.status == .hold ? .released : .cancelled)
            }
        }
        context.summary = "show \(show.title): \(status.rawValue) -> \(target.rawValue)"
    }

    /// Moves or resizes a whole show (rule 15): every live booking of it moves to the new
    /// times, each clash-checked, in one command and one undo step; any clash refuses all.
    public func moveShow(_ uid: String, start: When, end: When, expectedVersion: Int? = nil, forceReason: String? = nil, plan: Bool = false) throws -> Outcome<String> {
        try perform("show move", plan: plan) { context in
            let show = try context.show(uid: uid)
            let studio = try context.studio(id: show.studioID)
            try context.requireVersion("shows", id: show.id, expected: expectedVersion)
            let interval = try Interval.validated(start: start.resolve(in: studio.zone), end: end.resolve(in: studio.zone))
            try ShowMove.apply(context, showID: show.id, to: interval, forceReason: forceReason)
            context.summary = "move \(show.label) to \(studio.text(interval))"
            return uid
        }
    }

    /// Shows the user may see, optionally of one schedule or one series.
    public func shows(schedule: String? = nil, series: String? = nil) throws -> [ShowSummary] {
        try read { reader in
            var sql = """
                SELECT sh.uid, sh.title, sh.status, sh.start_at, sh.end_at, c.name AS client, rm.name AS room, sc.uid AS schedule,
                       (SELECT group_concat(t.name, ', ') FROM show_talent st JOIN talent t ON t.id = st.talent_id WHERE st.show_id = sh.id AND st.deleted_at IS NULL) AS talent,
                       sh.type, sh.standard, sh.version
                FROM shows sh JOIN clients c ON c.id = sh.client_id LEFT JOIN rooms rm ON rm.id = sh.room_id LEFT JOIN schedules sc ON sc.id = sh.schedule_id
                WHERE sh.deleted_at IS NULL AND \(reader.visibility.predicate("shows", alias: "sh"))
                """
            var arguments: [any DatabaseValueConvertible] = []
            if let schedule {
                sql += " AND sh.schedule_id = ?"
                arguments.append(try reader.schedule(uid: schedule).id)
            }
            if let series {
                sql += " AND sh.recurrence_id = ?"
                arguments.append(try reader.seriesRow(series)["id"] as Int64)
            }
            return try reader.fetch(sql + " ORDER BY sh.start_at, sh.id", StatementArguments(arguments)) { row, format in
                ShowSummary(uid: row["uid"], title: row["title"], status: ShowStatus(rawValue: row["status"]) ?? .draft,
                            startAt: format.time(row["start_at"] as Int64), endAt: format.time(row["end_at"] as Int64), client: row["client"], room: row["room"],
                            schedule: row["schedule"], talent: (row["talent"] as String?).map { $0.components(separatedBy: ", ") } ?? [],
                            type: ShowType(rawValue: row["type"]) ?? .other, standard: ShowStandard(rawValue: row["standard"]) ?? .standard, version: row["version"])
            }
        }
    }
}

/// Rule 15: a show and its bookings move as one.
enum ShowMove {
    /// Moves the show and every live booking of it to `interval`, each booking checked like
    /// a move of its own; violations are collected with the show named.
    static func apply(_ context: CommandContext, showID: Int64, to interval: Interval, forceReason: String?) throws {
        let show = try context.show(id: showID)
        let studio = try context.studio(id: show.studioID)
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "move shows")
        let label = show.label
        let status = show.status
        guard status.isMovable else {
            throw SlateError.refused([RuleViolation(.transition, "\(label) is \(status.rawValue); only draft and confirmed shows can be moved")])
        }
        let before = context.violations.count
        try BookingQueue.moveLive(context, of: .show(showID), to: interval, forceReason: forceReason, label: label)
        for index in before..<context.violations.count { context.violations[index].subjectUID = show.uid }
        if !context.violations.isEmpty { return }
        if status == .draft { context.warnings += BookingRules.timing(interval, now: context.now, zone: studio.zone, words: studio.words) }
        try context.update(showID, [ShowChange.startAt(interval.start), .endAt(interval.end)])
        try moveOpenTasks(context, showID: showID, startShift: interval.start - show.interval.start, endShift: interval.end - show.interval.end)
    }

    /// The show's open tasks keep their place beside it: a task due from the show's end
    /// (by its template item) moves with the end, any other with the start. Completed and
    /// cancelled tasks keep the time they had.
    private static func moveOpenTasks(_ context: CommandContext, showID: Int64, startShift: Int64, endShift: Int64) throws {
        guard startShift != 0 || endShift != 0 else { return }
        let tasks = try Row.fetchAll(context.db, sql: """
            SELECT t.id, t.due_at, ifnull(i.due_from, 'start') AS anchor FROM tasks t LEFT JOIN task_template_items i ON i.id = t.template_item_id
            WHERE t.show_id = ? AND t.deleted_at IS NULL AND t.due_at IS NOT NULL AND t.status NOT IN ('completed', 'cancelled') ORDER BY t.id
            """, arguments: [showID])
        for task in tasks {
            let shift = (task["anchor"] as String) == DueAnchor.end.rawValue ? endShift : startShift
            if shift != 0 { try context.update(task["id"] as Int64, [TaskChange.dueAt((task["due_at"] as Int64) + shift)]) }
        }
    }
}

// MARK: read models

/// A schedule of `schedule list`.
public struct ScheduleSummary: ReadModel, Equatable {
    public var uid, name: String
    public var status: ScheduleStatus
    public var client, studio: String
    public var shows: Int
    /// The start of its first show and the end of its last, in the studio's zone: the
    /// window the draft board shows.
    public var first, last: Timestamp?
    public var version: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("name", .text(name)), ("status", .text(status.rawValue)), ("client", .text(client)), ("studio", .text(studio)),
                 ("shows", .int(Int64(shows))), ("first_show", .time(first)), ("last_show", .time(last)), ("version", .int(Int64(version)))])
    }
}

/// A show of `show list`.
public struct ShowSummary: ReadModel, Equatable {
    public var uid, title: String
    public var status: ShowStatus
    public var startAt, endAt: Timestamp
    public var client: String
    public var room, schedule: String?
    public var talent: [String]
    public var type: ShowType
    public var standard: ShowStandard
    public var version: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("title", .text(title)), ("status", .text(status.rawValue)), ("start_at", .time(startAt)), ("end_at", .time(endAt)),
                 ("client", .text(client)), ("room", .text(room)), ("schedule", .text(schedule)), ("talent", .text(talent.isEmpty ? nil : talent.joined(separator: ", "))),
                 ("type", .text(type.rawValue)), ("standard", .text(standard.rawValue)), ("version", .int(Int64(version)))])
    }
}
