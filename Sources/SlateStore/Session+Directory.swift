import Foundation
import GRDB
import SlateCore

/// A new talent record.
public struct TalentInput: Sendable, Equatable {
    public var studio: String?
    public var name: String
    public var alias: String = ""
    public var role: TalentRole = .artist
    public var skills: [String] = []
    public var styles: [String] = []
    public var rateMinor: Int64 = 0
    public var userLogin: String?
    /// Languages, `French:5,English` (a level 1–5 after a colon, else 1).
    public var languages: [String] = []
    public var contact = ""

    public init(studio: String? = nil, name: String, alias: String = "", role: TalentRole = .artist, skills: [String] = [], styles: [String] = [], rateMinor: Int64 = 0, userLogin: String? = nil,
                languages: [String] = [], contact: String = "") {
        self.languages = languages
        self.contact = contact
        self.studio = studio
        self.name = name
        self.alias = alias
        self.role = role
        self.skills = skills
        self.styles = styles
        self.rateMinor = rateMinor
        self.userLogin = userLogin
    }
}

/// Changes to a talent record; nil fields stay as they are.
public struct TalentChanges: Sendable, Equatable {
    public var name: String?
    public var alias: String?
    public var role: TalentRole?
    public var skills: [String]?
    public var styles: [String]?
    public var rateMinor: Int64?
    public var banned: Bool?
    public var languages: [String]?
    public var contact: String?
    /// Why they are banned (with `banned: true`); unbanning clears it.
    public var banReason: String?

    public init(name: String? = nil, alias: String? = nil, role: TalentRole? = nil, skills: [String]? = nil, styles: [String]? = nil, rateMinor: Int64? = nil, banned: Bool? = nil,
                languages: [String]? = nil, contact: String? = nil, banReason: String? = nil) {
        self.languages = languages
        self.contact = contact
        self.banReason = banReason
        self.name = name
        self.alias = alias
        self.role = role
        self.skills = skills
        self.styles = styles
        self.rateMinor = rateMinor
        self.banned = banned
    }
}

extension Session {
    // MARK: resources

    /// Adds talent (an artist, host or engineer) to a studio; admin of the studio.
    public func addTalent(_ input: TalentInput) throws -> Outcome<String> {
        try perform("talent add") { context in
            try Self.insertTalent(context, input)
        }
    }

    /// Changes talent fields (banning included); `expectedVersion` refuses stale edits.
    public func editTalent(_ uid: String, _ changes: TalentChanges, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("talent edit") { context in
            let talent = try context.talent(ref: uid)
            let studio = try context.studio(id: talent.studioID)
            try context.require(.admin, studio: studio.id, studioName: studio.name, to: "edit talent")
            var values: [TalentChange] = []
            if let name = changes.name { values.append(.name(try TextInput.name(name))) }
            if let alias = changes.alias { values.append(.alias(try TextInput.line(alias, field: "alias"))) }
            if let role = changes.role { values.append(.role(role)) }
            if let styles = changes.styles { values.append(.styleTags(try Self.list(styles, field: "styles"))) }
            if let rate = changes.rateMinor {
                guard rate >= 0 else { throw SlateError.invalidInput("the rate must not be negative") }
                values.append(.rateMinor(rate))
            }
            if let banned = changes.banned {
                values.append(.banned(banned))
                values.append(.banReason(banned ? try TextInput.line(changes.banReason ?? "", field: "reason", limit: 500) : ""))
            }
            if let languages = changes.languages { values.append(.languages(LevelledList.text(try LevelledList.parse(languages, field: "languages")))) }
            if let contact = changes.contact { values.append(.contact(try TextInput.line(contact, field: "contact", limit: 500))) }
            guard !values.isEmpty || changes.skills != nil else { throw SlateError.invalidInput("nothing to change; give at least one field") }
            // The talent row changes (and its version moves) even when only skills change.
            try context.update(talent.id, values, expectedVersion: expectedVersion)
            if let skills = changes.skills { try Self.setSkills(context, talentID: talent.id, try LevelledList.parse(skills, field: "skills")) }
            context.summary = "edit talent \(talent.name)"
            return talent.uid
        }
    }

