import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Series of bookings and holds (rule 14)")
struct SeriesTests {
    func placement(_ f: Fixture, _ from: String, _ to: String, status: BookingStatus = .confirmed) -> BookingPlacement {
        BookingPlacement(resource: f.stageA, start: .local(from), end: .local(to), status: status)
    }

    func times(_ f: Fixture, _ series: String) throws -> [String] {
        try f.alice.seriesOccurrences(series).filter { $0.status == .confirmed || $0.status == .hold }.map { "\($0.startLocal)–\($0.endLocal.suffix(5))" }
    }

    @Test func everyOccurrenceIsCheckedAndAClashRefusesTheSeriesNamingEachOne() throws {
        let f = try Fixture.make()
        let first = try f.book(f.stageA, "2026-12-09T10:30", "2026-12-09T11:00")
        let second = try f.book(f.stageA, "2026-12-23T09:00", "2026-12-23T10:15")
        let audits = try f.count("SELECT count(*) FROM audits")
        let refused = violations { _ = try f.alice.placeSeries(placement(f, "2026-12-02T10:00", "2026-12-02T11:00"), rule: try RecurrenceRule.parse("weekly;count=5")) }
        #expect(refused.count == 2)
        #expect(refused[0].message.hasPrefix("occurrence mer. 9 déc. 10:00–11:00") && refused[0].otherUID == first.uid)
        #expect(refused[1].message.hasPrefix("occurrence mer. 23 déc. 10:00–11:00") && refused[1].otherUID == second.uid)
        #expect(try f.count("SELECT count(*) FROM audits") == audits)
        // Asked to, it books the free ones and lists the others, which become exceptions.
        let plan = try f.alice.placeSeries(placement(f, "2026-12-02T10:00", "2026-12-02T11:00"), rule: try RecurrenceRule.parse("weekly;count=5"), skipClashes: true, plan: true)
        #expect(plan.value.occurrences.count == 3 && plan.value.skipped.count == 2 && plan.planned)
        let made = try f.alice.placeSeries(placement(f, "2026-12-02T10:00", "2026-12-02T11:00"), rule: try RecurrenceRule.parse("weekly;count=5"), skipClashes: true)
        #expect(made.value.skipped.map { $0.components(separatedBy: "–")[0] } == ["mer. 9 déc. 10:00", "mer. 23 déc. 10:00"])
        let listed = try #require(try f.alice.series().first)
        #expect(listed.rule == "FREQ=WEEKLY;COUNT=5" && listed.live == 3 && listed.exceptions == ["2026-12-09", "2026-12-23"])
        #expect(try f.alice.bookings().first { $0.uid == made.value.occurrences[0] }?.series?.hasPrefix("\(made.value.series) weekly") == true)
        // One undo takes the whole series back.
        _ = try f.alice.undo()
        #expect(try f.count("SELECT count(*) FROM bookings WHERE recurrence_id IS NOT NULL AND status = 'confirmed' AND deleted_at IS NULL") == 0)
        #expect(try f.alice.series().isEmpty)
    }

