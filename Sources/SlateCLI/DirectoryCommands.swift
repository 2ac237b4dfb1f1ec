import ArgumentParser
import SlateCore
import SlateStore

/// `slate talent ...`.
struct TalentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "talent", abstract: "Artists, hosts/MCs and engineers.",
                                                    subcommands: [List.self, Add.self, Edit.self, Match.self, Rate.self, Ban.self, Unban.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List talent.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only talent with this skill.") var skill: String?
        @Option(help: "Only this studio.") var studio: String?
        func run() throws {
            global.emit(try global.session().talent(skill: skill, studio: studio), columns: global.json ? nil : ["uid", "name", "alias", "role", "skills", "languages", "rate", "rating", "banned", "studio"])
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add talent to a studio.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Full name.") var name: String
        @Option(help: "Studio id or name (default: your only studio).") var studio: String?
        @Option(help: "Stage name.") var alias = ""
        @Option(help: "artist, host or engineer.") var role: TalentRole = .artist
        @Option(help: "Skills, comma-separated, each with a level 1-5 after a colon: hosting:4,dj.") var skills = ""
        @Option(help: "Languages, comma-separated, with levels like skills: French:5,English:3.") var languages = ""
        @Option(help: "Style tags, comma-separated.") var styles = ""
        @Option(help: "Rate per show, e.g. 450.00.") var rate = "0"
        @Option(help: "Link to a user login.") var user: String?
        @Option(help: "How to reach them (phone, email, agent).") var contact = ""
        func run() throws {
            let input = TalentInput(studio: studio, name: name, alias: alias, role: role, skills: [skills], styles: [styles], rateMinor: try Money.minorUnits(rate), userLogin: user,
                                    languages: [languages], contact: contact)
            global.emit(try global.session().addTalent(input)) { "Added \(name) (\($0))." }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change talent fields.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Talent id or name.") var talent: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "Another name they go by (searched too).") var alias: String?
        @Option(help: "host, artist or engineer.") var role: TalentRole?
        @Option(help: "Skills with levels: hosting:4,dj (replaces the list).") var skills: String?
        @Option(help: "Languages with levels: French:5,English (replaces the list).") var languages: String?
        @Option(help: "Styles, comma-separated (replaces the list).") var styles: String?
        @Option(help: "Rate per show, e.g. 450.00.") var rate: String?
        @Option(help: "Agent, phone or email.") var contact: String?
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws {
            let changes = TalentChanges(name: name, alias: alias, role: role, skills: skills.map { [$0] }, styles: styles.map { [$0] }, rateMinor: try rate.map { try Money.minorUnits($0) },
                                        languages: languages.map { [$0] }, contact: contact)
            global.emit(try global.session().editTalent(talent, changes, expectedVersion: ifVersion)) { "Updated \($0)." }
        }
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "match", abstract: "Talent for a gig, best first: all skills asked, then levels, styles, availability, rating.",
                                                        discussion: """
                                                            A skill is matched by a skill or a language of that name. Banned talent never appears.
                                                            With --from/--to, confirmed bookings and hard time off make talent busy, holds and soft
                                                            time off make them held; --for 2h lists their free slots of that length in the window.
                                                            Example: slate talent match --skills french,hosting --from 2026-12-03T09:00 --to 2026-12-03T18:00 --for 2h
                                                            """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Skills or languages, comma-separated.") var skills = ""
        @Option(help: "Style tags, comma-separated.") var style = ""
        @Option(help: "Window start (studio local time).") var from: String?
        @Option(help: "Window end (studio local time).") var to: String?
        @Option(name: .customLong("for"), help: "Slot length within the window: 90m, 2h.") var length: String?
        @Option(help: "Only this studio (its zone reads the times).") var studio: String?
        @Option(help: "At most this many.") var limit = 20
        func run() throws {
            let query = TalentQuery(skills: [skills], styles: style.split(separator: ",").map(String.init), from: from.map(When.local), to: to.map(When.local),
                                    duration: try length.map(DurationText.seconds), studio: studio, limit: limit)
            global.emit(try global.session().matchTalent(query), columns: global.json ? nil : ["rank", "uid", "name", "role", "skills", "missing", "availability", "free_slots", "rating", "rate", "studio"])
        }
    }

    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rate", abstract: "Rate talent's work on a show, 1 to 5 stars; their rating is the average.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Talent id (tl-...) or name.") var talent: String
        @Option(help: "The show they worked on (sh-...).") var show: String
        @Option(help: "1 to 5.") var stars: Int
        @Option(help: "A note kept with the rating.") var note: String?
        func run() throws { global.emit(try global.session().rateTalent(talent, show: show, stars: stars, note: note)) { "Rated \($0)." } }
    }

    struct Ban: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ban", abstract: "Ban talent: no new holds or bookings.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Talent id (tl-...) or name.") var talent: String
        @Option(help: "Why (shown on their card).") var reason = ""
        func run() throws { global.emit(try global.session().editTalent(talent, TalentChanges(banned: true, banReason: reason))) { "Banned \($0)." } }
    }

    struct Unban: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unban", abstract: "Lift a ban.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Talent id (tl-...) or name.") var talent: String
        func run() throws { global.emit(try global.session().editTalent(talent, TalentChanges(banned: false))) { "Unbanned \($0)." } }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove talent from use (history is kept).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Talent id (tl-...) or name.") var talent: String
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().deleteResource(talent, expectedVersion: ifVersion)) { "Deleted \($0)." } }
    }
}