    /// Talent the user may see, optionally only those with a skill, by name unless `ordered`
    /// is false (the directory sorts them itself). Skills and ratings are read in one query
    /// each for all of them (the directory lists thousands).
    public func talent(skill: String? = nil, studio: String? = nil, ordered: Bool = true) throws -> [TalentSummary] {
        try read { reader in
            var sql = """
                SELECT t.id, t.uid, t.name, t.alias, t.role, t.style_tags, t.rate_minor, t.banned, s.name AS studio, t.version, t.languages, t.contact, t.ban_reason
                FROM talent t JOIN studios s ON s.id = t.studio_id WHERE t.deleted_at IS NULL AND \(reader.visibility.predicate("talent", alias: "t"))
                """
            var arguments: [any DatabaseValueConvertible] = []
            if let skill {
                sql += " AND EXISTS (SELECT 1 FROM talent_skills k WHERE k.talent_id = t.id AND k.skill = ? AND k.deleted_at IS NULL)"
                arguments.append(skill)
            }
            if let studio {
                sql += " AND t.studio_id = ?"
                arguments.append(try reader.studio(ref: studio).id)
            }
            // Columns read straight from SQLite: the directory reads ten thousand. Skills come
            // in order from the index on (talent, skill), which sorts them without case.
            var skills: [Int64: [String]] = [:]
            try reader.db.makeStatement(sql: "SELECT talent_id, skill, level FROM talent_skills WHERE deleted_at IS NULL ORDER BY talent_id, skill").eachRow { row in
                let level = row.int(2)
                let skill = row.text(1)
                skills[row.int(0), default: []].append(level > 1 ? "\(skill):\(level)" : skill)
            }
            let ratings = try Self.ratings(reader.db)
            let format = reader.format
            var result: [TalentSummary] = []
            try reader.db.makeStatement(sql: sql + (ordered ? " ORDER BY t.name" : "")).eachRow(StatementArguments(arguments)) { row in
                let id = row.int(0)
                result.append(TalentSummary(uid: row.text(1), name: row.text(2), alias: row.text(3), role: TalentRole(rawValue: row.text(4)) ?? .artist,
                                            skills: skills[id] ?? [], styleTags: Self.split(row.text(5)), rateMinor: format.money(row.int(6)),
                                            banned: row.bool(7), studio: row.text(8), version: Int(row.int(9)), languages: Self.split(row.text(10)), contact: row.text(11),
                                            banReason: row.text(12), rating: ratings[id]))
            }
            return result
        }
    }

    /// Adds a room (and its bookable resource) to a studio; admin of the studio.
    public func addRoom(studio: String? = nil, name: String, capacity: Int = 0, equipmentNotes: String = "") throws -> Outcome<String> {
        try perform("room add") { context in
            try Self.insertRoom(context, studio: studio, name: name, capacity: capacity, equipmentNotes: equipmentNotes)
        }
    }

    /// Rooms the user may see.
    public func rooms() throws -> [RoomSummary] {
        try read { reader in
            try reader.fetch("""
                SELECT r.uid, r.name, r.capacity, r.equipment_notes, s.name AS studio, r.version FROM rooms r JOIN studios s ON s.id = r.studio_id
                WHERE r.deleted_at IS NULL AND \(reader.visibility.predicate("rooms", alias: "r")) ORDER BY s.name, r.name
                """) { row, _ in
                RoomSummary(uid: row["uid"], name: row["name"], capacity: row["capacity"], equipmentNotes: row["equipment_notes"], studio: row["studio"], version: row["version"])
            }
        }
    }

    /// Adds bookable equipment to a studio; admin of the studio.
    public func addEquipment(studio: String? = nil, name: String, category: String = "", serial: String = "") throws -> Outcome<String> {
        try perform("equipment add") { context in
            try Self.insertEquipment(context, studio: studio, name: name, category: category, serial: serial)
        }
    }

    /// Equipment the user may see.
    public func equipment() throws -> [EquipmentSummary] {
        try read { reader in
            try reader.fetch("""
                SELECT e.uid, e.name, e.category, e.serial, s.name AS studio, e.version FROM equipment e JOIN studios s ON s.id = e.studio_id
                WHERE e.deleted_at IS NULL AND \(reader.visibility.predicate("equipment", alias: "e")) ORDER BY s.name, e.name
                """) { row, _ in
                EquipmentSummary(uid: row["uid"], name: row["name"], category: row["category"], serial: row["serial"], studio: row["studio"], version: row["version"])
            }
        }
    }

    /// Removes a room, talent or equipment from use (soft delete; history is kept). Live
    /// bookings must be released first.
    public func deleteResource(_ ref: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("resource delete") { context in
            let (resource, studio, _) = try context.resource(ref: ref)
            try context.require(.admin, studio: studio.id, studioName: studio.name, to: "delete \(resource.kind.rawValue)")
            let live = try String.fetchAll(context.db, sql: "SELECT uid FROM bookings WHERE resource_id = ? AND status IN ('hold', 'confirmed') AND deleted_at IS NULL AND end_at > ? ORDER BY start_at",
                                           arguments: [resource.id, context.now])
            try Self.refuseWhileReferenced(resource.name, live, what: "live booking from now on", plural: "live bookings from now on", fix: "release or cancel them first")
            let table = resource.kind == .talent ? "talent" : resource.kind == .room ? "rooms" : "equipment"
            if let id = try Int64.fetchOne(context.db, sql: "SELECT id FROM \(table) WHERE resource_id = ?", arguments: [resource.id]) {
                try context.softDelete(table, id: id, expectedVersion: expectedVersion)
            }
            try context.softDelete("resources", id: resource.id)
            context.summary = "delete \(resource.kind.rawValue) \(resource.name)"
            return resource.uid
        }
    }

    // MARK: time off

