import GRDB
import SlateCore

/// A bookable resource as the booking grid shows it.
public struct GridResource: Sendable, Equatable {
    public var id: Int64
    public var uid: String
    public var name: String
    public var kind: ResourceKind
    public var studioUID: String
    public var studioName: String
    public var zone: String
    public var openingHours: String
    public var skills: String
    public var tags: String

    public init(id: Int64, uid: String, name: String, kind: ResourceKind, studioUID: String, studioName: String, zone: String, openingHours: String, skills: String = "", tags: String = "") {
        self.id = id
        self.uid = uid
        self.name = name
        self.kind = kind
        self.studioUID = studioUID
        self.studioName = studioName
        self.zone = zone
        self.openingHours = openingHours
        self.skills = skills
        self.tags = tags
    }
}

/// A period a resource is off, for the grid.
public struct GridTimeOff: Sendable, Equatable {
    public var resourceUID: String
    public var interval: Interval
    public var hard: Bool
    public var reason: String

    public init(resourceUID: String, interval: Interval, hard: Bool, reason: String) {
        self.resourceUID = resourceUID
        self.interval = interval
        self.hard = hard
        self.reason = reason
    }
}

/// A draft show drawn as a ghost on its room's and talent's rows (drafts reserve nothing).
public struct GridDraft: Sendable, Equatable {
    public var showUID: String
    public var title: String
    public var resourceUID: String
    public var interval: Interval

    public init(showUID: String, title: String, resourceUID: String, interval: Interval) {
        self.showUID = showUID
        self.title = title
        self.resourceUID = resourceUID
        self.interval = interval
    }
}

/// What the grid shows for a period.
public struct GridWindow: Sendable, Equatable {
    public var bookings: [BookingView]
    public var drafts: [GridDraft]
    public var timeOff: [GridTimeOff]

    public init(bookings: [BookingView], drafts: [GridDraft], timeOff: [GridTimeOff]) {
        self.bookings = bookings
        self.drafts = drafts
        self.timeOff = timeOff
    }
}

extension Session {
    /// Every resource the user may see, grouped by kind then name.
    public func gridResources() throws -> [GridResource] {
        try read { reader in
            try Row.fetchAll(reader.db, sql: """
                SELECT r.id, r.uid, r.name, r.kind, s.uid, s.name, s.time_zone, s.opening_hours, CASE WHEN t.id IS NULL THEN '' ELSE \(Self.skillsColumn("t")) END,
                       ifnull((SELECT group_concat(g.name, ',') FROM taggables x JOIN tags g ON g.id = x.tag_id
                               WHERE x.record_table = 'resources' AND x.record_id = r.id AND x.deleted_at IS NULL), '')
                FROM resources r JOIN studios s ON s.id = r.studio_id
                LEFT JOIN talent t ON t.resource_id = r.id AND t.deleted_at IS NULL
                WHERE r.deleted_at IS NULL AND \(reader.visibility.predicate("resources", alias: "r"))
                ORDER BY CASE r.kind WHEN 'room' THEN 0 WHEN 'talent' THEN 1 ELSE 2 END, r.name COLLATE NOCASE
                """).map {
                GridResource(id: $0[0], uid: $0[1], name: $0[2], kind: ResourceKind(rawValue: $0[3]) ?? .room, studioUID: $0[4], studioName: $0[5],
                             zone: $0[6], openingHours: $0[7], skills: $0[8], tags: $0[9])
            }
        }
    }

