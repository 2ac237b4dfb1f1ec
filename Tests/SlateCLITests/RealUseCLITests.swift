import Foundation
import GRDB
import Testing
@testable import SlateCLI
import SlateCore
import SlateStore

@Suite("Real use on the command line: safe output, one id per thing, times, limits")
struct RealUseCLITests {
    static let esc = "\u{1b}"

    @Test func argumentErrorsNeverCarryControlSequencesToTheTerminal() throws {
        let h = try CLIHarness.ready()
        let result = h.run("talent", "add", "Mo", "--role", "\u{1b}]0;owned\u{7}")
        #expect(result.code == 2)
        #expect(!result.err.contains(Self.esc) && !result.err.contains("\u{7}"), "\(result.err.debugDescription)")
        #expect(result.err.contains("\\u{1b}]0;owned\\u{7}"))
    }

    @Test func c1AndBidiControlsInStoredDataAreShownEscaped() throws {
        let h = try CLIHarness.ready()
        // Given a name written by an older build straight into the file
        try DatabaseQueue(path: h.path).write { db in
            try db.execute(sql: "UPDATE rooms SET name = 'Stage \u{202e}A\u{9b}31m' WHERE name = 'Stage A'")
        }
        let table = h.run("room", "list")
        #expect(!table.out.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x9B })
        #expect(table.out.contains("Stage \\u{202e}A\\u{9b}31m"))
        let json = h.run("room", "list", "--json")
        #expect(!json.out.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x9B })
        let rows = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect(rows?.contains { $0["name"] as? String == "Stage \u{202e}A\u{9b}31m" } == true)
        // And new input with them is refused
        #expect(h.run("room", "add", "Booth \u{2066}B").code == 2)
    }

    @Test func oneIDPerThingInListingsErrorsAndHoldOffers() throws {
        let h = try CLIHarness.ready()
        let room = try #require(try h.value("SELECT uid FROM rooms WHERE name = 'Stage A'"))
        #expect(h.run("book", room, "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00").code == 0)
        let refused = h.run("book", "Stage A", "--from", "2026-12-03T10:30", "--to", "2026-12-03T11:30")
        #expect(refused.code == 1)
        #expect(refused.err.contains("slate hold \(room) --from 2026-12-03T10:30"))
        let json = h.run("book", "Stage A", "--from", "2026-12-03T10:30", "--to", "2026-12-03T11:30", "--json")
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let offer = object?["hold_offer"] as? [String: Any]
        #expect(offer?["resource"] as? String == room)
        #expect((offer?["start"] as? [String: Any])?["local"] as? String == "2026-12-03T10:30:00+01:00")
        let listed = h.run("booking", "list", "--json")
        #expect(!listed.out.contains("\"rs-"))
        #expect(listed.out.contains("\"resource_uid\":\"\(room)\""))
    }

