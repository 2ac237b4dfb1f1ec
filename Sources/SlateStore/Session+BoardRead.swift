import GRDB
import SlateCore

/// A show on the draft board: what its card says, and what it would clash with.
public struct BoardShow: Encodable, Sendable, Equatable {
    public var uid, title: String
    public var status: ShowStatus
    /// Times in the studio's zone.
    public var start, end: Timestamp
    public var room: String?
    public var talent, platforms: [String]
    public var type: ShowType
    public var standard: ShowStandard
    public var version: Int
    /// What the draft would clash with, in words (rule 5); empty when it is clear.
    public var clashes: [String]
    /// The series the show is an occurrence of (rule 14).
    public var series: String? = nil
}

/// A schedule's shows for the draft board (view 3).
public struct Board: Encodable, Sendable, Equatable {
    public var schedule: ScheduleSummary
    /// IANA zone of the schedule's studio: the zone the board's days and times are in.
    public var zone: String
    public var shows: [BoardShow]
}

/// Everything about one show, for its card (`Enter` on a show anywhere, `slate show card`).
public struct ShowCard: Encodable, Sendable, Equatable {
    public struct Person: Encodable, Sendable, Equatable {
        public var uid, name: String
        public var rating: Int?
        public var note: String
    }
    public struct Gear: Encodable, Sendable, Equatable {
        public var uid, name: String
        public var booking: BookingStatus?
    }
    public struct Platform: Encodable, Sendable, Equatable {
        public var name, link, platformRef: String
        public var viewers: Int?
    }
    public struct Material: Encodable, Sendable, Equatable {
        public var uid, title, kind: String
        public var revision: Int
    }
    public struct Booking: Encodable, Sendable, Equatable {
        public var uid, resource, kind: String
        public var status: BookingStatus
    }
    public struct Task: Encodable, Sendable, Equatable {
        public var uid, title: String
        public var itemType: TaskItemType
        public var status: TaskStatus
        public var required: Bool
    }
    public struct Comment: Encodable, Sendable, Equatable {
        public var author: String
        public var at: Timestamp
        public var body: String
    }

    public var uid, title, client: String
    public var schedule, scheduleUID: String?
    public var studio, zone: String
    public var type: ShowType
    public var standard: ShowStandard
    public var status: ShowStatus
    public var start, end: Timestamp
    public var room: String?
    public var notes: String
    public var version: Int
    /// The series the show is an occurrence of (rule 14).
    public var series: String?
    public var talent: [Person]
    /// Equipment the show needs, with its booking's status once booked.
    public var equipment: [Gear]
    public var platforms: [Platform]
    public var materials: [Material]
    public var bookings: [Booking]
    public var tasks: [Task]
    /// The show's next lifecycle step and the open required tasks that block it.
    public var nextStep: ShowStatus?
    public var blocking: [String]
    public var clashes: [String]
    public var comments: [Comment]
    public var history: [HistoryEntry]

