import Foundation
import GRDB
import SlateCore

extension Session {
    // MARK: templates

    /// Creates a task template for a studio; studio admin.
    public func addTemplate(studio: String? = nil, name: String) throws -> Outcome<String> {
        try perform("template add") { context in
            let studio = try context.studio(refOrOnly: studio)
            try context.require(.admin, studio: studio.id, studioName: studio.name, to: "manage task templates")
            let name = try TextInput.name(name)
            let row = try context.insert(NewTaskTemplate(studioID: studio.id, name: name))
            context.summary = "add task template \(name)"
            return row.uid
        }
    }

    /// Renames a template or turns it on or off; studio admin. Tasks already generated
    /// keep what they were generated with.
    public func editTemplate(_ ref: String, name: String? = nil, active: Bool? = nil) throws -> Outcome<String> {
        try perform("template edit") { context in
            let row = try Self.adminTemplate(context, ref: ref)
            var changes: [TemplateChange] = []
            if let name { changes.append(.name(try TextInput.name(name))) }
            if let active { changes.append(.active(active)) }
            guard !changes.isEmpty else { throw SlateError.invalidInput("nothing to change: give --name, --active or --inactive") }
            try context.update(row["id"], changes)
            context.summary = "edit task template \(name ?? row["name"] as String)" + (active.map { $0 ? " (active)" : " (inactive)" } ?? "")
            return row["uid"]
        }
    }

    /// The fields of a template item.
    public struct TemplateItemInput: Sendable, Equatable {
        public var title: String?
        public var type: TaskItemType?
        public var input: TaskInputType?
        public var required: Bool?
        /// Seconds from the show's start or end (negative: before).
        public var dueOffset: Int64?
        public var dueFrom: DueAnchor?
        /// A member's login, `talent`, or "" for nobody.
        public var assignee: String?

        public init(title: String? = nil, type: TaskItemType? = nil, input: TaskInputType? = nil, required: Bool? = nil, dueOffset: Int64? = nil,
                    dueFrom: DueAnchor? = nil, assignee: String? = nil) {
            self.title = title
            self.type = type
            self.input = input
            self.required = required
            self.dueOffset = dueOffset
            self.dueFrom = dueFrom
            self.assignee = assignee
        }
    }

    /// Adds an item to a template; `dueOffset` is relative to the show's start.
    public func addTemplateItem(template: String, title: String, type: TaskItemType, input: TaskInputType = .text, required: Bool = false, dueOffset: Int64 = 0,
                                dueFrom: DueAnchor = .start, assignee: String = "") throws -> Outcome<String> {
        try perform("template item add") { context in
            let row = try Self.adminTemplate(context, ref: template)
            let templateID: Int64 = row["id"]
            let position = (try Int.fetchOne(context.db, sql: "SELECT ifnull(max(sort_order), 0) + 1 FROM task_template_items WHERE template_id = ?", arguments: [templateID])) ?? 1
            let title = try TextInput.name(title, field: "title")
            let item = try context.insert(NewTaskTemplateItem(templateID: templateID, sortOrder: position, title: title, itemType: type, inputType: input,
                                                              required: required, dueOffsetSeconds: dueOffset, dueFrom: dueFrom,
                                                              defaultAssignee: try Self.assignee(context, assignee)))
            context.summary = "add item \(title) to template \(row["name"] as String)"
            return item.uid
        }
    }

    /// Changes a template item; tasks already generated from it are not changed.
    public func editTemplateItem(_ uid: String, _ input: TemplateItemInput, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("template item edit") { context in
            let item = try context.row("task_template_items", uid: uid, what: "template item")
            let template = try context.row("task_templates", uid: try String.fetchOne(context.db, sql: "SELECT uid FROM task_templates WHERE id = ?",
                                                                                      arguments: [item["template_id"] as Int64]) ?? "", what: "task template")
            _ = try Self.adminTemplate(context, ref: template["uid"])
            var changes: [TemplateItemChange] = []
            if let title = input.title { changes.append(.title(try TextInput.name(title, field: "title"))) }
            if let type = input.type { changes.append(.itemType(type)) }
            if let kind = input.input { changes.append(.inputType(kind)) }
            if let required = input.required { changes.append(.required(required)) }
            if let due = input.dueOffset { changes.append(.dueOffset(due)) }
            if let from = input.dueFrom { changes.append(.dueFrom(from)) }
            if let assignee = input.assignee { changes.append(.defaultAssignee(try Self.assignee(context, assignee))) }
            guard !changes.isEmpty else { throw SlateError.invalidInput("nothing to change") }
            try context.update(item["id"], changes, expectedVersion: expectedVersion)
            context.summary = "edit item \(input.title ?? item["title"] as String) of template \(template["name"] as String)"
            return uid
        }
    }

