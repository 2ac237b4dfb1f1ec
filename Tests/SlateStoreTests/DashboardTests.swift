import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("The dashboard (view 6, slate status)")
struct DashboardTests {
    /// A morning in the North studio (Paris, 2026-12-01 09:00, a Tuesday): a show on air,
    /// another this afternoon with Ava, a draft that clashes, a hold about to expire, tasks
    /// overdue and due today, a schedule waiting for the client.
    static func morning() throws -> (Fixture, onAir: String, afternoon: String, draft: String, hold: BookingView, schedule: String) {
        let f = try Fixture.make()
        let alice = f.alice
        try f.workspace.database.write { db in try db.execute(sql: "UPDATE workspaces SET hold_expiry_first_days = 1") }
        let template = try alice.addTemplate(name: "Checklist").value
        _ = try alice.addTemplateItem(template: template, title: "Brief", type: .preProduction, required: true, dueOffset: -3 * 86_400)
        _ = try alice.addTemplateItem(template: template, title: "Go-live check", type: .production, required: true, dueOffset: 0)
        let onAir = try alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Morning live", start: .local("2026-12-01T08:30"), end: .local("2026-12-01T10:00"))).value
        _ = try alice.confirmShow(onAir)
        let afternoon = try alice.addShow(ShowInput(client: f.acme, room: f.stageB, title: "Afternoon live", start: .local("2026-12-01T15:00"), end: .local("2026-12-01T16:00"),
                                                    talent: [f.ava])).value
        _ = try alice.confirmShow(afternoon)
        _ = try f.book(f.stageA, "2026-12-02T10:00", "2026-12-02T11:00")
        let draft = try alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Clashing draft", start: .local("2026-12-02T10:30"), end: .local("2026-12-02T11:30"))).value
        let bob = try f.member("bob", .manager)
        let hold = try f.hold(f.stageB, "2026-12-03T10:00", "2026-12-03T12:00", as: bob)
        let schedule = try alice.addSchedule(client: f.acme, name: "December").value
        _ = try alice.addShow(ShowInput(client: f.acme, schedule: schedule, room: f.stageB, title: "Week two", start: .local("2026-12-08T10:00"), end: .local("2026-12-08T11:00")))
        _ = try alice.setScheduleStatus(schedule, to: .proposed)
        return (f, onAir, afternoon, draft, hold, schedule)
    }

    @Test func everySectionFindsWhatNeedsAttentionAndWhereItLeads() throws {
        let (f, onAir, afternoon, draft, hold, schedule) = try Self.morning()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        let board = try f.alice.dashboard()
        #expect(board.now.shown == "mar. 1 déc. 09:00", "a French workspace's day")
        #expect(board.live.map(\.target) == [.show(onAir)])
        #expect(board.live.first?.text == "Morning live · Stage A until 10:00")
        #expect(board.clashes.contains { $0.target == .show(draft) && $0.text.contains("Stage A") }, "\(board.clashes)")
        #expect(board.holds.map(\.target) == [.booking(resource: hold.resourceUID, start: hold.start)] && hold.resourceUID == f.stageB)
        #expect(board.holds.first?.text.contains("1st hold by bob · expires mer. 2 déc. 09:00") == true, "\(board.holds)")
        // Briefs were due three days before each show; the morning's go-live check at its start
        #expect(board.overdue.map { $0.text.components(separatedBy: " · ").prefix(2).joined(separator: " · ") }
                == ["Brief · Morning live", "Brief · Afternoon live", "Go-live check · Morning live"])
        #expect(board.dueToday.map { $0.text.components(separatedBy: " · ").prefix(2).joined(separator: " · ") } == ["Go-live check · Afternoon live"])
        if case .task(_, let overdue)? = board.overdue.first?.target { #expect(overdue) } else { Issue.record("no task target") }
        #expect(board.waiting.map(\.target) == [.schedule(schedule)])
        #expect(board.waiting.first?.text == "December · Acme · 1 show from mar. 8 déc. 10:00 · proposed")
        // Today and the next seven days: the 8th is the seventh day after the 1st
        #expect(board.shows.map(\.target).prefix(3) == [.show(onAir), .show(afternoon), .show(draft)])
        #expect(board.shows.count == 4 && board.shows.last?.text.hasPrefix("mar. 8 déc. 10:00–11:00  Week two · Acme · Stage B · draft") == true)
        #expect(board.people.map(\.text) == ["Ava Martin · 15:00–16:00 · Stage B · Afternoon live"])
        // This week (Monday 30 November on): Stage A 1.5 h on air and the 1 h booking; always open
        let stageA = try #require(board.utilisation.first { $0.name == "Stage A" })
        #expect(stageA.bookedThisWeek == 9_000 && stageA.openThisWeek == 7 * 86_400 && stageA.bookedNextWeek == 0)
        #expect(Utilisation.percent(stageA.bookedThisWeek, of: stageA.openThisWeek) == 1)
        #expect(board.utilisation.first { $0.name == "Ava Martin" }?.bookedThisWeek == 3_600)
    }

    @Test func aStudioInAnotherZoneCountsItsOwnWeek() throws {
        let f = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        _ = try f.alice.addStudio(name: "Harbour Sound", timeZone: "Europe/London")
        let studioL = try f.alice.addRoom(studio: "Harbour Sound", name: "Studio L").value
        // London's week begins an hour after Paris's: Sunday 23:00 London is last week there
        _ = try f.alice.place(BookingPlacement(resource: studioL, start: .local("2026-11-29T23:00"), end: .local("2026-11-29T23:30"), status: .confirmed))
        _ = try f.alice.place(BookingPlacement(resource: studioL, start: .local("2026-11-30T08:00"), end: .local("2026-11-30T10:00"), status: .confirmed))
        let use = try #require(try f.alice.dashboard().utilisation.first { $0.name == "Studio L" })
        #expect(use.openThisWeek == 7 * 86_400 && use.bookedThisWeek == 7_200 && use.openNextWeek == 7 * 86_400)
        #expect(try f.alice.dashboard().utilisation.map(\.name) == ["Stage A", "Stage B", "Studio L", "Ava Martin", "Noah Rossi", "王芳"])
    }