    /// Live bookings, draft ghosts and time off of `resources` overlapping `window`. The
    /// booking scan is bounded by the longest booking ever written, so it stays an index
    /// range per resource however long the history is.
    public func gridWindow(resources: [GridResource], window: Interval) throws -> GridWindow {
        try read { reader in
            let ids = Self.ids(Set(resources.map(\.id)))
            let longest = try Int64.fetchOne(reader.db.cachedStatement(sql: "SELECT longest_booking_seconds FROM workspaces LIMIT 1")) ?? 0
            let bookings = try Self.windowBookings(reader, resources: ids, window: window, longest: longest)
            let drafts = try Row.fetchAll(reader.db, sql: """
                SELECT sh.uid, sh.title, r.uid, sh.start_at, sh.end_at FROM shows sh
                JOIN rooms m ON m.id = sh.room_id JOIN resources r ON r.id = m.resource_id
                WHERE sh.status = 'draft' AND sh.deleted_at IS NULL AND r.id IN (\(ids)) AND sh.end_at > ? AND sh.start_at < ?
                UNION ALL
                SELECT sh.uid, sh.title, r.uid, sh.start_at, sh.end_at FROM shows sh
                JOIN show_talent st ON st.show_id = sh.id AND st.deleted_at IS NULL JOIN talent t ON t.id = st.talent_id JOIN resources r ON r.id = t.resource_id
                WHERE sh.status = 'draft' AND sh.deleted_at IS NULL AND r.id IN (\(ids)) AND sh.end_at > ? AND sh.start_at < ?
                """, arguments: [window.start, window.end, window.start, window.end]).map {
                GridDraft(showUID: $0[0], title: $0[1], resourceUID: $0[2], interval: Interval(start: $0[3], end: $0[4]))
            }
            let timeOff = try Row.fetchAll(reader.db, sql: """
                SELECT r.uid, o.start_at, o.end_at, o.hard, o.reason FROM time_off o JOIN resources r ON r.id = o.resource_id
                WHERE o.resource_id IN (\(ids)) AND o.deleted_at IS NULL AND o.end_at > ? AND o.start_at < ?
                """, arguments: [window.start, window.end]).map {
                GridTimeOff(resourceUID: $0[0], interval: Interval(start: $0[1], end: $0[2]), hard: $0[3], reason: $0[4])
            }
            return GridWindow(bookings: bookings, drafts: drafts, timeOff: timeOff)
        }
    }

    /// The live bookings of `resources` (row ids, comma-separated) in `window`, earliest
    /// first, as `viewSQL` reads them. A week at a million bookings holds thousands: they
    /// are read from the bookings table alone, and what many of them share (resource and
    /// studio, holder, show and client, phase, series) is read once by id.
    static func windowBookings(_ reader: Reader, resources ids: String, window: Interval, longest: Int64) throws -> [BookingView] {
        struct Raw {
            var uid: String, resource: Int64, status: BookingStatus, start, end: Int64, rank: Int?, expires, challenge: Int64?
            var holder: Int64, show: Int64?, note: String, version: Int, phase, series: Int64?
        }
        var raws: [Raw] = []
        try reader.db.makeStatement(sql: """
            SELECT b.uid, b.resource_id, b.status, b.start_at, b.end_at, b.rank, b.expires_at, b.challenge_deadline, b.holder_id, b.show_id, b.note, b.version,
                   b.phase_id, b.recurrence_id
            FROM bookings b WHERE b.resource_id IN (\(ids)) AND b.start_at >= ? AND b.start_at < ? AND b.end_at > ?
              AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL
            ORDER BY b.start_at, b.id
            """).eachRow([window.start - longest, window.end, window.start]) { row in
            raws.append(Raw(uid: row.text(0), resource: row.int(1), status: BookingStatus(rawValue: row.text(2)) ?? .released, start: row.int(3), end: row.int(4),
                            rank: row.optionalInt(5).map { Int($0) }, expires: row.optionalInt(6), challenge: row.optionalInt(7), holder: row.int(8), show: row.optionalInt(9),
                            note: row.text(10), version: Int(row.int(11)), phase: row.optionalInt(12), series: row.optionalInt(13)))
        }
        guard !raws.isEmpty else { return [] }
        // Each shared row's texts decoded once, not once per booking that shows them.
        func byID(_ sql: String, _ wanted: Set<Int64>) throws -> [Int64: [String?]] {
            guard !wanted.isEmpty else { return [:] }
            var found: [Int64: [String?]] = [:]
            for row in try Row.fetchAll(reader.db, sql: sql + " IN (\(Self.ids(wanted)))") {
                found[row[0]] = (1..<row.count).map { row[$0] as String? }
            }
            return found
        }
        let resources = try byID("SELECT r.id, r.uid, r.name, r.kind, s.uid, s.time_zone FROM resources r JOIN studios s ON s.id = r.studio_id WHERE r.id", Set(raws.map(\.resource)))
        let users = try byID("SELECT id, login FROM users WHERE id", Set(raws.map(\.holder)))
        let shows = try byID("SELECT sh.id, sh.uid, sh.title, cl.name FROM shows sh LEFT JOIN clients cl ON cl.id = sh.client_id WHERE sh.id",
                             Set(raws.compactMap(\.show)))
        let phases = try byID("SELECT ph.id, \(Self.phaseText) FROM phases ph LEFT JOIN projects pj ON pj.id = ph.project_id WHERE ph.id", Set(raws.compactMap(\.phase)))
        let series = try byID("SELECT rc.id, \(Self.seriesText) FROM recurrences rc WHERE rc.id", Set(raws.compactMap(\.series)))
        let locale = reader.settings.locale
        return raws.compactMap { raw in
            guard let resource = resources[raw.resource], let holder = users[raw.holder] else { return nil }
            let show = raw.show.flatMap { shows[$0] }
            return BookingView(uid: raw.uid, resourceUID: resource[0] ?? "", resourceName: resource[1] ?? "", resourceKind: resource[2] ?? "", studioUID: resource[3] ?? "",
                               timeZone: resource[4] ?? "", status: raw.status, start: raw.start, end: raw.end, rank: raw.rank, expiresAt: raw.expires,
                               challengeDeadline: raw.challenge, holder: holder[0] ?? "", showUID: show?[0], showTitle: show?[1], clientName: show?[2] ?? nil,
                               note: raw.note, version: raw.version, phase: raw.phase.flatMap { phases[$0]?[0] ?? nil },
                               series: raw.series.flatMap { series[$0]?[0] ?? nil }, locale: locale)
        }
    }

