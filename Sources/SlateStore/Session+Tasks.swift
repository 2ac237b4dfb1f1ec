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

    /// Adds an item to a template; `dueOffset` is relative to the show's start.
    public func addTemplateItem(template: String, title: String, type: TaskItemType, input: TaskInputType = .text, required: Bool = false, dueOffset: Int64 = 0) throws -> Outcome<String> {
        try perform("template item add") { context in
            let row = try context.row("task_templates", ref: template, what: "task template")
            let studio = try context.studio(id: row["studio_id"])
            try context.require(.admin, studio: studio.id, studioName: studio.name, to: "manage task templates")
            let templateID: Int64 = row["id"]
            let position = (try Int.fetchOne(context.db, sql: "SELECT ifnull(max(sort_order), 0) + 1 FROM task_template_items WHERE template_id = ?", arguments: [templateID])) ?? 1
            let title = try TextInput.name(title, field: "title")
            let item = try context.insert(NewTaskTemplateItem(templateID: templateID, sortOrder: position, title: title, itemType: type, inputType: input,
                                                              required: required, dueOffsetSeconds: dueOffset))
            context.summary = "add item \(title) to template \(row["name"] as String)"
            return item.uid
        }
    }

    /// Template items of the user's studios, due offsets written like `-2d`.
    public func templates() throws -> [TemplateItemSummary] {
        try read { reader in
            try reader.fetch("""
                SELECT t.uid AS template, t.name, t.active, i.uid AS item, i.title, i.item_type, i.input_type, i.required, i.due_offset_seconds AS due
                FROM task_templates t LEFT JOIN task_template_items i ON i.template_id = t.id AND i.deleted_at IS NULL
                WHERE t.deleted_at IS NULL AND \(reader.visibility.predicate("task_templates", alias: "t")) ORDER BY t.id, i.sort_order
                """) { row, _ in
                TemplateItemSummary(template: row["template"], name: row["name"], active: row["active"], item: row["item"], title: row["title"],
                                    itemType: (row["item_type"] as String?).flatMap(TaskItemType.init), inputType: (row["input_type"] as String?).flatMap(TaskInputType.init),
                                    required: row["required"], due: (row["due"] as Int64?).map(DurationText.text))
            }
        }
    }

    // MARK: tasks

    /// Tasks the user may see: their studios' shows, plus tasks assigned to them or about
    /// talent linked to them.
    public func tasks(show: String? = nil, mine: Bool = false, openOnly: Bool = false) throws -> [TaskSummary] {
        try read { reader in
            var sql = """
                SELECT k.uid, sh.title AS show, sh.uid AS show_uid, k.title, k.item_type, k.input_type, k.required, k.status, k.value, k.due_at, u.login AS assignee, k.version
                FROM tasks k JOIN shows sh ON sh.id = k.show_id LEFT JOIN users u ON u.id = k.assignee_id
                LEFT JOIN show_talent st ON st.id = k.show_talent_id
                WHERE k.deleted_at IS NULL AND \(reader.visibility.predicate("tasks", alias: "k"))
                """
            var arguments: [any DatabaseValueConvertible] = []
            if let show {
                sql += " AND k.show_id = ?"
                arguments.append(try reader.show(uid: show).id)
            }
            if mine {
                sql += " AND (k.assignee_id = ? OR st.talent_id IN (\(Self.ids(reader.actor.talentIDs))))"
                arguments.append(reader.actor.userID)
            }
            if openOnly { sql += " AND k.status = 'open'" }
            return try reader.fetch(sql + " ORDER BY k.due_at, k.id", StatementArguments(arguments)) { row, format in
                TaskSummary(uid: row["uid"], show: row["show"], showUID: row["show_uid"], title: row["title"], itemType: TaskItemType(rawValue: row["item_type"]) ?? .other,
                            inputType: TaskInputType(rawValue: row["input_type"]) ?? .text, required: row["required"], status: TaskStatus(rawValue: row["status"]) ?? .open,
                            value: row["value"], dueAt: format.time(row["due_at"] as Int64?), assignee: row["assignee"], version: row["version"])
            }
        }
    }

    /// Marks a task done with its value, checked against the task's input type.
    public func completeTask(_ uid: String, value: String = "", expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("task done") { context in
            let (task, _) = try Self.workableTask(context, uid: uid)
            let value = try TaskValue.validate(value, as: task.inputType, zone: LocalTime(timeZone: context.settings.zone))
            try context.update(task.id, [TaskChange.status(.done), .value(value), .doneAt(context.now)], expectedVersion: expectedVersion)
            context.summary = "done: \(task.title)"
            return uid
        }
    }

    /// Opens a done task again.
    public func reopenTask(_ uid: String) throws -> Outcome<String> {
        try perform("task undone") { context in
            let (task, _) = try Self.workableTask(context, uid: uid)
            try context.update(task.id, [TaskChange.status(.open), .doneAt(nil)])
            context.summary = "reopen: \(task.title)"
            return uid
        }
    }

    /// Assigns a task to a member; studio manager.
    public func assignTask(_ uid: String, to login: String) throws -> Outcome<String> {
        try perform("task assign") { context in
            let task = try context.task(uid: uid)
            let studio = try context.studio(id: try Int64.fetchOne(context.db, sql: "SELECT studio_id FROM shows WHERE id = ?", arguments: [task.showID]) ?? 0)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "assign tasks")
            let user = try context.user(login: login)
            try context.update(task.id, [TaskChange.assigneeID(user["id"])])
            context.summary = "assign \(task.title) to \(login)"
            return uid
        }
    }

    /// A task the actor may work: studio member, assignee, or the talent it is about.
    private static func workableTask(_ context: CommandContext, uid: String) throws -> (TaskRecord, StudioInfo) {
        let task = try context.task(uid: uid)
        let studioID = try Int64.fetchOne(context.db, sql: "SELECT studio_id FROM shows WHERE id = ?", arguments: [task.showID]) ?? 0
        let studio = try context.studio(id: studioID)
        let talentID = try Int64.fetchOne(context.db, sql: "SELECT talent_id FROM show_talent WHERE id = ?", arguments: [task.showTalentID])
        let mayWork = context.policy.canSeeStudio(studioID) || task.assigneeID == context.actor.userID
            || talentID.map { context.actor.talentIDs.contains($0) } == true
        guard mayWork else {
            throw SlateError.accessDenied("\(context.actor.login) needs a membership of studio \(studio.name) to work its tasks")
        }
        return (task, studio)
    }
}

