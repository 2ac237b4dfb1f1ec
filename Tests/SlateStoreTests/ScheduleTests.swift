import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Schedules, shows and tasks (rules 5–9, 13)")
struct ScheduleTests {
    /// A proposed schedule of `count` daily 2-hour shows in Stage A with Ava, from 2026-12-03.
    func proposedSchedule(_ f: Fixture, count: Int = 3, room: String? = nil, talent: [String]? = nil) throws -> (schedule: String, shows: [String]) {
        let schedule = try f.alice.addSchedule(client: f.acme, name: "December").value
        var shows: [String] = []
        for day in 0..<count {
            let date = String(format: "2026-12-%02d", 3 + day)
            shows.append(try f.alice.addShow(ShowInput(client: f.acme, schedule: schedule, room: room ?? f.stageA, title: "Acme live \(day + 1)",
                                                       start: .local("\(date)T10:00"), end: .local("\(date)T12:00"), talent: talent ?? [f.ava])).value)
        }
        _ = try f.alice.setScheduleStatus(schedule, to: .proposed)
        return (schedule, shows)
    }

    func template(_ f: Fixture) throws {
        let template = try f.alice.addTemplate(name: "Checklist").value
        _ = try f.alice.addTemplateItem(template: template, title: "Brief", type: .preProduction, input: .file, required: true, dueOffset: -86_400)
        _ = try f.alice.addTemplateItem(template: template, title: "Go-live", type: .production, input: .percentage, required: true)
        _ = try f.alice.addTemplateItem(template: template, title: "Host review", type: .showMCReview, input: .number)
    }

    @Test func draftsReserveNothing() throws {
        let f = try Fixture.make()
        _ = try proposedSchedule(f)
        #expect(try f.count("SELECT count(*) FROM bookings") == 0)
        // The slot is still free to book, and the draft board shows the clash as a soft marker.
        let booked = try f.book(f.stageA, "2026-12-03T11:00", "2026-12-03T13:00")
        let markers = try f.alice.check(from: "2026-12-01T00:00", to: "2026-12-31T00:00").filter { $0.kind == "draft_clash" }
        #expect(markers.count == 1)
        #expect(markers[0].message.contains(booked.uid))
    }

    @Test func confirmingAScheduleBooksEveryShowAndGeneratesTasksInOneCommand() throws {
        let f = try Fixture.make()
        try template(f)
        let (schedule, shows) = try proposedSchedule(f)
        let outcome = try f.alice.setScheduleStatus(schedule, to: .confirmed)
        #expect(try f.count("SELECT count(*) FROM bookings WHERE status = 'confirmed'") == 6)
        #expect(try f.count("SELECT count(*) FROM shows WHERE status = 'confirmed'") == 3)
        #expect(try f.count("SELECT count(*) FROM tasks") == 9)
        #expect(try f.count("SELECT count(DISTINCT command_id) FROM audits WHERE command_id = (SELECT max(id) FROM commands)") == 1)
        #expect(outcome.changes.filter { $0.table == "bookings" }.count == 6)
        // Undo takes the whole confirmation back in one step.
        _ = try f.alice.undo()
        #expect(try f.count("SELECT count(*) FROM bookings WHERE status = 'confirmed' AND deleted_at IS NULL") == 0)
        #expect(try f.count("SELECT count(*) FROM shows WHERE status = 'draft'") == 3)
        #expect(shows.count == 3)
    }

    @Test func confirmationIsAllOrNothingAndListsEveryClash() throws {
        let f = try Fixture.make()
        try template(f)
        let (schedule, _) = try proposedSchedule(f)
        let roomClash = try f.book(f.stageA, "2026-12-03T11:00", "2026-12-03T12:00")
        let talentClash = try f.book(f.ava, "2026-12-05T09:00", "2026-12-05T10:30")
        let found = violations { _ = try f.alice.setScheduleStatus(schedule, to: .confirmed) }
        #expect(found.compactMap(\.otherUID) == [roomClash.uid, talentClash.uid])
        #expect(found[0].message.contains("Acme live 1"))
        #expect(try f.count("SELECT count(*) FROM bookings") == 2)
        #expect(try f.count("SELECT count(*) FROM tasks") == 0)
        #expect(try f.count("SELECT count(*) FROM schedules WHERE status = 'proposed'") == 1)
    }

    @Test func draftsOfOneScheduleThatClashWithEachOtherAreRefused() throws {
        let f = try Fixture.make()
        let schedule = try f.alice.addSchedule(client: f.acme, name: "Clashing").value
        for title in ["One", "Two"] {
            _ = try f.alice.addShow(ShowInput(client: f.acme, schedule: schedule, room: f.stageA, title: title, start: "2026-12-03T10:00", end: "2026-12-03T12:00"))
        }
        _ = try f.alice.setScheduleStatus(schedule, to: .proposed)
        let found = violations { _ = try f.alice.setScheduleStatus(schedule, to: .confirmed) }
        #expect(found.map(\.kind) == [.doubleBooking])
        #expect(try f.count("SELECT count(*) FROM bookings") == 0)
    }

