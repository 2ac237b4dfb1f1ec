import GRDB
import SlateCore

/// A change to one phase (`slate phase move|resize|progress|edit`, the timeline's keys).
public enum PhaseEdit: Sendable, Equatable {
    case name(String)
    /// Set its timing: fixed days, an auto-scheduled duration, or a milestone's day.
    case timing(PhaseTiming)
    /// Shift it by working days (negative: earlier); an auto-scheduled phase is pinned there.
    case moveBy(Int)
    /// Start it on this day (the next working day when it is closed), keeping its working days.
    case moveTo(Day)
    /// Make it last this many working days.
    case resize(Int)
    case progress(Int)
}

/// A phase whose days a command changed.
public struct PhaseMove: Sendable, Equatable, Encodable {
    public var uid, name: String
    public var from, to: String

    public var line: String { "'\(name)' \(from) -> \(to)" }
}

/// What `slate project import` made: the project and each key's new phase id.
public struct ProjectImport: Sendable, Equatable, Encodable {
    public var project: String
    public var phases: [String: String]
    public var finish: Day
}

extension Session {
    /// Creates a project in a studio, optionally for a client, starting on `start`; studio manager.
    public func addProject(studio: String? = nil, client: String? = nil, name: String, start: Day? = nil) throws -> Outcome<String> {
        try perform("project add") { context in
            let studio = try context.studio(refOrOnly: studio)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "create projects")
            let clientID = try client.map { try context.client(ref: $0).id }
            let name = try TextInput.name(name)
            let row = try context.insert(NewProject(studioID: studio.id, clientID: clientID, name: name, startOn: start))
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

    /// Adds a phase or milestone to a project, after the phases `after` (finish-to-start).
    /// Auto-scheduled phases are placed by the critical path at once.
    public func addPhase(project: String, name: String, timing: PhaseTiming, after: [String] = [], progress: Int = 0, plan: Bool = false) throws -> Outcome<String> {
        try perform(timing.isMilestone ? "milestone add" : "phase add", plan: plan) { context in
            var schedule = try Self.managedPlan(context, project: project)
            guard (0...100).contains(progress) else { throw SlateError.invalidInput("progress must be between 0 and 100") }
            let name = try TextInput.name(name)
            schedule.phases.append(try Self.newPhase(schedule, name: name, timing: timing, progress: progress))
            let position = schedule.phases.count - 1
            var predecessors: [Int] = []
            for ref in after {
                let predecessor = try Self.position(schedule, of: ref)
                if !predecessors.contains(predecessor) { predecessors.append(predecessor) }
            }
            for predecessor in predecessors {
                schedule.links.append(.init(id: nil, uid: "", from: predecessor, to: position, kind: .finishToStart, lag: 0))
            }
            try Self.replan(context, &schedule, cascade: false, moved: position)
            context.summary = "add \(timing.isMilestone ? "milestone" : "phase") \(name) to \(schedule.name)"
            return schedule.phases[position].uid
        }
    }

    /// Phases the user may see, optionally of one project.
    public func phases(project: String? = nil) throws -> [PhaseSummary] {
        try read { reader in
            var sql = """
                SELECT ph.uid, p.name AS project, ph.name, ph.start_at, ph.end_at, ph.progress, ph.milestone, ph.duration_days,
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
                             endAt: format.time(row["end_at"] as Int64), progress: row["progress"], milestone: row["milestone"], durationDays: row["duration_days"],
                             after: (row["after"] as String?).map(Self.split) ?? [])
            }
        }
    }

    /// Links two phases of one project; a link that would close a cycle is refused naming
    /// the cycle. Auto-scheduled successors move at once; a fixed one it breaks is reported.
    public func addDependency(predecessor: String, successor: String, kind: DependencyKind = .finishToStart, lagDays: Int = 0, cascade: Bool = false,
                              plan: Bool = false) throws -> Outcome<String> {
        try perform("dependency add", plan: plan) { context in
            let before = try context.row("phases", ref: predecessor, what: "phase")
            let after = try context.row("phases", ref: successor, what: "phase")
            guard (before["project_id"] as Int64) == (after["project_id"] as Int64) else {
                throw SlateError.invalidInput("'\(before["name"] as String)' and '\(after["name"] as String)' belong to different projects")
            }
            guard (0...3650).contains(lagDays) else { throw SlateError.invalidInput("lag must be 0 to 3650 working days") }
            var schedule = try Self.managedPlan(context, projectID: before["project_id"])
            let (from, to) = (try Self.position(schedule, of: before["uid"]), try Self.position(schedule, of: after["uid"]))
            guard from != to else { throw SlateError.invalidInput("a phase cannot depend on itself") }
            if schedule.links.contains(where: { $0.from == from && $0.to == to }) {
                throw SlateError.invalidInput("'\(after["name"] as String)' already comes after '\(before["name"] as String)'")
            }
            schedule.links.append(.init(id: nil, uid: "", from: from, to: to, kind: kind, lag: lagDays))
            try Self.replan(context, &schedule, cascade: cascade, moved: from)
            context.summary = "'\(after["name"] as String)' after '\(before["name"] as String)' (\(ProjectFile.code(kind))\(lagDays > 0 ? " +\(lagDays)d" : ""))"
            return schedule.links.last?.uid ?? ""
        }
    }

    /// Removes the link between two phases; auto-scheduled successors move up at once.
    public func removeDependency(predecessor: String, successor: String) throws -> Outcome<String> {
        try perform("dependency remove") { context in
            let before = try context.row("phases", ref: predecessor, what: "phase")
            let after = try context.row("phases", ref: successor, what: "phase")
            var schedule = try Self.managedPlan(context, projectID: before["project_id"])
            let (from, to) = (try Self.position(schedule, of: before["uid"]), try Self.position(schedule, of: after["uid"]))
            guard let index = schedule.links.firstIndex(where: { $0.from == from && $0.to == to }), let id = schedule.links[index].id else {
                throw SlateError.notFound("'\(after["name"] as String)' does not depend on '\(before["name"] as String)'")
            }
            try context.softDelete("dependencies", id: id)
            let uid = schedule.links.remove(at: index).uid
            try Self.replan(context, &schedule, cascade: false, moved: from)
            context.summary = "'\(after["name"] as String)' no longer after '\(before["name"] as String)'"
            return uid
        }
    }

    /// Changes a phase: name, timing, a move, a resize or its progress. Auto-scheduled
    /// phases after it follow at once; with `cascade`, fixed phases after it that it would
    /// break move forward by the least needed, else each break is a warning. The phase's
    /// and every moved phase's assignments move with them, each clash-checked: a clash
    /// refuses the whole command. One command, one undo step; `plan` writes nothing.
    public func editPhase(_ ref: String, _ edits: [PhaseEdit], cascade: Bool = false, expectedVersion: Int? = nil, plan: Bool = false) throws -> Outcome<[PhaseMove]> {
        try perform(cascade ? "phase cascade" : "phase edit", plan: plan) { context in
            let row = try context.row("phases", ref: ref, what: "phase")
            try context.requireVersion("phases", id: row["id"], expected: expectedVersion)
            var schedule = try Self.managedPlan(context, projectID: row["project_id"])
            let position = try Self.position(schedule, of: row["uid"])
            var phase = schedule.phases[position]
            var changes: [PhaseChange] = []
            for edit in edits {
                let task = schedule.task(phase)
                switch edit {
                case .name(let name):
                    phase.name = try TextInput.name(name)
                    changes.append(.name(phase.name))
                case .progress(let percent):
                    guard (0...100).contains(percent) else { throw SlateError.invalidInput("progress must be between 0 and 100") }
                    phase.progress = percent
                    changes.append(.progress(percent))
                case .timing(let timing):
                    guard timing.isMilestone == phase.milestone else {
                        throw SlateError.invalidInput(phase.milestone ? "'\(phase.name)' is a milestone: give it a day or none" : "'\(phase.name)' is a phase, not a milestone")
                    }
                    let fresh = try Self.newPhase(schedule, name: phase.name, timing: timing, progress: phase.progress)
                    (phase.interval, phase.durationDays) = (fresh.interval, fresh.durationDays)
                case .moveBy(let days):
                    let start = task.fixedStart ?? schedule.calendar.index(of: schedule.days(phase).first)
                    (phase.interval, phase.durationDays) = (schedule.interval(at: start + days, duration: task.duration), nil)
                case .moveTo(let day):
                    (phase.interval, phase.durationDays) = (schedule.interval(at: schedule.calendar.index(of: day), duration: task.duration), nil)
                case .resize(let days):
                    guard !phase.milestone else { throw SlateError.invalidInput("'\(phase.name)' is a milestone; it has no length") }
                    guard (1...3650).contains(days) else { throw SlateError.invalidInput("a phase lasts 1 to 3650 working days") }
                    if phase.durationDays != nil { phase.durationDays = days } else {
                        phase.interval = schedule.interval(at: task.fixedStart ?? 0, duration: days)
                    }
                }
            }
            let old = schedule.phases[position]
            if phase.durationDays != old.durationDays { changes.append(.durationDays(phase.durationDays)) }
            if !changes.isEmpty { try context.update(phase.id!, changes) }
            schedule.phases[position] = phase
            let moves = try Self.replan(context, &schedule, cascade: cascade, moved: position).moves
            context.summary = "\(cascade ? "cascade" : "edit") phase '\(phase.name)'" + (moves.isEmpty ? "" : ": " + moves.map(\.line).joined(separator: "; "))
            return moves
        }
    }

    /// Books a resource for a phase's days: a booking linked to the phase (same clash rules
    /// as `book`), shown in the grid and moved with the phase.
    public func assignPhase(_ ref: String, resource: String, hold: Bool = false, plan: Bool = false) throws -> Outcome<BookingView> {
        let (uid, interval) = try read { reader -> (String, Interval) in
            let row = try reader.row("phases", ref: ref, what: "phase")
            guard !(row["milestone"] as Bool) else { throw SlateError.invalidInput("'\(row["name"] as String)' is a milestone; assign people and rooms to a phase") }
            return (row["uid"], Interval(start: row["start_at"], end: row["end_at"]))
        }
        return try place(BookingPlacement(resource: resource, start: .instant(interval.start), end: .instant(interval.end), status: hold ? .hold : .confirmed,
                                          note: "", phase: uid), plan: plan)
    }

    /// Creates a whole project from a file in one command (one undo step).
    public func importProject(_ file: ProjectFile, plan: Bool = false) throws -> Outcome<ProjectImport> {
        try perform("project import", plan: plan) { context in
            let studio = try context.studio(refOrOnly: file.studio)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "create projects")
            let clientID = try file.client.map { try context.client(ref: $0).id }
            let name = try TextInput.name(file.name)
            let start = file.start ?? studio.zone.day(of: context.now)
            let project = try context.insert(NewProject(studioID: studio.id, clientID: clientID, name: name, startOn: start))
            var schedule = ProjectPlan(projectID: project.id, uid: project.uid, name: name, studio: studio, start: start)
            var positions: [String: Int] = [:]
            for phase in file.phases {
                positions[phase.key] = schedule.phases.count
                schedule.phases.append(try Self.newPhase(schedule, name: phase.name, timing: phase.timing, progress: phase.progress))
            }
            for link in file.dependencies {
                guard let from = positions[link.from], let to = positions[link.to] else { throw SlateError.invalidInput("no phase has the key '\(link.from)' or '\(link.to)'") }
                schedule.links.append(.init(id: nil, uid: "", from: from, to: to, kind: link.kind, lag: link.lag))
            }
            context.summary = "import project \(name) (\(file.phases.count) phases, \(file.dependencies.count) dependencies)"
            let path = try Self.replan(context, &schedule, cascade: false, moved: nil).path
            return ProjectImport(project: project.uid, phases: positions.mapValues { schedule.phases[$0].uid }, finish: schedule.finish(path))
        }
    }

    /// A project in the import format (keys are the phases' ids).
    public func exportProject(_ ref: String) throws -> ProjectFile {
        try read { reader in
            let (schedule, client) = try Self.loadPlan(reader, ref: ref)
            let phases = schedule.phases.map { phase -> ProjectFile.Phase in
                let (first, last) = schedule.days(phase)
                let timing: PhaseTiming = phase.milestone ? .milestone(on: phase.durationDays == nil ? first : nil)
                    : phase.durationDays.map { .days($0) } ?? .fixed(from: first, through: last)
                return ProjectFile.Phase(key: phase.uid, name: phase.name, timing: timing, progress: phase.progress)
            }
            let links = schedule.links.map { ProjectFile.Link(from: schedule.phases[$0.from].uid, to: schedule.phases[$0.to].uid, kind: $0.kind, lag: $0.lag) }
            return ProjectFile(name: schedule.name, studio: schedule.studio.name, client: client, start: schedule.start, phases: phases, dependencies: links)
        }
    }

    /// A project's plan: each phase's early and late dates, float and whether it is critical.
    public func projectSchedule(_ ref: String) throws -> ProjectSchedule {
        try read { reader in
            let (schedule, client) = try Self.loadPlan(reader, ref: ref)
            var result = try Self.projectSchedule(schedule, assigned: try Self.assignments(reader.db, projectID: schedule.projectID))
            result.client = client
            return try Self.withMoney(result, reader, projectID: schedule.projectID)
        }
    }

    /// Every project the user may see with its plan (the timeline).
    public func timeline() throws -> [ProjectSchedule] {
        try read { reader in
            let projects = try Row.fetchAll(reader.db, sql: """
                SELECT p.*, c.name AS client FROM projects p LEFT JOIN clients c ON c.id = p.client_id
                WHERE p.deleted_at IS NULL AND \(reader.visibility.predicate("projects", alias: "p")) ORDER BY p.name, p.id
                """)
            return try projects.map { project in
                let schedule = try ProjectPlan.load(reader.db, project: project, studio: try reader.studio(id: project["studio_id"]))
                var result = try Self.projectSchedule(schedule, assigned: try Self.assignments(reader.db, projectID: schedule.projectID))
                result.client = project["client"]
                return try Self.withMoney(result, reader, projectID: schedule.projectID)
            }
        }
    }

    // MARK: the one write path of plans

    /// Places the plan, writes new and moved phases and new links, and moves each moved
    /// phase's assignments with it. Returns the phases that moved and the resulting plan.
    @discardableResult
    static func replan(_ context: CommandContext, _ schedule: inout ProjectPlan, cascade: Bool, moved: Int?) throws -> (moves: [PhaseMove], path: CriticalPath) {
        let followers = cascade ? moved.map { CriticalPath.dependents(of: $0, count: schedule.phases.count, links: schedule.planLinks) } ?? [] : []
        _ = try schedule.schedule(cascading: followers)
        var moves: [PhaseMove] = []
        for position in schedule.changed {
            let phase = schedule.phases[position]
            guard let id = phase.id else {
                let row = try context.insert(NewPhase(projectID: schedule.projectID, name: phase.name, interval: phase.interval, progress: phase.progress,
                                                      durationDays: phase.durationDays, milestone: phase.milestone))
                (schedule.phases[position].id, schedule.phases[position].uid) = (row.id, row.uid)
                continue
            }
            try context.update(id, [PhaseChange.startAt(phase.interval.start), .endAt(phase.interval.end)])
            moves.append(PhaseMove(uid: phase.uid, name: phase.name, from: Self.span(schedule, schedule.storedIntervals[position], milestone: phase.milestone),
                                   to: Self.span(schedule, phase.interval, milestone: phase.milestone)))
            try BookingQueue.moveLive(context, of: .phase(id), to: phase.interval, forceReason: nil, label: "phase '\(phase.name)'")
        }
        for index in schedule.links.indices where schedule.links[index].id == nil {
            let link = schedule.links[index]
            let row = try context.insert(NewDependency(predecessorID: schedule.phases[link.from].id!, successorID: schedule.phases[link.to].id!,
                                                       kind: link.kind, lagDays: link.lag))
            (schedule.links[index].id, schedule.links[index].uid) = (row.id, row.uid)
        }
        let tasks = schedule.tasks
        let path = try schedule.criticalPath(tasks)
        context.warnings += schedule.violationWarnings(path, tasks: tasks)
        return (moves, path)
    }

    // MARK: helpers

    private static func managedPlan(_ context: CommandContext, project ref: String) throws -> ProjectPlan {
        try managedPlan(context, projectID: try context.row("projects", ref: ref, what: "project")["id"])
    }

    private static func managedPlan(_ context: CommandContext, projectID: Int64) throws -> ProjectPlan {
        guard let project = try Row.fetchOne(context.db, sql: "SELECT * FROM projects WHERE id = ?", arguments: [projectID]) else {
            throw SlateError.notFound("project \(projectID)")
        }
        let studio = try context.studio(id: project["studio_id"])
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "plan projects")
        return try ProjectPlan.load(context.db, project: project, studio: studio)
    }

    /// A visible project's plan and its client's name.
    private static func loadPlan(_ reader: Reader, ref: String) throws -> (ProjectPlan, client: String?) {
        let project = try reader.row("projects", ref: ref, what: "project")
        let client = try String.fetchOne(reader.db, sql: "SELECT name FROM clients WHERE id = ?", arguments: [project["client_id"] as Int64?])
        return (try ProjectPlan.load(reader.db, project: project, studio: try reader.studio(id: project["studio_id"])), client)
    }

    private static func position(_ schedule: ProjectPlan, of ref: String) throws -> Int {
        if let index = schedule.phases.firstIndex(where: { $0.uid == ref }) { return index }
        let named = schedule.phases.indices.filter { schedule.phases[$0].name.caseInsensitiveCompare(ref) == .orderedSame }
        guard named.count == 1 else {
            throw named.isEmpty ? SlateError.notFound("no phase with id or name '\(TextInput.printable(ref))' in \(schedule.name)")
                : SlateError.invalidInput("more than one phase of \(schedule.name) is called '\(TextInput.printable(ref))'; use its id")
        }
        return named[0]
    }

    private static func newPhase(_ schedule: ProjectPlan, name: String, timing: PhaseTiming, progress: Int) throws -> ProjectPlan.Phase {
        let placeholder = schedule.interval(at: schedule.calendar.index(of: schedule.start), duration: 1)
        var phase = ProjectPlan.Phase(id: nil, uid: "", name: name, interval: placeholder, durationDays: nil, milestone: false, progress: progress, version: 1)
        switch timing {
        case .fixed(let from, let through):
            guard through >= from else { throw SlateError.invalidInput("'\(name)' ends (\(through)) before it starts (\(from))") }
            phase.interval = schedule.interval(from: from, through: through)
        case .days(let days):
            guard (1...3650).contains(days) else { throw SlateError.invalidInput("a phase lasts 1 to 3650 working days") }
            phase.durationDays = days
        case .milestone(let on):
            phase.milestone = true
            if let on {
                let start = schedule.studio.zone.start(of: on)
                phase.interval = Interval(start: start, end: start)
            } else {
                phase.durationDays = 0
            }
        }
        return phase
    }

    /// "5 janv. – 9 janv.", or one day for a milestone.
    static func span(_ schedule: ProjectPlan, _ interval: Interval?, milestone: Bool) -> String {
        guard let interval else { return "" }
        let zone = schedule.studio.zone
        let first = zone.day(of: interval.start)
        return milestone ? schedule.studio.words.day(first) : schedule.studio.words.days(first, max(first, zone.day(of: interval.end - 1)))
    }

    /// Each phase's budget and its actual cost: its confirmed bookings at their resources' rates.
    private static func withMoney(_ schedule: ProjectSchedule, _ reader: Reader, projectID: Int64) throws -> ProjectSchedule {
        var budget: [String: Int64] = [:]
        for row in try Row.fetchAll(reader.db, sql: "SELECT uid, budget_minor FROM phases WHERE project_id = ? AND deleted_at IS NULL", arguments: [projectID]) {
            budget[row[0]] = row[1]
        }
        var actual: [String: Int64] = [:]
        for row in try Row.fetchAll(reader.db, sql: """
            SELECT ph.uid, b.end_at - b.start_at, \(RateSQL.columns)
            FROM bookings b JOIN phases ph ON ph.id = b.phase_id JOIN resources r ON r.id = b.resource_id
            \(RateSQL.joins)
            WHERE ph.project_id = ? AND b.status = 'confirmed' AND b.deleted_at IS NULL
            """, arguments: [projectID]) {
            actual[row[0], default: 0] += Invoicing.bookingLine(seconds: row[1], rateMinor: row[2], unit: RateUnit(rawValue: row[3]) ?? .hour, description: "").amountMinor
        }
        var result = schedule
        let format = reader.format
        for index in result.phases.indices {
            result.phases[index].budget = format.money(budget[result.phases[index].uid] ?? 0)
            result.phases[index].actual = format.money(actual[result.phases[index].uid] ?? 0)
        }
        return result
    }

    /// Sets what a phase may cost (studio managers).
    public func setPhaseBudget(_ phase: String, minor: Int64) throws -> Outcome<String> {
        try perform("phase budget") { context in
            let row = try context.row("phases", ref: phase, what: "phase")
            _ = try Self.managedPlan(context, projectID: row["project_id"])
            guard minor >= 0 else { throw SlateError.invalidInput("a budget cannot be negative") }
            try context.updateColumns("phases", id: row["id"], [("budget_minor", minor)])
            context.summary = "budget of phase \(row["name"] as String)"
            return row["uid"]
        }
    }

    /// Live bookings linked to a project's phases: "Stage A (confirmed)" by phase id.
    private static func assignments(_ db: Database, projectID: Int64) throws -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT b.phase_id, r.name, b.status, b.rank FROM bookings b JOIN phases ph ON ph.id = b.phase_id JOIN resources r ON r.id = b.resource_id
            WHERE ph.project_id = ? AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL ORDER BY r.name
            """, arguments: [projectID]) {
            let status: String = row[2]
            result[row[0], default: []].append("\(row[1] as String) (\(status == "hold" ? HoldQueue.ordinal(row[3] ?? 1) + " hold" : status))")
        }
        return result
    }

    static func projectSchedule(_ schedule: ProjectPlan, assigned: [Int64: [String]]) throws -> ProjectSchedule {
        let calendar = schedule.calendar
        let tasks = schedule.tasks
        let path = try schedule.criticalPath(tasks)
        func last(_ start: Int, _ duration: Int) -> Day { calendar.day(at: duration > 0 ? start + duration - 1 : start) }
        var predecessors = [[PhaseLinkView]](repeating: [], count: tasks.count)
        var successors = [[PhaseLinkView]](repeating: [], count: tasks.count)
        for link in schedule.links {
            predecessors[link.to].append(PhaseLinkView(uid: schedule.phases[link.from].uid, name: schedule.phases[link.from].name, kind: link.kind, lag: link.lag))
            successors[link.from].append(PhaseLinkView(uid: schedule.phases[link.to].uid, name: schedule.phases[link.to].name, kind: link.kind, lag: link.lag))
        }
        var violated = [[String]](repeating: [], count: tasks.count)
        for link in path.violations(tasks: tasks, links: schedule.planLinks) { violated[link.to].append(schedule.phases[link.from].name) }
        let phases = schedule.phases.indices.map { p in
            let phase = schedule.phases[p]
            let (first, lastDay) = schedule.days(phase)
            return PhaseSchedule(uid: phase.uid, name: phase.name, milestone: phase.milestone, fixed: phase.durationDays == nil, progress: phase.progress,
                                 version: phase.version, start: first, end: lastDay, workingDays: tasks[p].duration,
                                 earlyStart: calendar.day(at: path.earlyStart[p]), earlyFinish: last(path.earlyStart[p], tasks[p].duration),
                                 lateStart: calendar.day(at: path.lateStart[p]), lateFinish: last(path.lateStart[p], tasks[p].duration),
                                 totalFloat: path.totalFloat[p], critical: path.isCritical(p), predecessors: predecessors[p], successors: successors[p],
                                 violatedBy: violated[p], assigned: phase.id.flatMap { assigned[$0] } ?? [])
        }
        return ProjectSchedule(uid: schedule.uid, name: schedule.name, studio: schedule.studio.name, client: nil, timeZone: schedule.studio.zone.timeZone.identifier,
                               start: calendar.workingDay(onOrAfter: schedule.start), finish: schedule.finish(path),
                               openWeekdays: calendar.openWeekdays.sorted(),
                               criticalChain: path.chain.map { schedule.phases[$0].uid }, phases: phases, locale: schedule.studio.words.identifier)
    }
}

extension PhaseTiming {
    var isMilestone: Bool {
        if case .milestone = self { return true }
        return false
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
    public var milestone: Bool
    /// Working days of an auto-scheduled phase; nil when its dates are fixed.
    public var durationDays: Int?
    public var after: [String]

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("project", .text(project)), ("name", .text(name)), ("start_at", .time(startAt)), ("end_at", .time(endAt)),
                 ("timing", .text(milestone ? "milestone" : durationDays.map { "\($0)d auto" } ?? "fixed")),
                 ("progress", .int(Int64(progress))), ("after", .text(after.isEmpty ? nil : after.joined(separator: ",")))])
    }
}

