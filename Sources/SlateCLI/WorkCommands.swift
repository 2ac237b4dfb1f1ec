import ArgumentParser
import SlateCore
import SlateStore

/// `slate task ...`.
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "task", abstract: "Show checklists.", subcommands: [List.self, Done.self, Undone.self, Assign.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tasks.")
        @OptionGroup var global: GlobalOptions
        @Option var show: String?
        @Flag(help: "Only tasks assigned to you or about you.") var mine = false
        @Flag(help: "Only open tasks.") var open = false
        func run() throws {
            global.emit(try global.session().tasks(show: show, mine: mine, openOnly: open), columns: global.json ? nil : ["uid", "show", "title", "item_type", "required", "status", "value", "due_at", "assignee"])
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a task done, with its value.")
        @OptionGroup var global: GlobalOptions
        @Argument var task: String
        @Option var value = ""
        @Option(help: "Refuse if the task is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().completeTask(task, value: value, expectedVersion: ifVersion)) { "Done \($0)." } }
    }

    struct Undone: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a task.")
        @OptionGroup var global: GlobalOptions
        @Argument var task: String
        func run() throws { global.emit(try global.session().reopenTask(task)) { "Reopened \($0)." } }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign a task to a member.")
        @OptionGroup var global: GlobalOptions
        @Argument var task: String
        @Argument var login: String
        func run() throws { global.emit(try global.session().assignTask(task, to: login)) { "Assigned \($0) to \(login)." } }
    }
}

/// `slate template ...`.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template", abstract: "Task templates.", subcommands: [List.self, Add.self, Item.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List templates and their items.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().templates()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a template.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option var studio: String?
        func run() throws { global.emit(try global.session().addTemplate(studio: studio, name: name)) { "Added template \(name) (\($0))." } }
    }

    struct Item: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an item to a template.")
        @OptionGroup var global: GlobalOptions
        @Argument var template: String
        @Argument var title: String
        @Option(help: "pre_production, production, post_production, show_mc_review, show_platform_review or other.") var type: TaskItemType = .other
        @Option(help: "text, number, date, percentage, file or url.") var input: TaskInputType = .text
        @Flag var required = false
        @Option(help: "Due relative to the show's start, e.g. -2d.") var due = "0"
        func run() throws {
            global.emit(try global.session().addTemplateItem(template: template, title: title, type: type, input: input, required: required, dueOffset: try DurationText.seconds(due))) { "Added item \(title) (\($0))." }
        }
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
        global.out("\(findings.count) finding(s).")
    }
}

/// `slate log`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The audit log: commands, or one record's history.")
    @OptionGroup var global: GlobalOptions
    @Option var limit = 30
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
