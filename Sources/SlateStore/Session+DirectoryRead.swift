import Foundation
import GRDB
import SlateCore

/// Everything the directory (view 5) lists, read at once.
public struct Directory: Sendable, Equatable {
    public var talent: [TalentSummary]
    public var clients: [ClientSummary]
    public var rooms: [RoomSummary]
    public var equipment: [EquipmentSummary]
    public var platforms: [PlatformSummary]
    public var studios: [StudioSummary]
    public var materials: [MaterialSummary]
    public var jobs: [JobListing]
    /// Tag names by record id (`tl-…`, `cl-…`).
    public var tags: [String: [String]]
    /// The user's studios lie in several zones: times name theirs.
    public var zonesInPlay = false

    public init(talent: [TalentSummary] = [], clients: [ClientSummary] = [], rooms: [RoomSummary] = [], equipment: [EquipmentSummary] = [],
                platforms: [PlatformSummary] = [], studios: [StudioSummary] = [], materials: [MaterialSummary] = [], jobs: [JobListing] = [], tags: [String: [String]] = [:]) {
        self.studios = studios
        self.talent = talent
        self.clients = clients
        self.rooms = rooms
        self.equipment = equipment
        self.platforms = platforms
        self.materials = materials
        self.jobs = jobs
        self.tags = tags
    }
}

/// A record's card in the directory: its fields, what is coming up, what was said, its
/// tags and history.
public struct RecordCard: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name, value: String
    }

    /// A day of the week's mini-grid: the day's label and its bookings' intervals.
    public struct Day: Sendable, Equatable {
        public var label: String
        /// Local midnight of the day, epoch seconds.
        public var start: Int64
        public var bookings: [Booking]
    }

    /// A booking of the week's mini-grid.
    public struct Booking: Sendable, Equatable {
        public var interval: Interval
        public var status: BookingStatus
        public var rank: Int?
    }

    public var uid, kind, title: String
    public var version: Int
    public var fields: [Field]
    /// Upcoming live bookings (talent, rooms, equipment) or shows (clients), soonest first.
    public var upcoming: [String]
    /// This week, Monday first, for a bookable resource; empty otherwise.
    public var week: [Day]
    public var zone: String
    public var communications: [CommunicationEntry]
    public var comments: [CommentEntry]
    public var tags: [String]
    public var history: [String]
}

extension Session {
    /// The directory's lists, as the user may see them.
    public func directory() throws -> Directory {
        let talent = try talent(ordered: false)
        let clients = try clients()
        let rooms = try rooms()
        let equipment = try equipment()
        let platforms = try platforms()
        let studios = try studios()
        let materials = try materials()
        let jobs = try jobs()
        let zonesInPlay = try zonesInPlay()
        let tags = try read { reader -> [String: [String]] in
            var tags: [String: [String]] = [:]
            for (table, uidTable) in [("resources", "resources"), ("clients", "clients"), ("platforms", "platforms"), ("studios", "studios"), ("materials", "materials")] {
                let byID = try Self.tagsByRecord(reader, table: table)
                guard !byID.isEmpty else { continue }
                for row in try Row.fetchAll(reader.db, sql: "SELECT id, uid FROM \(uidTable) WHERE id IN (\(Self.ids(Set(byID.keys))))") {
                    tags[row[1]] = byID[row[0]]
                }
            }
            return tags
        }
        var lists = Directory(talent: talent, clients: clients, rooms: rooms, equipment: equipment, platforms: platforms, studios: studios, materials: materials, jobs: jobs, tags: tags)
        lists.zonesInPlay = zonesInPlay
        return lists
    }

