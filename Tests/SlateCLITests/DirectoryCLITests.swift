import Foundation
import Testing
@testable import SlateCLI
import SlateStore

@Suite("slate talent match, comms, comment, tag, search, job, client edit|delete")
struct DirectoryCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func matchingPrintsTheRankingAndJSONWithSnakeCaseKeys() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("talent", "add", "Inès Okafor", "--role", "host", "--skills", "hosting:4", "--languages", "French:5,English").code == 0)
        #expect(h.run("talent", "add", "Banned Host", "--role", "host", "--skills", "hosting:5,french:5").code == 0)
        #expect(h.run("talent", "ban", "Banned Host", "--reason", "no-show").code == 0)
        #expect(h.run("book", "Ava Martin", "--from", "2026-12-03T09:00", "--to", "2026-12-03T17:00").code == 0)
        let table = h.run("talent", "match", "--skills", "french,hosting", "--from", "2026-12-03T09:00", "--to", "2026-12-03T18:00", "--for", "2h")
        #expect(table.code == 0, "\(table.err)")
        let lines = table.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("RANK  UID") == true)
        #expect(lines.count == 3 && lines[1].contains("Inès Okafor") && lines[1].contains("jeu. 3 déc. 09:00–18:00") && lines[2].contains("Ava Martin") && lines[2].contains("busy"))
        #expect(!table.out.contains("Banned"))
        let result = h.run("talent", "match", "--skills", "french", "--json")
        let rows = try #require(try json(result.out) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["Inès Okafor", "Ava Martin"])
        #expect(rows.first?["free_slots"] != nil && (rows.first?["rate"] as? [String: Any])?["currency"] as? String == "EUR")
        // Bad input: exit 2, nothing printed on stdout
        let bad = h.run("talent", "match", "--skills", "french", "--for", "2h")
        #expect(bad.code == 2 && bad.err.contains("--for needs a window"))
        #expect(h.run("talent", "match", "--skills", "french:7").code == 2)
    }

    @Test func communicationsCommentsTagsAndSearchFromTheCommandLine() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("comms", "add", "Acme", "--kind", "call", "--subject", "Rehearsal with Éloïse", "--body", "two cameras").code == 0)
        let found = h.run("comms", "search", "eloise", "rehears*")
        #expect(found.code == 0 && found.out.contains("Rehearsal with Éloïse") && found.out.contains("Acme"))
        #expect(h.run("comms", "search", "*").code == 2)
        #expect(h.run("comms", "add", "Acme", "--kind", "fax").code == 2)
        let ava = try #require(try h.value("SELECT uid FROM talent"))
        let comment = h.run("comment", "add", ava, "Lovely host", "--json")
        let uid = try #require(((try json(comment.out) as? [String: Any])?["result"]) as? String)
        #expect(h.run("comment", "add", uid, "Agreed", "--reply").code == 0)
        #expect(h.run("comment", "list", ava).out == "\(uid) alice mar. 1 déc. 09:00: Lovely host\n  " + (try h.value("SELECT uid FROM comments WHERE parent_id IS NOT NULL") ?? "") + " alice mar. 1 déc. 09:00: Agreed\n")
        #expect(h.run("tag", "add", ava, "vip,french-speaking").code == 0)
        #expect(h.run("tag", "find", "vip").out.contains("Ava Martin"))
        let everything = h.run("search", "acme")
        #expect(everything.code == 0 && everything.out.contains("client") && everything.out.contains("Acme"))
        // Another member may not edit alice's comment: refused by access, exit 1
        #expect(h.run("member", "add", "sam", "--studio", "North", "--role", "member").code == 0)
        let denied = h.run("comment", "edit", uid, "mine now", as: "sam")
        #expect(denied.code == 1 && denied.err.contains("their own comments"))
    }

    @Test func clientsAreEditedVersionCheckedAndDeletedOnlyWhenNothingIsLive() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("client", "edit", "Acme", "--tier", "gold", "--notes", "Prefers calls", "--if-version", "1").code == 0)
        let stale = h.run("client", "edit", "Acme", "--tier", "silver", "--if-version", "1")
        #expect(stale.code == 1 && stale.err.contains("changed"))
        #expect(h.run("client", "list").out.contains("gold"))
        #expect(h.run("show", "add", "Launch", "--client", "Acme", "--from", "2026-12-04T10:00", "--to", "2026-12-04T11:00").code == 0)
        let refused = h.run("client", "delete", "Acme", "--json")
        #expect(refused.code == 1 && refused.out.contains("sh-"))
        #expect(try h.count("SELECT count(*) FROM clients WHERE deleted_at IS NULL") == 1)
    }

    @Test func aJobListingIsOpenedMatchedAndFilled() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("project", "add", "Launch").code == 0)
        let opened = h.run("job", "add", "French host", "--project", "Launch", "--skills", "french", "--from", "2026-12-05T10:00", "--to", "2026-12-05T12:00", "--rate", "600", "--json")
        let job = try #require(((try json(opened.out) as? [String: Any])?["result"]) as? String)
        #expect(h.run("job", "match", job).out.contains("Ava Martin"))
        let filled = h.run("job", "fill", job, "--talent", "Ava Martin")
        #expect(filled.code == 0 && filled.out.hasPrefix("Filled: bk-"))
        #expect(h.run("job", "list").out.contains("filled"))
        #expect(try h.count("SELECT count(*) FROM bookings WHERE status = 'confirmed'") == 1)
    }
}