    /// Removes an item from a template (tasks generated from it stay).
    public func deleteTemplateItem(_ uid: String) throws -> Outcome<String> {
        try perform("template item delete") { context in
            let item = try context.row("task_template_items", uid: uid, what: "template item")
            let templateUID = try String.fetchOne(context.db, sql: "SELECT uid FROM task_templates WHERE id = ?", arguments: [item["template_id"] as Int64]) ?? ""
            _ = try Self.adminTemplate(context, ref: templateUID)
            try context.softDelete("task_template_items", id: item["id"])
            context.summary = "remove item \(item["title"] as String) from its template"
            return uid
        }
    }

    /// Template items of the user's studios, due offsets written like `-2d`.
    public func templates() throws -> [TemplateItemSummary] {
        try read { reader in
            try reader.fetch("""
                SELECT t.uid AS template, t.name, t.active, t.version AS template_version, i.uid AS item, i.title, i.item_type, i.input_type, i.required,
                       i.due_offset_seconds AS due, i.due_from, i.default_assignee, i.version
                FROM task_templates t LEFT JOIN task_template_items i ON i.template_id = t.id AND i.deleted_at IS NULL
                WHERE t.deleted_at IS NULL AND \(reader.visibility.predicate("task_templates", alias: "t")) ORDER BY t.id, i.sort_order, i.id
                """) { row, _ in
                TemplateItemSummary(template: row["template"], name: row["name"], active: row["active"], templateVersion: row["template_version"], item: row["item"],
                                    title: row["title"], itemType: (row["item_type"] as String?).flatMap(TaskItemType.init),
                                    inputType: (row["input_type"] as String?).flatMap(TaskInputType.init), required: row["required"],
                                    due: (row["due"] as Int64?).map(DurationText.text), dueFrom: (row["due_from"] as String?).flatMap(DueAnchor.init),
                                    assignee: row["default_assignee"], version: row["version"])
            }
        }
    }

    private static func adminTemplate(_ context: CommandContext, ref: String) throws -> Row {
        let row = try context.row("task_templates", ref: ref, what: "task template")
        let studio = try context.studio(id: row["studio_id"])
        try context.require(.admin, studio: studio.id, studioName: studio.name, to: "manage task templates")
        return row
    }

    /// A default assignee as stored: a member's login (checked), `talent`, or "".
    private static func assignee(_ context: CommandContext, _ text: String) throws -> String {
        let text = text.trimmingWhitespace()
        if text.isEmpty || text == "talent" { return text }
        return try context.user(login: text)["login"]
    }

    // MARK: tasks

    /// Which tasks a listing shows.
    public struct TaskFilter: Sendable, Equatable {
        public var show: String?
        /// Tasks assigned to the user or about talent linked to them.
        public var mine = false
        /// Only tasks still to do (not completed, not cancelled).
        public var openOnly = false
        /// Open tasks past their due time.
        public var overdue = false
        /// Open tasks due from now until this many seconds ahead.
        public var dueWithin: Int64?
        /// Tasks of shows starting in this period (the checklists of the weeks around now).
        public var showsFrom, showsUntil: Int64?

        public init(show: String? = nil, mine: Bool = false, openOnly: Bool = false, overdue: Bool = false, dueWithin: Int64? = nil,
                    showsFrom: Int64? = nil, showsUntil: Int64? = nil) {
            self.show = show
            self.mine = mine
            self.openOnly = openOnly
            self.overdue = overdue
            self.dueWithin = dueWithin
            self.showsFrom = showsFrom
            self.showsUntil = showsUntil
        }
    }

    /// How many tasks a filter finds (the same rows `tasks` lists, without a limit).
    public func countTasks(_ filter: TaskFilter) throws -> Int {
        try read { reader in
            let (clause, arguments) = try Self.taskQuery(reader, filter)
            return try Int.fetchOne(reader.db, sql: "SELECT count(*) " + clause, arguments: StatementArguments(arguments)) ?? 0
        }
    }

