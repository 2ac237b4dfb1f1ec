import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("The draft board and the show as one thing (view 3, rules 5, 6, 8, 13, 15)")
struct BoardTests {
    func schedule(_ f: Fixture, _ days: [Int], room: String? = nil, talent: [String]? = nil) throws -> (schedule: String, shows: [String]) {
        let schedule = try f.alice.addSchedule(client: f.acme, name: "December").value
        let shows = try days.map { day in
            let date = String(format: "2026-12-%02d", day)
            return try f.alice.addShow(ShowInput(client: "", schedule: schedule, room: room ?? f.stageA, title: "Acme live \(day)",
                                                 start: .local("\(date)T10:00"), end: .local("\(date)T12:00"), talent: talent ?? [f.ava])).value
        }
        return (schedule, shows)
    }

    func interval(_ f: Fixture, _ show: String) throws -> (String, String) {
        let card = try f.alice.showCard(show)
        return (card.start.typed, card.end.typed)
    }

    @Test func theBoardNamesEveryKindOfClashADraftWouldMeet() throws {
        let f = try Fixture.make(hours: "Mon-Fri 09:00-18:00")
        let (schedule, shows) = try schedule(f, [3, 4, 7, 8, 9])
        let booked = try f.book(f.stageA, "2026-12-03T11:00", "2026-12-03T13:00")
        let held = try f.hold(f.ava, "2026-12-04T09:00", "2026-12-04T10:30")
        _ = try f.alice.addTimeOff(resource: f.ava, start: .local("2026-12-07T00:00"), end: .local("2026-12-08T00:00"), hard: true, reason: "dentist")
        _ = try f.alice.editShow(shows[3], ShowEdit(start: .local("2026-12-08T17:00"), end: .local("2026-12-08T19:00")))
        let other = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Elsewhere", start: .local("2026-12-09T11:00"), end: .local("2026-12-09T12:00"))).value
        let board = try f.alice.board(schedule: schedule)
        #expect(board.zone == "Europe/Paris")
        #expect(board.schedule.first?.typed == "2026-12-03T10:00" && board.schedule.last?.typed == "2026-12-09T12:00")
        let clashes = Dictionary(uniqueKeysWithValues: board.shows.map { ($0.uid, $0.clashes) })
        #expect(clashes[shows[0]]?.contains { $0.contains("is booked") && $0.contains(booked.uid) } == true)
        #expect(clashes[shows[1]]?.contains { $0.contains("is held") && $0.contains(held.uid) && $0.contains("1st hold") } == true)
        #expect(clashes[shows[2]]?.contains { $0.contains("is off") && $0.contains("dentist") && $0.contains("hard time off") } == true)
        #expect(clashes[shows[3]]?.contains { $0.contains("outside opening hours") } == true)
        #expect(clashes[shows[4]]?.contains { $0.contains("also in draft 'Elsewhere' (\(other))") } == true)
        // The same words in the show's card and in `slate check`.
        #expect(try f.alice.showCard(shows[2]).clashes == clashes[shows[2]])
        #expect(try f.alice.draftClashes(schedule: schedule).count == board.shows.map(\.clashes.count).reduce(0, +))
    }