    /// Records time off for a resource; hard time off rejects bookings, soft warns.
    public func addTimeOff(resource: String, start: When, end: When, hard: Bool = false, reason: String = "") throws -> Outcome<String> {
        try perform("time-off add") { context in
            let (info, studio, _) = try context.resource(ref: resource)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "record time off")
            let interval = try Interval.validated(start: start.resolve(in: studio.zone), end: end.resolve(in: studio.zone))
            let row = try context.insert(NewTimeOff(resourceID: info.id, interval: interval, hard: hard, reason: try TextInput.line(reason, field: "reason", limit: 500)))
            context.summary = "time off for \(info.name) \(studio.text(interval))"
            return row.uid
        }
    }

    /// Time off of the resources the user may see.
    public func timeOff(resource: String? = nil) throws -> [TimeOffEntry] {
        try read { reader in
            var sql = """
                SELECT o.uid, r.name AS resource, r.uid AS resource_uid, o.start_at, o.end_at, o.hard, o.reason
                FROM time_off o JOIN resources r ON r.id = o.resource_id
                WHERE o.deleted_at IS NULL AND \(reader.visibility.predicate("time_off", alias: "o"))
                """
            var arguments: [any DatabaseValueConvertible] = []
            if let resource {
                sql += " AND o.resource_id = ?"
                arguments.append(try reader.resource(ref: resource).info.id)
            }
            return try reader.fetch(sql + " ORDER BY o.start_at", StatementArguments(arguments)) { row, format in
                TimeOffEntry(uid: row["uid"], resource: row["resource"], resourceUID: row["resource_uid"], startAt: format.time(row["start_at"] as Int64),
                             endAt: format.time(row["end_at"] as Int64), hard: row["hard"], reason: row["reason"])
            }
        }
    }

    // MARK: clients, platforms, materials

    /// Adds a client of a studio (the only one the user belongs to, or the named one):
    /// that studio's staff see its contact details and materials. Studio manager.
    public func addClient(studio: String? = nil, name: String, contact: String = "", email: String = "", tier: String = "", preferences: String = "", notes: String = "") throws -> Outcome<String> {
        try perform("client add") { context in
            try Self.insertClient(context, studio: studio, name: name, contact: contact, email: email, tier: tier, preferences: preferences, notes: notes)
        }
    }

    /// Clients the user may see: those their studios work with, or their own for client members.
    public func clients() throws -> [ClientSummary] {
        try read { reader in
            try reader.fetch("""
                SELECT c.uid, c.name, c.contact, c.email, c.version, c.tier, c.preferences, c.notes, ifnull(s.name, '') AS studio
                FROM clients c LEFT JOIN studios s ON s.id = c.studio_id
                WHERE c.deleted_at IS NULL AND \(reader.visibility.predicate("clients", alias: "c")) ORDER BY c.name
                """) { row, _ in
                ClientSummary(uid: row["uid"], name: row["name"], contact: row["contact"], email: row["email"], version: row["version"],
                              tier: row["tier"], preferences: row["preferences"], notes: row["notes"], studio: row["studio"])
            }
        }
    }

    /// Adds a streaming platform; a manager of any studio.
    public func addPlatform(name: String, url: String = "") throws -> Outcome<String> {
        try perform("platform add") { context in
            try context.policy.requireAnyStudio(.manager, to: "add platforms")
            let name = try TextInput.name(name)
            let row = try context.insert(NewPlatform(name: name, url: try TextInput.line(url, field: "url", limit: 2000)))
            context.summary = "add platform \(name)"
            return row.uid
        }
    }

    /// Platforms: all for studio staff, their own for platform members.
    public func platforms() throws -> [PlatformSummary] {
        try read { reader in
            try reader.fetch("""
                SELECT uid, name, url FROM platforms WHERE deleted_at IS NULL AND \(reader.visibility.predicate("platforms")) ORDER BY name
                """) { row, _ in
                PlatformSummary(uid: row["uid"], name: row["name"], url: row["url"])
            }
        }
    }

    /// Adds client material (brief, mechanic, script, scene, other); studio manager or client manager.
    public func addMaterial(client: String, kind: MaterialKind, title: String, body: String = "", platform: String? = nil) throws -> Outcome<String> {
        try perform("material add") { context in
            let client = try context.client(ref: client)
            let clientID = client.id
            let studioRole = client.studioID.flatMap { context.policy.role(inStudio: $0) }
            guard (studioRole ?? .member) >= .manager || (context.policy.role(inClient: clientID) ?? .member) >= .manager else {
                throw SlateError.accessDenied("\(context.actor.login) needs the manager role on a studio or on client \(client.name) to add material")
            }
            var platformID: Int64?
            if let platform { platformID = try context.id("platforms", ref: platform, what: "platform") }
            let title = try TextInput.name(title, field: "title")
            let row = try context.insert(NewMaterial(clientID: clientID, platformID: platformID, kind: kind, title: title, body: try TextInput.note(body, field: "body")))
            context.summary = "add \(kind.rawValue) \(title) for \(client.name)"
            return row.uid
        }
    }

    /// Materials of the clients the user may see (their studios' clients, or their own client).
    public func materials(client: String? = nil) throws -> [MaterialSummary] {
        try read { reader in
            var sql = """
                SELECT m.uid, c.name AS client, m.kind, m.title, m.revision, p.name AS platform
                FROM materials m JOIN clients c ON c.id = m.client_id LEFT JOIN platforms p ON p.id = m.platform_id
                WHERE m.deleted_at IS NULL AND \(reader.visibility.predicate("materials", alias: "m"))
                """
            var arguments: [any DatabaseValueConvertible] = []
            if let client {
                sql += " AND m.client_id = ?"
                arguments.append(try reader.client(ref: client).id)
            }
            return try reader.fetch(sql + " ORDER BY c.name, m.title", StatementArguments(arguments)) { row, _ in
                MaterialSummary(uid: row["uid"], client: row["client"], kind: MaterialKind(rawValue: row["kind"]) ?? .other, title: row["title"],
                                revision: row["revision"], platform: row["platform"])
            }
        }
    }

    // MARK: helpers

    /// A talent's skills as one comma list, for listings (from `talent_skills`).
    /// With `levels`, a skill above level 1 is written `french:4`.
    static func skillsColumn(_ talent: String, levels: Bool = false) -> String {
        let item = levels ? "skill || CASE WHEN level > 1 THEN ':' || level ELSE '' END" : "skill"
        return "ifnull((SELECT group_concat(item, ',') FROM (SELECT \(item) AS item FROM talent_skills WHERE talent_id = \(talent).id AND deleted_at IS NULL ORDER BY skill COLLATE NOCASE)), '')"
    }

    /// Talent's ratings, the average of their show ratings, by talent id: of `talent` only,
    /// or of everyone rated.
    static func ratings(_ db: Database, of talent: Set<Int64>? = nil) throws -> [Int64: Double] {
        var ratings: [Int64: Double] = [:]
        try db.makeStatement(sql: """
            SELECT talent_id, avg(rating) FROM show_talent WHERE rating IS NOT NULL AND deleted_at IS NULL \(talent.map { "AND talent_id IN (\(ids($0)))" } ?? "")
            GROUP BY talent_id
            """).eachRow { row in
            ratings[row.int(0)] = row.double(1)
        }
        return ratings
    }


    /// Makes the talent's live skills exactly `skills`: rows for new ones, levels changed, removed ones soft-deleted.
    static func setSkills(_ context: CommandContext, talentID: Int64, _ skills: [LevelledList.Item]) throws {
        let current = try Row.fetchAll(context.db, sql: "SELECT id, skill, level FROM talent_skills WHERE talent_id = ? AND deleted_at IS NULL", arguments: [talentID])
        let wanted = Dictionary(skills.map { ($0.name.lowercased(), $0.level) }, uniquingKeysWith: { a, _ in a })
        for row in current {
            let skill = (row["skill"] as String).lowercased()
            if let level = wanted[skill] {
                if level != row["level"] { try context.updateColumns("talent_skills", id: row["id"], [("level", level)]) }
            } else {
                try context.softDelete("talent_skills", id: row["id"])
            }
        }
        let have = Set(current.map { ($0["skill"] as String).lowercased() })
        for skill in skills where !have.contains(skill.name.lowercased()) {
            try context.insert(NewTalentSkill(talentID: talentID, skill: skill.name, level: skill.level))
        }
    }

    /// The items of a stored comma list.
    static func split(_ text: String) -> [String] {
        // On the UTF-8 bytes: a comma is never part of another character, and listings split
        // tens of thousands of these.
        guard !text.isEmpty else { return [] }
        return text.utf8.split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A comma-separated list of clean tags.
    static func list(_ items: [String], field: String) throws -> String {
        try items.flatMap { $0.split(separator: ",") }.map { try TextInput.line(String($0), field: field, limit: 64) }.filter { !$0.isEmpty }.joined(separator: ",")
    }

    /// Ids for an `IN (...)` list; never empty, so the SQL stays valid.
    static func ids(_ ids: Set<Int64>) -> String {
        ids.isEmpty ? "NULL" : ids.sorted().map(String.init).joined(separator: ",")
    }
}