    /// FROM and WHERE of a task listing: what the user may see, narrowed by `filter`.
    private static func taskQuery(_ reader: Reader, _ filter: TaskFilter) throws -> (String, [any DatabaseValueConvertible]) {
        var sql = """
            FROM tasks k JOIN shows sh ON sh.id = k.show_id JOIN studios s ON s.id = sh.studio_id LEFT JOIN users u ON u.id = k.assignee_id
            LEFT JOIN users d ON d.id = k.done_by
            WHERE k.deleted_at IS NULL AND \(reader.visibility.predicate("tasks", alias: "k"))
            """
        var arguments: [any DatabaseValueConvertible] = []
        if let show = filter.show {
            sql += " AND k.show_id = ?"
            arguments.append(try reader.show(uid: show).id)
        }
        if filter.mine {
            // Two index lookups (assignee, talent) rather than an OR over every task.
            sql += " AND k.id IN (SELECT id FROM tasks WHERE assignee_id = ?"
            arguments.append(reader.actor.userID)
            if !reader.actor.talentIDs.isEmpty {
                sql += " UNION SELECT t.id FROM tasks t JOIN show_talent mt ON mt.id = t.show_talent_id WHERE mt.talent_id IN (\(Self.ids(reader.actor.talentIDs)))"
            }
            sql += ")"
        }
        if let from = filter.showsFrom {
            sql += " AND sh.start_at >= ?"
            arguments.append(from)
        }
        if let until = filter.showsUntil {
            sql += " AND sh.start_at < ?"
            arguments.append(until)
        }
        if filter.openOnly || filter.overdue || filter.dueWithin != nil { sql += " AND k.status NOT IN ('completed', 'cancelled')" }
        if filter.overdue {
            sql += " AND k.due_at < ?"
            arguments.append(reader.now)
        }
        if let within = filter.dueWithin {
            sql += " AND k.due_at >= ? AND k.due_at < ?"
            arguments += [reader.now, reader.now + within]
        }
        return (sql, arguments)
    }

    /// Tasks the user may see: their studios' shows, plus tasks assigned to them or about
    /// talent linked to them; by show time, then checklist order (by due time for overdue,
    /// the most recently due first, and for tasks due soon). `limit` keeps the first ones.
    public func tasks(_ filter: TaskFilter = TaskFilter(), limit: Int? = nil) throws -> [TaskSummary] {
        try read { reader in
            let (clause, arguments) = try Self.taskQuery(reader, filter)
            let sql = """
                SELECT k.uid, sh.title AS show, sh.uid AS show_uid, sh.status AS show_status, sh.start_at AS show_start, s.time_zone, k.title, k.item_type,
                       k.input_type, k.required, k.status, k.value, k.due_at, u.login AS assignee, k.blocked_reason, d.login AS done_by, k.done_at, k.version
                """ + " " + clause
            let order = (filter.overdue ? " ORDER BY k.due_at DESC, k.id" : filter.dueWithin != nil ? " ORDER BY k.due_at, k.id" : " ORDER BY sh.start_at, sh.id, k.id")
                + (limit.map { " LIMIT \(max(0, $0))" } ?? "")
            // Decoded by position: "my tasks" and "overdue" may hold thousands of rows.
            // Shows repeat for each of their tasks, and due times often coincide: each local
            // time is written once.
            var zones: [String: LocalTime] = [:]
            var stamps: [String: [Int64: Timestamp]] = [:]
            return try reader.fetch(sql + order, StatementArguments(arguments)) { row, format in
                let zoneName: String = row[5]
                let zone = zones[zoneName] ?? LocalTime.cached(zoneName) ?? format.zone
                zones[zoneName] = zone
                func stamp(_ epoch: Int64) -> Timestamp {
                    if let known = stamps[zoneName]?[epoch] { return known }
                    let made = Timestamp(epoch, in: zone, words: format.words)
                    stamps[zoneName, default: [:]][epoch] = made
                    return made
                }
                let due: Int64? = row[12]
                let status = TaskStatus(rawValue: row[10]) ?? .pending
                return TaskSummary(uid: row[0], show: row[1], showUID: row[2], showStatus: ShowStatus(rawValue: row[3]) ?? .confirmed,
                                   showStart: stamp(row[4]), title: row[6],
                                   itemType: TaskItemType(rawValue: row[7]) ?? .other, inputType: TaskInputType(rawValue: row[8]) ?? .text,
                                   required: row[9], status: status, value: row[11], dueAt: due.map(stamp),
                                   overdue: status.isOpen && due.map { $0 < reader.now } == true, assignee: row[13],
                                   blockedReason: row[14], doneBy: row[15], doneAt: (row[16] as Int64?).map(stamp),
                                   version: row[17], timeZone: zoneName)
            }
        }
    }