    @Test func editingAConfirmedShowIsOneCommandAndOneUndoStep() throws {
        let f = try Fixture.make()
        let platform = try f.alice.addPlatform(name: "Twitch").value
        let brief = try f.alice.addMaterial(client: f.acme, kind: .brief, title: "Winter brief").value
        let template = try f.alice.addTemplate(name: "Checklist").value
        _ = try f.alice.addTemplateItem(template: template, title: "Host review", type: .showMCReview, input: .number)
        let show = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Acme live", start: .local("2026-12-03T10:00"),
                                                 end: .local("2026-12-03T12:00"), talent: [f.ava])).value
        _ = try f.alice.confirmShow(show)
        let before = try f.count("SELECT count(*) FROM audits")
        let edit = ShowEdit(title: "Acme live (extended)", start: .local("2026-12-03T14:00"), end: .local("2026-12-03T17:00"), room: f.stageB,
                            talent: [f.noah], platforms: [platform], materials: [brief], standard: .premium, notes: "bring the ring light")
        let outcome = try f.alice.editShow(show, edit, expectedVersion: 2)
        #expect(outcome.commandUID != nil)
        let card = try f.alice.showCard(show)
        #expect(card.title == "Acme live (extended)" && card.room == "Stage B" && card.standard == .premium && card.notes == "bring the ring light")
        #expect(card.start.typed == "2026-12-03T14:00" && card.end.typed == "2026-12-03T17:00")
        #expect(card.talent.map(\.name) == ["Noah Rossi"] && card.platforms.map(\.name) == ["Twitch"] && card.materials.map(\.title) == ["Winter brief"])
        // Stage A and Ava were cancelled; Stage B and Noah are booked at the new times.
        let live = card.bookings.filter { $0.status == .confirmed }.map(\.resource).sorted()
        #expect(live == ["Noah Rossi", "Stage B"])
        #expect(card.bookings.filter { $0.status == .cancelled }.map(\.resource).sorted() == ["Ava Martin", "Stage A"])
        // Ava's open review was cancelled; Noah got his.
        #expect(card.tasks.filter { $0.status == .cancelled }.count == 1 && card.tasks.filter(\.status.isOpen).count == 1)
        #expect(try f.count("SELECT count(DISTINCT command_id) FROM audits WHERE id > \(before)") == 1)
        _ = try f.alice.undo()
        let restored = try f.alice.showCard(show)
        #expect(restored.title == "Acme live" && restored.room == "Stage A" && restored.start.typed == "2026-12-03T10:00")
        #expect(restored.talent.map(\.name) == ["Ava Martin"] && restored.platforms.isEmpty && restored.materials.isEmpty)
        #expect(restored.bookings.filter { $0.status == .confirmed }.map(\.resource).sorted() == ["Ava Martin", "Stage A"])
        #expect(try f.alice.check(from: "2026-12-01T00:00", to: "2026-12-31T00:00").isEmpty)
    }

    @Test func anEditThatWouldDoubleBookAnyoneIsRefusedWholeAndStaleEditsAreRefused() throws {
        let f = try Fixture.make()
        let show = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Acme live", start: .local("2026-12-03T10:00"),
                                                 end: .local("2026-12-03T12:00"), talent: [f.ava])).value
        _ = try f.alice.confirmShow(show)
        let blocker = try f.book(f.noah, "2026-12-03T15:00", "2026-12-03T16:00")
        let audits = try f.count("SELECT count(*) FROM audits")
        let refused = violations {
            _ = try f.alice.editShow(show, ShowEdit(title: "Moved", start: .local("2026-12-03T14:00"), end: .local("2026-12-03T16:00"), talent: [f.ava, f.noah]))
        }
        #expect(refused.count == 1 && refused[0].message.contains(blocker.uid) && refused[0].subjectUID == show)
        #expect(try f.count("SELECT count(*) FROM audits") == audits)
        #expect(try interval(f, show) == ("2026-12-03T10:00", "2026-12-03T12:00"))
        #expect(try f.alice.showCard(show).title == "Acme live")
        #expect(throws: SlateError.self) { _ = try f.alice.editShow(show, ShowEdit(title: "Old view"), expectedVersion: 1) }
    }

    @Test func copiesKeepTheWallClockTimeAcrossTheClockChangeAndCarryTheCast() throws {
        let f = try Fixture.make()
        let platform = try f.alice.addPlatform(name: "YouTube").value
        let (schedule, shows) = try schedule(f, [3])
        _ = try f.alice.editShow(shows[0], ShowEdit(start: .local("2026-10-20T10:00"), end: .local("2026-10-20T12:00"), platforms: [platform]))
        // 25 October 2026: Paris goes from +02:00 to +01:00.
        let copy = try f.alice.copyShow(shows[0], toDay: "2026-10-27").value
        let card = try f.alice.showCard(copy)
        #expect(card.start.local == "2026-10-27T10:00:00+01:00" && card.end.typed == "2026-10-27T12:00")
        #expect(card.status == .draft && card.scheduleUID == schedule && card.room == "Stage A")
        #expect(card.talent.map(\.name) == ["Ava Martin"] && card.platforms.map(\.name) == ["YouTube"])
        #expect(throws: SlateError.self) { _ = try f.alice.copyShow(shows[0], toDay: "27/10/2026") }
    }

    @Test func severalShowsMoveTogetherAndAClashRefusesThemAllNamingEach() throws {
        let f = try Fixture.make()
        let (_, shows) = try schedule(f, [3, 4, 5], talent: [])
        let moved = try f.alice.shiftShows(shows, days: 1, minutes: 30)
        #expect(moved.value.count == 3)
        #expect(try interval(f, shows[0]) == ("2026-12-04T10:30", "2026-12-04T12:30"))
        #expect(try f.alice.undo().value.summary == "move 3 shows 1 day and 30 minutes later")
        #expect(Session.shiftWords(days: -2, minutes: 0) == "2 days earlier" && Session.shiftWords(days: -1, minutes: 30) == "by -1 day and +30 minutes")
        _ = try f.alice.redo()
        _ = try f.alice.undo()
        #expect(try interval(f, shows[2]) == ("2026-12-05T10:00", "2026-12-05T12:00"))
        // Confirmed shows move their bookings; one clash refuses all, naming its show.
        for show in shows { _ = try f.alice.confirmShow(show) }
        _ = try f.book(f.stageA, "2026-12-06T11:00", "2026-12-06T12:00")
        let refused = violations { _ = try f.alice.shiftShows(shows, days: 1) }
        #expect(refused.map(\.subjectUID) == [shows[2]])
        #expect(try interval(f, shows[0]) == ("2026-12-03T10:00", "2026-12-03T12:00"))
    }

    @Test func onlyDraftsAreDeletedAndACancelledShowReleasesAllItsBookingsInOneStep() throws {
        let f = try Fixture.make()
        let (_, shows) = try schedule(f, [3, 4])
        _ = try f.alice.deleteShow(shows[0], expectedVersion: 1)
        #expect(throws: SlateError.self) { _ = try f.alice.showCard(shows[0]) }
        _ = try f.alice.confirmShow(shows[1])
        #expect(violations { _ = try f.alice.deleteShow(shows[1]) }.map(\.kind) == [.transition])
        _ = try f.alice.setShowStatus(shows[1], to: .cancelled)
        #expect(try f.count("SELECT count(*) FROM bookings WHERE status = 'confirmed'") == 0)
        _ = try f.alice.undo()
        #expect(try f.count("SELECT count(*) FROM bookings WHERE status = 'confirmed'") == 2)
        #expect(try f.alice.showCard(shows[1]).status == .confirmed)
    }

    @Test func theConfirmationPlanListsWhatItWouldDoOrEveryClashAndWritesNothing() throws {
        let f = try Fixture.make()
        let (schedule, shows) = try schedule(f, [3, 4, 5])
        _ = try f.alice.setScheduleStatus(schedule, to: .proposed)
        let held = try f.hold(f.stageB, "2026-12-03T10:00", "2026-12-03T11:00")
        _ = try f.hold(f.stageB, "2026-12-03T10:00", "2026-12-03T11:00")
        let audits = try f.count("SELECT count(*) FROM audits")
        let plan = try f.alice.confirmationPlan(schedule: schedule)
        #expect(!plan.refused && plan.shows.count == 3 && plan.bookings.count == 6 && plan.tasks == 0)
        #expect(plan.bookings.contains("Stage A jeu. 3 déc. 10:00–12:00 for Acme live 3"))
        #expect(plan.lines.first == "Confirming December books 3 shows at once, or none: 6 bookings, 0 tasks.")
        #expect(try f.count("SELECT count(*) FROM audits") == audits)
        // Moving a show onto Stage B's queue: forcing would release the holds, which the plan names.
        _ = try f.alice.editShow(shows[0], ShowEdit(room: f.stageB))
        let refused = try f.alice.confirmationPlan(schedule: schedule)
        #expect(refused.refused && refused.clashes.count == 2 && Set(refused.clashes.map(\.subjectUID)) == [shows[0]], "\(refused.clashes)")
        let forced = try f.alice.confirmationPlan(schedule: schedule, forceReason: "client paid")
        #expect(forced.holds.contains { $0.contains(held.uid) && $0.contains("released") })
        // Two clashes in two shows: both listed, each with its show.
        _ = try f.book(f.ava, "2026-12-04T11:00", "2026-12-04T11:30")
        _ = try f.book(f.stageA, "2026-12-05T09:00", "2026-12-05T10:30")
        let both = try f.alice.confirmationPlan(schedule: schedule)
        #expect(Set(both.clashes.compactMap(\.subjectUID)) == Set(shows))
        #expect(try f.count("SELECT count(*) FROM bookings WHERE show_id IS NOT NULL") == 0)
    }

    @Test func clientMembersSeeOnlyTheirSchedulesOnTheBoard() throws {
        let f = try Fixture.make()
        let other = try f.alice.addClient(name: "Other").value
        let (mine, _) = try schedule(f, [3])
        let theirs = try f.alice.addSchedule(client: other, name: "Theirs").value
        _ = try f.alice.addMember(login: "lea", role: .manager, scope: .client(f.acme))
        let lea = f.session("lea")
        #expect(try lea.schedules().map(\.uid) == [mine])
        #expect(try lea.board(schedule: mine).shows.count == 1)
        #expect(throws: SlateError.self) { _ = try lea.board(schedule: theirs) }
        // A client manager may not plan shows.
        #expect(throws: SlateError.self) { _ = try lea.copyShow(try f.alice.board(schedule: mine).shows[0].uid, toDay: "2026-12-04") }
    }

    @Test func equipmentGoesWithTheShowFromDraftToBookingAndOff() throws {
        let f = try Fixture.make()
        let camera = try f.alice.addEquipment(name: "Sony FX6").value
        let (schedule, shows) = try schedule(f, [3], talent: [])
        _ = try f.alice.editShow(shows[0], ShowEdit(equipment: [camera]))
        let booked = try f.book(camera, "2026-12-03T11:00", "2026-12-03T12:00")
        // The draft clashes on the camera; suggest looks for a time it is free too.
        #expect(try f.alice.board(schedule: schedule).shows[0].clashes == ["Sony FX6 is booked jeu. 3 déc. 11:00–12:00 by alice (\(booked.uid))"])
        #expect(try f.alice.suggestSlots(show: shows[0]).first?.start.typed == "2026-12-03T09:00")
        _ = try f.alice.cancel(booked.uid)
        _ = try f.alice.confirmShow(shows[0])
        var card = try f.alice.showCard(shows[0])
        #expect(card.equipment.map(\.name) == ["Sony FX6"] && card.equipment.first?.booking == .confirmed)
        #expect(card.lines.contains("Equipment: Sony FX6 (confirmed)"))
        // Copies carry it; taking it off cancels its booking.
        let copy = try f.alice.copyShow(shows[0], toDay: "2026-12-10").value
        #expect(try f.alice.showCard(copy).equipment.map(\.name) == ["Sony FX6"])
        _ = try f.alice.editShow(shows[0], ShowEdit(equipment: []))
        card = try f.alice.showCard(shows[0])
        #expect(card.equipment.isEmpty && card.bookings.first { $0.resource == "Sony FX6" }?.status == .cancelled)
        _ = try f.alice.undo()
        #expect(try f.alice.showCard(shows[0]).equipment.first?.booking == .confirmed)
    }
}