    @Test func occurrencesKeepTheirLocalTimeAcrossTheClockChangeAndSkipExceptions() throws {
        let f = try Fixture.make()
        let series = try f.alice.placeSeries(placement(f, "2026-10-19T10:00", "2026-10-19T11:00", status: .hold), rule: try RecurrenceRule.parse("weekly;byday=MO,WE;until=2026-10-28"),
                                             except: ["2026-10-21"]).value.series
        #expect(try times(f, series) == ["2026-10-19T10:00–11:00", "2026-10-26T10:00–11:00", "2026-10-28T10:00–11:00"])
        #expect(throws: SlateError.self) {
            _ = try f.alice.placeSeries(placement(f, "2026-10-20T10:00", "2026-10-20T11:00"), rule: try RecurrenceRule.parse("weekly;byday=MO,WE;count=3"))
        }
        #expect(throws: SlateError.self) {
            _ = try f.alice.placeSeries(placement(f, "2026-10-19T12:00", "2026-10-19T13:00"), rule: try RecurrenceRule.parse("weekly;byday=MO;count=3"), except: ["2026-10-20"])
        }
        let monthly = try f.alice.placeSeries(placement(f, "2026-12-08T18:00", "2026-12-08T19:00"), rule: try RecurrenceRule.parse("monthly;byday=2TU;count=3")).value.series
        #expect(try times(f, monthly) == ["2026-12-08T18:00–19:00", "2027-01-12T18:00–19:00", "2027-02-09T18:00–19:00"])
    }

    @Test func cancellingOneThisAndFollowingOrAllIsEachOneCommand() throws {
        let f = try Fixture.make()
        let made = try f.alice.placeSeries(placement(f, "2026-12-02T10:00", "2026-12-02T11:00"), rule: try RecurrenceRule.parse("weekly;count=6")).value
        _ = try f.alice.cancelSeries(made.series, scope: .only(made.occurrences[1]))
        #expect(try f.alice.series()[0].exceptions == ["2026-12-09"])
        #expect(try times(f, made.series).count == 5)
        _ = try f.alice.cancelSeries(made.series, scope: .following(made.occurrences[3]))
        #expect(try times(f, made.series) == ["2026-12-02T10:00–11:00", "2026-12-16T10:00–11:00"])
        #expect(try f.alice.series()[0].rule == "FREQ=WEEKLY;UNTIL=2026-12-22")
        _ = try f.alice.undo()
        #expect(try times(f, made.series).count == 5 && f.alice.series()[0].rule == "FREQ=WEEKLY;COUNT=6")
        _ = try f.alice.cancelSeries(made.series)
        #expect(try times(f, made.series).isEmpty)
        #expect(throws: SlateError.self) { _ = try f.alice.cancelSeries(made.series) }
        #expect(throws: SlateError.self) { _ = try f.alice.cancelSeries(made.series, scope: .only("bk-nope")) }
    }

    @Test func retimingMovesEachOccurrenceOnItsDayAndAClashRefusesThemAll() throws {
        let f = try Fixture.make()
        let made = try f.alice.placeSeries(placement(f, "2026-12-02T10:00", "2026-12-02T11:00"), rule: try RecurrenceRule.parse("weekly;count=4")).value
        _ = try f.alice.retimeSeries(made.series, scope: .following(made.occurrences[2]), at: "14:00", minutes: 90)
        #expect(try times(f, made.series) == ["2026-12-02T10:00–11:00", "2026-12-09T10:00–11:00", "2026-12-16T14:00–15:30", "2026-12-23T14:00–15:30"])
        let blocker = try f.book(f.stageA, "2026-12-09T16:30", "2026-12-09T17:00")
        let refused = violations { _ = try f.alice.retimeSeries(made.series, at: "16:00") }
        #expect(refused.count == 1 && refused[0].otherUID == blocker.uid && refused[0].message.hasPrefix("occurrence mer. 9 déc. 10:00–11:00"))
        _ = try f.alice.retimeSeries(made.series, at: "08:00")
        #expect(try times(f, made.series).allSatisfy { $0.contains("T08:00–09:") })
        _ = try f.alice.undo()
        #expect(try times(f, made.series)[0] == "2026-12-02T10:00–11:00")
        #expect(throws: SlateError.self) { _ = try f.alice.retimeSeries(made.series, at: "25:00") }
        // Another studio's member does not see the series at all.
        let other = try f.alice.addStudio(name: "South", timeZone: "Europe/London").value
        _ = try f.alice.addMember(login: "sam", role: .manager, scope: .studio(other))
        #expect(try f.session("sam").series().isEmpty)
        #expect(throws: SlateError.self) { _ = try f.session("sam").cancelSeries(made.series) }
    }

    @Test func aShowRepeatsAsDraftsThatMoveAndGoTogether() throws {
        let f = try Fixture.make()
        let schedule = try f.alice.addSchedule(client: f.acme, name: "Weekly podcast").value
        let made = try f.alice.addShowSeries(ShowInput(client: "", schedule: schedule, room: f.stageA, title: "Podcast", start: "2026-12-01T18:00", end: "2026-12-01T19:00",
                                                       talent: [f.ava]), rule: try RecurrenceRule.parse("weekly;byday=TU;count=5"), except: ["2026-12-22"]).value
        #expect(made.occurrences.count == 4)
        let board = try f.alice.board(schedule: schedule)
        #expect(board.shows.map { $0.start.typed } == ["2026-12-01T18:00", "2026-12-08T18:00", "2026-12-15T18:00", "2026-12-29T18:00"])
        #expect(board.shows.allSatisfy { $0.series == made.series } && board.shows.allSatisfy { $0.talent == ["Ava Martin"] })
        #expect(try f.alice.series().first { $0.uid == made.series }?.resource == "show Podcast")
        #expect(try f.alice.showCard(made.occurrences[1]).lines.contains("Repeats: one of series \(made.series) (slate series show \(made.series))"))
        // The first is confirmed; moving all keeps each on its day and moves its bookings.
        _ = try f.alice.confirmShow(made.occurrences[0])
        _ = try f.alice.retimeSeries(made.series, at: "19:00")
        #expect(try f.alice.board(schedule: schedule).shows.allSatisfy { $0.start.typed.hasSuffix("T19:00") })
        #expect(try f.alice.bookings().filter { $0.status == .confirmed }.allSatisfy { $0.startLocal == "2026-12-01T19:00" })
        // This and following: the drafts go, the series ends before.
        _ = try f.alice.cancelSeries(made.series, scope: .following(made.occurrences[2]))
        #expect(try f.alice.board(schedule: schedule).shows.count == 2)
        #expect(try f.alice.series().first { $0.uid == made.series }?.rule == "FREQ=WEEKLY;BYDAY=TU;UNTIL=2026-12-14")
        // All: the confirmed one is cancelled with its bookings, the draft deleted; one undo brings both back.
        _ = try f.alice.cancelSeries(made.series)
        #expect(try f.count("SELECT count(*) FROM bookings WHERE status = 'confirmed'") == 0)
        #expect(try f.alice.board(schedule: schedule).shows.map(\.status) == [.cancelled])
        _ = try f.alice.undo()
        #expect(try f.alice.board(schedule: schedule).shows.map(\.status) == [.confirmed, .draft])
    }
}