    /// The card of a talent, client, room, equipment, platform or material.
    public func recordCard(_ uid: String) throws -> RecordCard {
        let history = ((try? history(of: uid)) ?? []).suffix(6).reversed().map { "\($0.at.shown) \($0.user) \($0.action) \($0.changes)" }
        let tags = try tags(on: uid).map(\.name)
        let comments = try comments(on: uid)
        let table = PublicID.table(ofUID: uid)
        let communications = ["talent", "clients"].contains(table ?? "") ? try communications(about: uid, limit: 5) : []
        return try read { reader in
            let several = try reader.zonesInPlay()
            var fields: [RecordCard.Field] = []
            func add(_ name: String, _ value: String?) { if let value, !value.isEmpty { fields.append(.init(name: name, value: value)) } }
            var upcoming: [String] = []
            var week: [RecordCard.Day] = []
            var zone = LocalTime(timeZone: reader.settings.zone)
            let title: String, kind: String, version: Int
            switch table {
            case "talent", "rooms", "equipment":
                let (resource, studio, talentID) = try reader.resource(ref: uid)
                zone = studio.zone
                title = resource.name
                kind = resource.kind.rawValue
                add("Studio", studio.name)
                add("Opening hours", studio.hours.text.isEmpty ? "always open" : studio.hours.text)
                if let talentID {
                    let row = try reader.row("talent", uid: uid, what: "talent")
                    version = row["version"]
                    add("Alias", row["alias"])
                    add("Role", row["role"])
                    add("Skills", try String.fetchOne(reader.db, sql: "SELECT \(Self.skillsColumn("t", levels: true)) FROM talent t WHERE t.id = ?", arguments: [talentID]))
                    add("Languages", row["languages"])
                    add("Styles", row["style_tags"])
                    add("Rate", "\(reader.format.money(row["rate_minor"]).text) per \(row["rate_unit"] as String)")
                    add("Rating", try Self.ratings(reader.db, of: [talentID])[talentID].map { "\(RatingText.of($0)) of 5" })
                    add("Contact", row["contact"])
                    add("User", try String.fetchOne(reader.db, sql: "SELECT login FROM users WHERE id = ?", arguments: [row["user_id"] as Int64?]))
                    if row["banned"] { add("Banned", (row["ban_reason"] as String).isEmpty ? "yes" : "yes: \(row["ban_reason"] as String)") }
                } else if resource.kind == .room {
                    let row = try reader.row("rooms", uid: uid, what: "room")
                    version = row["version"]
                    add("Capacity", "\(row["capacity"] as Int)")
                    add("Notes", row["equipment_notes"])
                    add("Rate", "\(reader.format.money(row["rate_minor"]).text) per \(row["rate_unit"] as String)")
                } else {
                    let row = try reader.row("equipment", uid: uid, what: "equipment")
                    version = row["version"]
                    add("Category", row["category"])
                    add("Serial", row["serial"])
                    add("Rate", "\(reader.format.money(row["rate_minor"]).text) per \(row["rate_unit"] as String)")
                }
                add("Time off", try Row.fetchAll(reader.db, sql: "SELECT start_at, end_at, hard FROM time_off WHERE resource_id = ? AND deleted_at IS NULL AND end_at > ? ORDER BY start_at LIMIT 3",
                                                 arguments: [resource.id, reader.now]).map { "\(reader.settings.words.span(Interval(start: $0[0], end: $0[1]), in: zone))\(($0[2] as Bool) ? " (hard)" : "")" }.joined(separator: "; "))
                let longest = try Int64.fetchOne(reader.db, sql: "SELECT longest_booking_seconds FROM workspaces LIMIT 1") ?? 0
                upcoming = try Row.fetchAll(reader.db, sql: """
                    SELECT b.start_at, b.end_at, b.status, b.rank, b.uid, s.title FROM bookings b LEFT JOIN shows s ON s.id = b.show_id
                    WHERE b.resource_id = ? AND b.start_at >= ? AND b.end_at > ? AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL ORDER BY b.start_at LIMIT 8
                    """, arguments: [resource.id, reader.now - longest, reader.now]).map { row in
                    let status: String = row[2]
                    let rank: Int? = row[3]
                    return "\(reader.settings.words.span(Interval(start: row[0], end: row[1]), in: zone))\(several ? " " + zone.placeName : "")  \(status == "hold" ? "\(HoldQueue.ordinal(rank ?? 1)) hold" : status)  \(row[4] as String)"
                        + ((row[5] as String?).map { "  \($0)" } ?? "")
                }
                // The week's mini-grid: Monday to Sunday of the current week, in the studio's zone.
                let today = zone.day(of: reader.now)
                let monday = today - (today.weekday - 1)
                let days = (0...7).map { zone.start(of: monday + $0) }
                let words = LocaleFormat.of(reader.settings.locale)
                let rows = try Row.fetchAll(reader.db, sql: """
                    SELECT start_at, end_at, status, rank FROM bookings
                    WHERE resource_id = ? AND start_at >= ? AND start_at < ? AND end_at > ? AND status IN ('hold', 'confirmed') AND deleted_at IS NULL
                    """, arguments: [resource.id, days[0] - longest, days[7], days[0]])
                for index in 0..<7 {
                    let span = Interval(start: days[index], end: days[index + 1])
                    week.append(RecordCard.Day(label: words.day(monday + index),
                                               start: days[index], bookings: rows.compactMap { row in
                        let interval = Interval(start: row[0], end: row[1])
                        guard interval.overlaps(span) else { return nil }
                        return RecordCard.Booking(interval: interval, status: BookingStatus(rawValue: row[2]) ?? .confirmed, rank: row[3])
                    }))
                }
            case "clients":
                let row = try reader.row("clients", uid: uid, what: "client")
                title = row["name"]
                kind = "client"
                version = row["version"]
                add("Tier", row["tier"])
                add("Contact", row["contact"])
                add("Email", row["email"])
                add("Prefers", row["preferences"])
                add("Notes", row["notes"])
                add("Studio", try String.fetchOne(reader.db, sql: "SELECT name FROM studios WHERE id = ?", arguments: [row["studio_id"] as Int64?]))
                add("Schedules", try String.fetchAll(reader.db, sql: "SELECT name || ' (' || status || ')' FROM schedules WHERE client_id = ? AND deleted_at IS NULL AND \(reader.visibility.predicate("schedules")) ORDER BY id DESC LIMIT 5",
                                                     arguments: [row["id"]]).joined(separator: ", "))
                add("Materials", try String.fetchAll(reader.db, sql: "SELECT title || ' rev. ' || revision FROM materials WHERE client_id = ? AND deleted_at IS NULL ORDER BY title LIMIT 6",
                                                     arguments: [row["id"]]).joined(separator: ", "))
                let format = reader.format
                add("Invoices", try Row.fetchAll(reader.db, sql: "SELECT CAST(ifnull(json_extract(metadata, '$.number'), number) AS TEXT), status, total_minor FROM invoices WHERE client_id = ? AND deleted_at IS NULL AND \(reader.visibility.predicate("invoices")) ORDER BY number DESC LIMIT 4",
                                                 arguments: [row["id"]]).map { "\($0[0] as String) \($0[1] as String) \(format.money($0[2]).text)" }.joined(separator: ", "))
                upcoming = try Row.fetchAll(reader.db, sql: """
                    SELECT s.start_at, s.end_at, s.title, s.status, s.uid, st.time_zone FROM shows s JOIN studios st ON st.id = s.studio_id
                    WHERE s.client_id = ? AND s.end_at > ? AND s.deleted_at IS NULL AND s.status NOT IN ('cancelled') AND \(reader.visibility.predicate("shows", alias: "s"))
                    ORDER BY s.start_at LIMIT 8
                    """, arguments: [row["id"], reader.now]).map { show in
                    let showZone = LocalTime.cached(show[5]) ?? zone
                    return "\(reader.settings.words.span(Interval(start: show[0], end: show[1]), in: showZone))\(several ? " " + showZone.placeName : "")  \(show[2] as String)  \(show[3] as String)  \(show[4] as String)"
                }
            case "studios":
                let studio = try reader.studio(ref: uid)
                let row = try reader.row("studios", uid: uid, what: "studio")
                title = studio.name
                kind = "studio"
                version = row["version"]
                zone = studio.zone
                add("Time zone", studio.zone.timeZone.identifier)
                add("Opening hours", studio.hours.text.isEmpty ? "always open" : studio.hours.text)
                for (name, kindName) in [("Rooms", "room"), ("Talent", "talent"), ("Equipment", "equipment")] {
                    add(name, try String.fetchAll(reader.db, sql: "SELECT name FROM resources WHERE studio_id = ? AND kind = ? AND deleted_at IS NULL ORDER BY name LIMIT 12",
                                                  arguments: [studio.id, kindName]).joined(separator: ", "))
                }
                add("Members", try String.fetchAll(reader.db, sql: """
                    SELECT u.login || ' (' || m.role || ')' FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.studio_id = ? AND m.deleted_at IS NULL ORDER BY u.login LIMIT 12
                    """, arguments: [studio.id]).joined(separator: ", "))
            case "platforms":
                let row = try reader.row("platforms", uid: uid, what: "platform")
                title = row["name"]
                kind = "platform"
                version = row["version"]
                add("URL", row["url"])
            case "materials":
                let row = try reader.row("materials", uid: uid, what: "material")
                title = row["title"]
                kind = "material"
                version = row["version"]
                add("Kind", row["kind"])
                add("Revision", "\(row["revision"] as Int)")
                add("Client", try String.fetchOne(reader.db, sql: "SELECT name FROM clients WHERE id = ?", arguments: [row["client_id"]]))
                add("Text", row["body"])
            default:
                throw SlateError.invalidInput("'\(TextInput.printable(uid))' has no directory card; open talent, clients, rooms, equipment, platforms or materials")
            }
            return RecordCard(uid: uid, kind: kind, title: title, version: version, fields: fields, upcoming: upcoming, week: week, zone: zone.timeZone.identifier,
                              communications: communications, comments: comments, tags: tags, history: Array(history))
        }
    }
}
