import GRDB
import SlateCore

extension Session {
    /// Creates a project in a studio, optionally for a client; studio manager.
    public func addProject(studio: String? = nil, client: String? = nil, name: String) throws -> Outcome<String> {
        try perform("project add") { context in
            let studio = try context.studio(refOrOnly: studio)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "create projects")
            var clientID: Int64?
            if let client { clientID = try context.client(ref: client).id }
            let name = try TextInput.name(name)
            let row = try context.insert(NewProject(studioID: studio.id, clientID: clientID, name: name))
            context.summary = "add project \(name)"
            return row.uid
        }
    }

    /// Projects of the user's studios, and their clients' for client members.
    public func projects() throws -> [ProjectSummary] {
        try read { reader in
            try reader.fetch("""
                SELECT p.uid, p.name, p.status, c.name AS client, s.name AS studio,
                       (SELECT count(*) FROM phases ph WHERE ph.project_id = p.id AND ph.deleted_at IS NULL) AS phases
                FROM projects p JOIN studios s ON s.id = p.studio_id LEFT JOIN clients c ON c.id = p.client_id
                WHERE p.deleted_at IS NULL AND \(reader.visibility.predicate("projects", alias: "p"))
                ORDER BY p.name
                """) { row, _ in
                ProjectSummary(uid: row["uid"], name: row["name"], status: ProjectStatus(rawValue: row["status"]) ?? .active, client: row["client"],
                               studio: row["studio"], phases: row["phases"])
            }
        }
    }

    /// Adds a phase to a project.
    public func addPhase(project: String, name: String, start: When, end: When, progress: Int = 0) throws -> Outcome<String> {
        try perform("phase add") { context in
            let (project, studio) = try Self.managedProject(context, ref: project)
            let interval = try Interval.validated(start: start.resolve(in: studio.zone), end: end.resolve(in: studio.zone))
            guard (0...100).contains(progress) else { throw SlateError.invalidInput("progress must be between 0 and 100") }
            let name = try TextInput.name(name)
            let row = try context.insert(NewPhase(projectID: project["id"], name: name, interval: interval, progress: progress))
            context.summary = "add phase \(name) to \(project["name"] as String)"
            return row.uid
        }
    }

    /// Phases the user may see, optionally of one project.
    public func phases(project: String? = nil) throws -> [PhaseSummary] {
        try read { reader in
            var sql = """
                SELECT ph.uid, p.name AS project, ph.name, ph.start_at, ph.end_at, ph.progress,
                       (SELECT group_concat(pr.uid, ',') FROM dependencies d JOIN phases pr ON pr.id = d.predecessor_id WHERE d.successor_id = ph.id AND d.deleted_at IS NULL) AS after
                FROM phases ph JOIN projects p ON p.id = ph.project_id
                WHERE ph.deleted_at IS NULL AND \(reader.visibility.predicate("projects", alias: "p"))
                """
            var arguments: [any DatabaseValueConvertible] = []
            if let project {
                sql += " AND p.id = ?"
                arguments.append(try reader.id("projects", ref: project, what: "project"))
            }
            return try reader.fetch(sql + " ORDER BY p.name, ph.start_at", StatementArguments(arguments)) { row, format in
                PhaseSummary(uid: row["uid"], project: row["project"], name: row["name"], startAt: format.time(row["start_at"] as Int64),
                             endAt: format.time(row["end_at"] as Int64), progress: row["progress"], after: (row["after"] as String?).map(Self.split) ?? [])
            }
        }
    }

    /// Adds a milestone to a project.
    public func addMilestone(project: String, name: String, at: When) throws -> Outcome<String> {
        try perform("milestone add") { context in
            let (project, studio) = try Self.managedProject(context, ref: project)
            let name = try TextInput.name(name)
            let row = try context.insert(NewMilestone(projectID: project["id"], name: name, at: try at.resolve(in: studio.zone)))
            context.summary = "add milestone \(name)"
            return row.uid
        }
    }

    /// Links two phases of one project; a link that would close a cycle is refused.
    public func addDependency(predecessor: String, successor: String, kind: DependencyKind = .finishToStart, lagSeconds: Int64 = 0) throws -> Outcome<String> {
        try perform("dependency add") { context in
            let before = try context.row("phases", uid: predecessor, what: "phase")
            let after = try context.row("phases", uid: successor, what: "phase")
            guard (before["project_id"] as Int64) == (after["project_id"] as Int64) else {
                throw SlateError.invalidInput("\(predecessor) and \(successor) belong to different projects")
            }
            let projectUID = try String.fetchOne(context.db, sql: "SELECT uid FROM projects WHERE id = ?", arguments: [before["project_id"] as Int64]) ?? ""
            _ = try Self.managedProject(context, ref: projectUID)
            let edges = try Row.fetchAll(context.db, sql: """
                SELECT d.predecessor_id, d.successor_id FROM dependencies d JOIN phases p ON p.id = d.predecessor_id
                WHERE p.project_id = ? AND d.deleted_at IS NULL
                """, arguments: [before["project_id"] as Int64]).map { ($0["predecessor_id"] as Int64, $0["successor_id"] as Int64) }
            if DependencyGraph.wouldCreateCycle(adding: before["id"], after["id"], to: edges) {
                throw SlateError.refused([RuleViolation(.dependencyCycle, "\(before["name"] as String) -> \(after["name"] as String) would close a dependency cycle")])
            }
            if edges.contains(where: { $0.0 == before["id"] && $0.1 == after["id"] }) {
                throw SlateError.invalidInput("\(successor) already depends on \(predecessor)")
            }
            let row = try context.insert(NewDependency(predecessorID: before["id"], successorID: after["id"], kind: kind, lagSeconds: lagSeconds))
            context.summary = "\(after["name"] as String) after \(before["name"] as String)"
            return row.uid
        }
    }

    private static func managedProject(_ context: CommandContext, ref: String) throws -> (Row, StudioInfo) {
        let project = try context.row("projects", ref: ref, what: "project")
        let studio = try context.studio(id: project["studio_id"])
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "plan projects")
        return (project, studio)
    }
}

// MARK: read models

/// A project of `project list`.
public struct ProjectSummary: ReadModel, Equatable {
    public var uid, name: String
    public var status: ProjectStatus
    public var client: String?
    public var studio: String
    public var phases: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("name", .text(name)), ("status", .text(status.rawValue)), ("client", .text(client)), ("studio", .text(studio)),
                 ("phases", .int(Int64(phases)))])
    }
}

/// A phase of `phase list`, with the phases it comes after.
public struct PhaseSummary: ReadModel, Equatable {
    public var uid, project, name: String
    public var startAt, endAt: Timestamp
    public var progress: Int
    public var after: [String]

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("project", .text(project)), ("name", .text(name)), ("start_at", .time(startAt)), ("end_at", .time(endAt)),
                 ("progress", .int(Int64(progress))), ("after", .text(after.isEmpty ? nil : after.joined(separator: ",")))])
    }
}
