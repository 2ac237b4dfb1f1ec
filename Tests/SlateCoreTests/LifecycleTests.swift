import Testing
@testable import SlateCore

@Suite("Show and schedule lifecycles (rules 7, 8)")
struct LifecycleTests {
    @Test func showsMoveForwardOnlyAlongTheirLifecycle() {
        #expect(ShowLifecycle.check("x", from: .draft, to: .confirmed, tasks: []).isEmpty)
        #expect(ShowLifecycle.check("x", from: .draft, to: .live, tasks: []).map(\.kind) == [.transition])
        #expect(ShowLifecycle.check("x", from: .completed, to: .cancelled, tasks: []).map(\.kind) == [.transition])
        #expect(ShowLifecycle.check("x", from: .live, to: .cancelled, tasks: []).isEmpty)
    }

    @Test func aShowCannotGoLiveWithARequiredPreProductionTaskOpen() {
        let tasks = [
            TaskGateInfo(uid: "tk-1", title: "Brief", itemType: .preProduction, required: true, status: .open),
            TaskGateInfo(uid: "tk-2", title: "Optional", itemType: .preProduction, required: false, status: .open),
            TaskGateInfo(uid: "tk-3", title: "Go-live", itemType: .production, required: true, status: .open),
        ]
        let violations = ShowLifecycle.check("x", from: .confirmed, to: .live, tasks: tasks)
        #expect(violations.map(\.otherUID) == ["tk-1"])
        #expect(ShowLifecycle.check("x", from: .live, to: .completed, tasks: tasks).map(\.otherUID) == ["tk-3"])
        var done = tasks
        done[0].status = .done
        #expect(ShowLifecycle.check("x", from: .confirmed, to: .live, tasks: done).isEmpty)
    }

    @Test func scheduleTransitions() {
        let allowed: [(ScheduleStatus, ScheduleStatus)] = [(.draft, .proposed), (.proposed, .confirmed), (.confirmed, .archived), (.proposed, .draft), (.draft, .cancelled), (.proposed, .cancelled)]
        for from in ScheduleStatus.allCases {
            for to in ScheduleStatus.allCases {
                let ok = allowed.contains { $0 == (from, to) }
                #expect(ScheduleLifecycle.check("s", from: from, to: to).isEmpty == ok, "\(from) -> \(to)")
            }
        }
    }
}

@Suite("Task generation (rule 9)")
struct TaskGenerationTests {
    let items = [
        TemplateItemInfo(id: 1, title: "Brief", itemType: .preProduction, inputType: .file, required: true, dueOffset: -86_400),
        TemplateItemInfo(id: 2, title: "MC review", itemType: .showMCReview, inputType: .number, required: false, dueOffset: 3600),
        TemplateItemInfo(id: 3, title: "Stats", itemType: .showPlatformReview, inputType: .number, required: false, dueOffset: 7200),
    ]

    @Test func oneTaskPerItemPerTalentPerPlatformWithDueDates() {
        let tasks = TaskGeneration.tasks(showStart: 1_000_000, items: items, talent: [(10, "Ava"), (11, "王芳")], platforms: [(20, "Twitch")], existing: [])
        #expect(tasks.count == 4)
        #expect(tasks.map(\.title) == ["Brief", "MC review: Ava", "MC review: 王芳", "Stats: Twitch"])
        #expect(tasks[0].dueAt == 1_000_000 - 86_400)
        #expect(tasks[1].showTalentID == 10)
        #expect(tasks[3].showPlatformID == 20)
    }

    @Test func generatingAgainNeverDuplicates() {
        let first = TaskGeneration.tasks(showStart: 0, items: items, talent: [(10, "Ava")], platforms: [], existing: [])
        let again = TaskGeneration.tasks(showStart: 0, items: items, talent: [(10, "Ava"), (11, "Noah")], platforms: [], existing: Set(first.map(\.key)))
        #expect(again.map(\.title) == ["MC review: Noah"])
    }
}