    @Test func releaseCancelAndConfirmRefuseAStaleVersion() throws {
        let h = try CLIHarness.ready()
        let hold = h.run("hold", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00", "--json")
        let uid = try #require((try JSONSerialization.jsonObject(with: Data(hold.out.utf8)) as? [String: Any])?["result"] as? [String: Any])["uid"] as? String
        let id = try #require(uid)
        #expect(h.run("confirm", id, "--if-version", "1").code == 0)
        let stale = h.run("cancel", id, "--if-version", "1")
        #expect(stale.code == 1)
        #expect(stale.err.contains("changed meanwhile") && stale.err.contains("last changed by alice"))
        let wrongVerb = h.run("release", id)
        #expect(wrongVerb.code == 1 && wrongVerb.err.contains("cancel it instead"))
        #expect(h.run("cancel", id, "--if-version", "2").code == 0)
    }

    @Test func anAmbiguousAutumnTimeTakesTheFirstOccurrenceAndWarns() throws {
        let h = try CLIHarness.ready()
        let result = h.run("hold", "Stage A", "--from", "2026-10-25T02:30", "--to", "2026-10-25T04:00", "--json")
        #expect(result.code == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let start = (object?["result"] as? [String: Any])?["start"] as? [String: Any]
        #expect(start?["local"] as? String == "2026-10-25T02:30:00+02:00")
        #expect((object?["warnings"] as? [String])?.contains { $0.contains("occurs twice") } == true)
    }

    @Test func aBookingInThePastWarns() throws {
        let h = try CLIHarness.ready()
        let result = h.run("book", "Stage A", "--from", "2026-11-20T10:00", "--to", "2026-11-20T11:00")
        #expect(result.code == 0)
        #expect(result.err.contains("warning: ven. 20 nov. 10:00–11:00 is in the past"))
    }

    @Test func textLimitsCountCharactersAfterComposing() throws {
        let h = try CLIHarness.ready()
        let zalgo = "e" + String(repeating: "\u{301}", count: 50_000)
        #expect(h.run("room", "add", zalgo).code == 2)
        #expect(h.run("room", "add", "Sa" + String(repeating: "\u{301}", count: 12)).code == 2)
        #expect(h.run("room", "add", "Chloe\u{301} Booth").code == 0)
        #expect(try h.value("SELECT name FROM rooms WHERE name LIKE 'Chlo%'") == "Chlo\u{e9} Booth")
        #expect(try h.count("SELECT count(*) FROM rooms") == 3)
    }

    @Test func bookingListSaysWhenItStoppedShort() throws {
        let h = try CLIHarness.ready()
        for day in 3...5 { #expect(h.run("hold", "Stage A", "--from", "2026-12-0\(day)T10:00", "--to", "2026-12-0\(day)T11:00").code == 0) }
        let cut = h.run("booking", "list", "--limit", "2")
        #expect(cut.err.contains("showing the first 2 bookings; more match"))
        #expect(cut.out.split(separator: "\n").count == 3)
        #expect(!h.run("booking", "list", "--limit", "3").err.contains("more match"))
        #expect(h.run("booking", "list", "--limit", "0").code == 2)
    }

    @Test func checkExitsOneOnABrokenHardRule() throws {
        let h = try CLIHarness.ready()
        let show = h.run("show", "add", "Live", "--client", "Acme", "--room", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00", "--json")
        let uid = try #require((try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any])?["result"] as? String)
        #expect(h.run("show", "confirm", uid).code == 0)
        #expect(h.run("check").code == 0)
        try DatabaseQueue(path: h.path).write { db in try db.execute(sql: "UPDATE bookings SET end_at = end_at + 600") }
        let check = h.run("check")
        #expect(check.code == 1)
        #expect(check.out.contains("error: show 'Live' (\(uid)) is jeu. 3 déc. 10:00–12:00 but its booking"))
    }

    @Test func bookingsInSeveralZonesSayTheirZone() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("book", "Stage A", "--from", "2026-12-03T15:00", "--to", "2026-12-03T16:00").out.hasSuffix("jeu. 3 déc. 15:00–16:00 — confirmed\n"))
        #expect(!h.run("booking", "list").out.contains("ZONE"))
        // Once a studio in another zone is in play, every time names its zone, here and in the grid
        #expect(h.run("studio", "add", "Harbour Sound", "--tz", "Europe/London").code == 0)
        #expect(h.run("room", "add", "Studio L", "--studio", "Harbour Sound").code == 0)
        let booked = h.run("book", "Studio L", "--from", "2026-12-03T15:00", "--to", "2026-12-03T16:00")
        #expect(booked.out.hasSuffix("jeu. 3 déc. 15:00–16:00 London — confirmed\n"), "\(booked.out)")
        let listed = h.run("booking", "list").out
        #expect(listed.contains("ZONE"))
        #expect(listed.split(separator: "\n").contains { $0.contains("Studio L") && $0.contains("jeu. 3 déc. 15:00") && $0.contains("London") })
        #expect(listed.split(separator: "\n").contains { $0.contains("Stage A") && $0.contains("jeu. 3 déc. 15:00") && $0.contains("Paris") })
    }

    @Test func listingsAreTypedInJSON() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("show", "add", "Live", "--client", "Acme", "--room", "Stage A", "--talent", "Ava Martin",
                      "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00").code == 0)
        let shows = try JSONSerialization.jsonObject(with: Data(h.run("show", "list", "--json").out.utf8)) as? [[String: Any]]
        let show = try #require(shows?.first)
        #expect((show["start_at"] as? [String: Any])?["local"] as? String == "2026-12-03T10:00:00+01:00")
        #expect(show["talent"] as? [String] == ["Ava Martin"])
        #expect(show["status"] as? String == "draft" && show["version"] as? Int == 1)
        let talent = try JSONSerialization.jsonObject(with: Data(h.run("talent", "list", "--json").out.utf8)) as? [[String: Any]]
        #expect(talent?.first?["skills"] as? [String] == ["beauty", "french"])
        #expect(h.run("show", "list").out.contains("jeu. 3 déc. 10:00"))
    }

    @Test func listingsPrintAsTablesWholeAndExact() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("hold", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00").code == 0)
        #expect(h.run("book", "Ava Martin", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00").code == 0)
        let bookings = h.run("booking", "list").out
        let stageA = try #require(try h.value("SELECT uid FROM bookings WHERE resource_id = (SELECT id FROM resources WHERE name = 'Stage A')"))
        let ava = try #require(try h.value("SELECT uid FROM bookings WHERE resource_id = (SELECT id FROM resources WHERE name = 'Ava Martin')"))
        #expect(bookings == """
            UID        RESOURCE    STATUS     RANK  START              END                HOLDER  SHOW
            \(stageA)  Stage A     hold       1     jeu. 3 déc. 10:00  jeu. 3 déc. 12:00  alice   
            \(ava)  Ava Martin  confirmed        jeu. 3 déc. 10:00  jeu. 3 déc. 12:00  alice   

            """)
        let talent = try #require(try h.value("SELECT uid FROM talent"))
        #expect(h.run("talent", "list").out == """
            UID        NAME        ALIAS  ROLE  SKILLS         LANGUAGES  RATE      RATING  BANNED  STUDIO
            \(talent)  Ava Martin         host  beauty,french             450,00\u{00A0}€          no      North

            """)
        #expect(h.run("check").out == "No clashes.\n")
    }

    @Test func anUnparsableSlateNowIsAnError() throws {
        let result = try Binary.run(["status", "--db", "/nonexistent/w.slate"], environment: ["SLATE_NOW": "tomorrow"])
        #expect(result.code == 2)
        #expect(result.err.contains("SLATE_NOW='tomorrow' is not a time"))
    }
}

@Suite("The demo obeys its own rules")
struct DemoRulesTests {
    @Test func checkOnAFreshDemoReportsOnlyTheDeliberateDraftClash() throws {
        let h = try CLIHarness()
        #expect(h.run("demo").code == 0)
        let check = h.run("check", "--json")
        #expect(check.code == 0)
        let findings = try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [[String: Any]] ?? []
        #expect(findings.count == 2, "\(findings.map { $0["message"] ?? "" })")
        #expect(findings.allSatisfy { $0["kind"] as? String == "draft_clash" })
        // Replacing a demo is asked for; a real workspace is never replaced
        let again = h.run("demo")
        #expect(again.code == 1 && again.err.contains("slate demo --fresh"))
        let real = try CLIHarness.ready()
        #expect(real.run("demo", "--fresh").code == 3)
    }
}
