import GRDB
import SlateCore

/// A project's phases and dependencies as stored, in the studio's working days, ready for
/// the critical path; commands change it in memory and `apply` writes the difference.
struct ProjectPlan {
    struct Phase {
        /// nil until inserted.
        var id: Int64?
        var uid: String
        var name: String
        var interval: Interval
        /// Working days of an auto-scheduled phase; nil for a fixed one.
        var durationDays: Int?
        var milestone: Bool
        var progress: Int
        var version: Int
    }

    struct Link {
        var id: Int64?
        var uid: String
        var from, to: Int
        var kind: DependencyKind
        var lag: Int
    }

    var projectID: Int64
    var uid, name: String
    var studio: StudioInfo
    var calendar: WorkCalendar
    var start: Day
    var phases: [Phase] = []
    var links: [Link] = []
    /// Stored intervals at load, to write only what changed.
    private(set) var storedIntervals: [Interval?] = []

    init(projectID: Int64, uid: String, name: String, studio: StudioInfo, start: Day) {
        self.projectID = projectID
        self.uid = uid
        self.name = name
        self.studio = studio
        calendar = WorkCalendar(studio.hours)
        self.start = start
    }

    /// Loads a project's live phases (in start order) and links.
    static func load(_ db: Database, project: Row, studio: StudioInfo) throws -> ProjectPlan {
        let projectID: Int64 = project["id"]
        let zone = studio.zone
        let startOn: String? = project["start_on"]
        var plan = ProjectPlan(projectID: projectID, uid: project["uid"], name: project["name"], studio: studio,
                               start: startOn.flatMap(Day.init(iso:)) ?? zone.day(of: project["created_at"]))
        var position: [Int64: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, uid, name, start_at, end_at, duration_days, milestone, progress, version FROM phases
            WHERE project_id = ? AND deleted_at IS NULL ORDER BY start_at, id
            """), arguments: [projectID]) {
            position[row[0]] = plan.phases.count
            plan.phases.append(Phase(id: row[0], uid: row[1], name: row[2], interval: Interval(start: row[3], end: row[4]), durationDays: row[5],
                                     milestone: row[6], progress: row[7], version: row[8]))
        }
        plan.storedIntervals = plan.phases.map(\.interval)
        if startOn == nil, let first = plan.phases.filter({ $0.durationDays == nil }).map(\.interval.start).min() {
            plan.start = min(plan.start, zone.day(of: first))
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT d.id, d.uid, d.predecessor_id, d.successor_id, d.kind, d.lag_days FROM dependencies d JOIN phases p ON p.id = d.predecessor_id
            WHERE p.project_id = ? AND d.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY d.id
            """), arguments: [projectID]) {
            guard let from = position[row[2]], let to = position[row[3]] else { continue }
            plan.links.append(Link(id: row[0], uid: row[1], from: from, to: to, kind: DependencyKind(rawValue: row[4]) ?? .finishToStart, lag: row[5]))
        }
        return plan
    }

    /// The first and last local day a phase covers (the same day for a milestone).
    func days(_ phase: Phase) -> (first: Day, last: Day) {
        let first = studio.zone.day(of: phase.interval.start)
        return (first, phase.milestone ? first : max(first, studio.zone.day(of: phase.interval.end - 1)))
    }

    /// The phase as the critical path sees it.
    func task(_ phase: Phase) -> PlanTask {
        if let days = phase.durationDays { return PlanTask(duration: phase.milestone ? 0 : days) }
        let (first, last) = days(phase)
        return PlanTask(duration: phase.milestone ? 0 : calendar.workingDays(from: first, through: last), fixedStart: calendar.index(of: first))
    }

    var tasks: [PlanTask] { phases.map(task) }
    var planLinks: [PlanLink] { links.map { PlanLink(from: $0.from, to: $0.to, kind: $0.kind, lag: $0.lag) } }

    /// The critical path; a cycle is refused naming its phases in order.
    func criticalPath(_ tasks: [PlanTask]? = nil) throws -> CriticalPath {
        do {
            return try CriticalPath(tasks: tasks ?? self.tasks, links: planLinks, start: calendar.index(of: start))
        } catch let cycle as DependencyCycle {
            let names = (cycle.positions + cycle.positions.prefix(1)).map { "'\(phases[$0].name)'" }
            throw SlateError.refused([RuleViolation(.dependencyCycle, "these dependencies would loop: " + names.joined(separator: " -> "))])
        }
    }

    /// Local midnights around `duration` working days starting at working-day `index`
    /// (a point for a milestone).
    func interval(at index: Int, duration: Int) -> Interval {
        let zone = studio.zone
        let first = zone.start(of: calendar.day(at: index))
        guard duration > 0 else { return Interval(start: first, end: first) }
        return Interval(start: first, end: zone.start(of: calendar.day(at: index + duration - 1) + 1))
    }

    /// The interval of `from...through`, local midnights.
    func interval(from: Day, through: Day) -> Interval {
        Interval(start: studio.zone.start(of: from), end: studio.zone.start(of: through + 1))
    }

    /// Places auto-scheduled phases where the plan puts them and, with `cascade`, moves the
    /// fixed phases among them whose dependencies they break forward by the least needed.
    /// Returns the plan of the result.
    mutating func schedule(cascading cascade: Set<Int> = []) throws -> CriticalPath {
        let tasks = self.tasks
        let path = try criticalPath(tasks)
        for position in phases.indices {
            let task = tasks[position]
            if phases[position].durationDays != nil || (cascade.contains(position) && path.earlyStart[position] > (task.fixedStart ?? .max)) {
                phases[position].interval = interval(at: path.earlyStart[position], duration: task.duration)
            }
        }
        return path
    }

    /// Positions whose stored interval differs from the plan's (new phases included).
    var changed: [Int] {
        phases.indices.filter { $0 >= storedIntervals.count || storedIntervals[$0] != phases[$0].interval }
    }

    /// The last working day of the plan (its start when it has no phases).
    func finish(_ path: CriticalPath) -> Day {
        let first = calendar.workingDay(onOrAfter: start)
        return path.finish > calendar.index(of: first) ? calendar.day(at: path.finish - 1) : first
    }

    /// Warnings for fixed phases that start before a predecessor allows (rule 10): each of
    /// the first ten, then how many more (`slate project schedule` lists them all).
    func violationWarnings(_ path: CriticalPath, tasks: [PlanTask]) -> [RuleWarning] {
        let broken = path.violations(tasks: tasks, links: planLinks)
        let shown = broken.prefix(10).map { link in
            let allowed = calendar.day(at: link.earliestStart(predecessorStart: path.earlyStart[link.from], predecessorDuration: tasks[link.from].duration,
                                                              successorDuration: tasks[link.to].duration))
            return RuleWarning(.dependencyViolated, "'\(phases[link.to].name)' starts \(days(phases[link.to]).first.iso), before '\(phases[link.from].name)' allows (\(ProjectFile.code(link.kind)), \(allowed.iso))")
        }
        guard broken.count > shown.count else { return shown }
        return shown + [RuleWarning(.dependencyViolated, "and \(broken.count - shown.count) more phases start before a predecessor allows (slate project schedule \(uid) lists them)")]
    }
}