    /// Where the grid should open: nil when this week has bookings (open on today), else
    /// the start of the first live booking from today on, so the first screen is never an
    /// empty week when work lies ahead.
    public func busyFocus() throws -> Int64? {
        try read { reader in
            let zone = LocalTime(timeZone: reader.settings.zone)
            let today = zone.startOfDay(reader.now)
            let weekStart = zone.startOfDay(today, addingDays: -(zone.weekdayAndMinute(today).weekday - 1))
            let weekEnd = zone.startOfDay(weekStart, addingDays: 7)
            let visible = reader.visibility.predicate("bookings", alias: "b")
            let thisWeek = try Int.fetchOne(reader.db, sql: """
                SELECT count(*) FROM bookings b WHERE b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL
                  AND b.start_at < ? AND b.end_at > ? AND b.end_at > ? AND \(visible)
                """, arguments: [weekEnd, weekStart, reader.now]) ?? 0
            guard thisWeek == 0 else { return nil }
            return try Int64.fetchOne(reader.db, sql: """
                SELECT min(b.start_at) FROM bookings b WHERE b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL AND b.start_at >= ? AND \(visible)
                """, arguments: [today])
        }
    }

    /// True when the studios the user sees lie in more than one zone (or another than the
    /// workspace's): every time shown then names its zone.
    public func zonesInPlay() throws -> Bool {
        try read { reader in try reader.zonesInPlay() }
    }

    /// The workspace's name, time zone and locale, for the top bar and every date shown.
    public func workspaceInfo() throws -> (name: String, zone: String, locale: String) {
        try read { reader in (reader.settings.name, reader.settings.zone.identifier, reader.settings.locale) }
    }
}

extension Reader {
    /// True when the studios the user sees lie in more than one zone (or another than the
    /// workspace's): every time shown then names its zone. The one rule for every read.
    func zonesInPlay() throws -> Bool {
        let zones = try String.fetchAll(db, sql: "SELECT DISTINCT time_zone FROM studios WHERE deleted_at IS NULL AND \(visibility.predicate("studios"))")
        return LocalTime.severalZones(zones + [settings.zone.identifier])
    }
}
