/// What a membership grants access to.
public enum Scope: Hashable, Sendable {
    case studio(Int64)
    case client(Int64)
    case platform(Int64)
}

/// One membership: a role on one studio, client or platform.
public struct Grant: Hashable, Sendable {
    public var scope: Scope
    public var role: Role

    public init(scope: Scope, role: Role) {
        self.scope = scope
        self.role = role
    }
}

/// The person running a command: an OS account known to the workspace, with its memberships.
public struct Actor: Sendable, Equatable {
    public var userID: Int64
    public var login: String
    public var grants: [Grant]
    /// Talent records linked to this user (they see their own bookings and tasks).
    public var talentIDs: Set<Int64>

    public init(userID: Int64, login: String, grants: [Grant], talentIDs: Set<Int64> = []) {
        self.userID = userID
        self.login = login
        self.grants = grants
        self.talentIDs = talentIDs
    }
}

/// DESIGN §4: who may see and change what. There is no super admin: every permission
/// comes from a membership.
public struct AccessPolicy: Sendable {
    public let actor: Actor

    public init(actor: Actor) {
        self.actor = actor
    }

    /// The actor's role on a studio, if any.
    public func role(inStudio studioID: Int64) -> Role? {
        actor.grants.filter { $0.scope == .studio(studioID) }.map(\.role).max()
    }

    /// The actor's role on a client, if any.
    public func role(inClient clientID: Int64) -> Role? {
        actor.grants.filter { $0.scope == .client(clientID) }.map(\.role).max()
    }

    /// Studios the actor belongs to, with any role.
    public var studioIDs: Set<Int64> {
        Set(actor.grants.compactMap { if case .studio(let id) = $0.scope { id } else { nil } })
    }

    /// Clients the actor belongs to, with any role.
    public var clientIDs: Set<Int64> {
        Set(actor.grants.compactMap { if case .client(let id) = $0.scope { id } else { nil } })
    }

    /// Platforms the actor belongs to, with any role.
    public var platformIDs: Set<Int64> {
        Set(actor.grants.compactMap { if case .platform(let id) = $0.scope { id } else { nil } })
    }

    /// True when the actor has at least `role` on some studio (workspace-wide catalogues
    /// such as clients and platforms are managed by studio staff).
    public func hasStudioRole(_ role: Role) -> Bool {
        actor.grants.contains { if case .studio = $0.scope { $0.role >= role } else { false } }
    }

    /// Refuses unless the actor has at least `role` on the studio.
    public func require(_ role: Role, studio studioID: Int64, studioName: String, to action: String) throws {
        guard let have = self.role(inStudio: studioID), have >= role else {
            throw SlateError.accessDenied("\(actor.login) needs the \(role.rawValue) role on studio \(studioName) to \(action)")
        }
    }

    /// Refuses unless the actor has at least `role` on some studio.
    public func requireAnyStudio(_ role: Role, to action: String) throws {
        guard hasStudioRole(role) else {
            throw SlateError.accessDenied("\(actor.login) needs the \(role.rawValue) role on a studio to \(action)")
        }
    }

    /// True when the actor may see a studio's own data (resources, bookings, templates).
    public func canSeeStudio(_ studioID: Int64) -> Bool {
        role(inStudio: studioID) != nil
    }
}