    /// The card as text: the same in the terminal UI and `slate show card`.
    public var lines: [String] {
        let time = "\(start.span(to: end)) \(LocalTime.placeName(zone))"
        var lines = ["\(title) (\(uid)) · \(status.rawValue)",
                     "Client \(client)\(schedule.map { " · schedule \($0) (\(scheduleUID ?? ""))" } ?? "") · \(studio)",
                     "\(time) · \(type.rawValue) · \(standard.rawValue) · room \(room ?? "none")"]
        if let series { lines.append("Repeats: one of series \(series) (slate series show \(series))") }
        if !notes.isEmpty { lines.append("Notes: \(notes)") }
        lines.append("")
        lines.append("Talent: " + (talent.isEmpty ? "none" : talent.map { "\($0.name)\($0.rating.map { " ★\($0)" } ?? "")\($0.note.isEmpty ? "" : " (\($0.note))")" }.joined(separator: ", ")))
        lines.append("Equipment: " + (equipment.isEmpty ? "none" : equipment.map { "\($0.name)\($0.booking.map { " (\($0.rawValue))" } ?? "")" }.joined(separator: ", ")))
        lines.append("Platforms: " + (platforms.isEmpty ? "none" : platforms.map { platform in
            var parts = [platform.name]
            if !platform.link.isEmpty { parts.append(platform.link) }
            if !platform.platformRef.isEmpty { parts.append("id \(platform.platformRef)") }
            if let viewers = platform.viewers { parts.append("\(viewers) viewers") }
            return parts.joined(separator: " ")
        }.joined(separator: "; ")))
        lines.append("Materials: " + (materials.isEmpty ? "none" : materials.map { "\($0.title) (\($0.kind), rev. \($0.revision))" }.joined(separator: ", ")))
        let live = bookings.filter { $0.status == .confirmed || $0.status == .hold }
        lines.append("Bookings: " + (live.isEmpty ? (status == .draft ? "none yet (a draft reserves nothing)" : "none") : live.map { "\($0.resource) \($0.status.rawValue) (\($0.uid))" }.joined(separator: ", ")))
        for clash in clashes { lines.append("Clash: \(clash)") }
        let counted = tasks.filter { $0.status != .cancelled }
        lines.append("")
        lines.append("Tasks: \(counted.filter { $0.status == .completed }.count)/\(counted.count) done")
        for type in TaskItemType.allCases {
            let ofType = counted.filter { $0.itemType == type }
            guard !ofType.isEmpty else { continue }
            lines.append("  \(type.rawValue.replacingOccurrences(of: "_", with: " ")): \(ofType.filter { $0.status == .completed }.count)/\(ofType.count)")
        }
        if let nextStep {
            lines.append(blocking.isEmpty ? "Next step: \(nextStep.rawValue); nothing blocks it." : "Before it can be \(nextStep.rawValue): " + blocking.joined(separator: ", "))
        }
        if !comments.isEmpty {
            lines.append("")
            lines.append("Comments:")
            lines += comments.map { "  \($0.author) \($0.at.shown): \($0.body)" }
        }
        lines.append("")
        lines.append("History (\(LocalTime.placeName(zone)) time):")
        lines += history.suffix(12).map { "  \($0.at.shown) \($0.user) \($0.action == "insert" ? "created it" : $0.changes)" }
        return lines
    }
}

/// What confirming a schedule would do (the board's `C`, `slate schedule confirm --plan`).
public struct ConfirmationPlan: Encodable, Sendable, Equatable {
    public var schedule, name: String
    /// Each show to confirm, with its time.
    public var shows: [String]
    /// Each booking to create: resource, time, show.
    public var bookings: [String]
    public var tasks: Int
    /// Holds released or moving in their queues.
    public var holds: [String]
    /// Why the confirmation would be refused: every clash, each naming its show.
    public var clashes: [RuleViolation]
    public var warnings: [String]

    public var refused: Bool { !clashes.isEmpty }

    /// The plan as text.
    public var lines: [String] {
        if refused {
            return ["Confirming \(name) would be refused: \(Plural.count(clashes.count, "clash")); nothing is written."] + clashes.map { "  \($0.message)" }
        }
        // What needs a decision comes first: holds that move, warnings; then what is created.
        var lines = ["Confirming \(name) books \(Plural.count(shows.count, "show")) at once, or none: \(Plural.count(bookings.count, "booking")), \(Plural.count(tasks, "task"))."]
        lines.append(holds.isEmpty ? "No hold changes its place in a queue." : "Holds that change (\(holds.count)):")
        lines += holds.map { "  \($0)" }
        lines += warnings.map { "Warning: \($0)" }
        lines.append("Shows to confirm (\(shows.count)):")
        lines += shows.map { "  \($0)" }
        lines.append("Bookings to create (\(bookings.count)):")
        lines += bookings.map { "  \($0)" }
        return lines
    }
}

