import ArgumentParser
import SlateCore
import SlateStore

/// `slate talent ...`.
struct TalentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "talent", abstract: "Artists, hosts/MCs and engineers.",
                                                    subcommands: [List.self, Add.self, Edit.self, Ban.self, Unban.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List talent.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only talent with this skill.") var skill: String?
        @Option(help: "Only this studio.") var studio: String?
        func run() throws {
            global.emit(try global.session().talent(skill: skill, studio: studio), columns: global.json ? nil : ["uid", "name", "alias", "role", "skills", "rate", "banned", "studio"])
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add talent to a studio.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Full name.") var name: String
        @Option(help: "Studio id or name (default: your only studio).") var studio: String?
        @Option(help: "Stage name.") var alias = ""
        @Option(help: "artist, host or engineer.") var role: TalentRole = .artist
        @Option(help: "Skills, comma-separated.") var skills = ""
        @Option(help: "Style tags, comma-separated.") var styles = ""
        @Option(help: "Rate per show, e.g. 450.00.") var rate = "0"
        @Option(help: "Link to a user login.") var user: String?
        func run() throws {
            let input = TalentInput(studio: studio, name: name, alias: alias, role: role, skills: [skills], styles: [styles], rateMinor: try Money.minorUnits(rate), userLogin: user)
            global.emit(try global.session().addTalent(input)) { "Added \(name) (\($0))." }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change talent fields.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Talent id or name.") var talent: String
        @Option var name: String?
        @Option var alias: String?
        @Option var role: TalentRole?
        @Option var skills: String?
        @Option var styles: String?
        @Option var rate: String?
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws {
            let changes = TalentChanges(name: name, alias: alias, role: role, skills: skills.map { [$0] }, styles: styles.map { [$0] }, rateMinor: try rate.map { try Money.minorUnits($0) })
            global.emit(try global.session().editTalent(talent, changes, expectedVersion: ifVersion)) { "Updated \($0)." }
        }
    }

    struct Ban: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ban talent: no new holds or bookings.")
        @OptionGroup var global: GlobalOptions
        @Argument var talent: String
        func run() throws { global.emit(try global.session().editTalent(talent, TalentChanges(banned: true))) { "Banned \($0)." } }
    }

    struct Unban: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a ban.")
        @OptionGroup var global: GlobalOptions
        @Argument var talent: String
        func run() throws { global.emit(try global.session().editTalent(talent, TalentChanges(banned: false))) { "Unbanned \($0)." } }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove talent from use (history is kept).")
        @OptionGroup var global: GlobalOptions
        @Argument var talent: String
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().deleteResource(talent, expectedVersion: ifVersion)) { "Deleted \($0)." } }
    }
}

/// `slate room ...`.
struct RoomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "room", abstract: "Rooms of your studios.", subcommands: [List.self, Add.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rooms.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().rooms()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a room.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option var studio: String?
        @Option var capacity = 0
        @Option(help: "Equipment notes.") var notes = ""
        func run() throws { global.emit(try global.session().addRoom(studio: studio, name: name, capacity: capacity, equipmentNotes: notes)) { "Added room \(name) (\($0))." } }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a room from use.")
        @OptionGroup var global: GlobalOptions
        @Argument var room: String
        func run() throws { global.emit(try global.session().deleteResource(room)) { "Deleted \($0)." } }
    }
}

/// `slate equipment ...`.
struct EquipmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "equipment", abstract: "Bookable kit.", subcommands: [List.self, Add.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List equipment.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().equipment()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add equipment.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option var studio: String?
        @Option var category = ""
        @Option var serial = ""
        func run() throws { global.emit(try global.session().addEquipment(studio: studio, name: name, category: category, serial: serial)) { "Added \(name) (\($0))." } }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove equipment from use.")
        @OptionGroup var global: GlobalOptions
        @Argument var equipment: String
        func run() throws { global.emit(try global.session().deleteResource(equipment)) { "Deleted \($0)." } }
    }
}

/// `slate client ...`.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "client", abstract: "Client companies.", subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clients.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().clients()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a client of a studio (its staff see the client's details and materials).")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option(help: "Studio the client works with (default: your only studio).") var studio: String?
        @Option var contact = ""
        @Option var email = ""
        func run() throws { global.emit(try global.session().addClient(studio: studio, name: name, contact: contact, email: email)) { "Added client \(name) (\($0))." } }
    }
}

/// `slate platform ...`.
struct PlatformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "platform", abstract: "Streaming platforms.", subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List platforms.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().platforms()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a platform.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option var url = ""
        func run() throws { global.emit(try global.session().addPlatform(name: name, url: url)) { "Added platform \(name) (\($0))." } }
    }
}

/// `slate material ...`.
struct MaterialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "material", abstract: "Client briefs, mechanics, scripts and scenes.", subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List materials.")
        @OptionGroup var global: GlobalOptions
        @Option var client: String?
        func run() throws { global.emit(try global.session().materials(client: client)) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add material for a client.")
        @OptionGroup var global: GlobalOptions
        @Argument var title: String
        @Option var client: String
        @Option(help: "brief, mechanic, script, scene or other.") var kind: MaterialKind = .brief
        @Option var body = ""
        @Option var platform: String?
        func run() throws { global.emit(try global.session().addMaterial(client: client, kind: kind, title: title, body: body, platform: platform)) { "Added \(title) (\($0))." } }
    }
}

/// `slate time-off ...`.
struct TimeOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "time-off", abstract: "When resources are unavailable.", subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List time off.")
        @OptionGroup var global: GlobalOptions
        @Option var resource: String?
        func run() throws { global.emit(try global.session().timeOff(resource: resource)) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Listing time off; --hard makes it reject bookings.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Talent, room or equipment id or name.") var resource: String
        @OptionGroup var period: PeriodOptions
        @Flag(help: "Reject bookings instead of warning.") var hard = false
        @Option var reason = ""
        func run() throws {
            global.emit(try global.session().addTimeOff(resource: resource, start: .local(period.from), end: .local(period.to), hard: hard, reason: reason)) { "Recorded time off (\($0))." }
        }
    }
}
