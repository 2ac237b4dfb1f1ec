import ArgumentParser
import Foundation
import SlateCore
import SlateStore

/// `slate project ...`.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "project", abstract: "Projects and their plans.",
                                                    subcommands: [List.self, Add.self, Import.self, Export.self, Schedule.self, Budget.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List projects.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().projects()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a project.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The project's name.") var name: String
        @Option(help: "Studio that runs it (default: your only studio).") var studio: String?
        @Option(help: "The client it is for, if any: id or name.") var client: String?
        @Option(help: "First day auto-scheduled phases may use (2026-01-05).") var start: String?
        func run() throws {
            let day = try start.map(PhaseCommand.day)
            global.emit(try global.session().addProject(studio: studio, client: client, name: name, start: day)) { "Added project \(name) (\($0))." }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Create a whole project from a JSON file (one command, one undo step).",
                                                        discussion: """
                                                        {"name": "Album", "studio": "North", "start": "2026-01-05",
                                                         "phases": [{"key": "t1", "name": "Writing", "duration": "3d"},
                                                                    {"key": "t2", "name": "Tracking", "from": "2026-01-12", "to": "2026-01-16"},
                                                                    {"key": "m1", "name": "Master delivered", "milestone": true}],
                                                         "dependencies": [{"from": "t1", "to": "t2", "type": "FS", "lag": "2d"}]}
                                                        Durations and lags are working days of the studio. Prints each key's new id.
                                                        """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The JSON file.") var file: String
        @Flag(help: "Show what would be created without writing.") var plan = false
        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw SlateError.invalidInput("cannot read \(TextInput.printable(file))") }
            let project = try ProjectFile.parse(data)
            global.emit(try global.session().importProject(project, plan: plan)) { made in
                "Imported project \(project.name) (\(made.project)): \(made.phases.count) phases, finishing \(made.finish.iso)\n"
                    + project.phases.map { "  \($0.key) = \(made.phases[$0.key] ?? "")" }.joined(separator: "\n")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a project in the import format (phase ids as keys).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The project: id (pj-...) or name.") var project: String
        func run() throws { global.out(try global.session().exportProject(project).json().trimmingCharacters(in: .newlines)) }
    }

    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "schedule", abstract: "A project's plan: early and late dates, float in working days, the critical chain.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The project: id (pj-...) or name.") var project: String
        func run() throws {
            let schedule = try global.session().projectSchedule(project)
            if global.json {
                global.out(JSONOutput.encode(schedule))
                return
            }
            let words = LocaleFormat.of(schedule.locale)
            global.out("\(schedule.name): \(words.date(schedule.start)) to \(words.date(schedule.finish)) (\(schedule.studio), working days)")
            global.emit(schedule.phases, columns: ["id", "name", "early_start", "early_finish", "late_start", "late_finish", "float", "critical", "violated"])
            let names = Dictionary(schedule.phases.map { ($0.uid, $0.name) }, uniquingKeysWith: { a, _ in a })
            global.out("Critical chain: " + schedule.criticalChain.map { names[$0] ?? $0 }.joined(separator: " -> "))
        }
    }
}

extension ProjectCommand {
    struct Budget: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "budget", abstract: "Budget against actuals per phase: its confirmed bookings at their resources' rates.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The project: id (pj-...) or name.") var project: String
        func run() throws {
            let schedule = try global.session().projectSchedule(project)
            if global.json { return global.emit(schedule.phases, columns: nil) }
            global.emit(schedule.phases, columns: ["id", "name", "budget", "actual", "difference"])
            guard let first = schedule.phases.first else { return }
            let budget = schedule.phases.reduce(0) { $0 + $1.budget.minor }
            let actual = schedule.phases.reduce(0) { $0 + $1.actual.minor }
            func money(_ minor: Int64) -> String { MoneyValue(minor: minor, currency: first.budget.currency, locale: first.budget.locale).text }
            global.out("Total: budget \(money(budget)), actual \(money(actual)), difference \(money(actual - budget)) (\(actual > budget ? "over" : "within") budget)")
        }
    }
}