/// `slate room ...`.
struct RoomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "room", abstract: "Rooms of your studios.", subcommands: [List.self, Add.self, Edit.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List rooms.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().rooms()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a room.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The room's name.") var name: String
        @Option(help: "Studio the room belongs to (default: your only studio).") var studio: String?
        @Option(help: "How many people it holds.") var capacity = 0
        @Option(help: "Equipment notes.") var notes = ""
        func run() throws { global.emit(try global.session().addRoom(studio: studio, name: name, capacity: capacity, equipmentNotes: notes)) { "Added room \(name) (\($0))." } }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change its fields.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room id (rm-...) or name.") var room: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "How many people it holds.") var capacity: String?
        @Option(help: "Notes kept with the room.") var notes: String?
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws {
            let fields = ["name": name, "capacity": capacity, "notes": notes].compactMapValues { $0 }
            global.emit(try global.session().editResource(room, RecordChanges(fields), expectedVersion: ifVersion)) { "Updated \($0)." }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a room from use.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room id (rm-...) or name.") var room: String
        func run() throws { global.emit(try global.session().deleteResource(room)) { "Deleted \($0)." } }
    }
}

/// `slate equipment ...`.
struct EquipmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "equipment", abstract: "Bookable kit.", subcommands: [List.self, Add.self, Edit.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List equipment.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().equipment()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add equipment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The equipment's name.") var name: String
        @Option(help: "Studio it belongs to (default: your only studio).") var studio: String?
        @Option(help: "Kind of equipment, e.g. camera or lighting.") var category = ""
        @Option(help: "Serial number.") var serial = ""
        func run() throws { global.emit(try global.session().addEquipment(studio: studio, name: name, category: category, serial: serial)) { "Added \(name) (\($0))." } }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change its fields.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Equipment id (eq-...) or name.") var equipment: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "Kind of equipment, e.g. camera or lighting.") var category: String?
        @Option(help: "Serial number.") var serial: String?
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws {
            let fields = ["name": name, "category": category, "serial": serial].compactMapValues { $0 }
            global.emit(try global.session().editResource(equipment, RecordChanges(fields), expectedVersion: ifVersion)) { "Updated \($0)." }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove equipment from use.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Equipment id (eq-...) or name.") var equipment: String
        func run() throws { global.emit(try global.session().deleteResource(equipment)) { "Deleted \($0)." } }
    }
}

