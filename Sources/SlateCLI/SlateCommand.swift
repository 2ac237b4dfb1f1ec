import ArgumentParser
import Foundation
import SlateCore
import SlateStore

/// `slate`: book talent, rooms and equipment without double-booking, from the terminal.
struct SlateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slate",
        abstract: "Book talent, rooms and equipment without double-booking; plan shows and their tasks.",
        discussion: """
            Times are typed as ISO 8601 local time in the studio's time zone (2026-12-03T14:00).
            Tables and messages write days, times and money in the workspace's locale
            (jeu. 3 déc. 14:00, 1 234,50 €); --csv writes times as they are typed, --json as ISO 8601.
            Exit status: 0 done, 1 refused by a rule or by access, 2 bad usage or input, 3 storage failure.
            """,
        version: "slate 0.5 (workspace schema \(Workspace.schemaVersion))",
        subcommands: [
            UICommand.self, StatusCommand.self, InitCommand.self, DemoCommand.self, WhoamiCommand.self, StudioCommand.self, MemberCommand.self,
            TalentCommand.self, RoomCommand.self, EquipmentCommand.self, ClientCommand.self, PlatformCommand.self, MaterialCommand.self,
            CommsCommand.self, CommentCommand.self, TagCommand.self, SearchCommand.self, JobCommand.self,
            ProjectCommand.self, PhaseCommand.self, MilestoneCommand.self, DependencyCommand.self,
            ScheduleCommand.self, ShowCommand.self,
            BookCommand.self, HoldCommand.self, ConfirmCommand.self, ReleaseCommand.self, CancelCommand.self, ChallengeCommand.self,
            MoveCommand.self, BookingCommand.self, SeriesCommand.self, ExportCommand.self, ImportCommand.self, TimeOffCommand.self,
            TaskCommand.self, TemplateCommand.self, InvoiceCommand.self, RateCommand.self, CheckCommand.self, LogCommand.self, UndoCommand.self, RedoCommand.self, BatchCommand.self, BackupCommand.self,
        ],
        defaultSubcommand: UICommand.self
    )
}

/// `slate status`: the dashboard (view 6) as text: today and the next seven days, the most urgent first.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The dashboard: live shows, clashes, holds expiring, tasks overdue and due today, schedules waiting, the week's shows, who is where, utilisation.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try global.session()
        let dashboard = try session.dashboard()
        if global.json {
            global.out(JSONOutput.encode(StatusJSON(workspace: global.path, user: session.login, dashboard: dashboard)))
            return
        }
        global.out("Workspace \(global.path) — you are \(session.login) — \(dashboard.now.shown)")
        for (title, items) in dashboard.sections {
            global.out("")
            global.out("\(title): \(items.isEmpty ? "none" : String(items.count))")
            for item in items { global.out("  " + TextInput.printable(item.text, limit: 300)) }
        }
        if let revenue = dashboard.revenue {
            global.out("")
            global.out("Booked this month at the resources' rates: \(revenue.text)")
        }
        if !dashboard.utilisation.isEmpty {
            global.out("")
            global.out("Utilisation (booked of open hours): this week · next week")
            for use in dashboard.utilisation {
                let name = DisplayWidth.pad(DisplayWidth.truncate(use.name, to: 24, ascii: false), to: 24)
                global.out("  \(name) \(Self.share(use.bookedThisWeek, use.openThisWeek)) · \(Self.share(use.bookedNextWeek, use.openNextWeek))")
            }
        }
    }

    static func share(_ booked: Int64, _ open: Int64) -> String {
        open > 0 ? "\(Utilisation.percent(booked, of: open)) % (\(booked / 3_600) of \(open / 3_600) h)" : "closed"
    }

    struct StatusJSON: Encodable {
        var workspace: String
        var user: String
        var dashboard: Dashboard
    }
}

