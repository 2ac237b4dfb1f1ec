import ArgumentParser
import Foundation
import SlateCore
import SlateStore

/// Options shared by `book` and `hold`.
struct PlacementOptions: ParsableArguments {
    @Argument(help: "Talent, room or equipment: id (rm-..., tl-..., eq-...) or name.") var resource: String
    @OptionGroup var period: PeriodOptions
    @Option(help: "Show this booking is for (sh-...).") var show: String?
    @Option(help: "A note kept with the booking (shown in the grid and listings).") var note = ""
    @Option(help: "Repeat (RFC 5545 RRULE subset): \"weekly;byday=MO,WE;count=10\", \"monthly;byday=2TU;until=2027-06-30\", \"daily;interval=2;count=5\".")
    var `repeat`: String?
    @Option(help: "A day the series skips (repeatable): 2026-12-24.") var except: [String] = []
    @Flag(help: "With --repeat: book the occurrences that are free and list those that clash (else any clash refuses the series).") var skipClashes = false

    /// Places the request: one booking, or a series when `--repeat` is given.
    func place(_ request: BookingPlacement, plan: Bool, _ global: GlobalOptions) throws {
        let session = try global.session()
        guard let text = `repeat` else {
            guard except.isEmpty, !skipClashes else { throw SlateError.invalidInput("--except and --skip-clashes go with --repeat") }
            let labelled = try session.zonesInPlay()
            return global.emit(try session.place(request, plan: plan)) { BookingCommand.describe($0, labelled: labelled) }
        }
        let outcome = try session.placeSeries(request, rule: try RecurrenceRule.parse(text), except: except, skipClashes: skipClashes, plan: plan)
        global.emit(outcome) { result in
            (["Series \(result.series): \(Plural.count(result.occurrences.count, "occurrence")) \(request.status == .hold ? "held" : "booked") (\(result.occurrences.joined(separator: ", ")))."]
                + result.skipped.map { "Skipped (clash): \($0)" }).joined(separator: "\n")
        }
    }
}

/// `slate book`: a confirmed booking.
struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "book", abstract: "Book a resource outright (refused on any clash).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var placement: PlacementOptions
    @Flag(help: "When it clashes, place it as a hold instead (waiting list).") var orHold = false
    @Option(help: "Force over holds ranked above, releasing them (manager; give the reason).") var force: String?
    @Flag(help: "Show what would change without writing.") var plan = false

    func run() throws {
        let request = BookingPlacement(resource: placement.resource, start: .local(placement.period.from), end: .local(placement.period.to), status: .confirmed,
                                       show: placement.show, note: placement.note, orHold: orHold, forceReason: force)
        try placement.place(request, plan: plan, global)
    }
}

/// `slate hold`: a pencil in the queue.
struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Place a hold (pencil); overlapping holds queue by placement.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var placement: PlacementOptions
    @Option(help: "Expiry (default: the workspace's 1st/other hold expiry).") var expires: String?
    @Flag(help: "Show what would change without writing.") var plan = false

    func run() throws {
        let request = BookingPlacement(resource: placement.resource, start: .local(placement.period.from), end: .local(placement.period.to), status: .hold,
                                       show: placement.show, note: placement.note, expires: expires.map(When.local))
        try placement.place(request, plan: plan, global)
    }
}

/// `--if-version`: the version the user saw; a command on a row that moved on is refused.
struct VersionOption: ParsableArguments {
    @Option(help: "Refuse if the booking is no longer at this version (as shown by `booking show`).") var ifVersion: Int?
}

/// `slate confirm`.
struct ConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm a hold (refused while a higher hold or a booking overlaps).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Booking id (bk-...).") var booking: String
    @Option(help: "Force-confirm over holds ranked above, releasing them (manager; the reason is audited).") var force: String?
    @OptionGroup var version: VersionOption
    @Flag(help: "Show what would change without writing.") var plan = false

    func run() throws {
        let session = try global.session()
        let labelled = try session.zonesInPlay()
        global.emit(try session.confirm(booking, forceReason: force, expectedVersion: version.ifVersion, plan: plan)) { BookingCommand.describe($0, labelled: labelled) }
    }
}

/// `slate release`.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a hold; holds behind move up (a confirmed booking is cancelled instead).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Hold id (bk-...).") var booking: String
    @OptionGroup var version: VersionOption
    @Flag(help: "Show what would change without writing.") var plan = false
    func run() throws {
        let session = try global.session()
        let labelled = try session.zonesInPlay()
        global.emit(try session.release(booking, expectedVersion: version.ifVersion, plan: plan)) { BookingCommand.describe($0, labelled: labelled) }
    }
}

