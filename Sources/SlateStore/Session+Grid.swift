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
            let rows = try Row.fetchAll(reader.db, sql: Self.viewSQL + """
                 WHERE b.resource_id IN (\(ids)) AND b.start_at >= ? AND b.start_at < ? AND b.end_at > ?
                   AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL
                 ORDER BY b.start_at
                """, arguments: [window.start - longest, window.end, window.start])
            let bookings = try rows.map { try Self.view($0, reader) }
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