/// `slate init`: create a workspace; the invoking account becomes admin of its first studio.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a workspace and its first studio; you become its admin.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Name of the first studio.") var studio: String
    @Option(help: "IANA time zone of the studio (Europe/Paris).") var tz: String
    @Option(help: "Workspace name (default: the studio's).") var name: String?
    @Option(help: "Locale for dates and numbers (fr_FR).") var locale = "en_US"
    @Option(help: "Currency code (EUR).") var currency = "USD"
    @Option(help: "Opening hours, e.g. 'Mon-Fri 09:00-20:00, Sat 10:00-18:00' (default: always open).") var hours = ""

    func run() throws {
        let env = global.environment
        let setup = WorkspaceSetup(workspaceName: name ?? studio, studioName: studio, timeZone: tz, locale: locale, currency: currency,
                                   openingHours: hours, founderLogin: env.login, founderName: env.userName)
        _ = try Workspace.initialize(at: global.path, setup: setup, clock: env.clock)
        if global.json {
            global.out(JSONOutput.encode(["workspace": global.path, "studio": studio, "admin": env.login]))
        } else {
            global.out("Created workspace \(global.path); \(env.login) is admin of studio \(studio).")
        }
    }
}

/// `slate whoami`.
struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show your account and memberships.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.emit(try global.session().whoami())
    }
}

/// `slate studio ...`.
struct StudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "studio", abstract: "List, add, edit and delete studios.", subcommands: [List.self, Add.self, Edit.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List your studios.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().studios()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a studio (you become its admin).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Studio name.") var name: String
        @Option(help: "IANA time zone.") var tz: String
        @Option(help: "Opening hours.") var hours = ""
        func run() throws {
            global.emit(try global.session().addStudio(name: name, timeZone: tz, openingHours: hours)) { "Added studio \(name) (\($0))." }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Rename a studio or change its opening hours (the time zone stays).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Studio id or name.") var studio: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "Opening hours: \"Mon-Fri 09:00-18:00, Sat 10:00-14:00\".") var hours: String?
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().editStudio(studio, name: name, openingHours: hours, expectedVersion: ifVersion)) { "Updated \($0)." } }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a studio (refused while its rooms, talent, equipment, shows or schedules are in use).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Studio id or name.") var studio: String
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().deleteStudio(studio, expectedVersion: ifVersion)) { "Deleted \($0)." } }
    }
}

/// `slate member ...`.
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "member", abstract: "Grant and remove memberships.", subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List memberships you can see.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().members()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Give an OS account a role on a studio, client or platform.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's login.") var login: String
        @Option(help: "member, manager or admin.") var role: Role = .member
        @Option(help: "Studio id or name.") var studio: String?
        @Option(help: "Client id or name.") var client: String?
        @Option(help: "Platform id or name.") var platform: String?
        @Option(help: "Full name for a new account.") var name: String?

        func validate() throws {
            guard [studio, client, platform].compactMap({ $0 }).count == 1 else {
                throw ValidationError("give exactly one of --studio, --client or --platform")
            }
        }

        func run() throws {
            let scope: ScopeRef = studio.map(ScopeRef.studio) ?? client.map(ScopeRef.client) ?? .platform(platform ?? "")
            global.emit(try global.session().addMember(login: login, name: name, role: role, scope: scope)) { "\(login) is now \(role.rawValue) (\($0))." }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "End a membership.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Membership id (mb-...).") var membership: String
        func run() throws { global.emit(try global.session().removeMember(membership)) { "Removed \($0)." } }
    }
}

extension Role: ExpressibleByArgument {}
extension TalentRole: ExpressibleByArgument {}
extension MaterialKind: ExpressibleByArgument {}
extension ShowType: ExpressibleByArgument {}
extension ShowStandard: ExpressibleByArgument {}
extension TaskItemType: ExpressibleByArgument {}
extension TaskInputType: ExpressibleByArgument {}
extension TaskStatus: ExpressibleByArgument {}
extension DueAnchor: ExpressibleByArgument {}

/// `slate backup FILE`: a consistent copy of the workspace while others keep working.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the workspace to a new file, consistently, while others keep working (admin).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file (it must not exist).") var file: String

    func run() throws {
        try global.session().backup(to: file)
        if global.json {
            global.out(JSONOutput.encode(["backup": file, "workspace": global.path]))
        } else {
            global.out("Backed up \(global.path) to \(file).")
        }
    }
}