/// `slate client ...`.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "client", abstract: "Client companies.", subcommands: [List.self, Add.self, Edit.self, Delete.self], defaultSubcommand: List.self)

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a client's fields.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Client id (cl-...) or name.") var client: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "Contact person or phone.") var contact: String?
        @Option(help: "Email address.") var email: String?
        @Option(help: "gold, standard, ...") var tier: String?
        @Option(help: "What they prefer, for whoever plans their shows.") var preferences: String?
        @Option(help: "Notes kept with the client.") var notes: String?
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws {
            let fields = ["name": name, "contact": contact, "email": email, "tier": tier, "preferences": preferences, "notes": notes].compactMapValues { $0 }
            global.emit(try global.session().editClient(client, RecordChanges(fields), expectedVersion: ifVersion)) { "Updated \($0)." }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a client (refused while it has shows or schedules not over).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Client id (cl-...) or name.") var client: String
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().deleteClient(client, expectedVersion: ifVersion)) { "Deleted \($0)." } }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List clients.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().clients()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a client of a studio (its staff see the client's details and materials).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The client's name.") var name: String
        @Option(help: "Studio the client works with (default: your only studio).") var studio: String?
        @Option(help: "Contact person or phone.") var contact = ""
        @Option(help: "Email address.") var email = ""
        @Option(help: "Tier, e.g. key account.") var tier = ""
        @Option(help: "Notes kept with the client.") var notes = ""
        func run() throws {
            global.emit(try global.session().addClient(studio: studio, name: name, contact: contact, email: email, tier: tier, notes: notes)) { "Added client \(name) (\($0))." }
        }
    }
}

/// `slate platform ...`.
struct PlatformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "platform", abstract: "Streaming platforms.", subcommands: [List.self, Add.self, Edit.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List platforms.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().platforms()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a platform.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The platform's name.") var name: String
        @Option(help: "Where its streams are watched.") var url = ""
        func run() throws { global.emit(try global.session().addPlatform(name: name, url: url)) { "Added platform \(name) (\($0))." } }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change its fields.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Platform id (pf-...) or name.") var platform: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new address.") var url: String?
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws {
            let fields = ["name": name, "url": url].compactMapValues { $0 }
            global.emit(try global.session().editPlatform(platform, RecordChanges(fields), expectedVersion: ifVersion)) { "Updated \($0)." }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a platform (refused while shows not over stream on it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Platform id (pf-...) or name.") var platform: String
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().deletePlatform(platform, expectedVersion: ifVersion)) { "Deleted \($0)." } }
    }
}

/// `slate material ...`.
struct MaterialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "material", abstract: "Client briefs, mechanics, scripts and scenes.", subcommands: [List.self, Add.self, Revise.self, History.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List materials.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's materials: id or name.") var client: String?
        func run() throws { global.emit(try global.session().materials(client: client)) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add material for a client.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The material's title.") var title: String
        @Option(help: "The client it belongs to: id or name.") var client: String
        @Option(help: "brief, mechanic, script, scene or other.") var kind: MaterialKind = .brief
        @Option(help: "Its text.") var body = ""
        @Option(help: "The platform it is for, if one.") var platform: String?
        func run() throws { global.emit(try global.session().addMaterial(client: client, kind: kind, title: title, body: body, platform: platform)) { "Added \(title) (\($0))." } }
    }

    struct Revise: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revise", abstract: "A new revision of a material; the old text is kept.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The material: id (mt-...) or title.") var material: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "The new text.") var body: String?
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().reviseMaterial(material, title: title, body: body, expectedVersion: ifVersion)) { "Now at revision \($0)." } }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a material (refused while shows not over use it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The material: id (mt-...) or title.") var material: String
        @Option(help: "Refuse if the record is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().deleteMaterial(material, expectedVersion: ifVersion)) { "Deleted \($0)." } }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: "Every revision of a material, the current one first.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The material: id (mt-...) or title.") var material: String
        func run() throws { global.emit(try global.session().materialRevisions(material)) }
    }
}

/// `slate time-off ...`.
struct TimeOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "time-off", abstract: "When resources are unavailable.", subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List time off.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this talent, room or equipment: id or name.") var resource: String?
        func run() throws { global.emit(try global.session().timeOff(resource: resource)) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Listing time off; --hard makes it reject bookings.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Talent, room or equipment id or name.") var resource: String
        @OptionGroup var period: PeriodOptions
        @Flag(help: "Reject bookings instead of warning.") var hard = false
        @Option(help: "Why (shown to whoever books over it).") var reason = ""
        func run() throws {
            global.emit(try global.session().addTimeOff(resource: resource, start: .local(period.from), end: .local(period.to), hard: hard, reason: reason)) { "Recorded time off (\($0))." }
        }
    }
}