// MARK: read models

/// A talent row of `talent list`.
public struct TalentSummary: ReadModel, Equatable {
    public var uid, name, alias: String
    public var role: TalentRole
    public var skills, styleTags: [String]
    public var rateMinor: MoneyValue
    public var banned: Bool
    public var studio: String
    public var version: Int
    public var languages: [String] = []
    public var contact = ""
    public var banReason = ""
    /// The average of their show ratings.
    public var rating: Double?

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("name", .text(name)), ("alias", .text(alias)), ("role", .text(role.rawValue)), ("skills", .text(skills.joined(separator: ","))),
                 ("languages", .text(languages.joined(separator: ","))), ("style_tags", .text(styleTags.joined(separator: ","))), ("rate", .money(rateMinor)),
                 ("rating", .text(rating.map(RatingText.of))), ("banned", .bool(banned)), ("ban_reason", .text(banReason)), ("contact", .text(contact)),
                 ("studio", .text(studio)), ("version", .int(Int64(version)))])
    }
}

/// A room of `room list`.
public struct RoomSummary: ReadModel, Equatable {
    public var uid, name: String
    public var capacity: Int
    public var equipmentNotes, studio: String
    public var version: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("name", .text(name)), ("capacity", .int(Int64(capacity))), ("equipment_notes", .text(equipmentNotes)),
                 ("studio", .text(studio)), ("version", .int(Int64(version)))])
    }
}