/// `slate cancel`.
struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a confirmed booking; holds behind move up (a hold is released instead).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Booking id (bk-...).") var booking: String
    @OptionGroup var version: VersionOption
    @Flag(help: "Show what would change without writing.") var plan = false
    func run() throws {
        let session = try global.session()
        let labelled = try session.zonesInPlay()
        global.emit(try session.cancel(booking, expectedVersion: version.ifVersion, plan: plan)) { BookingCommand.describe($0, labelled: labelled) }
    }
}

/// `slate challenge`.
struct ChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "challenge", abstract: "Give the holds above yours a deadline to confirm or release.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Your hold (bk-...).") var booking: String
    @OptionGroup var version: VersionOption
    func run() throws {
        global.emit(try global.session().challenge(booking, expectedVersion: version.ifVersion)) { holds in
            "Challenged " + holds.map { "\($0.uid) (\($0.holder))" }.joined(separator: ", ")
        }
    }
}

/// `slate move`.
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move or resize a booking (a show's booking moves the whole show); checked again like a new one.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Booking id (bk-...).") var booking: String
    @OptionGroup var period: PeriodOptions
    @OptionGroup var version: VersionOption
    @Option(help: "Move a confirmed booking over holds, releasing them (manager; give the reason).") var force: String?
    @Flag(help: "Show what would change without writing.") var plan = false
    func run() throws {
        let session = try global.session()
        let labelled = try session.zonesInPlay()
        global.emit(try session.move(booking, start: .local(period.from), end: .local(period.to), expectedVersion: version.ifVersion,
                                     forceReason: force, plan: plan)) { BookingCommand.describe($0, labelled: labelled) }
    }
}

/// `slate booking ...`: list and show bookings.
struct BookingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "booking", abstract: "List and inspect bookings.", subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List live bookings you can see.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this talent, room or equipment: id or name.") var resource: String?
        @Option(help: "Only bookings ending after this local time (2026-12-03T14:00 or 2026-12-03).") var from: String?
        @Option(help: "Only bookings starting before this local time.") var to: String?
        @Flag(help: "Include released and cancelled bookings.") var all = false
        @Option(help: "At most this many (default 500).") var limit = 500
        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        }
        func run() throws {
            let session = try global.session()
            let found = try session.bookings(resource: resource, from: from.map(When.local), to: to.map(When.local), includeHistory: all, limit: limit + 1)
            let bookings = Array(found.prefix(limit))
            if found.count > limit {
                global.environment.output.err("note: showing the first \(limit) bookings; more match (narrow with --from/--to/--resource or raise --limit)")
            }
            global.emit(bookings, columns: BookingCommand.columns(labelled: try session.zonesInPlay()), empty: "no bookings")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one booking.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The booking (bk-...).") var booking: String
        func run() throws {
            let view = try global.session().booking(booking)
            if global.json { global.out(JSONOutput.encode(view)); return }
            let record = view.listing
            for field in record.fields { global.out(DisplayWidth.pad(field.name, to: 10) + " " + TextInput.printable(field.value.description, limit: 200)) }
        }
    }

    /// Table columns for bookings, with their zone when several zones are in play.
    static func columns(labelled: Bool) -> [String] {
        ["uid", "resource", "status", "rank", "start", "end"] + (labelled ? ["zone"] : []) + ["holder", "show"]
    }

    /// `bk-…: Stage A jeu. 3 déc. 14:00–16:00 — 1st hold`, the zone's place after the times
    /// when several zones are in play.
    static func describe(_ view: BookingView, labelled: Bool) -> String {
        "\(view.uid): \(view.resourceName) \(view.when(labelled: labelled)) — \(view.statusText)"
    }
}