    @Test func aClientMemberSeesOnlyTheirClientsShowsAndSchedules() throws {
        let (f, _, _, _, _, _) = try Self.morning()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        let other = try f.alice.addClient(name: "Other Brand").value
        _ = try f.alice.addMember(login: "olga", role: .manager, scope: .client(other))
        let olga = try f.session("olga").dashboard()
        #expect(olga.shows.isEmpty && olga.live.isEmpty && olga.waiting.isEmpty && olga.holds.isEmpty && olga.overdue.isEmpty && olga.people.isEmpty)
        _ = try f.alice.addMember(login: "carla", role: .manager, scope: .client(f.acme))
        let carla = try f.session("carla").dashboard()
        #expect(carla.waiting.count == 1 && carla.shows.count == 4)
        #expect(carla.holds.isEmpty && carla.utilisation.isEmpty, "bookings and rooms are the studio's")
    }

    @Test func invoicesToSendOrCollectAndTheMonthsBookedRevenue() throws {
        let f = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        _ = try f.alice.setRate(resource: f.stageA, minor: 12_000, per: .hour)
        _ = try f.alice.setRate(resource: f.stageB, minor: 50_000, per: .day)
        _ = try f.book(f.stageA, "2026-12-01T10:00", "2026-12-01T11:30")
        _ = try f.book(f.stageB, "2026-12-20T10:00", "2026-12-21T12:00")
        _ = try f.book(f.stageA, "2027-01-04T10:00", "2027-01-04T11:00")
        // 1.5 h × 120.00 + 2 days begun × 500.00; January is next month's
        #expect(try f.alice.dashboard().revenue?.minor == 18_000 + 100_000)
        let show = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Launch", start: .local("2026-12-01T08:00"), end: .local("2026-12-01T09:00"))).value
        _ = try f.alice.confirmShow(show)
        _ = try f.alice.setShowStatus(show, to: .live)
        _ = try f.alice.setShowStatus(show, to: .completed)
        let invoice = try f.alice.invoiceShow(show).value
        #expect(try f.alice.dashboard().invoices.map(\.text) == ["F-2026-0001 · Acme · 120,00\u{00A0}€ · draft to send"])
        _ = try f.alice.setInvoiceStatus(invoice, to: .sent)
        #expect(try f.alice.dashboard().invoices.map(\.target) == [.invoice(invoice)])
        _ = try f.alice.setInvoiceStatus(invoice, to: .paid)
        #expect(try f.alice.dashboard().invoices.isEmpty)
    }

    /// The backstop's own check: confirmed bookings that overlap (written past the trigger,
    /// as a damaged or hand-edited file might hold them) are named pair by pair, in `slate
    /// check` and among the dashboard's clashes; bookings that only touch are not.
    @Test func overlappingConfirmedBookingsAreNamedPairByPair() throws {
        let f = try Fixture.make()
        let first = try f.book(f.stageA, "2026-12-02T10:00", "2026-12-02T12:00")
        let touching = try f.book(f.stageA, "2026-12-02T12:00", "2026-12-02T13:00")
        _ = try f.book(f.stageB, "2026-12-02T10:00", "2026-12-02T12:00")
        #expect(try f.alice.check().filter { $0.kind == "double_booking" }.isEmpty)
        try f.workspace.database.write { db in
            try db.execute(sql: "DROP TRIGGER bookings_no_double_booking_update")
            try db.execute(sql: "UPDATE bookings SET start_at = start_at - 1800 WHERE uid = ?", arguments: [touching.uid])
        }
        let found = try f.alice.check().filter { $0.kind == "double_booking" }
        #expect(found.map(\.message) == ["Stage A: \(touching.uid) overlaps \(first.uid)"] && found.map(\.subject) == [touching.uid])
        #expect(try f.alice.dashboard().clashes.contains { $0.text == "Stage A: \(touching.uid) overlaps \(first.uid)" })
    }

    /// Live bookings and holds in time off or outside opening hours are warned of, earliest
    /// first, each once, in the workspace's words; a booking in open hours is not.
    @Test func liveBookingsInTimeOffOrOutsideOpeningHoursAreWarnedOf() throws {
        let f = try Fixture.make(hours: "Mon-Fri 09:00-18:00")
        _ = try f.alice.addTimeOff(resource: f.ava, start: "2026-12-02T00:00", end: "2026-12-03T00:00", reason: "dentist")
        let late = try f.hold(f.stageA, "2026-12-02T17:00", "2026-12-02T19:00")
        let inTimeOff = try f.book(f.ava, "2026-12-02T10:00", "2026-12-02T11:00")
        _ = try f.book(f.stageB, "2026-12-02T10:00", "2026-12-02T11:00")
        let found = try f.alice.check().filter { $0.kind == "availability" }
        #expect(found.map(\.subject) == [inTimeOff.uid, late.uid])
        #expect(found.first.map { $0.message.hasPrefix("\(inTimeOff.uid) mer. 2 déc. 10:00–11:00: in time off") && $0.message.hasSuffix("(dentist)") } == true)
        #expect(found.last?.message.hasPrefix("\(late.uid) mer. 2 déc. 17:00–19:00: outside opening hours") == true)
    }
}