    /// Completes a task with its value, checked against the task's input type (numbers in
    /// the workspace's locale, dates in the show's studio zone); records who and when.
    public func completeTask(_ uid: String, value: String? = nil, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("task done") { context in
            let (task, studio) = try Self.workableTask(context, uid: uid, expectedVersion: expectedVersion)
            try Self.transition(task, to: .completed)
            var changes: [TaskChange] = [.status(.completed), .doneAt(context.now), .doneBy(context.actor.userID), .blockedReason("")]
            if let value { changes.append(.value(try TaskValue.validate(value, as: task.inputType, zone: studio.zone, locale: context.settings.locale))) }
            try context.update(task.id, changes)
            context.summary = "done: \(task.title)"
            return uid
        }
    }

    /// Opens a completed task again (assigned when someone has it, else pending).
    public func reopenTask(_ uid: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("task undone") { context in
            let (task, _) = try Self.workableTask(context, uid: uid, expectedVersion: expectedVersion)
            guard task.status == .completed else { throw SlateError.refused([RuleViolation(.transition, "'\(task.title)' is \(task.status.text), not completed")]) }
            try context.update(task.id, [TaskChange.status(task.assigneeID == nil ? .pending : .assigned), .doneAt(nil), .doneBy(nil)])
            context.summary = "reopen: \(task.title)"
            return uid
        }
    }

    /// Records a task's value without completing it, checked like `completeTask`.
    public func setTaskValue(_ uid: String, value: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("task value") { context in
            let (task, studio) = try Self.workableTask(context, uid: uid, expectedVersion: expectedVersion)
            guard task.status != .cancelled else { throw SlateError.refused([RuleViolation(.transition, "'\(task.title)' is cancelled")]) }
            let value = try TaskValue.validate(value, as: task.inputType, zone: studio.zone, locale: context.settings.locale)
            try context.update(task.id, [TaskChange.value(value)])
            context.summary = "value of \(task.title): \(value)"
            return uid
        }
    }

    /// Moves a task to another status; `blocked` needs a reason.
    public func setTaskStatus(_ uid: String, to status: TaskStatus, reason: String = "", expectedVersion: Int? = nil) throws -> Outcome<String> {
        if status == .completed { return try completeTask(uid, expectedVersion: expectedVersion) }
        return try perform("task status") { context in
            let (task, _) = try Self.workableTask(context, uid: uid, expectedVersion: expectedVersion)
            if status == .assigned, task.assigneeID == nil { throw SlateError.invalidInput("'\(task.title)' has nobody to be assigned to; assign it to a member") }
            try Self.transition(task, to: status)
            let reason = try TextInput.line(reason, field: "reason", limit: 500)
            if status == .blocked, reason.isEmpty { throw SlateError.invalidInput("say why '\(task.title)' is blocked (a reason)") }
            try context.update(task.id, [TaskChange.status(status), .blockedReason(status == .blocked ? reason : ""), .doneAt(nil), .doneBy(nil)])
            context.summary = "\(task.title): \(status.text)" + (status == .blocked ? " (\(reason))" : "")
            return uid
        }
    }

