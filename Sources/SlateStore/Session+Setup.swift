import Foundation
import GRDB
import SlateCore

/// What `slate init` needs to create a workspace and its first studio.
public struct WorkspaceSetup: Sendable {
    public var workspaceName: String
    public var studioName: String
    public var timeZone: String
    public var locale: String
    public var currency: String
    public var openingHours: String
    public var founderLogin: String
    public var founderName: String
    public var isDemo: Bool

    public init(workspaceName: String, studioName: String, timeZone: String, locale: String = "en_US", currency: String = "USD",
                openingHours: String = "", founderLogin: String, founderName: String, isDemo: Bool = false) {
        self.workspaceName = workspaceName
        self.studioName = studioName
        self.timeZone = timeZone
        self.locale = locale
        self.currency = currency
        self.openingHours = openingHours
        self.founderLogin = founderLogin
        self.founderName = founderName
        self.isDemo = isDemo
    }
}

/// Scope of a membership as the user names it.
public enum ScopeRef: Sendable {
    case studio(String)
    case client(String)
    case platform(String)
}

extension Workspace {
    /// Creates a workspace file whose founder (the invoking OS account) is admin of its first studio.
    public static func initialize(at path: String, setup: WorkspaceSetup, clock: Clock, options: Options = Options()) throws -> Workspace {
        let name = try TextInput.name(setup.workspaceName, field: "workspace name")
        let studioName = try TextInput.name(setup.studioName, field: "studio name")
        let zone = try LocalTime.zone(setup.timeZone)
        let hours = try OpeningHours(setup.openingHours)
        let login = try TextInput.name(setup.founderLogin, field: "login")
        let userName = try TextInput.name(setup.founderName, field: "user name")
        let currency = setup.currency.uppercased()
        guard currency.count == 3, currency.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw SlateError.invalidInput("'\(TextInput.printable(setup.currency))' is not a currency code; use three letters such as EUR")
        }
        guard setup.locale.range(of: "^[a-z]{2,3}(_[A-Z]{2})?$", options: .regularExpression) != nil else {
            throw SlateError.invalidInput("'\(TextInput.printable(setup.locale))' is not a locale; use a form such as fr_FR")
        }
        let workspace = try create(at: path, options: options)
        let now = clock.now()
        do {
            try Session.mapErrors {
                try workspace.write { db in
                    try db.inTransaction(.immediate) {
                        let actor = Actor(userID: 1, login: login, grants: [])
                        let settings = WorkspaceSettings(name: name, zone: zone, holdExpiryFirstDays: 14, holdExpiryOtherDays: 7, challengeHours: 24, autoPromote: true)
                        let context = try CommandContext(db: db, actor: actor, now: now, name: "init", settings: settings)
                        let user = try context.insert(NewUser(login: login, name: userName))
                        try context.insert(NewWorkspace(name: name, locale: setup.locale, currency: currency, timeZone: zone.identifier, isDemo: setup.isDemo))
                        let studio = try context.insert(NewStudio(name: studioName, timeZone: zone.identifier, openingHours: hours.text))
                        try context.insert(NewMembership(userID: user.id, target: .studio(studio.id), role: .admin))
                        context.summary = "create workspace \(name) with studio \(studioName)"
                        try context.finish()
                        return .commit
                    }
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        return workspace
    }

    /// True when the workspace was made by `slate demo` (so it may be replaced).
    public func isDemo() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT is_demo FROM workspaces LIMIT 1") ?? false }
    }
}

extension Session {
    /// Who the acting user is and what they belong to.
    public func whoami() throws -> [MembershipSummary] {
        try read { reader in
            try reader.fetch("""
                SELECT u.login, u.name, m.scope, coalesce(s.name, c.name, p.name) AS target, coalesce(s.uid, c.uid, p.uid) AS target_uid, m.role
                FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.deleted_at IS NULL
                LEFT JOIN studios s ON s.id = m.studio_id LEFT JOIN clients c ON c.id = m.client_id LEFT JOIN platforms p ON p.id = m.platform_id
                WHERE u.id = ? ORDER BY m.id
                """, [reader.actor.userID]) { row, _ in
                MembershipSummary(uid: nil, login: row["login"], name: row["name"], scope: row["scope"], target: row["target"], targetUID: row["target_uid"], role: row["role"])
            }
        }
    }

    /// Adds a studio; its creator (already admin of a studio) becomes its admin.
    public func addStudio(name: String, timeZone: String, openingHours: String = "") throws -> Outcome<String> {
        try perform("studio add") { context in
            try context.policy.requireAnyStudio(.admin, to: "add a studio")
            let name = try TextInput.name(name, field: "studio name")
            let zone = try LocalTime.zone(timeZone)
            let hours = try OpeningHours(openingHours)
            let studio = try context.insert(NewStudio(name: name, timeZone: zone.identifier, openingHours: hours.text))
            try context.insert(NewMembership(userID: context.actor.userID, target: .studio(studio.id), role: .admin))
            context.summary = "add studio \(name)"
            return studio.uid
        }
    }

    /// A consistent copy of the whole workspace in a new file, made while others keep
    /// working; an admin of a studio (the copy holds every studio's data).
    public func backup(to destination: String) throws {
        try read { reader in try reader.policy.requireAnyStudio(.admin, to: "back up the workspace") }
        try workspace.backup(to: destination)
    }

