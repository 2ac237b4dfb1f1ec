import Foundation
import Testing

@Suite("Schedules and shows from the command line (the board's verbs)")
struct BoardCLITests {
    func uid(_ result: CLIHarness.Result) -> String {
        (try? JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])?["result"] as? String ?? ""
    }

    @Test func aScheduleIsPlannedEditedAndConfirmedWordForWordAsOnTheBoard() throws {
        let h = try CLIHarness.ready()
        let schedule = uid(h.run("schedule", "add", "December", "--client", "Acme", "--json"))
        let first = uid(h.run("show", "add", "Live 3", "--client", "Acme", "--schedule", schedule, "--room", "Stage A", "--talent", "Ava Martin",
                              "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00", "--json"))
        // y and p: a copy on another day at the same time
        let copy = h.run("show", "copy", first, "--to", "2026-12-04")
        #expect(copy.code == 0 && copy.out.hasPrefix("Added draft sh-"))
        #expect(h.run("schedule", "board", schedule).out.contains("ven. 4 déc.\n  10:00–12:00 · Live 3 · Stage A · Ava Martin"))
        // A booking in the way: the board names it; so does the card.
        let blocker = h.run("book", "Stage A", "--from", "2026-12-03T11:00", "--to", "2026-12-03T13:00").out.prefix(9)
        let board = h.run("schedule", "board", schedule).out
        #expect(board.contains("· CLASH") && board.contains("! Stage A is booked jeu. 3 déc. 11:00–13:00 by alice (\(blocker))"))
        #expect(h.run("show", "card", first).out.contains("Clash: Stage A is booked"))
        // Proposed, the plan is refused naming the clash (exit 1, nothing written) ...
        #expect(h.run("schedule", "propose", schedule).code == 0)
        let refused = h.run("schedule", "confirm", schedule, "--plan")
        #expect(refused.code == 1 && refused.out.contains("would be refused: 1 clash") && refused.out.contains("show 'Live 3' (\(first))"))
        // ... until the show moves, as one edit, to a free time.
        #expect(h.run("show", "edit", first, "--from", "2026-12-03T14:00", "--to", "2026-12-03T16:00", "--title", "Live 3 (afternoon)", "--if-version", "1").code == 0)
        #expect(h.run("show", "edit", first, "--title", "stale", "--if-version", "1").code == 1)
        let plan = h.run("schedule", "confirm", schedule, "--plan", "--json")
        #expect(plan.code == 0 && plan.out.contains("\"bookings\":[\"Stage A jeu. 3 déc. 14:00–16:00 for Live 3 (afternoon)\""))
        #expect(h.run("schedule", "confirm", schedule).code == 0)
        #expect(try h.count("SELECT count(*) FROM bookings WHERE show_id IS NOT NULL AND status = 'confirmed'") == 4)
        let card = h.run("show", "card", first).out
        #expect(card.contains("Live 3 (afternoon) (\(first)) · confirmed") && card.contains("Bookings: Stage A confirmed"))
        #expect(card.contains("History (Paris time):") && card.contains("start_at: jeu. 3 déc. 10:00 -> jeu. 3 déc. 14:00"))
        #expect(h.run("show", "card", first, "--json").out.contains("\"talent\":[{\"name\":\"Ava Martin\""))
    }

    @Test func severalShowsShiftTogetherAndDraftsAreDeleted() throws {
        let h = try CLIHarness.ready()
        var shows: [String] = []
        for day in 3...4 {
            shows.append(uid(h.run("show", "add", "Live \(day)", "--client", "Acme", "--room", "Stage A",
                                   "--from", "2026-12-0\(day)T10:00", "--to", "2026-12-0\(day)T12:00", "--json")))
        }
        let shifted = h.run(["show", "shift"] + shows + ["--days", "1", "--minutes", "30"])
        #expect(shifted.code == 0 && shifted.out == "Live 3 → ven. 4 déc. 10:30–12:30\nLive 4 → sam. 5 déc. 10:30–12:30\n")
        #expect(h.run("show", "shift", shows[0], "--days", "400").code == 2)
        #expect(h.run("show", "delete", shows[0]).code == 0)
        #expect(h.run("show", "card", shows[0]).code == 2)
        #expect(h.run("show", "confirm", shows[1]).code == 0)
        #expect(h.run("show", "delete", shows[1]).code == 1)
    }
}