// MARK: read models

/// An item of `template list` (a template without items has one row with no item).
public struct TemplateItemSummary: ReadModel, Equatable {
    public var template, name: String
    public var active: Bool
    public var item, title: String?
    public var itemType: TaskItemType?
    public var inputType: TaskInputType?
    public var required: Bool?
    /// The due offset written like `-2d`.
    public var due: String?

    public var listing: Listing {
        Listing([("template", .text(template)), ("name", .text(name)), ("active", .bool(active)), ("item", .text(item)), ("title", .text(title)),
                 ("item_type", .text(itemType?.rawValue)), ("input_type", .text(inputType?.rawValue)), ("required", required.map(Listing.Value.bool) ?? .null),
                 ("due", .text(due))])
    }
}

/// A task of `task list`.
public struct TaskSummary: ReadModel, Equatable {
    public var uid, show, showUID, title: String
    public var itemType: TaskItemType
    public var inputType: TaskInputType
    public var required: Bool
    public var status: TaskStatus
    public var value: String
    public var dueAt: Timestamp?
    public var assignee: String?
    public var version: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("show", .text(show)), ("show_uid", .text(showUID)), ("title", .text(title)), ("item_type", .text(itemType.rawValue)),
                 ("input_type", .text(inputType.rawValue)), ("required", .bool(required)), ("status", .text(status.rawValue)), ("value", .text(value)),
                 ("due_at", .time(dueAt)), ("assignee", .text(assignee)), ("version", .int(Int64(version)))])
    }
}