/// `slate phase ...`.
struct PhaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "phase", abstract: "Project phases.",
                                                    subcommands: [List.self, Add.self, Move.self, Resize.self, Progress.self, Rename.self, Assign.self, Budget.self],
                                                    defaultSubcommand: List.self)

    static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw SlateError.invalidInput("'\(TextInput.printable(text))' is not a date like 2026-01-05") }
        return day
    }

    static func days(_ text: String, what: String) throws -> Int {
        let negative = text.hasPrefix("-")
        guard let days = ProjectFile.days(negative ? String(text.dropFirst()) : text) else {
            throw SlateError.invalidInput("\(what) '\(TextInput.printable(text))' is not a number of working days like 3d")
        }
        return negative ? -days : days
    }

    /// Prints the phases a command moved, or its plan.
    static func report(_ global: GlobalOptions, _ outcome: Outcome<[PhaseMove]>, _ what: String) {
        global.emit(outcome) { moves in
            moves.isEmpty ? "\(what); no phase moved." : "\(what); moved:\n" + moves.map { "  " + $0.line }.joined(separator: "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List phases.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only the phases of this project: id or name.") var project: String?
        func run() throws { global.emit(try global.session().phases(project: project)) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a phase: fixed days (--from/--to) or auto-scheduled working days (--duration).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The phase's name.") var name: String
        @Option(help: "The project: id (pj-...) or name.") var project: String
        @Option(help: "First day (2026-01-05).") var from: String?
        @Option(help: "Last day (2026-01-09).") var to: String?
        @Option(help: "Working days, e.g. 3d: placed after its dependencies.") var duration: String?
        @Option(help: "A phase it comes after (finish-to-start); repeatable.") var after: [String] = []
        @Option(help: "Percent done, 0 to 100.") var progress = 0
        @Flag(help: "Show what would change without writing.") var plan = false
        func run() throws {
            let timing: PhaseTiming
            switch (from, to, duration) {
            case (let from?, let to?, nil): timing = .fixed(from: try day(from), through: try day(to))
            case (nil, nil, let duration?): timing = .days(try days(duration, what: "duration"))
            default: throw SlateError.invalidInput("give --from and --to, or --duration")
            }
            global.emit(try global.session().addPhase(project: project, name: name, timing: timing, after: after, progress: progress, plan: plan)) { "Added phase \(name) (\($0))." }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a phase (an auto-scheduled one is pinned where it lands).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The phase (ph-...).") var phase: String
        @Option(help: "New first day (2026-01-12).") var to: String?
        @Option(parsing: .unconditional, help: "Working days to shift, e.g. 2d or -1d.") var by: String?
        @Flag(help: "Move the phases after it forward by the least needed.") var cascade = false
        @Flag(help: "Show what would change without writing.") var plan = false
        @Option(help: "Refuse if the phase changed since this version.") var ifVersion: Int?
        func run() throws {
            let edit: PhaseEdit
            switch (to, by) {
            case (let to?, nil): edit = .moveTo(try day(to))
            case (nil, let by?): edit = .moveBy(try days(by, what: "--by"))
            default: throw SlateError.invalidInput("give --to DATE or --by DAYS")
            }
            report(global, try global.session().editPhase(phase, [edit], cascade: cascade, expectedVersion: ifVersion, plan: plan), "Moved \(phase)")
        }
    }

    struct Resize: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resize", abstract: "Change how many working days a phase lasts.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The phase (ph-...).") var phase: String
        @Option(help: "Working days, e.g. 5d.") var duration: String
        @Flag(help: "Move the phases after it forward by the least needed.") var cascade = false
        @Flag(help: "Show what would change without writing.") var plan = false
        @Option(help: "Refuse if the phase changed since this version.") var ifVersion: Int?
        func run() throws {
            let edit = PhaseEdit.resize(try days(duration, what: "--duration"))
            report(global, try global.session().editPhase(phase, [edit], cascade: cascade, expectedVersion: ifVersion, plan: plan), "Resized \(phase)")
        }
    }

    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "progress", abstract: "Set a phase's progress (0–100 %).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The phase (ph-...).") var phase: String
        @Argument(help: "Percent done, 0 to 100.") var percent: Int
        func run() throws { report(global, try global.session().editPhase(phase, [.progress(percent)]), "\(phase) is \(percent) % done") }
    }

    struct Budget: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "budget", abstract: "Set what a phase may cost (its actuals come from its bookings at their rates).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The phase (ph-...).") var phase: String
        @Argument(help: "Amount in the workspace currency (12000, 1250.50).") var amount: String
        func run() throws {
            let minor = try Money.minorUnits(amount)
            global.emit(try global.session().setPhaseBudget(phase, minor: minor)) { _ in "Set the budget of \(phase) to \(amount)." }
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a phase.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The phase (ph-...).") var phase: String
        @Argument(help: "The new name.") var name: String
        func run() throws { report(global, try global.session().editPhase(phase, [.name(name)]), "Renamed \(phase)") }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign", abstract: "Book a person, room or equipment for a phase's days (moves with the phase).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The phase (ph-...).") var phase: String
        @Argument(help: "Talent, room or equipment: id or name.") var resource: String
        @Flag(help: "Place a hold instead of a confirmed booking.") var hold = false
        @Flag(help: "Show what would change without writing.") var plan = false
        func run() throws {
            global.emit(try global.session().assignPhase(phase, resource: resource, hold: hold, plan: plan)) { BookingCommand.describe($0, labelled: false) }
        }
    }
}