extension Session {
    /// A schedule's shows with what each draft would clash with.
    public func board(schedule uid: String) throws -> Board {
        try read { reader in
            let schedule = try reader.schedule(uid: uid)
            let studio = try reader.studio(id: schedule.studioID)
            guard let summary = try schedules(reader, id: schedule.id).first else { throw SlateError.notFound("no schedule with id '\(uid)'") }
            var clashes: [String: [String]] = [:]
            for clash in try draftClashList(reader, studios: "\(schedule.studioID)", window: Interval(start: .min / 2, end: .max / 2), scheduleID: schedule.id) {
                clashes[clash.show, default: []].append(clash.text)
            }
            let shows = try Row.fetchAll(reader.db, sql: """
                SELECT sh.uid, sh.title, sh.status, sh.start_at, sh.end_at, rm.name AS room, sh.type, sh.standard, sh.version,
                       (SELECT group_concat(name, ', ') FROM (SELECT t.name FROM show_talent st JOIN talent t ON t.id = st.talent_id
                                                             WHERE st.show_id = sh.id AND st.deleted_at IS NULL ORDER BY st.id)) AS talent,
                       (SELECT group_concat(name, ', ') FROM (SELECT p.name FROM show_platforms sp JOIN platforms p ON p.id = sp.platform_id
                                                             WHERE sp.show_id = sh.id AND sp.deleted_at IS NULL ORDER BY sp.id)) AS platforms,
                       rc.uid AS series
                FROM shows sh LEFT JOIN rooms rm ON rm.id = sh.room_id LEFT JOIN recurrences rc ON rc.id = sh.recurrence_id
                WHERE sh.schedule_id = ? AND sh.deleted_at IS NULL
                ORDER BY sh.start_at, sh.id
                """, arguments: [schedule.id]).map { row in
                BoardShow(uid: row["uid"], title: row["title"], status: ShowStatus(rawValue: row["status"]) ?? .draft,
                          start: Timestamp(row["start_at"], in: studio.zone, words: reader.settings.words), end: Timestamp(row["end_at"], in: studio.zone, words: reader.settings.words), room: row["room"],
                          talent: Self.list(row["talent"]), platforms: Self.list(row["platforms"]),
                          type: ShowType(rawValue: row["type"]) ?? .other, standard: ShowStandard(rawValue: row["standard"]) ?? .standard,
                          version: row["version"], clashes: clashes[row["uid"]] ?? [], series: row["series"])
            }
            return Board(schedule: summary, zone: studio.zone.timeZone.identifier, shows: shows)
        }
    }

    static func list(_ text: String?) -> [String] {
        text.map { $0.components(separatedBy: ", ") } ?? []
    }

