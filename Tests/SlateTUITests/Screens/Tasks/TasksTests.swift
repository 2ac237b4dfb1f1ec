import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

/// Two confirmed shows with a studio checklist, in Paris, seen on Thursday 2026-12-03 09:30.
enum TasksScene {
    static let session: Session = {
        let directory = Scratch.directory("slate-tasks")
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let setup = WorkspaceSetup(workspaceName: "Demo", studioName: "North", timeZone: "Europe/Paris", founderLogin: "alice", founderName: "Alice")
        let clock = Clock.fixed(try! Scene.zone.parse("2026-12-01T09:00"))
        let workspace = try! Workspace.initialize(at: directory + "/w.slate", setup: setup, clock: clock)
        let session = Session(workspace: workspace, login: "alice", clock: clock)
        _ = try! session.addMember(login: "maya", role: .member, scope: .studio("North"))
        let room = try! session.addRoom(name: "Stage A").value
        let host = try! session.addTalent(TalentInput(name: "Zoë 🎤 Park", role: .host)).value
        let client = try! session.addClient(name: "Acme").value
        _ = try! session.addPlatform(name: "Twitch")
        let template = try! session.addTemplate(name: "Live checklist").value
        _ = try! session.addTemplateItem(template: template, title: "Brief received", type: .preProduction, input: .file, required: true, dueOffset: -86_400)
        _ = try! session.addTemplateItem(template: template, title: "Tech rehearsal", type: .preProduction, input: .text, required: true, dueOffset: -3600, assignee: "maya")
        _ = try! session.addTemplateItem(template: template, title: "Go-live check", type: .production, input: .percentage, required: true)
        _ = try! session.addTemplateItem(template: template, title: "Host review", type: .showMCReview, input: .number, dueOffset: 86_400, dueFrom: .end)
        _ = try! session.addTemplateItem(template: template, title: "Stats", type: .showPlatformReview, input: .number, dueOffset: 2 * 86_400)
        for (index, title) in ["Acme live 1", "Acme 春 live 2"].enumerated() {
            let show = try! session.addShow(ShowInput(client: client, room: room, title: title, start: .local("2026-12-0\(3 + index)T10:00"),
                                                      end: .local("2026-12-0\(3 + index)T12:00"), talent: [host], platforms: ["Twitch"])).value
            _ = try! session.confirmShow(show)
        }
        return session
    }()

    static let now = try! Scene.zone.parse("2026-12-03T09:30")

    static func state(width: Int = 80, height: Int = 24, unicode: Bool = true) -> AppState {
        var state = AppState(width: width, height: height, now: now, zone: Scene.zone, workspaceName: "Demo", user: "alice", unicode: unicode)
        #expect(update(&state, .key(.char("4"))) == [.loadTasks(.byShow)])
        _ = update(&state, .tasksLoaded(try! Session(workspace: session.workspace, login: "alice", clock: .fixed(now)).tasks(TaskGrouping.byShow.filter(now: now)), .byShow))
        return state
    }

    static func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }
}