    /// Studios the user belongs to.
    public func studios() throws -> [StudioSummary] {
        try read { reader in
            try reader.fetch("SELECT uid, name, time_zone, opening_hours, version FROM studios WHERE deleted_at IS NULL AND \(reader.visibility.predicate("studios")) ORDER BY name") { row, _ in
                StudioSummary(uid: row["uid"], name: row["name"], timeZone: row["time_zone"], openingHours: row["opening_hours"], version: row["version"])
            }
        }
    }

    /// Grants `login` a role on a studio, client or platform, adding the user if new.
    /// Studio memberships need the studio's admin; client and platform ones an admin of any studio.
    public func addMember(login: String, name: String? = nil, role: Role, scope: ScopeRef) throws -> Outcome<String> {
        try perform("member add") { context in
            let login = try TextInput.name(login, field: "login")
            guard login.count <= 64, !login.contains(" ") else { throw SlateError.invalidInput("'\(TextInput.printable(login))' is not an account login") }
            let target: NewMembership.Target
            let label: String
            switch scope {
            case .studio(let ref):
                let studio = try context.studio(ref: ref)
                try context.require(.admin, studio: studio.id, studioName: studio.name, to: "add members")
                target = .studio(studio.id)
                label = "studio \(studio.name)"
            case .client(let ref):
                try context.policy.requireAnyStudio(.admin, to: "add client members")
                let client = try context.client(ref: ref)
                target = .client(client.id)
                label = "client \(client.name)"
            case .platform(let ref):
                try context.policy.requireAnyStudio(.admin, to: "add platform members")
                let platform = try context.row("platforms", ref: ref, what: "platform")
                target = .platform(platform["id"])
                label = "platform \(platform["name"] as String)"
            }
            let userID: Int64
            if let existing = try Int64.fetchOne(context.db, sql: "SELECT id FROM users WHERE login = ? AND deleted_at IS NULL", arguments: [login]) {
                userID = existing
            } else {
                userID = try context.insert(NewUser(login: login, name: try TextInput.name(name ?? login, field: "user name"))).id
            }
            let membership = NewMembership(userID: userID, target: target, role: role)
            let scope = membership.targetColumn
            if try Int64.fetchOne(context.db, sql: "SELECT id FROM memberships WHERE user_id = ? AND \(scope.name) = ? AND deleted_at IS NULL", arguments: [userID, scope.id]) != nil {
                throw SlateError.invalidInput("\(login) is already a member of \(label); remove the membership first to change the role")
            }
            let made = try context.insert(membership)
            context.summary = "make \(login) \(role.rawValue) of \(label)"
            return made.uid
        }
    }

    /// Ends a membership.
    public func removeMember(_ uid: String) throws -> Outcome<String> {
        try perform("member remove") { context in
            let row = try context.row("memberships", uid: uid, what: "membership")
            if let studioID = row["studio_id"] as Int64? {
                let studio = try context.studio(id: studioID)
                try context.require(.admin, studio: studio.id, studioName: studio.name, to: "remove members")
            } else {
                try context.policy.requireAnyStudio(.admin, to: "remove client or platform members")
            }
            try context.softDelete("memberships", id: row["id"])
            context.summary = "remove membership \(uid)"
            return uid
        }
    }

    /// Memberships the user can see: those of studios they administer, and their own.
    public func members() throws -> [MembershipSummary] {
        try read { reader in
            let admin = reader.actor.grants.compactMap { grant -> Int64? in
                if case .studio(let id) = grant.scope, grant.role == .admin { return id }
                return nil
            }
            let studios = Self.ids(Set(admin))
            let anyAdmin = admin.isEmpty ? "0" : "1"
            return try reader.fetch("""
                SELECT m.uid, u.login, u.name, m.scope, coalesce(s.name, c.name, p.name) AS target, m.role
                FROM memberships m JOIN users u ON u.id = m.user_id
                LEFT JOIN studios s ON s.id = m.studio_id LEFT JOIN clients c ON c.id = m.client_id LEFT JOIN platforms p ON p.id = m.platform_id
                WHERE m.deleted_at IS NULL AND (m.user_id = ? OR m.studio_id IN (\(studios)) OR (\(anyAdmin) = 1 AND m.scope != 'studio'))
                ORDER BY m.scope, target, u.login
                """, [reader.actor.userID]) { row, _ in
                MembershipSummary(uid: row["uid"], login: row["login"], name: row["name"], scope: row["scope"], target: row["target"], targetUID: nil, role: row["role"])
            }
        }
    }
}

// MARK: read models

/// A studio of `studio list`.
public struct StudioSummary: ReadModel, Equatable {
    public var uid, name, timeZone, openingHours: String
    public var version = 1

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("name", .text(name)), ("time_zone", .text(timeZone)), ("opening_hours", .text(openingHours)), ("version", .int(Int64(version)))])
    }
}

/// A membership (`member list`, `whoami`): who has which role where.
public struct MembershipSummary: ReadModel, Equatable {
    public var uid: String?
    public var login, name: String
    public var scope: String?
    public var target: String?
    public var targetUID: String?
    public var role: String?

    public var listing: Listing {
        var fields: [(name: String, value: Listing.Value)] = uid.map { [("uid", .text($0))] } ?? []
        fields += [("login", .text(login)), ("name", .text(name)), ("scope", .text(scope)), ("target", .text(target))]
        if uid == nil { fields.append(("target_uid", .text(targetUID))) }
        return Listing(fields + [("role", .text(role))])
    }
}