    /// Assigns a task to a member (nil: to nobody); studio manager.
    public func assignTask(_ uid: String, to login: String?, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("task assign") { context in
            let task = try context.task(uid: uid)
            try context.requireVersion("tasks", id: task.id, expected: expectedVersion)
            let studio = try context.studio(id: try Int64.fetchOne(context.db, sql: "SELECT studio_id FROM shows WHERE id = ?", arguments: [task.showID]) ?? 0)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "assign tasks")
            let user = try login.map { try context.user(login: $0) }
            var changes: [TaskChange] = [.assigneeID(user?["id"])]
            if task.status == .pending, user != nil { changes.append(.status(.assigned)) }
            if task.status == .assigned, user == nil { changes.append(.status(.pending)) }
            try context.update(task.id, changes)
            context.summary = login.map { "assign \(task.title) to \($0)" } ?? "unassign \(task.title)"
            return uid
        }
    }

    private static func transition(_ task: TaskRecord, to status: TaskStatus) throws {
        guard task.status.successors.contains(status) else {
            let allowed = task.status.successors.map(\.text).joined(separator: ", ")
            throw SlateError.refused([RuleViolation(.transition, "'\(task.title)' is \(task.status.text) and cannot become \(status.text)"
                + (allowed.isEmpty ? " (it is final)" : " (it can become \(allowed))"))])
        }
    }

    /// A task the actor may work (access §4): a manager of the show's studio, a member on
    /// a task assigned to them or to nobody, or the talent a review is about.
    private static func workableTask(_ context: CommandContext, uid: String, expectedVersion: Int?) throws -> (TaskRecord, StudioInfo) {
        let task = try context.task(uid: uid)
        try context.requireVersion("tasks", id: task.id, expected: expectedVersion)
        let studioID = try Int64.fetchOne(context.db, sql: "SELECT studio_id FROM shows WHERE id = ?", arguments: [task.showID]) ?? 0
        let studio = try context.studio(id: studioID)
        let talentID = try Int64.fetchOne(context.db, sql: "SELECT talent_id FROM show_talent WHERE id = ?", arguments: [task.showTalentID])
        if context.policy.role(inStudio: studioID).map({ $0 >= .manager }) == true || task.assigneeID == context.actor.userID
            || talentID.map({ context.actor.talentIDs.contains($0) }) == true {
            return (task, studio)
        }
        if context.policy.canSeeStudio(studioID) {
            guard let assignee = task.assigneeID else { return (task, studio) }
            let login = try String.fetchOne(context.db, sql: "SELECT login FROM users WHERE id = ?", arguments: [assignee]) ?? "someone else"
            throw SlateError.accessDenied("'\(task.title)' is assigned to \(login); a manager of \(studio.name) can reassign it")
        }
        throw SlateError.accessDenied("\(context.actor.login) needs a membership of studio \(studio.name) to work its tasks")
    }
}

// MARK: read models

/// An item of `template list` (a template without items has one row with no item).
public struct TemplateItemSummary: ReadModel, Equatable {
    public var template, name: String
    public var active: Bool
    public var templateVersion: Int
    public var item, title: String?
    public var itemType: TaskItemType?
    public var inputType: TaskInputType?
    public var required: Bool?
    /// The due offset written like `-2d`.
    public var due: String?
    public var dueFrom: DueAnchor?
    /// A member's login, `talent`, or "" for nobody.
    public var assignee: String?
    public var version: Int?

    public var listing: Listing {
        Listing([("template", .text(template)), ("name", .text(name)), ("active", .bool(active)), ("item", .text(item)), ("title", .text(title)),
                 ("item_type", .text(itemType?.rawValue)), ("input_type", .text(inputType?.rawValue)), ("required", required.map(Listing.Value.bool) ?? .null),
                 ("due", .text(due.map { $0 + " from " + (dueFrom ?? .start).rawValue })), ("assignee", .text(assignee))])
    }
}

/// A task of `task list`.
public struct TaskSummary: ReadModel, Equatable {
    public var uid, show, showUID: String
    public var showStatus: ShowStatus
    public var showStart: Timestamp
    public var title: String
    public var itemType: TaskItemType
    public var inputType: TaskInputType
    public var required: Bool
    public var status: TaskStatus
    public var value: String
    /// Due time in the show's studio zone.
    public var dueAt: Timestamp?
    /// Still open past its due time.
    public var overdue: Bool
    public var assignee: String?
    public var blockedReason: String
    /// Who completed it and when.
    public var doneBy: String?
    public var doneAt: Timestamp?
    public var version: Int
    /// IANA zone of the show's studio: the zone its times are shown in.
    public var timeZone: String

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("show", .text(show)), ("show_uid", .text(showUID)), ("title", .text(title)), ("item_type", .text(itemType.rawValue)),
                 ("input_type", .text(inputType.rawValue)), ("required", .bool(required)), ("status", .text(status.rawValue)), ("value", .text(value)),
                 ("due_at", .time(dueAt)), ("zone", .text(LocalTime.placeName(timeZone))), ("overdue", .bool(overdue)), ("assignee", .text(assignee)), ("blocked_reason", .text(blockedReason)),
                 ("done_by", .text(doneBy)), ("version", .int(Int64(version)))])
    }
}