@Suite("The task view (view 4)")
struct TasksViewTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func checklistGoldens(width: Int, height: Int) {
        var state = TasksScene.state(width: width, height: height)
        _ = TasksScene.press(&state, [.char("j"), .char("j")])
        Golden.check("tasks-by-show-\(width)x\(height).txt", render(state).text)
        Golden.check("tasks-by-show-\(width)x\(height).roles.txt", render(state).roles)
        #expect(render(state).text.contains("[ ] * Brief received"))
        #expect(tasksPaneLines(state)[0].hasPrefix("Brief received · tk-"))
        #expect(tasksPaneLines(state)[1].contains("(overdue)"))
    }

    @Test func spaceCompletesEnterEditsTheValueAndARefusalKeepsTheFormOpen() {
        var state = TasksScene.state()
        _ = TasksScene.press(&state, [.char("j"), .char("j")])
        let brief = state.tasks.cursorTask!
        #expect(TasksScene.press(&state, [.char(" ")]) == [.completeTask(brief.uid, value: nil, version: brief.version)])
        _ = TasksScene.press(&state, [.char("j"), .char("j"), .char("j"), .enter])
        let check = state.tasks.cursorTask!
        #expect(check.title == "Go-live check")
        #expect(TasksScene.press(&state, Key.typed("140") + [.enter]) == [.completeTask(check.uid, value: "140", version: check.version)])
        _ = update(&state, .failed(.invalidInput("'140' is not a percentage between 0 and 100")))
        #expect(state.tasks.form?.problem.contains("not a percentage") == true)
        Golden.check("tasks-value-form-80x24.txt", render(state).text)
        _ = TasksScene.press(&state, [.escape])
        #expect(state.tasks.form == nil)
    }

    @Test func statusBlockAssignAndFilter() {
        var state = TasksScene.state()
        _ = TasksScene.press(&state, [.char("j"), .char("j")])
        let brief = state.tasks.cursorTask!
        // Nobody has the brief: "assigned" is not offered, in progress comes first
        _ = TasksScene.press(&state, [.char("s")])
        guard case .choice(let options, _)? = state.tasks.form?.form.fields.first?.kind else { Issue.record("no status choice"); return }
        #expect(!options.contains("assigned"))
        #expect(TasksScene.press(&state, [.enter]) == [.setTaskStatus(brief.uid, .inProgress, reason: "", version: brief.version)])
        // The form stays until the command succeeds
        #expect(state.tasks.form != nil)
        _ = update(&state, .succeeded("ok", warnings: []))
        _ = TasksScene.press(&state, [.char("b")])
        #expect(TasksScene.press(&state, [.enter]).isEmpty)
        #expect(state.tasks.form?.problem.contains("say why") == true)
        #expect(TasksScene.press(&state, Key.typed("no logo yet") + [.enter]) == [.setTaskStatus(brief.uid, .blocked, reason: "no logo yet", version: brief.version)])
        _ = update(&state, .succeeded("ok", warnings: []))
        _ = TasksScene.press(&state, [.char("a")] + Key.typed("maya"))
        #expect(TasksScene.press(&state, [.enter]) == [.assignTask(brief.uid, login: "maya")])
        _ = update(&state, .succeeded("ok", warnings: []))
        // q in a form is typed, not quit; / narrows the lines
        _ = TasksScene.press(&state, [.char("/")] + Key.typed("stats"))
        #expect(!state.quitting)
        #expect(state.tasks.lines.filter { if case .task = $0 { true } else { false } }.count == 2)
        _ = TasksScene.press(&state, [.escape])
        #expect(state.tasks.search.isEmpty)
    }

    @Test func groupingsCycleAndEachLoadsItsOwnTasks() {
        var state = TasksScene.state()
        #expect(TasksScene.press(&state, [.char("v")]) == [.loadTasks(.mine)])
        #expect(TasksScene.press(&state, [.char("v")]) == [.loadTasks(.byAssignee)])
        _ = update(&state, .tasksLoaded(try! TasksScene.session.tasks(TaskGrouping.byAssignee.filter(now: TasksScene.now)), .byAssignee))
        Golden.check("tasks-by-assignee-80x24.txt", render(state).text)
        #expect(TasksScene.press(&state, [.char("v")]) == [.loadTasks(.overdue)])
        #expect(TasksScene.press(&state, [.char("v")]) == [.loadTasks(.dueThisWeek)])
        #expect(TasksScene.press(&state, [.char("v")]) == [.loadTasks(.byShow)])
        // A stale answer for another grouping is ignored
        #expect(update(&state, .tasksLoaded([], .overdue)).isEmpty)
        // A long list says how much more there is
        let some = state.tasks.tasks
        _ = update(&state, .tasksLoaded(some, .byShow, total: 9_990))
        #expect(render(state).text.contains("the first \(some.count) of 9990 (slate task list shows all)"))
    }

    @Test func aBlockedShowNamesItsTasksAndTheCursorGoesToTheFirst() {
        var state = TasksScene.state()
        let show = state.tasks.cursorShow!
        _ = TasksScene.press(&state, [.char("L")])
        guard case .prompt(let prompt) = state.mode else { Issue.record("no prompt"); return }
        #expect(prompt.onYes == [.setShowStatus(show.uid, .live)])
        _ = TasksScene.press(&state, [.char("y")])
        let rehearsal = state.tasks.tasks.first { $0.title == "Tech rehearsal" && $0.showUID == show.uid }!
        _ = update(&state, .showBlocked("Refused: Tech rehearsal is pending", tasks: [rehearsal.uid]))
        #expect(state.tasks.cursorTask?.uid == rehearsal.uid)
        #expect(state.status?.kind == .error)
    }

    @Test func severalZonesNameThePlaceOfEveryTime() {
        var state = TasksScene.state()
        state.tasks.severalZones = true
        _ = TasksScene.press(&state, [.char("j"), .char("j")])
        let text = render(state).text
        #expect(text.contains("Thu, Dec 3 10:00 Paris · confirmed"))
        #expect(text.contains("Wed, Dec 2 10:00 Par!"))
        #expect(tasksPaneLines(state)[1].contains("due Wed, Dec 2 10:00 Paris (overdue)"))
    }

    @Test func aLongWorkspaceNameGivesWayToTheClockOnANarrowScreen() {
        var state = TasksScene.state()
        state.workspaceName = "North Light Studios — main workspace"
        let top = render(state).text.split(separator: "\n")[0]
        #expect(top.hasSuffix("alice · 09:30 ") && top.contains("4 Tasks"))
    }

    @Test func theCommandLineMovesTheShowUnderTheCursorInAnyView() {
        var state = TasksScene.state()
        let show = state.tasks.cursorShow!.uid
        #expect(TasksScene.press(&state, [.char(":")] + Key.typed("complete") + [.enter]) == [.setShowStatus(show, .completed)])
        _ = TasksScene.press(&state, [.char("2")])
        #expect(TasksScene.press(&state, [.char(":")] + Key.typed("live") + [.enter]).isEmpty)
        #expect(state.status?.text.contains("Put the cursor on a show's booking") == true)
    }

    @Test func theTemplateEditorAddsEditsAndTogglesItems() throws {
        var state = TasksScene.state(width: 120, height: 40)
        #expect(TasksScene.press(&state, [.char("T")]) == [.loadTemplates])
        _ = update(&state, .templatesLoaded(try TasksScene.session.templates()))
        Golden.check("tasks-templates-120x40.txt", render(state).text)
        let first = state.tasks.editor!.items[0]
        _ = TasksScene.press(&state, [.char("n")] + Key.typed("Thumbnail") + [.down, .char(" "), .down, .down, .down] + [.backspace] + Key.typed("-2d"))
        #expect(TasksScene.press(&state, [.enter]) == [.addTemplateItem(template: first.template, Session.TemplateItemInput(
            title: "Thumbnail", type: .production, input: .text, required: false, dueOffset: -172_800, dueFrom: .start, assignee: ""))])
        _ = update(&state, .succeeded("ok", warnings: []))
        _ = TasksScene.press(&state, [.char("e"), .down, .down, .down, .char(" ")])
        guard case .editItem(let item, _)? = state.tasks.form?.purpose else { Issue.record("no edit form"); return }
        #expect(item == first.item)
        _ = TasksScene.press(&state, [.escape, .char("A")])
        #expect(TasksScene.press(&state, [.escape]).isEmpty)
        #expect(state.tasks.editor == nil)
    }
}

