import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Task checklists: templates, generation, statuses, values, gates, access (rules 7 and 9)")
struct TaskChecklistTests {
    /// North with a template (brief due a day before the start, go-live check, host review
    /// per talent going to the talent, platform stats due 2 h after the end), maya a
    /// member, a confirmed show with Ava (linked to login ava) on Twitch.
    func world() throws -> (Fixture, show: String, template: String) {
        let f = try Fixture.make()
        _ = try f.alice.addMember(login: "maya", role: .member, scope: .studio("North"))
        _ = try f.alice.addMember(login: "ava", role: .member, scope: .studio("North"))
        let host = try f.alice.addTalent(TalentInput(name: "Ava Host", role: .host, userLogin: "ava")).value
        _ = try f.alice.addPlatform(name: "Twitch")
        _ = try f.alice.addPlatform(name: "YouTube")
        let template = try f.alice.addTemplate(name: "Live checklist").value
        _ = try f.alice.addTemplateItem(template: template, title: "Brief", type: .preProduction, input: .file, required: true, dueOffset: -86_400)
        _ = try f.alice.addTemplateItem(template: template, title: "Go-live check", type: .production, input: .percentage, required: true)
        _ = try f.alice.addTemplateItem(template: template, title: "Host review", type: .showMCReview, input: .number, assignee: "talent")
        _ = try f.alice.addTemplateItem(template: template, title: "Stats", type: .showPlatformReview, input: .number, dueOffset: 7200, dueFrom: .end, assignee: "maya")
        let show = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Acme live", start: "2026-12-03T10:00", end: "2026-12-03T12:00",
                                                 talent: [host], platforms: ["Twitch"])).value
        _ = try f.alice.confirmShow(show)
        return (f, show, template)
    }

    func tasks(_ f: Fixture, _ show: String) throws -> [String: TaskSummary] {
        Dictionary(uniqueKeysWithValues: try f.alice.tasks(Session.TaskFilter(show: show)).map { ($0.title, $0) })
    }

    @Test func generationFollowsTheTemplateAnchorsAndDefaultAssignees() throws {
        let (f, show, _) = try world()
        let list = try tasks(f, show)
        #expect(Set(list.keys) == ["Brief", "Go-live check", "Host review: Ava Host", "Stats: Twitch"])
        #expect(list["Brief"]?.dueAt?.local.hasPrefix("2026-12-02T10:00") == true)
        #expect(list["Stats: Twitch"]?.dueAt?.local.hasPrefix("2026-12-03T14:00") == true)
        #expect(list["Host review: Ava Host"]?.assignee == "ava")
        #expect(list["Host review: Ava Host"]?.status == .assigned)
        #expect(list["Stats: Twitch"]?.assignee == "maya")
        #expect(list["Brief"]?.status == .pending)
    }

    @Test func addingAPlatformAddsItsReviewAndRemovingCancelsOnlyOpenWork() throws {
        let (f, show, _) = try world()
        _ = try f.alice.addShowPlatform(show: show, platform: "YouTube")
        #expect(try tasks(f, show)["Stats: YouTube"]?.status == .assigned)
        _ = try f.alice.completeTask(try tasks(f, show)["Stats: Twitch"]!.uid, value: "1 200")
        _ = try f.alice.removeShowPlatform(show: show, platform: "Twitch")
        _ = try f.alice.removeShowPlatform(show: show, platform: "YouTube")
        let list = try tasks(f, show)
        #expect(list["Stats: Twitch"]?.status == .completed)
        #expect(list["Stats: YouTube"]?.status == .cancelled)
        // The host leaves: their booking and open review go, the show keeps the rest
        _ = try f.alice.removeShowTalent(show: show, talent: "Ava Host")
        #expect(try tasks(f, show)["Host review: Ava Host"]?.status == .cancelled)
        #expect(try f.alice.bookings().filter { $0.showUID == show }.map(\.resourceName) == ["Stage A"])
        // Adding talent to the confirmed show adds their review
        _ = try f.alice.addShowTalent(show: show, talent: f.mei)
        #expect(try tasks(f, show)["Host review: 王芳"]?.status == .pending)
    }

    @Test func aMovedShowTakesItsOpenTasksAlongByTheirAnchorInOneUndoStep() throws {
        let (f, show, _) = try world()
        _ = try f.alice.completeTask(try tasks(f, show)["Brief"]!.uid, value: "brief.pdf")
        let bookings = try f.alice.bookings().filter { $0.showUID == show }.map(\.start)
        // A day later and an hour longer: the start moves 24 h, the end 25 h
        _ = try f.alice.moveShow(show, start: "2026-12-04T10:00", end: "2026-12-04T13:00")
        let moved = try tasks(f, show)
        #expect(moved["Brief"]?.dueAt?.local.hasPrefix("2026-12-02T10:00") == true, "a completed task keeps its time")
        #expect(moved["Go-live check"]?.dueAt?.local.hasPrefix("2026-12-04T10:00") == true)
        #expect(moved["Host review: Ava Host"]?.dueAt?.local.hasPrefix("2026-12-04T10:00") == true)
        #expect(moved["Stats: Twitch"]?.dueAt?.local.hasPrefix("2026-12-04T15:00") == true, "due 2 h after the end")
        // One undo step puts the show, its bookings and its tasks back
        _ = try f.alice.undo()
        let back = try tasks(f, show)
        #expect(back["Go-live check"]?.dueAt?.local.hasPrefix("2026-12-03T10:00") == true)
        #expect(back["Stats: Twitch"]?.dueAt?.local.hasPrefix("2026-12-03T14:00") == true)
        #expect(try f.alice.bookings().filter { $0.showUID == show }.map(\.start) == bookings)
    }

    @Test func editingATemplateNeverChangesTasksAlreadyGenerated() throws {
        let (f, show, template) = try world()
        let item = try #require(try f.alice.templates().first { $0.title == "Brief" }?.item)
        _ = try f.alice.editTemplateItem(item, Session.TemplateItemInput(title: "Creative brief", required: false, dueOffset: -2 * 86_400))
        _ = try f.alice.editTemplate(template, name: "Live checklist v2")
        let brief = try #require(try tasks(f, show)["Brief"])
        #expect(brief.required && brief.dueAt?.local.hasPrefix("2026-12-02T10:00") == true)
        // A show confirmed after the edit gets the new item; an inactive template none
        let next = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageB, title: "Acme live 2", start: "2026-12-05T10:00", end: "2026-12-05T12:00")).value
        _ = try f.alice.confirmShow(next)
        #expect(try tasks(f, next)["Creative brief"]?.required == false)
        _ = try f.alice.editTemplate(template, active: false)
        let third = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageB, title: "Acme live 3", start: "2026-12-06T10:00", end: "2026-12-06T12:00")).value
        _ = try f.alice.confirmShow(third)
        #expect(try tasks(f, third).isEmpty)
    }

    @Test func valuesAreCheckedAndABadOneChangesNothing() throws {
        let (f, show, _) = try world()
        let check = try #require(try tasks(f, show)["Go-live check"])
        #expect(failure { _ = try f.alice.completeTask(check.uid, value: "140") } == "invalid_input")
        #expect(failure { _ = try f.alice.setTaskValue(check.uid, value: "lots") } == "invalid_input")
        #expect(try tasks(f, show)["Go-live check"]?.version == check.version)
        // The workspace is French: a decimal comma
        _ = try f.alice.setTaskValue(check.uid, value: "87,5 %")
        #expect(try tasks(f, show)["Go-live check"]?.value == "87.5")
        #expect(try tasks(f, show)["Go-live check"]?.status == .pending)
    }

    @Test func statusesMoveByTheirTransitionsAndCompletionRecordsWhoAndWhen() throws {
        let (f, show, _) = try world()
        let brief = try #require(try tasks(f, show)["Brief"]).uid
        #expect(failure { _ = try f.alice.setTaskStatus(brief, to: .blocked) } == "invalid_input")
        _ = try f.alice.setTaskStatus(brief, to: .blocked, reason: "waiting for the client's logo")
        #expect(try tasks(f, show)["Brief"]?.blockedReason == "waiting for the client's logo")
        #expect(violations { _ = try f.alice.setTaskStatus(brief, to: .review) }.map(\.kind) == [.transition])
        _ = try f.alice.setTaskStatus(brief, to: .inProgress)
        _ = try f.alice.setTaskStatus(brief, to: .review)
        f.clock.advance(600)
        _ = try f.alice.completeTask(brief, value: "brief-v2.pdf")
        let done = try #require(try tasks(f, show)["Brief"])
        #expect(done.status == .completed && done.doneBy == "alice" && done.doneAt?.epoch == Fixture.start + 600 && done.blockedReason.isEmpty)
        _ = try f.alice.reopenTask(brief)
        #expect(try tasks(f, show)["Brief"]?.status == .pending)
        #expect(try tasks(f, show)["Brief"]?.doneBy == nil)
    }

    @Test func gatesNameTheBlockingTasksUntilTheyAreDone() throws {
        let (f, show, _) = try world()
        let refused = violations { _ = try f.alice.setShowStatus(show, to: .live) }
        #expect(refused.map(\.kind) == [.openRequiredTasks])
        #expect(refused[0].otherUID == (try tasks(f, show)["Brief"]?.uid))
        _ = try f.alice.completeTask(try tasks(f, show)["Brief"]!.uid, value: "brief.pdf")
        _ = try f.alice.setShowStatus(show, to: .live)
        #expect(violations { _ = try f.alice.setShowStatus(show, to: .completed) }.first?.message.contains("Go-live check") == true)
    }

    @Test func membersWorkTheirOwnOrUnassignedTasksAndOnlyManagersAssign() throws {
        let (f, show, _) = try world()
        let maya = f.session("maya")
        let list = try tasks(f, show)
        // Maya works her own task and an unassigned one
        _ = try maya.completeTask(list["Stats: Twitch"]!.uid, value: "900")
        _ = try maya.setTaskStatus(list["Brief"]!.uid, to: .inProgress)
        // Not the host's review, and she cannot assign
        #expect(failure { _ = try maya.completeTask(list["Host review: Ava Host"]!.uid, value: "5") } == "access_denied")
        #expect(failure { _ = try maya.assignTask(list["Brief"]!.uid, to: "maya") } == "access_denied")
        // The talent works their own review; a manager assigns
        _ = try f.session("ava").completeTask(list["Host review: Ava Host"]!.uid, value: "4")
        _ = try f.alice.assignTask(list["Go-live check"]!.uid, to: "ava")
        #expect(try tasks(f, show)["Go-live check"]?.status == .assigned)
        #expect(failure { _ = try maya.setTaskStatus(list["Go-live check"]!.uid, to: .inProgress) } == "access_denied")
        // My tasks, overdue and due soon
        #expect(try maya.tasks(Session.TaskFilter(mine: true)).map(\.title) == ["Stats: Twitch"])
        f.clock.advance(2 * 86_400)
        #expect(try f.alice.tasks(Session.TaskFilter(overdue: true)).map(\.title) == ["Brief"])
        #expect(try f.alice.tasks(Session.TaskFilter(dueWithin: 86_400)).map(\.title) == ["Go-live check"])
        #expect(try f.alice.tasks(Session.TaskFilter(show: show)).first { $0.title == "Brief" }?.overdue == true)
    }

    @Test func overdueAndMineUseTheirIndexes() throws {
        let f = try Fixture.make()
        let plans = try f.workspace.read { db in
            try [("SELECT id FROM tasks WHERE status NOT IN ('completed', 'cancelled') AND deleted_at IS NULL AND due_at < 5", "tasks_open_due"),
                 ("SELECT id FROM tasks WHERE assignee_id = 3", "tasks_assignee")].map { sql, index in
                (index, try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: " "))
            }
        }
        for (index, plan) in plans { #expect(plan.contains(index), "\(plan)") }
    }
}