    /// Everything about one show the user may see.
    public func showCard(_ uid: String) throws -> ShowCard {
        var card = try read { reader -> ShowCard in
            let show = try reader.show(uid: uid)
            let studio = try reader.studio(id: show.studioID)
            let zone = studio.zone
            let row = try Row.fetchOne(reader.db, sql: """
                SELECT sh.*, c.name AS client, sc.name AS schedule, sc.uid AS schedule_uid, rm.name AS room, rc.uid AS series
                FROM shows sh JOIN clients c ON c.id = sh.client_id LEFT JOIN schedules sc ON sc.id = sh.schedule_id LEFT JOIN rooms rm ON rm.id = sh.room_id
                LEFT JOIN recurrences rc ON rc.id = sh.recurrence_id
                WHERE sh.id = ?
                """, arguments: [show.id])!
            let talent = try Row.fetchAll(reader.db, sql: """
                SELECT t.uid, t.name, st.rating, st.note FROM show_talent st JOIN talent t ON t.id = st.talent_id WHERE st.show_id = ? AND st.deleted_at IS NULL ORDER BY st.id
                """, arguments: [show.id]).map { ShowCard.Person(uid: $0["uid"], name: $0["name"], rating: $0["rating"], note: $0["note"]) }
            let equipment = try Row.fetchAll(reader.db, sql: """
                SELECT e.uid, e.name, (SELECT b.status FROM bookings b WHERE b.show_id = se.show_id AND b.resource_id = e.resource_id AND b.deleted_at IS NULL
                                       ORDER BY b.id DESC LIMIT 1) AS booking
                FROM show_equipment se JOIN equipment e ON e.id = se.equipment_id WHERE se.show_id = ? AND se.deleted_at IS NULL ORDER BY se.id
                """, arguments: [show.id]).map { ShowCard.Gear(uid: $0["uid"], name: $0["name"], booking: ($0["booking"] as String?).flatMap(BookingStatus.init(rawValue:))) }
            let platforms = try Row.fetchAll(reader.db, sql: """
                SELECT p.name, sp.link, sp.platform_ref, sp.viewer_count FROM show_platforms sp JOIN platforms p ON p.id = sp.platform_id
                WHERE sp.show_id = ? AND sp.deleted_at IS NULL ORDER BY sp.id
                """, arguments: [show.id]).map { ShowCard.Platform(name: $0["name"], link: $0["link"], platformRef: $0["platform_ref"], viewers: $0["viewer_count"]) }
            let materials = try Row.fetchAll(reader.db, sql: """
                SELECT m.uid, m.title, m.kind, m.revision FROM show_materials sm JOIN materials m ON m.id = sm.material_id
                WHERE sm.show_id = ? AND sm.deleted_at IS NULL ORDER BY sm.id
                """, arguments: [show.id]).map { ShowCard.Material(uid: $0["uid"], title: $0["title"], kind: $0["kind"], revision: $0["revision"]) }
            let bookings = try Row.fetchAll(reader.db, sql: """
                SELECT b.uid, r.name, r.kind, b.status FROM bookings b JOIN resources r ON r.id = b.resource_id
                WHERE b.show_id = ? AND b.deleted_at IS NULL ORDER BY b.id
                """, arguments: [show.id]).map { ShowCard.Booking(uid: $0["uid"], resource: $0["name"], kind: $0["kind"], status: BookingStatus(rawValue: $0["status"]) ?? .released) }
            let tasks = try Row.fetchAll(reader.db, sql: """
                SELECT uid, title, item_type, status, required FROM tasks WHERE show_id = ? AND deleted_at IS NULL ORDER BY due_at, id
                """, arguments: [show.id]).map {
                ShowCard.Task(uid: $0["uid"], title: $0["title"], itemType: TaskItemType(rawValue: $0["item_type"]) ?? .other,
                              status: TaskStatus(rawValue: $0["status"]) ?? .pending, required: $0["required"])
            }
            let comments = try Row.fetchAll(reader.db, sql: """
                SELECT u.login, k.created_at, k.body FROM comments k JOIN users u ON u.id = k.author_id
                WHERE k.record_table = 'shows' AND k.record_id = ? AND k.deleted_at IS NULL ORDER BY k.id
                """, arguments: [show.id]).map { ShowCard.Comment(author: $0["login"], at: Timestamp($0["created_at"], in: zone, words: reader.settings.words), body: $0["body"]) }
            let next = ShowLifecycle.nextStep(from: show.status)
            let gate = next.flatMap { ShowLifecycle.gate($0) }
            let clashes = show.status == .draft
                ? try draftClashList(reader, studios: "\(show.studioID)", window: show.interval).filter { $0.show == uid }.map(\.text) : []
            return ShowCard(uid: uid, title: show.title, client: row["client"], schedule: row["schedule"], scheduleUID: row["schedule_uid"], studio: studio.name,
                            zone: zone.timeZone.identifier, type: ShowType(rawValue: row["type"]) ?? .other, standard: ShowStandard(rawValue: row["standard"]) ?? .standard,
                            status: show.status, start: Timestamp(show.interval.start, in: zone, words: reader.settings.words), end: Timestamp(show.interval.end, in: zone, words: reader.settings.words), room: row["room"],
                            notes: row["notes"], version: row["version"], series: row["series"], talent: talent, equipment: equipment, platforms: platforms, materials: materials, bookings: bookings, tasks: tasks,
                            nextStep: next, blocking: tasks.filter { $0.itemType == gate && $0.required && $0.status.isOpen }.map(\.title),
                            clashes: clashes, comments: comments, history: [])
        }
        card.history = try history(of: uid)
        return card
    }