@Suite("The task view against a real workspace")
struct TasksRealUseTests {
    @Test func completeTheRequiredTasksThenTheShowGoesLive() throws {
        let (driver, paris, _) = try Driver.twoZones()
        var d = driver
        let template = try d.session.addTemplate(studio: "North", name: "Checklist").value
        _ = try d.session.addTemplateItem(template: template, title: "Brief", type: .preProduction, required: true)
        _ = try d.session.addTemplateItem(template: template, title: "Rehearsal", type: .preProduction, required: true)
        let client = try d.session.addClient(studio: "North", name: "Acme").value
        let show = try d.session.addShow(ShowInput(client: client, studio: "North", room: paris, title: "Launch", start: "2026-12-02T10:00", end: "2026-12-02T12:00")).value
        _ = try d.session.confirmShow(show)
        d.press([.char("4")])
        #expect(d.state.tasks.loaded)
        // L first: refused, the cursor lands on the first blocking task
        d.press([.char("L"), .char("y")])
        #expect(d.state.status?.text.contains("cannot become live") == true)
        #expect(d.state.tasks.cursorTask?.title == "Brief")
        d.press([.char(" ")])
        #expect(d.state.status?.text.hasPrefix("Completed") == true)
        d.press([.char("j"), .char(" ")])
        #expect(try d.session.tasks(Session.TaskFilter(show: show)).allSatisfy { $0.status == .completed })
        d.press([.char("L"), .char("y")])
        #expect(d.state.status?.text == "Show \(show) is live.")
        // One undo reopens the show's last step
        d.press([.char("u")])
        #expect(try d.session.shows().first { $0.uid == show }?.status == .confirmed)
    }
}
