import ArgumentParser
import Foundation
import Testing
@testable import SlateCLI

@Suite("The command line")
struct CommandLineTests {
    @Test func helpListsEverySubcommandAndExitsZero() throws {
        let h = try CLIHarness()
        let result = h.run("--help", db: false)
        #expect(result.code == 0)
        for name in ["init", "demo", "talent", "room", "equipment", "client", "platform", "material", "project", "phase", "milestone",
                     "dependency", "schedule", "show", "book", "hold", "confirm", "release", "challenge", "cancel", "time-off", "task",
                     "template", "check", "log", "undo", "redo", "member", "whoami"] {
            #expect(result.out.contains(name), "help is missing \(name)")
        }
        let book = h.run("book", "--help", db: false)
        #expect(book.code == 0)
        #expect(book.out.contains("--or-hold"))
        #expect(book.out.contains("--db <db>"))
        #expect(book.out.contains("--json"))
        #expect(book.out.contains("--from <from>"))
    }

    /// Every argument and option of every command says what it is for in --help.
    @Test func everyArgumentAndOptionIsExplained() throws {
        let h = try CLIHarness()
        var unexplained: [String] = []
        func walk(_ type: any ParsableCommand.Type, _ path: [String]) {
            guard type.configuration.subcommands.isEmpty else {
                for sub in type.configuration.subcommands { walk(sub, path + [sub._commandName]) }
                return
            }
            let help = h.run(path + ["--help"], db: false).out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let entries = help.drop { !$0.hasPrefix("ARGUMENTS:") && !$0.hasPrefix("OPTIONS:") }
            // What ArgumentParser adds by itself explains nothing
            func own(_ text: String) -> String { text.replacing(/\((default|values): [^)]*\)?/, with: "").trimmingCharacters(in: .whitespaces) }
            for (line, next) in zip(entries, entries.dropFirst() + [""]) where line.hasPrefix("  -") || line.hasPrefix("  <") {
                // The names and the value's placeholder, then the words that explain it
                let words = own(line).split(separator: " ").drop { $0.hasPrefix("-") || $0.hasPrefix("<") || $0 == "..." }
                let explained = !words.isEmpty || (next.hasPrefix("      ") && !own(next).isEmpty && !own(next).hasPrefix("-"))
                if !explained { unexplained.append((path + [line.trimmingCharacters(in: .whitespaces)]).joined(separator: " ")) }
            }
        }
        walk(SlateCommand.self, [])
        #expect(unexplained.isEmpty, "\(unexplained)")
    }

    @Test func theWorkspaceAndOutputOptionsMayComeBeforeTheCommand() throws {
        let h = try CLIHarness.ready()
        let after = h.run(["booking", "list", "--json", "--db", h.path], db: false)
        let before = h.run(["--db", h.path, "--json", "booking", "list"], db: false)
        #expect(after.code == 0 && before.code == 0 && before.out == after.out, "\(before.err)")
        let booked = h.run(["--db=" + h.path, "book", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00"], db: false)
        #expect(booked.code == 0 && booked.out.contains("confirmed"), "\(booked.err)")
        #expect(h.run(["--db", h.path, "studio"], db: false).out.contains("North"))
        #expect(h.run(["--db", h.path, "room", "add", "--help"], db: false).out.contains("USAGE: slate room add"))
        #expect(SlateCLI.optionsAfterCommand(["--db", "w.slate"]) == ["--db", "w.slate"])
        #expect(SlateCLI.optionsAfterCommand(["--db", "w.slate", "show", "add", "--", "-1 title"]) == ["show", "add", "--db", "w.slate", "--", "-1 title"])
        #expect(SlateCLI.optionsAfterCommand(["--db", "w.slate", "nonsense"]) == ["--db", "w.slate", "nonsense"])
    }

    @Test func aWordThatIsNoCommandOfItsGroupIsNamedWithTheGroupsCommands() throws {
        let h = try CLIHarness.ready()
        let result = h.run("task", "complete", "tk-x", "--value", "ok")
        #expect(result.code == 2)
        #expect(result.err.hasPrefix("Error: 'complete' is not a command of 'slate task'; its commands: list, done, undone"), "\(result.err)")
        #expect(h.run(["--db", h.path, "booking", "lst"], db: false).err.contains("'lst' is not a command of 'slate booking'"))
        // Mistakes inside a known command keep the parser's own message
        #expect(h.run("booking", "list", "--bogus").err.contains("Unknown option '--bogus'"))
        #expect(h.run("milestone", "Launch").err.contains("is not a command") == false)
    }

    /// A command without its own name is named from its type by reflection each time the
    /// tree is built, which was a third of every `slate` process's start (DESIGN §7). Every
    /// command names itself, as its type would (`time-off` for TimeOffCommand's "time-off").
    @Test func everyCommandNamesItselfSoAProcessStartsWithoutReflection() {
        var unnamed: [String] = []
        var names: Set<String> = []
        func walk(_ type: any ParsableCommand.Type, _ path: String) {
            let name = type.configuration.commandName
            if name == nil { unnamed.append("\(path) \(type)") }
            names.insert("\(path) \(name ?? "?")")
            for sub in type.configuration.subcommands { walk(sub, "\(path) \(name ?? "?")") }
        }
        walk(SlateCommand.self, "")
        #expect(unnamed.isEmpty, "\(unnamed)")
        #expect(names.count > 150)
        for path in ["slate task list", "slate task done", "slate booking list", "slate schedule confirm", "slate show suggest", "slate time-off add"] {
            #expect(names.contains(" " + path), "\(path)")
        }
    }

    @Test func aBookingSessionFromInitToUndo() throws {
        let h = try CLIHarness.ready()
        let booked = h.run("book", "Stage A", "--from", "2026-12-03T14:00", "--to", "2026-12-03T16:00")
        #expect(booked.code == 0)
        #expect(booked.out.contains("Stage A jeu. 3 déc. 14:00–16:00 — confirmed"))
        let clash = h.run("book", "Stage A", "--from", "2026-12-03T15:00", "--to", "2026-12-03T17:00")
        #expect(clash.code == 1)
        #expect(clash.err.contains("Stage A is already booked jeu. 3 déc. 14:00–16:00 by alice"))
        #expect(clash.err.contains("--or-hold"))
        let waiting = h.run("book", "Stage A", "--from", "2026-12-03T15:00", "--to", "2026-12-03T17:00", "--or-hold")
        #expect(waiting.code == 0)
        #expect(waiting.out.contains("1st hold"))
        let list = h.run("booking", "list")
        #expect(list.out.split(separator: "\n").count == 3)
        #expect(h.run("undo").code == 0)
        #expect(try h.count("SELECT count(*) FROM bookings WHERE deleted_at IS NULL") == 1)
        #expect(h.run("redo").code == 0)
        #expect(try h.count("SELECT count(*) FROM bookings WHERE deleted_at IS NULL") == 2)
    }

    @Test func jsonOutputIsMachineReadable() throws {
        let h = try CLIHarness.ready()
        let result = h.run("hold", "Stage B", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00", "--json")
        #expect(result.code == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let booking = object?["result"] as? [String: Any]
        #expect(booking?["status"] as? String == "hold")
        #expect(booking?["rank"] as? Int == 1)
        #expect((booking?["start"] as? [String: Any])?["local"] as? String == "2026-12-03T10:00:00+01:00")
        #expect((booking?["start"] as? [String: Any])?["epoch"] as? Int == 1_796_288_400)
        #expect((booking?["resource_uid"] as? String)?.hasPrefix("rm-") == true)
        let list = h.run("talent", "list", "--json")
        let rows = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]]
        #expect(rows?.first?["name"] as? String == "Ava Martin")
        #expect((rows?.first?["rate_minor"] as? [String: Any])?["minor"] as? Int == 45_000)
        #expect((rows?.first?["rate_minor"] as? [String: Any])?["currency"] as? String == "EUR")
        #expect(rows?.first?["banned"] as? Bool == false)
        let refused = h.run("book", "Stage B", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00", "--json")
        #expect(refused.code == 1)
        let error = try JSONSerialization.jsonObject(with: Data(refused.out.utf8)) as? [String: Any]
        #expect(error?["error"] as? String == "refused")
        #expect((error?["violations"] as? [[String: Any]])?.first?["kind"] as? String == "hold_above")
    }

    @Test(arguments: [
        ["book", "Stage A", "--from", "2026-12-32T10:00", "--to", "2026-12-03T11:00"],
        ["book", "Stage A", "--from", "3 Dec 10am", "--to", "2026-12-03T11:00"],
        ["book", "Stage A", "--from", "2026-12-03T12:00", "--to", "2026-12-03T11:00"],
        ["book", "rm-nothere", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00"],
        ["confirm", "bk-nothere"],
        ["room", "add", String(repeating: "x", count: 201)],
        ["room", "add", "Stage\u{1B}[2JC"],
        ["talent", "add", "Bell\u{7}"],
        ["talent", "add", "Ava", "--rate", "-3"],
        ["studio", "add", "South", "--tz", "Mars/Olympus"],
        ["template", "item", "tt-none", "x", "--due", "soon"],
        ["book", "Stage A"],
        ["member", "add", "bob", "--role", "emperor", "--studio", "North"],
        ["no-such-command"],
    ])
    func badInputExitsTwoWithAMessageAndWritesNothing(_ arguments: [String]) throws {
        let h = try CLIHarness.ready()
        let before = try h.count("SELECT count(*) FROM audits")
        let result = h.run(arguments)
        #expect(result.code == 2, "\(arguments): \(result.err)")
        #expect(!result.err.isEmpty)
        #expect(!result.err.contains("\u{1B}"), "control characters must never reach the terminal")
        #expect(try h.count("SELECT count(*) FROM audits") == before)
    }

    @Test func initReportsInJSONToo() throws {
        let h = try CLIHarness()
        let result = h.run("init", "--studio", "North", "--tz", "Europe/Paris", "--json")
        #expect(result.code == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect(object?["admin"] as? String == "alice")
        #expect(object?["studio"] as? String == "North")
    }

    @Test func unknownTimeZoneOnInitIsBadInputAndCreatesNoFile() throws {
        let h = try CLIHarness()
        let result = h.run("init", "--studio", "North", "--tz", "Europe/Atlantis")
        #expect(result.code == 2)
        #expect(result.err.contains("unknown time zone"))
        #expect(!FileManager.default.fileExists(atPath: h.path))
    }

    @Test func aMissingWorkspaceIsAStorageFailureAndIsNotCreated() throws {
        let h = try CLIHarness()
        let result = h.run("booking", "list")
        #expect(result.code == 3)
        #expect(result.err.contains("no workspace at"))
        #expect(!FileManager.default.fileExists(atPath: h.path))
    }

    @Test func aCorruptWorkspaceIsAStorageFailureAndIsLeftUntouched() throws {
        let h = try CLIHarness()
        let bytes = Data("this is not a database, it is a shopping list\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: h.path))
        let result = h.run("booking", "list")
        #expect(result.code == 3)
        #expect(result.err.contains("not a Slate workspace"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: h.path)) == bytes)
        // A truncated real workspace too.
        let g = try CLIHarness.ready()
        let full = try Data(contentsOf: URL(fileURLWithPath: g.path))
        let damaged = full.prefix(100) + Data(repeating: 0xAB, count: 3000)
        try damaged.write(to: URL(fileURLWithPath: g.path))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: g.path + suffix) }
        let again = g.run("booking", "list")
        #expect(again.code == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: g.path)) == damaged)
    }

    @Test func accessIsRefusedWithExitOneForStrangersAndMembers() throws {
        let h = try CLIHarness.ready()
        let stranger = h.run("booking", "list", as: "mallory")
        #expect(stranger.code == 1)
        #expect(stranger.err.contains("not a member"))
        #expect(h.run("member", "add", "sam", "--studio", "North", "--role", "member").code == 0)
        let member = h.run("book", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00", as: "sam")
        #expect(member.code == 1)
        #expect(member.err.contains("needs the manager role"))
        #expect(h.run("room", "list", as: "sam").code == 0)
    }

    @Test func clientMembersListOnlyTheirClientsRecords() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("client", "add", "Globex").code == 0)
        for client in ["Acme", "Globex"] {
            #expect(h.run("schedule", "add", "\(client) plan", "--client", client).code == 0)
            #expect(h.run("material", "add", "\(client) brief", "--client", client).code == 0)
            #expect(h.run("project", "add", "\(client) project", "--client", client).code == 0)
            #expect(h.run("show", "add", "\(client) show", "--client", client, "--room", "Stage A", "--from", "2026-12-05T10:00", "--to", "2026-12-05T11:00").code == 0)
        }
        #expect(h.run("book", "Stage B", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00").code == 0)
        #expect(h.run("member", "add", "lea", "--client", "Acme", "--role", "manager").code == 0)
        for listing in [["schedule", "list"], ["material", "list"], ["project", "list"], ["show", "list"], ["client", "list"]] {
            let result = h.run(listing, as: "lea")
            #expect(result.code == 0)
            #expect(result.out.contains("Acme"), "\(listing) hides lea's own records")
            #expect(!result.out.contains("Globex"), "\(listing) shows another client's records")
        }
        for listing in [["booking", "list"], ["talent", "list"], ["room", "list"], ["equipment", "list"], ["task", "list"], ["time-off", "list"], ["template", "list"]] {
            let result = h.run(listing, as: "lea")
            #expect(result.code == 0)
            #expect(result.out.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("nothing") || result.out.contains("no bookings"), "\(listing): \(result.out)")
        }
    }

    @Test func scheduleConfirmPlanShowsRowsAndWritesNothing() throws {
        let h = try CLIHarness.ready()
        let schedule = h.run("schedule", "add", "December", "--client", "Acme", "--json")
        let uid = (try JSONSerialization.jsonObject(with: Data(schedule.out.utf8)) as? [String: Any])?["result"] as? String ?? ""
        for day in 3...4 {
            #expect(h.run("show", "add", "Live \(day)", "--client", "Acme", "--schedule", uid, "--room", "Stage A", "--talent", "Ava Martin",
                          "--from", "2026-12-0\(day)T10:00", "--to", "2026-12-0\(day)T12:00").code == 0)
        }
        #expect(h.run("schedule", "propose", uid).code == 0)
        let plan = h.run("schedule", "confirm", uid, "--plan")
        #expect(plan.code == 0)
        #expect(plan.out.contains("Confirming December books 2 shows at once, or none: 4 bookings, 0 tasks."))
        #expect(plan.out.contains("Stage A jeu. 3 déc. 10:00–12:00 for Live 3"))
        #expect(plan.out.contains("Ava Martin ven. 4 déc. 10:00–12:00 for Live 4"))
        #expect(try h.count("SELECT count(*) FROM bookings") == 0)
        #expect(h.run("schedule", "confirm", uid).code == 0)
        #expect(try h.count("SELECT count(*) FROM bookings WHERE status = 'confirmed'") == 4)
    }

    @Test func demoBuildsARealisticWorkspace() throws {
        let h = try CLIHarness()
        let result = h.run("demo", "--json")
        #expect(result.code == 0, "\(result.err)")
        #expect(try h.count("SELECT count(*) FROM studios") >= 2)
        #expect(try h.count("SELECT count(*) FROM rooms") >= 8)
        #expect(try h.count("SELECT count(*) FROM talent") >= 40)
        #expect(try h.count("SELECT count(*) FROM clients") >= 10)
        #expect(try h.count("SELECT count(*) FROM projects") >= 6)
        #expect(try h.count("SELECT count(*) FROM dependencies") >= 6)
        #expect(try h.count("SELECT count(*) FROM schedules") >= 3)
        #expect(try h.count("SELECT count(*) FROM shows WHERE status = 'draft'") >= 60)
        #expect(try h.count("SELECT count(*) FROM bookings WHERE status IN ('hold', 'confirmed')") >= 300)
        #expect(try h.count("SELECT count(*) FROM bookings WHERE status = 'hold' AND rank >= 2") >= 3)
        #expect(try h.count("SELECT count(*) FROM task_templates") >= 1)
        #expect(try h.count("SELECT count(*) FROM time_off") >= 1)
        #expect(try h.count("SELECT count(DISTINCT talent_id) FROM talent_skills WHERE deleted_at IS NULL") >= 40)
        // Running it again replaces the demo only when asked; it never replaces a real workspace.
        #expect(h.run("demo", "--fresh").code == 0)
        let real = try CLIHarness.ready()
        let refused = real.run("demo")
        #expect(refused.code == 3)
        #expect(refused.err.contains("real workspace"))
    }
}
