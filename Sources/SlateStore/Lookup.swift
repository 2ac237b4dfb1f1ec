import Foundation
import GRDB
import SlateCore

/// Reading helpers shared by commands and reads.
protocol Lookup {
    var db: Database { get }
    var actor: Actor { get }
    var settings: WorkspaceSettings { get }
}

extension CommandContext: Lookup {}
extension Reader: Lookup {}

/// A time as the user gave it: an instant, or local text read in the studio's zone.
public enum When: Sendable, Equatable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case instant(Int64)
    case local(String)

    public init(integerLiteral value: Int64) { self = .instant(value) }
    public init(stringLiteral value: String) { self = .local(value) }

    /// The instant, reading local text in `zone`.
    public func resolve(in zone: LocalTime) throws -> Int64 {
        switch self {
        case .instant(let instant): instant
        case .local(let text): try zone.parse(text)
        }
    }

    /// A warning when local text names a wall time that occurs twice (the first is taken).
    func ambiguity(in zone: LocalTime) -> RuleWarning? {
        guard case .local(let text) = self, let instant = try? zone.parse(text), zone.isAmbiguous(instant) else { return nil }
        return RuleWarning(.ambiguousTime, "\(TextInput.printable(text)) occurs twice in \(zone.timeZone.identifier) (the clocks go back); the first, \(zone.iso(instant)), was taken")
    }
}

/// A studio as commands need it.
struct StudioInfo {
    var id: Int64
    var uid: String
    var name: String
    var zone: LocalTime
    var hours: OpeningHours
    /// The workspace's words for days and times.
    var words: LocaleFormat

    /// `jeu. 3 déc. 14:00–16:00`: an interval in the studio's zone, as people read it.
    func text(_ interval: Interval) -> String { words.span(interval, in: zone) }

    /// `jeu. 3 déc. 14:00`: an instant likewise.
    func text(_ instant: Int64) -> String { words.moment(instant, in: zone) }
}

extension Lookup {
    var policy: AccessPolicy { AccessPolicy(actor: actor) }
    var visibility: Visibility { Visibility(policy: policy) }

    /// A live row of `table` by public id, if the actor may see it; `what` names it in the
    /// error, which is the same whether the row is missing or hidden.
    func row(_ table: String, uid: String, what: String) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE uid = ? AND deleted_at IS NULL AND \(visibility.predicate(table))", arguments: [uid]) else {
            throw SlateError.notFound("no \(what) with id '\(TextInput.printable(uid))'")
        }
        return row
    }

    /// A live row by public id or, when unique, by exact name (case-insensitive).
    func row(_ table: String, ref: String, what: String, nameColumn: String = "name", scope: String = "") throws -> Row {
        let visible = visibility.predicate(table)
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE uid = ? AND deleted_at IS NULL AND \(visible)", arguments: [ref]) {
            return row
        }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE \(nameColumn) = ? COLLATE NOCASE AND deleted_at IS NULL AND \(visible) \(scope) LIMIT 2", arguments: [ref])
        if rows.count == 1 { return rows[0] }
        if rows.count > 1 {
            throw SlateError.invalidInput("more than one \(what) is called '\(TextInput.printable(ref))'; use its id")
        }
        throw SlateError.notFound("no \(what) with id or name '\(TextInput.printable(ref))'")
    }

    func studio(id: Int64) throws -> StudioInfo {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, uid, name, time_zone, opening_hours FROM studios WHERE id = ?"), arguments: [id]) else {
            throw SlateError.notFound("studio \(id)")
        }
        return try studio(row)
    }

    /// A studio the actor belongs to, by id or name.
    func studio(ref: String) throws -> StudioInfo {
        try studio(row("studios", ref: ref, what: "studio"))
    }

    /// The only studio the actor belongs to, or the named one.
    func studio(refOrOnly ref: String?) throws -> StudioInfo {
        if let ref { return try studio(ref: ref) }
        let ids = policy.studioIDs.sorted()
        guard ids.count == 1, let only = ids.first else {
            throw SlateError.invalidInput(ids.isEmpty ? "you belong to no studio; name one with --studio" : "you belong to several studios; name one with --studio")
        }
        return try studio(id: only)
    }

    private func studio(_ row: Row) throws -> StudioInfo {
        let zoneName: String = row["time_zone"]
        return StudioInfo(id: row["id"], uid: row["uid"], name: row["name"],
                          zone: LocalTime.cached(zoneName) ?? LocalTime(timeZone: .gmt),
                          hours: OpeningHours.cached(row["opening_hours"]), words: settings.words)
    }

    /// A bookable resource by the public id of the resource, room, talent or equipment, or by name.
    /// With `checkAccess` false the caller has already decided access (a client manager
    /// approving a schedule books the studio's rooms through it).
    func resource(ref: String, checkAccess: Bool = true) throws -> (info: ResourceInfo, studio: StudioInfo, talentID: Int64?) {
        // Each branch is an index lookup on a UNIQUE uid column.
        var id = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM resources WHERE uid = ?1 AND deleted_at IS NULL
            UNION ALL SELECT resource_id FROM rooms WHERE uid = ?1 AND deleted_at IS NULL
            UNION ALL SELECT resource_id FROM talent WHERE uid = ?1 AND deleted_at IS NULL
            UNION ALL SELECT resource_id FROM equipment WHERE uid = ?1 AND deleted_at IS NULL
            LIMIT 1
            """), arguments: [ref])
        if id == nil {
            let named = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM resources WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL
                UNION SELECT resource_id FROM talent WHERE alias = ?1 COLLATE NOCASE AND alias != '' AND deleted_at IS NULL
                LIMIT 2
                """), arguments: [ref])
            if named.count > 1 { throw SlateError.invalidInput("more than one resource is called '\(TextInput.printable(ref))'; use its id") }
            id = named.first
        }
        let row = try id.flatMap { id in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT r.id, r.uid, r.name, r.kind, r.studio_id, t.id AS talent_id, ifnull(t.banned, 0) AS banned
                FROM resources r LEFT JOIN talent t ON t.resource_id = r.id AND t.deleted_at IS NULL
                WHERE r.id = ? AND r.deleted_at IS NULL
                """), arguments: [id])
        }
        guard let row, let kind = ResourceKind(rawValue: row["kind"]) else {
            throw SlateError.notFound("no room, talent or equipment with id or name '\(TextInput.printable(ref))'")
        }
        let studio = try studio(id: row["studio_id"])
        guard !checkAccess || policy.canSeeStudio(studio.id) || (row["talent_id"] as Int64?).map({ actor.talentIDs.contains($0) }) == true else {
            throw SlateError.notFound("no room, talent or equipment with id or name '\(TextInput.printable(ref))'")
        }
        return (ResourceInfo(id: row["id"], uid: row["uid"], name: row["name"], kind: kind, banned: row["banned"]), studio, row["talent_id"])
    }

    /// A user by login.
    func user(login: String) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE login = ? AND deleted_at IS NULL", arguments: [login]) else {
            throw SlateError.notFound("no user with login '\(TextInput.printable(login))' in this workspace")
        }
        return row
    }
}