/// An item of `equipment list`.
public struct EquipmentSummary: ReadModel, Equatable {
    public var uid, name, category, serial, studio: String
    public var version: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("name", .text(name)), ("category", .text(category)), ("serial", .text(serial)), ("studio", .text(studio)),
                 ("version", .int(Int64(version)))])
    }
}

/// A period of `time-off list`.
public struct TimeOffEntry: ReadModel, Equatable {
    public var uid, resource, resourceUID: String
    public var startAt, endAt: Timestamp
    public var hard: Bool
    public var reason: String

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("resource", .text(resource)), ("resource_uid", .text(resourceUID)), ("start_at", .time(startAt)), ("end_at", .time(endAt)),
                 ("hard", .bool(hard)), ("reason", .text(reason))])
    }
}

/// A client of `client list`.
public struct ClientSummary: ReadModel, Equatable {
    public var uid, name, contact, email: String
    public var version: Int
    public var tier = "", preferences = "", notes = "", studio = ""

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("name", .text(name)), ("tier", .text(tier)), ("contact", .text(contact)), ("email", .text(email)),
                 ("preferences", .text(preferences)), ("notes", .text(notes)), ("studio", .text(studio)), ("version", .int(Int64(version)))])
    }
}

/// A platform of `platform list`.
public struct PlatformSummary: ReadModel, Equatable {
    public var uid, name, url: String

    public var listing: Listing { Listing([("uid", .text(uid)), ("name", .text(name)), ("url", .text(url))]) }
}

/// A material of `material list`.
public struct MaterialSummary: ReadModel, Equatable {
    public var uid, client: String
    public var kind: MaterialKind
    public var title: String
    public var revision: Int
    public var platform: String?

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("client", .text(client)), ("kind", .text(kind.rawValue)), ("title", .text(title)), ("revision", .int(Int64(revision))),
                 ("platform", .text(platform))])
    }
}

/// Changes to a client, room, equipment or platform: nil fields stay as they are.
public struct RecordChanges: Sendable, Equatable {
    public var fields: [String: String]

    public init(_ fields: [String: String] = [:]) { self.fields = fields }
}

extension Session {
    /// Refuses a delete while live records point at the one deleted, naming them.
    static func refuseWhileReferenced(_ name: String, _ references: [String], what: String, plural: String, fix: String) throws {
        guard !references.isEmpty else { return }
        let named = references.prefix(8).joined(separator: ", ") + (references.count > 8 ? " and \(references.count - 8) more" : "")
        throw SlateError.refused([RuleViolation(.transition, "\(name) still has \(Plural.count(references.count, what, plural: plural)): \(named); \(fix)")])
    }

    /// Edits a client's fields (`name`, `contact`, `email`, `tier`, `preferences`, `notes`); studio manager.
    public func editClient(_ ref: String, _ changes: RecordChanges, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("client edit") { context in
            let client = try context.client(ref: ref)
            try Self.requireClientManager(context, client, to: "edit client \(client.name)")
            let values = try Self.fieldValues(changes, ["name": 200, "contact": 500, "email": 500, "tier": 64, "preferences": 2000, "notes": 10_000], names: ["name"])
            try context.updateColumns("clients", id: client.id, values, expectedVersion: expectedVersion)
            context.summary = "edit client \(client.name)"
            return client.uid
        }
    }

    /// Removes a client (soft): refused while it has shows or schedules not yet over.
    public func deleteClient(_ ref: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("client delete") { context in
            let client = try context.client(ref: ref)
            try Self.requireClientManager(context, client, to: "delete client \(client.name)")
            let live = try String.fetchAll(context.db, sql: """
                SELECT uid FROM shows WHERE client_id = ?1 AND deleted_at IS NULL AND status IN ('draft', 'confirmed', 'live')
                UNION ALL SELECT uid FROM schedules WHERE client_id = ?1 AND deleted_at IS NULL AND status IN ('draft', 'proposed', 'confirmed')
                """, arguments: [client.id])
            try Self.refuseWhileReferenced(client.name, live, what: "show or schedule not over", plural: "shows or schedules not over", fix: "complete, cancel or delete them first")
            try context.softDelete("clients", id: client.id, expectedVersion: expectedVersion)
            context.summary = "delete client \(client.name)"
            return client.uid
        }
    }

    /// Shows not yet over (draft, confirmed, live) linked to a record through `table`.
    static func showsNotOver(_ context: CommandContext, linkedBy table: String, column: String, id: Int64) throws -> [String] {
        try String.fetchAll(context.db, sql: """
            SELECT s.uid FROM \(table) l JOIN shows s ON s.id = l.show_id
            WHERE l.\(column) = ? AND l.deleted_at IS NULL AND s.deleted_at IS NULL AND s.status IN ('draft', 'confirmed', 'live') ORDER BY s.start_at
            """, arguments: [id])
    }