/// `slate milestone add`.
struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "milestone", abstract: "Project milestones (phases of no length).", subcommands: [Add.self], defaultSubcommand: Add.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a milestone on a day, or placed after its dependencies.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The milestone's name.") var name: String
        @Option(help: "The project: id (pj-...) or name.") var project: String
        @Option(help: "Its day (2026-01-30); without it, as early as the phases it comes after allow.") var on: String?
        @Option(help: "A phase it comes after (finish-to-start); repeatable.") var after: [String] = []
        func run() throws {
            let timing = PhaseTiming.milestone(on: try on.map(PhaseCommand.day))
            global.emit(try global.session().addPhase(project: project, name: name, timing: timing, after: after)) { "Added milestone \(name) (\($0))." }
        }
    }
}

/// `slate dependency add|remove`.
struct DependencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dependency", abstract: "Phase dependencies.", subcommands: [Add.self, Remove.self], defaultSubcommand: Add.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Make a phase depend on another (cycles are refused).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Predecessor phase (id or name).") var predecessor: String
        @Argument(help: "Successor phase (id or name).") var successor: String
        @Option(help: "FS (finish-to-start), SS or FF.") var type = "FS"
        @Option(help: "Lag in working days, e.g. 2d.") var lag = "0d"
        @Flag(help: "Move fixed phases after it forward by the least needed.") var cascade = false
        @Flag(help: "Show what would change without writing.") var plan = false
        func run() throws {
            guard let kind = ProjectFile.kind(type) else { throw SlateError.invalidInput("--type '\(TextInput.printable(type))' is not FS, SS or FF") }
            let lagDays = try PhaseCommand.days(lag, what: "--lag")
            global.emit(try global.session().addDependency(predecessor: predecessor, successor: successor, kind: kind, lagDays: lagDays, cascade: cascade, plan: plan)) {
                "Added dependency \($0)."
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove the dependency between two phases.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The phase that comes first (ph-...).") var predecessor: String
        @Argument(help: "The phase that comes after it (ph-...).") var successor: String
        func run() throws { global.emit(try global.session().removeDependency(predecessor: predecessor, successor: successor)) { "Removed dependency \($0)." } }
    }
}
