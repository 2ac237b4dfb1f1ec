import Foundation
import Testing
@testable import SlateCLI
import SlateStore

@Suite("slate project import|schedule|export, phase move --cascade")
struct ProjectCLITests {
    static let file = """
        {"name": "Album", "studio": "North", "start": "2026-12-07",
         "phases": [{"key": "write", "name": "Writing", "duration": "3d"},
                    {"key": "track", "name": "Tracking", "from": "2026-12-11", "to": "2026-12-12"},
                    {"key": "master", "name": "Master", "milestone": true}],
         "dependencies": [{"from": "write", "to": "track", "type": "FS", "lag": "1d"}, {"from": "track", "to": "master"}]}
        """

    func imported() throws -> (CLIHarness, [String: String]) {
        let h = try CLIHarness.ready()
        try Self.file.write(toFile: h.directory + "/album.json", atomically: true, encoding: .utf8)
        let result = h.run("project", "import", h.directory + "/album.json", "--json")
        #expect(result.code == 0, "\(result.err)")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let phases = (json?["result"] as? [String: Any])?["phases"] as? [String: String] ?? [:]
        return (h, phases)
    }

    @Test func importMapsEachKeyToItsNewIdAndAPlanWritesNothing() throws {
        let h = try CLIHarness.ready()
        try Self.file.write(toFile: h.directory + "/album.json", atomically: true, encoding: .utf8)
        let plan = h.run("project", "import", h.directory + "/album.json", "--plan")
        #expect(plan.code == 0)
        #expect(plan.out.contains("Plan (nothing written)"))
        #expect(try h.count("SELECT count(*) FROM phases") == 0)
        let (made, keys) = try imported()
        #expect(Set(keys.keys) == ["write", "track", "master"])
        #expect(try made.count("SELECT count(*) FROM phases") == 3)
        #expect(try made.count("SELECT count(*) FROM commands WHERE name = 'project import'") == 1)
    }

    @Test func aBadFileExitsTwoNamingTheFieldAndWritesNothing() throws {
        let h = try CLIHarness.ready()
        try #"{"name": "Album", "phases": [{"key": "a", "name": "A", "duration": "soon"}]}"#.write(toFile: h.directory + "/bad.json", atomically: true, encoding: .utf8)
        let result = h.run("project", "import", h.directory + "/bad.json")
        #expect(result.code == 2)
        #expect(result.err.contains("phases[0].duration"))
        #expect(h.run("project", "import", h.directory + "/missing.json").code == 2)
        #expect(try h.count("SELECT count(*) FROM projects") == 0)
    }

    @Test func scheduleListsDatesFloatAndTheCriticalChain() throws {
        let (h, keys) = try imported()
        let table = h.run("project", "schedule", "Album")
        #expect(table.code == 0)
        #expect(table.out.contains("Critical chain: Writing -> Tracking -> Master"))
        let json = try JSONSerialization.jsonObject(with: Data(h.run("project", "schedule", "Album", "--json").out.utf8)) as? [String: Any]
        let phases = try #require(json?["phases"] as? [[String: Any]])
        let writing = try #require(phases.first { $0["uid"] as? String == keys["write"] })
        #expect(writing["early_start"] as? String == "2026-12-07")
        #expect(writing["early_finish"] as? String == "2026-12-09")
        #expect(writing["total_float"] as? Int == 0)
        #expect(writing["critical"] as? Bool == true)
        #expect(json?["finish"] as? String == "2026-12-12")
    }

    @Test func exportWritesTheImportFormatBack() throws {
        let (h, _) = try imported()
        let exported = h.run("project", "export", "Album")
        #expect(exported.code == 0)
        try exported.out.replacingOccurrences(of: "\"Album\"", with: "\"Album 2\"").write(toFile: h.directory + "/again.json", atomically: true, encoding: .utf8)
        #expect(h.run("project", "import", h.directory + "/again.json").code == 0)
        let first = h.run("project", "schedule", "Album").out.split(separator: "\n").dropFirst().map { $0.split(separator: " ").dropFirst().joined(separator: " ") }
        let second = h.run("project", "schedule", "Album 2").out.split(separator: "\n").dropFirst().map { $0.split(separator: " ").dropFirst().joined(separator: " ") }
        #expect(first == second)
    }

    @Test func aCascadeIsShownAsAPlanThenAppliedAsOneUndoStep() throws {
        let (h, keys) = try imported()
        // Every day works in this studio. Writing grows by 2 days: Tracking (fixed) would start before Writing allows
        let warned = h.run("phase", "resize", keys["write"]!, "--duration", "5d", "--plan")
        #expect(warned.err.contains("'Tracking' starts 2026-12-11, before 'Writing' allows (FS, 2026-12-13)"))
        let plan = h.run("phase", "resize", keys["write"]!, "--duration", "5d", "--cascade", "--plan")
        #expect(plan.code == 0)
        #expect(plan.out.contains("Plan (nothing written)"))
        #expect(try h.value("SELECT date(start_at + 3600, 'unixepoch') FROM phases WHERE name = 'Tracking'") == "2026-12-11")
        let applied = h.run("phase", "resize", keys["write"]!, "--duration", "5d", "--cascade")
        #expect(applied.code == 0)
        #expect(applied.out.contains("\n  'Tracking' 11 déc. – 12 déc. -> 13 déc. – 14 déc.\n"))
        #expect(!applied.out.contains("\\u{a}"))
        #expect(h.run("undo").code == 0)
        #expect(h.run("project", "schedule", "Album").out.contains("Critical chain: Writing -> Tracking -> Master"))
        #expect(try h.value("SELECT date(start_at + 3600, 'unixepoch') FROM phases WHERE name = 'Tracking'") == "2026-12-11")
        // Negative shifts read as values, not options
        #expect(h.run("phase", "move", keys["track"]!, "--by", "-1d", "--plan").code == 0)
        // A loop is refused (exit 1) naming it
        let loop = h.run("dependency", "add", "Master", "Writing")
        #expect(loop.code == 1)
        #expect(loop.err.contains("'Writing' -> 'Tracking' -> 'Master' -> 'Writing'"))
    }
}