    static func requireClientManager(_ context: CommandContext, _ client: ClientRecord, to action: String) throws {
        guard let studio = client.studioID else { throw SlateError.accessDenied("\(context.actor.login) may not \(action)") }
        let info = try context.studio(id: studio)
        try context.require(.manager, studio: info.id, studioName: info.name, to: action)
    }

    /// Edits a room (`name`, `capacity`, `notes`) or equipment (`name`, `category`, `serial`); studio admin.
    public func editResource(_ ref: String, _ changes: RecordChanges, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("resource edit") { context in
            let (resource, studio, _) = try context.resource(ref: ref)
            try context.require(.admin, studio: studio.id, studioName: studio.name, to: "edit \(resource.kind.rawValue)")
            var changes = changes
            let table: String
            var values: [(String, (any DatabaseValueConvertible)?)] = []
            switch resource.kind {
            case .room:
                table = "rooms"
                if let capacity = changes.fields.removeValue(forKey: "capacity") {
                    guard let value = Int(capacity), value >= 0 else { throw SlateError.invalidInput("capacity must be a whole number, 0 or more") }
                    values.append(("capacity", value))
                }
                if let notes = changes.fields.removeValue(forKey: "notes") { changes.fields["equipment_notes"] = notes }
                values += try Self.fieldValues(changes, ["name": 200, "equipment_notes": 10_000], names: ["name"])
            case .equipment:
                table = "equipment"
                values = try Self.fieldValues(changes, ["name": 200, "category": 200, "serial": 200], names: ["name"])
            case .talent:
                throw SlateError.invalidInput("talent is edited with slate talent edit")
            }
            guard let id = try Int64.fetchOne(context.db, sql: "SELECT id FROM \(table) WHERE resource_id = ?", arguments: [resource.id]) else {
                throw SlateError.notFound("\(resource.name)")
            }
            try context.updateColumns(table, id: id, values, expectedVersion: expectedVersion)
            context.summary = "edit \(resource.kind.rawValue) \(resource.name)"
            return resource.uid
        }
    }

    /// Edits a platform (`name`, `url`); a manager of any studio.
    public func editPlatform(_ ref: String, _ changes: RecordChanges, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("platform edit") { context in
            try context.policy.requireAnyStudio(.manager, to: "edit platforms")
            let row = try context.row("platforms", ref: ref, what: "platform")
            try context.updateColumns("platforms", id: row["id"], try Self.fieldValues(changes, ["name": 200, "url": 2000], names: ["name"]), expectedVersion: expectedVersion)
            context.summary = "edit platform \(row["name"] as String)"
            return row["uid"]
        }
    }

    /// Removes a platform (soft): refused while shows not yet over stream on it.
    public func deletePlatform(_ ref: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("platform delete") { context in
            try context.policy.requireAnyStudio(.manager, to: "delete platforms")
            let row = try context.row("platforms", ref: ref, what: "platform")
            let live = try Self.showsNotOver(context, linkedBy: "show_platforms", column: "platform_id", id: row["id"])
            try Self.refuseWhileReferenced(row["name"], live, what: "show not over streaming on it", plural: "shows not over streaming on it", fix: "take it off those shows first")
            try context.softDelete("platforms", id: row["id"], expectedVersion: expectedVersion)
            context.summary = "delete platform \(row["name"] as String)"
            return row["uid"]
        }
    }

    /// A new revision of a material: the text it replaces is kept (`materialRevisions`).
    public func reviseMaterial(_ uid: String, title: String? = nil, body: String? = nil, expectedVersion: Int? = nil) throws -> Outcome<Int> {
        try perform("material revise") { context in
            let row = try context.row("materials", uid: uid, what: "material")
            let client = try context.client(ref: context.uid(of: "clients", id: row["client_id"]))
            let studioRole = client.studioID.flatMap { context.policy.role(inStudio: $0) }
            guard (studioRole ?? .member) >= .manager || (context.policy.role(inClient: client.id) ?? .member) >= .manager else {
                throw SlateError.accessDenied("\(context.actor.login) needs the manager role on a studio or on client \(client.name) to revise material")
            }
            guard title != nil || body != nil else { throw SlateError.invalidInput("nothing to change; give --title or --body") }
            let revision: Int = row["revision"]
            try context.insert(NewMaterialRevision(materialID: row["id"], revision: revision, title: row["title"], body: row["body"]))
            var values: [(String, (any DatabaseValueConvertible)?)] = [("revision", revision + 1)]
            if let title { values.append(("title", try TextInput.name(title, field: "title"))) }
            if let body { values.append(("body", try TextInput.note(body, field: "body"))) }
            try context.updateColumns("materials", id: row["id"], values, expectedVersion: expectedVersion)
            context.summary = "revise \(row["title"] as String) to revision \(revision + 1)"
            return revision + 1
        }
    }