    /// What confirming a schedule would do; a refusal is returned as the plan's clashes
    /// (each naming its show) rather than thrown, so a front end can list them.
    public func confirmationPlan(schedule uid: String, forceReason: String? = nil) throws -> ConfirmationPlan {
        let outcome: Outcome<String>
        do {
            outcome = try setScheduleStatus(uid, to: .confirmed, forceReason: forceReason, plan: true)
        } catch SlateError.refused(let violations, _) where !violations.isEmpty && !violations.contains(where: { $0.kind == .transition }) {
            let name = try schedules().first { $0.uid == uid }?.name ?? uid
            return ConfirmationPlan(schedule: uid, name: name, shows: [], bookings: [], tasks: 0, holds: [], clashes: violations, warnings: [])
        }
        return try read { reader in
            let schedule = try reader.schedule(uid: uid)
            let studio = try reader.studio(id: schedule.studioID)
            func value(_ change: Change, _ column: String) -> Int64? { change.fields[column]?.last.flatMap { $0 }.flatMap { Int64($0) } }
            // Names read once for the whole plan (a schedule may confirm a thousand shows).
            var titles: [String: (title: String, interval: Interval)] = [:]
            var titlesByID: [Int64: String] = [:]
            for row in try Row.fetchAll(reader.db.cachedStatement(sql: "SELECT id, uid, title, start_at, end_at FROM shows WHERE schedule_id = ?"), arguments: [schedule.id]) {
                titles[row[1]] = (row[2], Interval(start: row[3], end: row[4]))
                titlesByID[row[0]] = row[2]
            }
            let booked = Set(outcome.changes.filter { $0.table == "bookings" && $0.action == .insert }.compactMap { value($0, "resource_id") })
            let resources = Dictionary(try Row.fetchAll(reader.db.cachedStatement(sql: "SELECT id, name FROM resources WHERE id IN (SELECT value FROM json_each(?))"),
                                                        arguments: ["[" + booked.map(String.init).joined(separator: ",") + "]"])
                .map { ($0[0] as Int64, $0[1] as String) }, uniquingKeysWith: { a, _ in a })
            var shows: [String] = []
            var bookings: [String] = []
            var holds: [String] = []
            for change in outcome.changes {
                switch (change.table, change.action) {
                case ("shows", .update) where change.fields["status"]?.last == "confirmed":
                    let show = titles[change.uid]
                    shows.append("\(show?.title ?? change.uid) \(show.map { studio.text($0.interval) } ?? "") (\(change.uid))")
                case ("bookings", .insert):
                    let interval = Interval(start: value(change, "start_at") ?? 0, end: value(change, "end_at") ?? 1)
                    let resource = value(change, "resource_id").flatMap { resources[$0] } ?? "?"
                    bookings.append("\(resource) \(studio.text(interval)) for \(value(change, "show_id").flatMap { titlesByID[$0] } ?? "?")")
                case ("bookings", .update):
                    let row = try Row.fetchOne(reader.db.cachedStatement(sql: "SELECT r.name, b.start_at, b.end_at FROM bookings b JOIN resources r ON r.id = b.resource_id WHERE b.uid = ?"),
                                               arguments: [change.uid])
                    let what = change.fields["status"]?.last == "released" ? "released" : change.fields["rank"].map { "hold \($0.first.flatMap { $0 } ?? "?") → \($0.last.flatMap { $0 } ?? "?")" }
                    if let what, let row {
                        holds.append("\(row["name"] as String) \(studio.text(Interval(start: row["start_at"], end: row["end_at"]))) \(change.uid): \(what)")
                    }
                default:
                    break
                }
            }
            return ConfirmationPlan(schedule: uid, name: schedule.name, shows: shows, bookings: bookings, tasks: outcome.changes.filter { $0.table == "tasks" && $0.action == .insert }.count,
                                    holds: holds, clashes: [], warnings: outcome.warnings.map(\.message))
        }
    }
}