/// `slate series ...`: repeating bookings and holds (rule 14).
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "series", abstract: "Repeating bookings, holds and shows: list, show, edit (move), cancel (all, this and following, or one).",
                                                    subcommands: [List.self, Show.self, Move.self, Cancel.self], defaultSubcommand: List.self)

    /// Which occurrences: all (default), `--from BOOKING` this and following, `--only BOOKING` one.
    struct ScopeOptions: ParsableArguments {
        @Option(help: "This occurrence (bk-...) and the ones after it.") var from: String?
        @Option(help: "This occurrence (bk-...) only.") var only: String?

        func scope() throws -> SeriesScope {
            switch (from, only) {
            case (nil, nil): .all
            case (let from?, nil): .following(from)
            case (nil, let only?): .only(only)
            default: throw SlateError.invalidInput("give --from or --only, not both")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List series.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().series(), empty: "no series") }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A series' occurrences (bookings, or shows), whatever their status.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Series id (rc-...).") var series: String
        func run() throws {
            let session = try global.session()
            let bookings = try session.seriesOccurrences(series)
            if bookings.isEmpty {
                return global.emit(try session.shows(series: series), columns: global.json ? nil : ["uid", "title", "status", "start_at", "end_at", "room", "talent"])
            }
            global.emit(bookings, columns: global.json ? nil : ["uid", "resource", "status", "rank", "start", "end", "zone", "version"])
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Move occurrences to another time of day (each on its own day), every one clash-checked, one command.",
                                                        aliases: ["move"])
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Series id (rc-...).") var series: String
        @Option(help: "The new start, a time of day in the studio's zone: 10:30.") var at: String
        @Option(help: "A new length: 90m, 2h.") var `for`: String?
        @OptionGroup var scope: ScopeOptions
        @Flag(help: "Show what would change without writing.") var plan = false
        func run() throws {
            let minutes = try `for`.map { Int(try DurationText.seconds($0) / 60) }
            global.emit(try global.session().retimeSeries(series, scope: try scope.scope(), at: at, minutes: minutes, plan: plan)) { $0.joined(separator: "\n") }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel occurrences (holds released, bookings cancelled), one command.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Series id (rc-...).") var series: String
        @OptionGroup var scope: ScopeOptions
        func run() throws {
            global.emit(try global.session().cancelSeries(series, scope: try scope.scope())) { "Cancelled \(Plural.count($0.count, "occurrence")): \($0.joined(separator: ", "))." }
        }
    }
}

/// `slate export ...`: data out.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Data out: calendars (iCalendar, RFC 5545), the whole workspace (JSON).",
                                                    subcommands: [Ics.self, Json.self])

    struct Json: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "json", abstract: "The whole workspace, as far as you may see it, as one JSON document on standard output.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.environment.output.document(try global.session().exportWorkspace()) }
    }

    struct Ics: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ics",
                                                        abstract: "Bookings as an iCalendar file on standard output, or one file per resource into a folder (--feed).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A room, talent or equipment (id or name).") var resource: String?
        @Option(help: "Every booking of a studio.") var studio: String?
        @Option(help: "The bookings of a show (sh-...).") var show: String?
        @Option(help: "Write one file per resource you may see into this folder (each replaced atomically).") var feed: String?
        @Option(help: "From (local time; default 30 days ago).") var from: String?
        @Option(help: "To (default a year ahead).") var to: String?

        func run() throws {
            let session = try global.session()
            let scopes = [resource.map(CalendarScope.resource), studio.map(CalendarScope.studio), show.map(CalendarScope.show)].compactMap { $0 }
            if let feed {
                guard scopes.isEmpty else { throw SlateError.invalidInput("--feed writes every resource; leave out --resource, --studio and --show") }
                let files = try session.calendarFeed(directory: feed, from: from.map(When.local), to: to.map(When.local))
                return global.out("Wrote \(Plural.count(files.count, "calendar")) to \(feed).")
            }
            guard scopes.count == 1, let scope = scopes.first else { throw SlateError.invalidInput("name one of --resource, --studio or --show (or --feed DIR)") }
            let calendar = try session.calendar(scope, from: from.map(When.local), to: to.map(When.local))
            global.environment.output.document(calendar.text)
        }
    }
}

/// `slate import ...`: data in.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Data in: talent, clients, rooms, equipment or draft shows from CSV; a workspace export into a new workspace.",
                                                    subcommands: [Csv.self, Json.self])

    struct Csv: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "csv", abstract: "Import rows from a CSV file (a header row names the columns); a bad row refuses the file whole, naming each.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "talent, clients, rooms, equipment or shows (drafts).") var kind: CSVImportKind
        @Argument(help: "The CSV file (UTF-8; - for standard input).") var file: String
        @Flag(help: "Show what would be created without writing.") var plan = false

        func run() throws {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
            guard let data else { throw SlateError.invalidInput("cannot read \(file)") }
            let outcome = try global.session().importCSV(kind, data: data, plan: plan)
            if global.json { return global.emit(outcome) { _ in "" } }
            global.out("\(plan ? "Would create" : "Created") \(outcome.value.created.count) \(kind.rawValue):")
            outcome.value.created.forEach { global.out("  " + $0) }
            for warning in outcome.warnings { global.environment.output.err("warning: " + warning.message) }
        }
    }

    struct Json: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "json", abstract: "Restore `slate export json` into a new workspace (--db NEW; an existing file is never replaced).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The export file.") var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw SlateError.invalidInput("cannot read \(file) as UTF-8 text")
            }
            let tables = try Session.importWorkspace(text, to: global.path)
            global.out("Made \(global.path): \(tables.map(\.rows).reduce(0, +)) rows in \(tables.filter { $0.rows > 0 }.count) tables.")
        }
    }
}

extension CSVImportKind: ExpressibleByArgument {}