    @Test func thePlanPreviewsExactlyWhatConfirmingWouldWrite() throws {
        let f = try Fixture.make()
        try template(f)
        let (schedule, _) = try proposedSchedule(f, count: 2)
        let plan = try f.alice.setScheduleStatus(schedule, to: .confirmed, plan: true)
        #expect(plan.planned)
        #expect(try f.count("SELECT count(*) FROM bookings") == 0)
        let applied = try f.alice.setScheduleStatus(schedule, to: .confirmed)
        #expect(plan.changes.map(\.table) == applied.changes.map(\.table))
        #expect(plan.changes.map(\.uid) == applied.changes.map(\.uid))
    }

    @Test func theScheduleLifecycleIsEnforcedAndAudited() throws {
        let f = try Fixture.make()
        let schedule = try f.alice.addSchedule(client: f.acme, name: "S").value
        #expect(violations { _ = try f.alice.setScheduleStatus(schedule, to: .confirmed) }.map(\.kind) == [.transition])
        _ = try f.alice.setScheduleStatus(schedule, to: .proposed)
        _ = try f.alice.setScheduleStatus(schedule, to: .draft)
        _ = try f.alice.setScheduleStatus(schedule, to: .cancelled)
        #expect(violations { _ = try f.alice.setScheduleStatus(schedule, to: .draft) }.map(\.kind) == [.transition])
        #expect(try f.count("SELECT count(*) FROM audits WHERE record_table = 'schedules'") == 4)
    }

    @Test func aClientManagerMaySendBackOrApproveButNotPropose() throws {
        let f = try Fixture.make()
        _ = try f.alice.addMember(login: "lea", role: .manager, scope: .client(f.acme))
        let lea = f.session("lea")
        let (schedule, _) = try proposedSchedule(f, count: 1)
        _ = try lea.setScheduleStatus(schedule, to: .draft)
        #expect(failure { _ = try lea.setScheduleStatus(schedule, to: .proposed) } == "access_denied")
        _ = try f.alice.setScheduleStatus(schedule, to: .proposed)
        #expect(failure { _ = try lea.setScheduleStatus(schedule, to: .confirmed, forceReason: "we insist") } == "access_denied")
        _ = try lea.setScheduleStatus(schedule, to: .confirmed)
        #expect(try f.count("SELECT count(*) FROM bookings WHERE status = 'confirmed'") == 2)
    }

    @Test func tasksAreGeneratedOnceEvenWhenTalentIsAddedLater() throws {
        let f = try Fixture.make()
        try template(f)
        let show = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Solo", start: "2026-12-03T10:00", end: "2026-12-03T12:00", talent: [f.ava])).value
        _ = try f.alice.confirmShow(show)
        #expect(try f.count("SELECT count(*) FROM tasks") == 3)
        #expect(failure { _ = try f.alice.confirmShow(show) } == "refused")
        _ = try f.alice.addShowTalent(show: show, talent: f.noah)
        #expect(try f.count("SELECT count(*) FROM tasks") == 4)
        #expect(try f.count("SELECT count(*) FROM bookings WHERE status = 'confirmed'") == 3)
        let due = try f.workspace.read { db in try Int64.fetchOne(db, sql: "SELECT due_at FROM tasks WHERE title = 'Brief'") }
        #expect(due == (try LocalTime(zoneIdentifier: "Europe/Paris").parse("2026-12-02T10:00")))
    }

    @Test func showGatesFollowRequiredTasksAndCancellingReleasesBookings() throws {
        let f = try Fixture.make()
        try template(f)
        let show = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Gate", start: "2026-12-03T10:00", end: "2026-12-03T12:00", talent: [f.ava])).value
        _ = try f.alice.confirmShow(show)
        let queued = try f.hold(f.stageA, "2026-12-03T11:00", "2026-12-03T13:00")
        #expect(violations { _ = try f.alice.setShowStatus(show, to: .live) }.map(\.kind) == [.openRequiredTasks])
        let tasks = try f.alice.tasks(Session.TaskFilter(show: show))
        let brief = tasks.first { $0["title"] == "Brief" }?["uid"] ?? ""
        let golive = tasks.first { $0["title"] == "Go-live" }?["uid"] ?? ""
        #expect(failure { _ = try f.alice.completeTask(golive, value: "140") } == "invalid_input")
        _ = try f.alice.completeTask(brief, value: "brief.pdf")
        _ = try f.alice.setShowStatus(show, to: .live)
        #expect(violations { _ = try f.alice.setShowStatus(show, to: .completed) }.map(\.kind) == [.openRequiredTasks])
        _ = try f.alice.completeTask(golive, value: "100%")
        _ = try f.alice.setShowStatus(show, to: .cancelled)
        #expect(try f.count("SELECT count(*) FROM bookings WHERE show_id IS NOT NULL AND status = 'cancelled'") == 2)
        #expect(try f.rank(queued.uid) == 1)
    }
}