/// A dependency as seen from one of its phases.
public struct PhaseLinkView: Sendable, Equatable, Encodable {
    public var uid, name: String
    public var kind: DependencyKind
    public var lag: Int

    /// "Writing (FS +2d)".
    public var text: String { "\(name) (\(ProjectFile.code(kind))\(lag > 0 ? " +\(lag)d" : ""))" }
}

/// One phase of a project's plan (`slate project schedule`, the timeline).
public struct PhaseSchedule: ReadModel, Equatable {
    public var uid, name: String
    public var milestone, fixed: Bool
    public var progress, version: Int
    /// Its days as stored: first and last (the same for a milestone).
    public var start, end: Day
    public var workingDays: Int
    public var earlyStart, earlyFinish, lateStart, lateFinish: Day
    /// Working days it may slip without moving the project's finish.
    public var totalFloat: Int
    public var critical: Bool
    public var predecessors, successors: [PhaseLinkView]
    /// Predecessors whose dependency its set start breaks (rule 10).
    public var violatedBy: [String]
    /// Resources booked for it: "Stage A (confirmed)".
    public var assigned: [String]
    /// What it may cost, and what its confirmed bookings cost at their rates (seed 002).
    public var budget = MoneyValue(minor: 0, currency: "USD")
    public var actual = MoneyValue(minor: 0, currency: "USD")
    public var listing: Listing {
        // Its days in the words of the workspace, whose locale its money carries.
        let words = LocaleFormat.of(budget.locale)
        func day(_ day: Day) -> Listing.Value { .day(day, shown: words.monthDay(day)) }
        return Listing([("id", .text(uid)), ("name", .text(name)), ("early_start", day(earlyStart)), ("early_finish", day(earlyFinish)),
                 ("late_start", day(lateStart)), ("late_finish", day(lateFinish)), ("float", .int(Int64(totalFloat))),
                 ("critical", .text(critical ? "yes" : "")), ("violated", .text(violatedBy.isEmpty ? "" : "after " + violatedBy.joined(separator: ", "))),
                 ("budget", .money(budget)), ("actual", .money(actual)), ("difference", .money(MoneyValue(minor: actual.minor - budget.minor, currency: budget.currency, locale: budget.locale)))])
    }
}

/// A project's whole plan.
public struct ProjectSchedule: Sendable, Equatable, Encodable {
    public var uid, name, studio: String
    public var client: String?
    public var timeZone: String
    public var start, finish: Day
    /// The studio's working weekdays (1 = Monday ... 7 = Sunday).
    public var openWeekdays: [Int]
    /// Public ids of one critical chain, first phase first.
    public var criticalChain: [String]
    public var phases: [PhaseSchedule]
    /// The workspace's locale, which writes its days.
    public var locale = "en_US"
}
