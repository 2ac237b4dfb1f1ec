import ArgumentParser
import SlateCore
import SlateStore

extension CommunicationKind: ExpressibleByArgument {}

/// `slate comms ...`: the communications log.
struct CommsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comms", abstract: "The communications log: calls, notes, emails and messages about clients, talent and shows.",
                                                    subcommands: [List.self, Add.self, Search.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Communications about a client, talent or show (or all), newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Client, talent or show id or name.") var about: String?
        @Option(help: "At most this many.") var limit = 100
        func run() throws { global.emit(try global.session().communications(about: about, limit: limit), columns: global.json ? nil : ["uid", "at", "kind", "author", "about", "subject"]) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Log a call, note, email or message.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Client, talent or show id or name.") var about: String
        @Option(help: "call, note, email or message.") var kind: CommunicationKind = .note
        @Option(help: "A subject line.") var subject = ""
        @Option(help: "What was said.") var body = ""
        @Option(help: "When it happened (local time; default now).") var at: String?
        func run() throws {
            global.emit(try global.session().logCommunication(about: about, kind: kind, subject: subject, body: body, at: at.map(When.local))) { "Logged \($0)." }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "search", abstract: "Full-text search of subjects and bodies: every word must appear; word* for a prefix; accents and case ignored.")
        @OptionGroup var global: GlobalOptions
        @Argument(parsing: .remaining, help: "Words.") var words: [String]
        @Option(help: "At most this many.") var limit = 50
        func run() throws {
            global.emit(try global.session().searchCommunications(words.joined(separator: " "), limit: limit), columns: global.json ? nil : ["uid", "at", "kind", "about", "about_uid", "subject"])
        }
    }
}

/// `slate comment ...`: threaded comments on any record.
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Threaded comments on shows, bookings, schedules, phases, tasks, clients, talent and more.",
                                                    subcommands: [List.self, Add.self, Edit.self, Delete.self, Mentions.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The comments on a record, replies under their parent.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's id (sh-…, bk-…, tl-…, cl-…).") var record: String
        func run() throws {
            let comments = try global.session().comments(on: record)
            if global.json { return global.emit(comments) }
            global.out(comments.isEmpty ? "no comments" : comments.map { String(repeating: "  ", count: $0.depth) + "\($0.uid) \($0.author) \($0.at.shown)\($0.edited ? " (edited)" : ""): \($0.body)" }
                .joined(separator: "\n"))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Comment on a record (@login mentions someone); --reply answers a comment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's id, or a comment's id with --reply.") var record: String
        @Argument(help: "The comment's text (@login mentions a member).") var body: String
        @Flag(help: "The first argument is a comment to reply to.") var reply = false
        func run() throws {
            global.emit(try global.session().addComment(on: record, body: body, replyTo: reply ? record : nil)) { "Added \($0)." }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change your own comment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The comment (cm-...).") var comment: String
        @Argument(help: "The new text.") var body: String
        @Option(help: "Refuse if the comment is no longer at this version.") var ifVersion: Int?
        func run() throws { global.emit(try global.session().editComment(comment, body: body, expectedVersion: ifVersion)) { "Updated \($0)." } }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove your own comment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The comment (cm-...).") var comment: String
        func run() throws { global.emit(try global.session().deleteComment(comment)) { "Deleted \($0)." } }
    }

    struct Mentions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "mentions", abstract: "Comments that mention you, newest first.")
        @OptionGroup var global: GlobalOptions
        func run() throws { global.emit(try global.session().mentions(), columns: global.json ? nil : ["uid", "at", "author", "record", "body"]) }
    }
}

/// `slate tag ...`.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Tags on any record, for the record's studio or the whole workspace.",
                                                    subcommands: [List.self, Add.self, Remove.self, Find.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Tags in use (or those of one record), with how many records carry each.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only the tags of this record.") var on: String?
        func run() throws { global.emit(try global.session().tags(on: on)) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Tag a record: slate tag add sh-… vip,outdoor.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A record's id (sh-..., bk-..., tl-...).") var record: String
        @Argument(help: "Tags, comma-separated.") var tags: String
        @Flag(name: .customLong("global"), help: "A workspace-wide tag rather than the record's studio's (managers).") var workspaceWide = false
        func run() throws { global.emit(try global.session().tag(record, [tags], global: workspaceWide)) { "Tagged: \($0.joined(separator: ", "))." } }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take tags off a record.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A record's id (sh-..., bk-..., tl-...).") var record: String
        @Argument(help: "Tags, comma-separated.") var tags: String
        func run() throws { global.emit(try global.session().untag(record, [tags])) { "Removed: \($0.joined(separator: ", "))." } }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "find", abstract: "The records carrying a tag.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The tag's name.") var tag: String
        func run() throws { global.emit(try global.session().tagged(tag)) }
    }
}

/// `slate search TEXT`: names, communications and comments at once.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search names (talent, clients, rooms, equipment, platforms, shows), communications and comments.")
    @OptionGroup var global: GlobalOptions
    @Argument(parsing: .remaining, help: "Words to find in names, notes and messages (accents and case ignored).") var words: [String]
    func run() throws { global.emit(try global.session().search(words.joined(separator: " ")), empty: "nothing found") }
}

/// `slate job ...`: open roles of projects.
struct JobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job", abstract: "Job listings: an open role on a project, matched to talent and filled by booking them.",
                                                    subcommands: [List.self, Add.self, Match.self, Fill.self, Close.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Job listings, open ones first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only open ones.") var open = false
        func run() throws { global.emit(try global.session().jobs(openOnly: open)) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Open a role: slate job add \"Host for launch\" --project P --skills hosting,french --from … --to … --rate 600.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The role's title.") var title: String
        @Option(help: "The project it is for: id (pj-...) or name.") var project: String
        @Option(help: "Skills wanted, comma-separated: hosting,french.") var skills: String
        @OptionGroup var period: PeriodOptions
        @Option(help: "The rate offered.") var rate = "0"
        func run() throws {
            global.emit(try global.session().addJob(project: project, title: title, skills: [skills], from: .local(period.from), to: .local(period.to),
                                                    rateMinor: try Money.minorUnits(rate))) { "Opened \($0)." }
        }
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "match", abstract: "Talent for a listing: its skills over its dates, best first.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job listing (jb-...).") var job: String
        func run() throws {
            global.emit(try global.session().matchJob(job), columns: global.json ? nil : ["rank", "uid", "name", "skills", "missing", "availability", "rating", "rate", "studio"])
        }
    }

    struct Fill: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "fill", abstract: "Fill a listing: books the talent over its dates (clash-checked), in one command.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job listing (jb-...).") var job: String
        @Option(help: "The talent who takes it: id or name.") var talent: String
        @Flag(help: "Pencil them (a hold) instead of confirming.") var hold = false
        func run() throws { global.emit(try global.session().fillJob(job, talent: talent, hold: hold)) { "Filled: \($0.uid) \($0.resourceName) \($0.when(labelled: false))." } }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a listing without filling it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job listing (jb-...).") var job: String
        func run() throws { global.emit(try global.session().closeJob(job)) { "Closed \($0)." } }
    }
}
