import ArgumentParser
import SlateCore
import SlateStore

/// `slate task ...`.
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "task", abstract: "Show checklists.",
                                                    subcommands: [List.self, Done.self, Undone.self, Value.self, Assign.self, Status.self, Block.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List tasks (by show time; --overdue and --due-within by due time).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only the tasks of this show (sh-...).") var show: String?
        @Flag(help: "Only tasks assigned to you or about you.") var mine = false
        @Flag(help: "Only open tasks (not completed or cancelled).") var open = false
        @Flag(help: "Only open tasks past their due time.") var overdue = false
        @Option(help: "Only open tasks due within this long, e.g. 7d.") var dueWithin: String?
        func run() throws {
            let within = try dueWithin.map { try DurationText.seconds($0) }
            if let within, within <= 0 { throw SlateError.invalidInput("--due-within takes a length such as 7d or 12h") }
            let filter = Session.TaskFilter(show: show, mine: mine, openOnly: open, overdue: overdue, dueWithin: within)
            let session = try global.session()
            // Times name their place whenever the user's studios lie in several zones, as bookings do.
            let zone = try session.zonesInPlay() ? ["zone"] : []
            global.emit(try session.tasks(filter), columns: global.json ? nil : ["uid", "show", "title", "item_type", "required", "status", "value", "due_at"] + zone + ["assignee"])
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Complete a task, with its value (checked by its input type).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task (tk-...).") var task: String
        @Option(help: "Its value, checked by its input type: text, a number in the workspace's locale, a date, a percentage, a file or a URL.") var value: String?
        @Option(help: "Refuse if the task is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().completeTask(task, value: value, expectedVersion: ifVersion)) { "Done \($0)." } }
    }

    struct Undone: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "undone", abstract: "Reopen a completed task.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task (tk-...).") var task: String
        @Option(help: "Refuse if the task is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().reopenTask(task, expectedVersion: ifVersion)) { "Reopened \($0)." } }
    }

    struct Value: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "value", abstract: "Record a task's value without completing it (numbers in the workspace's locale).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task (tk-...).") var task: String
        @Argument(help: "The value, checked by the task's input type.") var value: String
        @Option(help: "Refuse if the task is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().setTaskValue(task, value: value, expectedVersion: ifVersion)) { "Recorded the value of \($0)." } }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a task to a member (managers); --nobody takes it back.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task (tk-...).") var task: String
        @Argument(help: "A member's login.") var login: String?
        @Flag(help: "Assign it to nobody.") var nobody = false
        func run() throws {
            guard (login == nil) == nobody else { throw SlateError.invalidInput("give a login, or --nobody") }
            global.emit(try global.session().assignTask(task, to: login)) { "Assigned \($0) to \(login ?? "nobody")." }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Move a task: pending, assigned, in_progress, review, completed or blocked (with --reason).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task (tk-...).") var task: String
        @Argument(help: "pending, assigned, in_progress, review, completed or blocked.") var status: TaskStatus
        @Option(help: "Why (needed for blocked).") var reason = ""
        @Option(help: "Refuse if the task is no longer at this version.") var ifVersion: Int?
        func run() throws {
            global.emit(try global.session().setTaskStatus(task, to: status, reason: reason, expectedVersion: ifVersion)) { "\($0) is \(status.text)." }
        }
    }

    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "block", abstract: "Mark a task blocked, saying why.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task (tk-...).") var task: String
        @Option(help: "Why it is blocked.") var reason: String
        func run() throws { global.emit(try global.session().setTaskStatus(task, to: .blocked, reason: reason)) { "\($0) is blocked." } }
    }
}

