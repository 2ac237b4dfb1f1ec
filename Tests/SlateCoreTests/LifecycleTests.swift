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
            TaskGateInfo(uid: "tk-1", title: "Brief", itemType: .preProduction, required: true, status: .pending),
            TaskGateInfo(uid: "tk-2", title: "Optional", itemType: .preProduction, required: false, status: .pending),
            TaskGateInfo(uid: "tk-3", title: "Go-live", itemType: .production, required: true, status: .pending),
        ]
        let violations = ShowLifecycle.check("x", from: .confirmed, to: .live, tasks: tasks)
        #expect(violations.map(\.otherUID) == ["tk-1"])
        #expect(ShowLifecycle.check("x", from: .live, to: .completed, tasks: tasks).map(\.otherUID) == ["tk-3"])
        var done = tasks
        done[0].status = .completed
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
        let tasks = TaskGeneration.tasks(showStart: 1_000_000, showEnd: 1_007_200, items: items, talent: [(10, "Ava"), (11, "王芳")], platforms: [(20, "Twitch")], existing: [])
        #expect(tasks.count == 4)
        #expect(tasks.map(\.title) == ["Brief", "MC review: Ava", "MC review: 王芳", "Stats: Twitch"])
        #expect(tasks[0].dueAt == 1_000_000 - 86_400)
        #expect(tasks[1].showTalentID == 10)
        #expect(tasks[3].showPlatformID == 20)
    }

    @Test func generatingAgainNeverDuplicates() {
        let first = TaskGeneration.tasks(showStart: 0, showEnd: 3600, items: items, talent: [(10, "Ava")], platforms: [], existing: [])
        let again = TaskGeneration.tasks(showStart: 0, showEnd: 3600, items: items, talent: [(10, "Ava"), (11, "Noah")], platforms: [], existing: Set(first.map(\.key)))
        #expect(again.map(\.title) == ["MC review: Noah"])
    }
}

@Suite("Task statuses and values (DESIGN §3 rules 7 and 9)")
struct TaskRulesTests {
    @Test func transitionsFollowTheChecklistAndCancelledIsFinal() {
        #expect(TaskStatus.pending.successors.contains(.inProgress))
        #expect(TaskStatus.inProgress.successors.contains(.review))
        #expect(!TaskStatus.review.successors.contains(.pending))
        #expect(TaskStatus.blocked.successors == [.pending, .assigned, .inProgress])
        #expect(TaskStatus.cancelled.successors.isEmpty)
        #expect(!TaskStatus.pending.successors(assigned: false).contains(.assigned))
        #expect(TaskStatus.pending.successors(assigned: true).contains(.assigned))
        #expect(TaskStatus.allCases.filter(\.isOpen) == [.pending, .assigned, .inProgress, .review, .blocked])
        for status in TaskStatus.allCases { #expect(!status.successors.contains(.cancelled) && !status.successors.contains(status)) }
    }

    @Test func gatesNameEveryOpenRequiredTaskWhateverItsStatus() {
        let tasks = [TaskGateInfo(uid: "tk-1", title: "Brief", itemType: .preProduction, required: true, status: .review),
                     TaskGateInfo(uid: "tk-2", title: "Script", itemType: .preProduction, required: true, status: .blocked),
                     TaskGateInfo(uid: "tk-3", title: "Old host review", itemType: .preProduction, required: true, status: .cancelled),
                     TaskGateInfo(uid: "tk-4", title: "Run sheet", itemType: .preProduction, required: true, status: .completed),
                     TaskGateInfo(uid: "tk-5", title: "Nice to have", itemType: .preProduction, required: false, status: .pending)]
        let refused = ShowLifecycle.check("Live 1", from: .confirmed, to: .live, tasks: tasks)
        #expect(refused.compactMap(\.otherUID) == ["tk-1", "tk-2"])
        #expect(refused[1].message.contains("is blocked"))
    }

    @Test func valuesAreCheckedByInputTypeInTheWorkspaceLocale() throws {
        let paris = try LocalTime(zoneIdentifier: "Europe/Paris")
        #expect(try TaskValue.validate("1 234,5", as: .number, zone: paris, locale: "fr_FR") == "1234.5")
        #expect(try TaskValue.validate("1,234.5", as: .number, zone: paris, locale: "en_US") == "1234.5")
        #expect(try TaskValue.validate("1.234,5", as: .number, zone: paris, locale: "de_DE") == "1234.5")
        #expect(try TaskValue.validate("87,5 %", as: .percentage, zone: paris, locale: "fr_FR") == "87.5")
        #expect(throws: SlateError.self) { try TaskValue.validate("101", as: .percentage, zone: paris) }
        #expect(throws: SlateError.self) { try TaskValue.validate("12abc", as: .number, zone: paris) }
        #expect(throws: SlateError.self) { try TaskValue.validate("ftp://x", as: .url, zone: paris) }
        #expect(throws: SlateError.self) { try TaskValue.validate("2026-13-01", as: .date, zone: paris) }
        #expect(try TaskValue.validate("https://cdn.example/clip.mp4", as: .url, zone: paris) == "https://cdn.example/clip.mp4")
        #expect(try TaskValue.validate("2026-12-03", as: .date, zone: paris) == "2026-12-03")
    }
}
