import ArgumentParser
import SlateCore
import SlateStore

/// `slate schedule ...`.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schedule", abstract: "Schedules of draft shows: propose, confirm in one step.",
                                                    subcommands: [List.self, Add.self, Shows.self, Board.self, Clashes.self, Propose.self, SendBack.self, Confirm.self, Archive.self, Cancel.self],
                                                    defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List schedules.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().schedules()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a draft schedule.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule's name.") var name: String
        @Option(help: "The client it is for: id (cl-...) or name.") var client: String
        @Option(help: "Studio that runs it (default: your only studio).") var studio: String?
        func run() throws { global.emit(try global.session().addSchedule(studio: studio, client: client, name: name)) { "Added schedule \(name) (\($0))." } }
    }

    struct Shows: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "shows", abstract: "List a schedule's shows.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule (sc-...).") var schedule: String
        func run() throws { global.emit(try global.session().shows(schedule: schedule), columns: global.json ? nil : ["uid", "title", "status", "start_at", "end_at", "room", "talent"]) }
    }

    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "board", abstract: "A schedule's shows by day, each with what it would clash with (the draft board as text).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule (sc-...).") var schedule: String
        func run() throws {
            let board = try global.session().board(schedule: schedule)
            if global.json { return global.out(JSONOutput.encode(board)) }
            let summary = board.schedule
            global.out("\(summary.name) (\(summary.uid)) · \(summary.client) · \(summary.studio) · \(summary.status.rawValue) · \(Plural.count(summary.shows, "show"))")
            var day = ""
            for show in board.shows {
                if show.start.day != day {
                    day = show.start.day
                    global.out(day)
                }
                let parts = ["  \(show.start.clock)–\(show.end.clock)", show.title, show.room ?? "no room",
                             show.talent.joined(separator: ", "), show.platforms.joined(separator: ", "), "\(show.type.rawValue)/\(show.standard.rawValue)",
                             show.status.rawValue, show.uid, show.series.map { "series \($0)" } ?? ""]
                global.out(TextInput.printable(parts.filter { !$0.isEmpty }.joined(separator: " · "), limit: 400) + (show.clashes.isEmpty ? "" : " · CLASH"))
                for clash in show.clashes { global.out("      ! " + TextInput.printable(clash, limit: 400)) }
            }
        }
    }

    struct Clashes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clashes", abstract: "What the schedule's drafts would clash with (soft markers).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule (sc-...).") var schedule: String
        func run() throws { CheckCommand.print(try global.session().draftClashes(schedule: schedule), global) }
    }

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "propose", abstract: "Propose a draft schedule to the client.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule (sc-...).") var schedule: String
        func run() throws { global.emit(try global.session().setScheduleStatus(schedule, to: .proposed)) { "Proposed \($0)." } }
    }

    struct SendBack: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send-back", abstract: "Send a proposed schedule back to draft (changes requested).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule (sc-...).") var schedule: String
        func run() throws { global.emit(try global.session().setScheduleStatus(schedule, to: .draft)) { "\($0) is a draft again." } }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm a proposed schedule: all its draft shows are booked in one step, or none.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule (sc-...).") var schedule: String
        @Flag(help: "Show what it would do (shows, bookings, tasks, holds) or every clash that would refuse it, without writing.") var plan = false
        @Option(help: "Force over holds ranked above, releasing them (the reason is audited).") var force: String?
        func run() throws {
            guard plan else {
                return global.emit(try global.session().setScheduleStatus(schedule, to: .confirmed, forceReason: force)) { "Confirmed \($0)." }
            }
            let confirmation = try global.session().confirmationPlan(schedule: schedule, forceReason: force)
            if global.json { global.out(JSONOutput.encode(confirmation)) } else { confirmation.lines.forEach { global.out(TextInput.printable($0, limit: 400)) } }
            if confirmation.refused { throw ExitCode(ExitStatus.refused.rawValue) }
        }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "archive", abstract: "Archive a confirmed schedule.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule (sc-...).") var schedule: String
        func run() throws { global.emit(try global.session().setScheduleStatus(schedule, to: .archived)) { "Archived \($0)." } }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a draft or proposed schedule and its draft shows.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule (sc-...).") var schedule: String
        func run() throws { global.emit(try global.session().setScheduleStatus(schedule, to: .cancelled)) { "Cancelled \($0)." } }
    }
}