/// `slate template ...`.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template", abstract: "Task templates (studio admins).",
                                                    subcommands: [List.self, Add.self, Edit.self, Activate.self, Item.self, ItemEdit.self, ItemDelete.self],
                                                    defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List templates and their items.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().templates()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a template.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template's name.") var name: String
        @Option(help: "Studio whose shows it serves (default: your only studio).") var studio: String?
        func run() throws { global.emit(try global.session().addTemplate(studio: studio, name: name)) { "Added template \(name) (\($0))." } }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Rename a template (tasks already generated keep their text).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template: id (tt-...) or name.") var template: String
        @Option(help: "The new name.") var name: String
        func run() throws { global.emit(try global.session().editTemplate(template, name: name)) { "Renamed \($0)." } }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "activate", abstract: "Turn a template on (--off: off); only active templates generate tasks.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template: id (tt-...) or name.") var template: String
        @Flag(help: "Turn it off instead.") var off = false
        func run() throws { global.emit(try global.session().editTemplate(template, active: !off)) { "\($0) is \(off ? "inactive" : "active")." } }
    }

    struct ItemOptions: ParsableArguments {
        @Option(help: "pre_production, production, post_production, show_mc_review, show_platform_review or other.") var type: TaskItemType?
        @Option(help: "text, number, date, percentage, file or url.") var input: TaskInputType?
        @Option(parsing: .unconditional, help: "Due relative to the show's start (or end, with --from end), e.g. -2d or 4h.") var due: String?
        @Option(help: "start or end: what --due counts from.") var from: DueAnchor?
        @Option(help: "Who its tasks go to: a member's login, talent (the talent a review is about), or none.") var assignee: String?
    }

    struct Item: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "item", abstract: "Add an item to a template.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template: id (tt-...) or name.") var template: String
        @Argument(help: "The item's title (its tasks' title).") var title: String
        @OptionGroup var item: ItemOptions
        @Flag(help: "Its tasks are required: a show cannot go live (pre-production) or complete (production) while one is open.") var required = false
        func run() throws {
            global.emit(try global.session().addTemplateItem(template: template, title: title, type: item.type ?? .other, input: item.input ?? .text, required: required,
                                                             dueOffset: try DurationText.seconds(item.due ?? "0"), dueFrom: item.from ?? .start,
                                                             assignee: item.assignee == "none" ? "" : item.assignee ?? "")) { "Added item \(title) (\($0))." }
        }
    }

    struct ItemEdit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "item-edit", abstract: "Change a template item (tasks already generated keep what they were).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template item (ti-...).") var itemID: String
        @Option(help: "A new title.") var title: String?
        @OptionGroup var item: ItemOptions
        @Flag(inversion: .prefixedNo, help: "Required or not.") var required: Bool?
        @Option(help: "Refuse if the item is no longer at this version.") var ifVersion: Int?
        func run() throws {
            let input = Session.TemplateItemInput(title: title, type: item.type, input: item.input, required: required, dueOffset: try item.due.map(DurationText.seconds),
                                                  dueFrom: item.from, assignee: item.assignee.map { $0 == "none" ? "" : $0 })
            global.emit(try global.session().editTemplateItem(itemID, input, expectedVersion: ifVersion)) { "Changed \($0)." }
        }
    }

    struct ItemDelete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "item-delete", abstract: "Remove an item from a template (its tasks stay).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template item (ti-...).") var itemID: String
        func run() throws { global.emit(try global.session().deleteTemplateItem(itemID)) { "Removed \($0)." } }
    }
}

/// `slate check`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Report clashes: double bookings, shows and bookings that disagree, draft clashes, time off, opening hours (exit 1 on a broken hard rule).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Start of the period (default: now).") var from: String?
    @Option(help: "End of the period (default: 90 days on).") var to: String?

    /// Exits 1 when a hard rule is found broken (an `error` finding), so scripts notice.
    func run() throws {
        let findings = try global.session().check(from: from.map(When.local), to: to.map(When.local))
        Self.print(findings, global)
        if findings.contains(where: { $0.severity == "error" }) { throw ExitCode(ExitStatus.refused.rawValue) }
    }

    static func print(_ findings: [Finding], _ global: GlobalOptions) {
        if global.json { global.out(JSONOutput.encode(findings)); return }
        if findings.isEmpty { global.out("No clashes."); return }
        for finding in findings { global.out("\(finding.severity): \(TextInput.printable(finding.message, limit: 300))") }
        global.out("\(Plural.count(findings.count, "finding")).")
    }
}

/// `slate log`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The audit log: commands, or one record's history.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "How many commands to list.") var limit = 30
    @Option(help: "Show the history of one record (its id).") var record: String?
    func run() throws {
        let session = try global.session()
        if let record {
            global.emit(try session.history(of: record))
        } else {
            global.emit(try session.log(limit: limit), columns: global.json ? nil : ["uid", "created_at", "user", "name", "summary", "changes", "state"])
        }
    }
}

/// `slate undo`.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo your last command (refused if its rows changed since).")
    @OptionGroup var global: GlobalOptions
    func run() throws { global.emit(try global.session().undo()) { "Undone: \($0.summary)" } }
}

/// `slate redo`.
struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redo", abstract: "Redo the command you last undid.")
    @OptionGroup var global: GlobalOptions
    func run() throws { global.emit(try global.session().redo()) { "Redone: \($0.summary)" } }
}