    /// Removes a material (soft): refused while shows not yet over use it.
    public func deleteMaterial(_ uid: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("material delete") { context in
            let row = try context.row("materials", uid: uid, what: "material")
            let client = try context.client(ref: context.uid(of: "clients", id: row["client_id"]))
            try Self.requireClientManager(context, client, to: "delete material of \(client.name)")
            let live = try Self.showsNotOver(context, linkedBy: "show_materials", column: "material_id", id: row["id"])
            try Self.refuseWhileReferenced(row["title"], live, what: "show not over using it", plural: "shows not over using it", fix: "take it off those shows first")
            try context.softDelete("materials", id: row["id"], expectedVersion: expectedVersion)
            context.summary = "delete material \(row["title"] as String)"
            return uid
        }
    }

    /// Renames a studio or changes its opening hours (its time zone stays: every time typed
    /// there was read in it); studio admin.
    public func editStudio(_ ref: String, name: String? = nil, openingHours: String? = nil, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("studio edit") { context in
            let studio = try context.studio(ref: ref)
            try context.require(.admin, studio: studio.id, studioName: studio.name, to: "edit the studio")
            var values: [(String, (any DatabaseValueConvertible)?)] = []
            if let name { values.append(("name", try TextInput.name(name, field: "studio name"))) }
            if let openingHours { values.append(("opening_hours", try OpeningHours(openingHours).text)) }
            guard !values.isEmpty else { throw SlateError.invalidInput("nothing to change; give --name or --hours") }
            try context.updateColumns("studios", id: studio.id, values, expectedVersion: expectedVersion)
            context.summary = "edit studio \(studio.name)"
            return studio.uid
        }
    }

    /// Removes a studio (soft): refused while it has rooms, talent or equipment in use, or
    /// shows or schedules not over; studio admin.
    public func deleteStudio(_ ref: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("studio delete") { context in
            let studio = try context.studio(ref: ref)
            try context.require(.admin, studio: studio.id, studioName: studio.name, to: "delete the studio")
            let live = try String.fetchAll(context.db, sql: """
                SELECT uid FROM resources WHERE studio_id = ?1 AND deleted_at IS NULL
                UNION ALL SELECT uid FROM shows WHERE studio_id = ?1 AND deleted_at IS NULL AND status IN ('draft', 'confirmed', 'live')
                UNION ALL SELECT uid FROM schedules WHERE studio_id = ?1 AND deleted_at IS NULL AND status IN ('draft', 'proposed', 'confirmed')
                """, arguments: [studio.id])
            try Self.refuseWhileReferenced(studio.name, live, what: "room, talent, equipment, show or schedule in use", plural: "rooms, talent, equipment, shows or schedules in use", fix: "delete or move them first")
            try context.softDelete("studios", id: studio.id, expectedVersion: expectedVersion)
            context.summary = "delete studio \(studio.name)"
            return studio.uid
        }
    }

    /// Every revision of a material, the current one first.
    public func materialRevisions(_ uid: String) throws -> [MaterialRevision] {
        try read { reader in
            let row = try reader.row("materials", uid: uid, what: "material")
            let format = reader.format
            let current = MaterialRevision(revision: row["revision"], title: row["title"], body: row["body"], replacedAt: nil)
            return try [current] + Row.fetchAll(reader.db, sql: "SELECT revision, title, body, created_at FROM material_revisions WHERE material_id = ? AND deleted_at IS NULL ORDER BY revision DESC",
                                                arguments: [row["id"]]).map {
                MaterialRevision(revision: $0["revision"], title: $0["title"], body: $0["body"], replacedAt: Timestamp($0["created_at"] as Int64, in: format.zone, words: format.words))
            }
        }
    }

    /// Checked values of named text fields; unknown field names are refused.
    static func fieldValues(_ changes: RecordChanges, _ limits: [String: Int], names: Set<String>) throws -> [(String, (any DatabaseValueConvertible)?)] {
        guard !changes.fields.isEmpty else { throw SlateError.invalidInput("nothing to change; give at least one field") }
        return try changes.fields.sorted { $0.key < $1.key }.map { field, value in
            guard let limit = limits[field] else {
                throw SlateError.invalidInput("unknown field '\(TextInput.printable(field))'; fields: \(limits.keys.sorted().joined(separator: ", "))")
            }
            if names.contains(field) { return (field, try TextInput.name(value, field: field)) }
            return (field, limit > 500 ? try TextInput.note(value, field: field) : try TextInput.line(value, field: field, limit: limit))
        }
    }
}

/// A revision of a material; `replacedAt` is nil for the current one.
public struct MaterialRevision: ReadModel, Equatable {
    public var revision: Int
    public var title, body: String
    public var replacedAt: Timestamp?

    public var listing: Listing {
        Listing([("revision", .int(Int64(revision))), ("title", .text(title)), ("replaced_at", Listing.Value.time(replacedAt)), ("body", .text(body))])
    }
}