@Suite("The plan's JSON")
struct ScheduleJSONTests {
    /// Foundation's encoder, as every other `--json` output uses it.
    func generic<T: Encodable>(_ value: T) -> String { JSONOutput.encode(value) }

    @Test func theDirectWriterGivesWhatTheEncoderGives() throws {
        let h = try CLIHarness.ready()
        try #"{"name": "Ünïcode \"plan\" 王芳 🎬 a/b", "studio": "North", "client": "Acme", "start": "2026-12-07", "phases": [{"key": "a", "name": "Mix\\Master", "duration": 2}, {"key": "b", "name": "B", "milestone": true}], "dependencies": [{"from": "a", "to": "b", "type": "SS", "lag": "1d"}]}"#
            .write(toFile: h.directory + "/p.json", atomically: true, encoding: .utf8)
        #expect(h.run("project", "import", h.directory + "/p.json").code == 0)
        let session = Session(workspace: try Workspace.open(at: h.path), login: "alice", clock: .fixed(h.now))
        for project in try session.projects() {
            let schedule = try session.projectSchedule(project.uid)
            #expect(JSONOutput.encode(schedule) == generic(schedule))
            #expect(h.run("project", "schedule", project.uid, "--json").out.trimmingCharacters(in: .newlines) == generic(schedule))
        }
    }
}

@Suite("slate task and template commands")
struct TaskCLITests {
    @Test func aBadValueExitsTwoAndWritesNothingAndListingsFilter() throws {
        let h = try CLIHarness.ready()
        for line in [["template", "add", "Checklist"], ["template", "item", "Checklist", "Go-live check", "--type", "production", "--input", "percentage", "--required"],
                     ["template", "item", "Checklist", "Brief", "--type", "pre_production", "--due", "-1d"],
                     ["show", "add", "Launch", "--client", "Acme", "--room", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00"]] {
            #expect(h.run(line).code == 0, "\(line)")
        }
        let shows = try JSONSerialization.jsonObject(with: Data(h.run("show", "list", "--json").out.utf8)) as? [[String: Any]] ?? []
        let show = try #require(shows.first?["uid"] as? String)
        #expect(h.run("show", "confirm", show).code == 0)
        let tasks = try JSONSerialization.jsonObject(with: Data(h.run("task", "list", "--show", show, "--json").out.utf8)) as? [[String: Any]] ?? []
        let check = try #require(tasks.first { $0["title"] as? String == "Go-live check" }?["uid"] as? String)
        let before = try h.count("SELECT count(*) FROM audits")
        let bad = h.run("task", "value", check, "140")
        #expect(bad.code == 2)
        #expect(bad.err.contains("not a percentage"))
        #expect(try h.count("SELECT count(*) FROM audits") == before)
        #expect(h.run("task", "value", check, "87,5").code == 0)
        #expect(try h.value("SELECT value FROM tasks WHERE uid = '\(check)'") == "87.5")
        // The brief was due yesterday (2026-12-02T10:00 is after now, 2026-12-01T09:00: not yet)
        #expect(!h.run("task", "list", "--overdue").out.contains("Brief"))
        #expect(h.run("task", "list", "--due-within", "2d").out.contains("Brief"))
        #expect(h.run("task", "list", "--due-within", "0d").code == 2)
        #expect(h.run("task", "block", check, "--reason", "").code == 2)
        #expect(h.run("task", "status", check, "review").code == 0)
        #expect(h.run("task", "status", check, "pending").code == 1)
    }
}

@Suite("Listings as CSV")
struct CSVListingTests {
    @Test func everyListingPrintsAsCSVWithQuotedFields() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("talent", "add", "Martin, \"Ava\" 王", "--role", "host").code == 0)
        let out = h.run("talent", "list", "--csv").out
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("uid,name,") == true)
        #expect(lines.contains { $0.contains(",\"Martin, \"\"Ava\"\" 王\",") })
        #expect(h.run("booking", "list", "--csv").code == 0)
        #expect(h.run("project", "list", "--csv").out.isEmpty)
    }
}

@Suite("slate show suggest")
struct SuggestCLITests {
    @Test func suggestListsTheSameSlotsInOrder() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("book", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00").code == 0)
        #expect(h.run("show", "add", "Launch", "--client", "Acme", "--room", "Stage A", "--from", "2026-12-03T10:30", "--to", "2026-12-03T11:30").code == 0)
        let shows = try JSONSerialization.jsonObject(with: Data(h.run("show", "list", "--json").out.utf8)) as? [[String: Any]] ?? []
        let show = try #require(shows.first?["uid"] as? String)
        let table = h.run("show", "suggest", show, "--limit", "2")
        #expect(table.code == 0)
        #expect(table.out.split(separator: "\n").map(String.init) == ["START              END", "jeu. 3 déc. 09:00  jeu. 3 déc. 10:00", "jeu. 3 déc. 12:00  jeu. 3 déc. 13:00"])
        #expect(h.run("show", "suggest", show, "--limit", "0").code == 2)
    }
}