/// `slate show ...`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Shows: drafts, confirmation, live, completion.",
                                                    subcommands: [List.self, Card.self, Add.self, Edit.self, Copy.self, Delete.self, Shift.self, AddTalent.self, RemoveTalent.self, Suggest.self, AddPlatform.self,
                                                                  RemovePlatform.self, Move.self, Confirm.self, Live.self, Complete.self, Cancel.self],
                                                    defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List shows.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only the shows of this schedule (sc-...).") var schedule: String?
        func run() throws { global.emit(try global.session().shows(schedule: schedule), columns: global.json ? nil : ["uid", "title", "status", "start_at", "end_at", "client", "room", "talent"]) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a draft show (reserves nothing until confirmed).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show's title.") var title: String
        @Option(help: "The client it is for: id (cl-...) or name.") var client: String
        @Option(help: "The schedule it belongs to (sc-...), if any.") var schedule: String?
        @Option(help: "The studio that runs it, when you belong to several.") var studio: String?
        @Option(help: "Its room: id (rm-...) or name.") var room: String?
        @OptionGroup var period: PeriodOptions
        @Option(help: "bau, campaign or other.") var type: ShowType = .bau
        @Option(help: "standard or premium.") var standard: ShowStandard = .standard
        @Option(help: "Talent id or name (repeatable).") var talent: [String] = []
        @Option(help: "Platform id or name (repeatable).") var platform: [String] = []
        @Option(help: "Equipment id or name (repeatable; booked when the show is confirmed).") var equipment: [String] = []
        @Option(help: "The client's materials by id or title (repeatable).") var material: [String] = []
        @Option(help: "Notes for the crew.") var notes = ""
        @Option(help: "Repeat (as for book): \"weekly;byday=TU;count=8\" makes a draft for every day of the series.") var `repeat`: String?
        @Option(help: "A day the series skips (repeatable).") var except: [String] = []
        func run() throws {
            let input = ShowInput(client: client, schedule: schedule, studio: studio, room: room, title: title, start: .local(period.from), end: .local(period.to),
                                  type: type, standard: standard, talent: talent, platforms: platform, equipment: equipment, materials: material, notes: notes)
            if let text = `repeat` {
                return global.emit(try global.session().addShowSeries(input, rule: try RecurrenceRule.parse(text), except: except)) {
                    "Series \($0.series): \(Plural.count($0.occurrences.count, "draft show")) (\($0.occurrences.joined(separator: ", ")))."
                }
            }
            guard except.isEmpty else { throw SlateError.invalidInput("--except goes with --repeat") }
            global.emit(try global.session().addShow(input)) { "Added draft show \(title) (\($0))." }
        }
    }

    struct Card: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "card", abstract: "Everything about a show: client, times, room, talent, equipment, platforms, materials, bookings, tasks, comments, history.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        func run() throws {
            let card = try global.session().showCard(show)
            if global.json { return global.out(JSONOutput.encode(card)) }
            card.lines.forEach { global.out(TextInput.printable($0, limit: 400)) }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a show as one command: fields, times, room, cast, equipment, platforms, materials (each booking clash-checked).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "New start, local time in the studio's zone (give --to too).") var from: String?
        @Option(help: "New end (exclusive).") var to: String?
        @Option(help: "Room id or name.") var room: String?
        @Flag(help: "Take the show out of its room.") var noRoom = false
        @Option(help: "The whole cast: talent id or name (repeatable; replaces the cast).") var talent: [String] = []
        @Flag(help: "Remove the whole cast.") var noTalent = false
        @Option(help: "The platforms (repeatable; replaces them).") var platform: [String] = []
        @Option(help: "The equipment (repeatable; replaces it).") var equipment: [String] = []
        @Flag(help: "Take all equipment off the show.") var noEquipment = false
        @Option(help: "The client's materials by id or title (repeatable; replaces them).") var material: [String] = []
        @Option(help: "bau, campaign or other.") var type: ShowType?
        @Option(help: "standard or premium.") var standard: ShowStandard?
        @Option(help: "New notes for the crew.") var notes: String?
        @Option(help: "Refuse if the show is no longer at this version.") var ifVersion: Int?
        @Option(help: "Move over holds, releasing them (manager; give the reason).") var force: String?
        @Flag(help: "Show what would change without writing.") var plan = false
        func run() throws {
            let edit = ShowEdit(title: title, start: from.map { .local($0) }, end: to.map { .local($0) }, room: noRoom ? "" : room,
                                talent: noTalent ? [] : (talent.isEmpty ? nil : talent), platforms: platform.isEmpty ? nil : platform,
                                equipment: noEquipment ? [] : (equipment.isEmpty ? nil : equipment),
                                materials: material.isEmpty ? nil : material, type: type, standard: standard, notes: notes)
            global.emit(try global.session().editShow(show, edit, expectedVersion: ifVersion, forceReason: force, plan: plan)) { "Changed show \($0)." }
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "copy", abstract: "Copy a show to another day as a new draft (same time, room, cast, platforms, materials).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Option(help: "The day, 2026-12-10.") var to: String
        func run() throws { global.emit(try global.session().copyShow(show, toDay: to)) { "Added draft \($0)." } }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a draft show (confirmed shows are cancelled instead).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Option(help: "Refuse if the show is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().deleteShow(show, expectedVersion: ifVersion)) { "Deleted draft \($0)." } }
    }

    struct Shift: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "shift", abstract: "Move several shows by days and minutes, same wall-clock time, as one command (any clash refuses all).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Shows to move (sh-..., repeatable).") var shows: [String]
        @Option(help: "Days later (negative: earlier).") var days = 0
        @Option(help: "Minutes later (negative: earlier).") var minutes = 0
        @Flag(help: "Show what would change without writing.") var plan = false
        func run() throws {
            global.emit(try global.session().shiftShows(shows, days: days, minutes: minutes, plan: plan)) { $0.joined(separator: "\n") }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move or resize a show with all its bookings (one command, each booking clash-checked).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @OptionGroup var period: PeriodOptions
        @Option(help: "Refuse if the show is no longer at this version.") var ifVersion: Int?
        @Option(help: "Move over holds, releasing them (manager; give the reason).") var force: String?
        @Flag(help: "Show what would change without writing.") var plan = false
        func run() throws {
            global.emit(try global.session().moveShow(show, start: .local(period.from), end: .local(period.to), expectedVersion: ifVersion,
                                                      forceReason: force, plan: plan)) { "Moved show \($0)." }
        }
    }

    struct AddTalent: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-talent", abstract: "Cast talent on a show.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Argument(help: "Talent id (tl-...) or name.") var talent: String
        func run() throws { global.emit(try global.session().addShowTalent(show: show, talent: talent)) { "Cast (\($0))." } }
    }

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "suggest", abstract: "Free times for a show, nearest first: its room and all its talent free, inside opening hours.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Option(help: "How many free times to list.") var limit = 10
        func run() throws { global.emit(try global.session().suggestSlots(show: show, limit: limit), empty: "no free time within a week either side") }
    }

    struct RemoveTalent: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-talent", abstract: "Take talent off a show (their booking and open review tasks are cancelled).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Argument(help: "Talent id (tl-...) or name.") var talent: String
        func run() throws { global.emit(try global.session().removeShowTalent(show: show, talent: talent)) { "Taken off (\($0))." } }
    }

    struct AddPlatform: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-platform", abstract: "Stream a show on a platform (a confirmed show gets its review tasks).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Argument(help: "Platform id (pf-...) or name.") var platform: String
        func run() throws { global.emit(try global.session().addShowPlatform(show: show, platform: platform)) { "Added (\($0))." } }
    }

    struct RemovePlatform: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-platform", abstract: "Take a platform off a show (its open review tasks are cancelled).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Argument(help: "Platform id (pf-...) or name.") var platform: String
        func run() throws { global.emit(try global.session().removeShowPlatform(show: show, platform: platform)) { "Removed (\($0))." } }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm a draft show: book its room and talent, generate its tasks.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        @Flag(help: "Show what would change without writing.") var plan = false
        @Option(help: "Force over holds ranked above (reason audited).") var force: String?
        func run() throws { global.emit(try global.session().confirmShow(show, forceReason: force, plan: plan)) { "Confirmed \($0)." } }
    }

    struct Live: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "live", abstract: "Mark a confirmed show live (needs required pre-production tasks done).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        func run() throws { global.emit(try global.session().setShowStatus(show, to: .live)) { "\($0) is live." } }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "complete", abstract: "Complete a live show (needs required production tasks done).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        func run() throws { global.emit(try global.session().setShowStatus(show, to: .completed)) { "\($0) is completed." } }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a show and release its bookings.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The show (sh-...).") var show: String
        func run() throws { global.emit(try global.session().setShowStatus(show, to: .cancelled)) { "Cancelled \($0)." } }
    }
}