// The writes behind `talent add`, `room add`, `equipment add` and `client add`, also run
// row by row by `slate import csv` inside its one command.
extension Session {
    static func insertTalent(_ context: CommandContext, _ input: TalentInput) throws -> String {
        let studio = try context.studio(refOrOnly: input.studio)
        try context.require(.admin, studio: studio.id, studioName: studio.name, to: "add talent")
        let name = try TextInput.name(input.name)
        var userID: Int64?
        if let login = input.userLogin { userID = try context.user(login: login)["id"] }
        guard input.rateMinor >= 0 else { throw SlateError.invalidInput("the rate must not be negative") }
        let resource = try context.insert(NewResource(studioID: studio.id, kind: .talent, name: name), uid: try context.nextUID("talent"))
        let talent = try context.insert(NewTalent(studioID: studio.id, resourceID: resource.id, userID: userID, name: name,
                                                  alias: try TextInput.line(input.alias, field: "alias"), role: input.role,
                                                  styleTags: try Self.list(input.styles, field: "styles"), rateMinor: input.rateMinor,
                                                  languages: LevelledList.text(try LevelledList.parse(input.languages, field: "languages")),
                                                  contact: try TextInput.line(input.contact, field: "contact", limit: 500)))
        try Self.setSkills(context, talentID: talent.id, try LevelledList.parse(input.skills, field: "skills"))
        context.summary = "add talent \(name) to \(studio.name)"
        return talent.uid
    }

    static func insertRoom(_ context: CommandContext, studio: String?, name: String, capacity: Int, equipmentNotes: String) throws -> String {
        let studio = try context.studio(refOrOnly: studio)
        try context.require(.admin, studio: studio.id, studioName: studio.name, to: "add rooms")
        let name = try TextInput.name(name)
        guard capacity >= 0 else { throw SlateError.invalidInput("the capacity must not be negative") }
        let resource = try context.insert(NewResource(studioID: studio.id, kind: .room, name: name), uid: try context.nextUID("rooms"))
        let room = try context.insert(NewRoom(studioID: studio.id, resourceID: resource.id, name: name, capacity: capacity,
                                              equipmentNotes: try TextInput.note(equipmentNotes, field: "equipment notes")))
        context.summary = "add room \(name) to \(studio.name)"
        return room.uid
    }

    static func insertEquipment(_ context: CommandContext, studio: String?, name: String, category: String, serial: String) throws -> String {
        let studio = try context.studio(refOrOnly: studio)
        try context.require(.admin, studio: studio.id, studioName: studio.name, to: "add equipment")
        let name = try TextInput.name(name)
        let resource = try context.insert(NewResource(studioID: studio.id, kind: .equipment, name: name), uid: try context.nextUID("equipment"))
        let item = try context.insert(NewEquipment(studioID: studio.id, resourceID: resource.id, name: name,
                                                   category: try TextInput.line(category, field: "category"), serial: try TextInput.line(serial, field: "serial")))
        context.summary = "add equipment \(name) to \(studio.name)"
        return item.uid
    }

    static func insertClient(_ context: CommandContext, studio: String?, name: String, contact: String, email: String, tier: String = "", preferences: String = "",
                             notes: String = "") throws -> String {
        let studio = try context.studio(refOrOnly: studio)
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "add clients")
        let name = try TextInput.name(name)
        let row = try context.insert(NewClient(name: name, contact: try TextInput.line(contact, field: "contact"), email: try TextInput.line(email, field: "email"),
                                               studioID: studio.id, tier: try TextInput.line(tier, field: "tier", limit: 64),
                                               preferences: try TextInput.note(preferences, field: "preferences"), notes: try TextInput.note(notes, field: "notes")))
        context.summary = "add client \(name)"
        return row.uid
    }
}

extension Session {
    /// Rates talent's work on a show (1–5, with a note); their rating is the average.
    /// A studio manager, once the show is confirmed.
    public func rateTalent(_ talent: String, show: String, stars: Int, note: String? = nil) throws -> Outcome<String> {
        try perform("talent rate") { context in
            let show = try context.show(uid: show)
            let person = try context.talent(ref: talent)
            let studio = try context.studio(id: show.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "rate talent")
            guard (1...5).contains(stars) else { throw SlateError.invalidInput("a rating is 1 to 5 stars") }
            guard [.confirmed, .live, .completed].contains(show.status) else {
                throw SlateError.refused([RuleViolation(.transition, "\(show.title) is \(show.status.rawValue); talent is rated once a show is confirmed")])
            }
            guard let link = try Int64.fetchOne(context.db, sql: "SELECT id FROM show_talent WHERE show_id = ? AND talent_id = ? AND deleted_at IS NULL", arguments: [show.id, person.id]) else {
                throw SlateError.notFound("\(person.name) is not on \(show.title)")
            }
            var values: [(String, (any DatabaseValueConvertible)?)] = [("rating", stars)]
            if let note { values.append(("note", try TextInput.line(note, field: "note", limit: 500))) }
            try context.updateColumns("show_talent", id: link, values)
            context.summary = "rate \(person.name) \(stars)/5 on \(show.title)"
            return person.uid
        }
    }
}
