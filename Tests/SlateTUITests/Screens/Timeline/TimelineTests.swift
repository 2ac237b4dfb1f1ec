import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

/// Two planned projects in a Mon–Fri Paris studio, seen on Thursday 2026-12-03.
enum TimelineScene {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// A real workspace, so the plans are the domain's own.
    static let session: Session = {
        let directory = Scratch.directory("slate-timeline")
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let setup = WorkspaceSetup(workspaceName: "Demo", studioName: "North", timeZone: "Europe/Paris", openingHours: "Mon-Fri 09:00-19:00",
                                   founderLogin: "alice", founderName: "Alice")
        let workspace = try! Workspace.initialize(at: directory + "/w.slate", setup: setup, clock: .fixed(Scene.now))
        let session = Session(workspace: workspace, login: "alice", clock: .fixed(Scene.now))
        _ = try! session.addRoom(name: "Stage A")
        _ = try! session.importProject(ProjectFile(name: "Album", start: day("2026-11-30"), phases: [
            .init(key: "write", name: "Writing", timing: .fixed(from: day("2026-11-30"), through: day("2026-12-02")), progress: 100),
            .init(key: "track", name: "Tracking", timing: .days(4), progress: 25),
            .init(key: "art", name: "Artwork", timing: .days(3)),
            .init(key: "mix", name: "Mixing", timing: .days(3)),
            .init(key: "master", name: "Master", timing: .milestone(on: nil)),
            .init(key: "release", name: "Release", timing: .milestone(on: day("2026-12-08"))),
        ], dependencies: [.init(from: "write", to: "track"), .init(from: "track", to: "art", kind: .startToStart, lag: 1), .init(from: "track", to: "mix"),
                          .init(from: "mix", to: "master"), .init(from: "master", to: "release")]))
        _ = try! session.importProject(ProjectFile(name: "Spring 春 campaign 🎬", start: day("2026-12-07"), phases: [
            .init(key: "shoot", name: "Shoot", timing: .days(3)), .init(key: "edit", name: "Edit", timing: .days(5)),
            .init(key: "deliver", name: "Deliver", timing: .milestone(on: nil)),
        ], dependencies: [.init(from: "shoot", to: "edit"), .init(from: "edit", to: "deliver")]))
        return session
    }()

    static func state(width: Int = 80, height: Int = 24, unicode: Bool = true) -> AppState {
        var state = Scene.state(width: width, height: height, unicode: unicode)
        let effects = update(&state, .key(.char("1")))
        precondition(effects == [.loadTimeline])
        _ = update(&state, .timelineLoaded(try! session.timeline()))
        return state
    }

    static func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }
}

@Suite("The timeline (view 1)")
struct TimelineTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func weekGoldens(width: Int, height: Int) {
        var state = TimelineScene.state(width: width, height: height)
        _ = TimelineScene.press(&state, [.char("j"), .char("j")])
        let canvas = render(state)
        Golden.check("timeline-week-\(width)x\(height).txt", canvas.text)
        Golden.check("timeline-week-\(width)x\(height).roles.txt", canvas.roles)
        // The critical chain is marked, the broken milestone flagged, the pane explains the phase
        #expect(canvas.text.contains("● Tracking"))
        #expect(canvas.text.contains("! Release"))
        #expect(timelinePaneLines(state)[0].hasPrefix("Tracking · ph-"))
        #expect(timelinePaneLines(state)[2] == "After: Writing (FS) · before: Artwork (SS +1d), Mixing (FS)")
    }

    @Test func everyZoomCollapsedProjectsCriticalOffAndASCII() {
        var state = TimelineScene.state(width: 120, height: 40)
        var shots: [String] = []
        for key in ["+", "-", "-", "-"] {
            _ = TimelineScene.press(&state, [.char(Character(key))])
            shots.append("zoom \(state.timeline.zoom.name)\n" + render(state).text.split(separator: "\n").prefix(12).joined(separator: "\n"))
        }
        #expect(state.timeline.zoom == .quarter)
        Golden.check("timeline-zooms-120x40.txt", shots.joined(separator: "\n\n"))
        var small = TimelineScene.state()
        _ = TimelineScene.press(&small, [.enter, .char("c")])
        #expect(small.timeline.collapsed.count == 1)
        Golden.check("timeline-collapsed-critical-off-80x24.txt", render(small).text)
        #expect(!render(small).text.split(separator: "\n").prefix(12).contains { $0.contains("Writing") })
        let ascii = TimelineScene.state(unicode: false)
        Golden.check("timeline-week-80x24-ascii.txt", render(ascii).text)
        #expect(!render(ascii).text.unicodeScalars.contains { $0.value > 127 && !"春🎬".unicodeScalars.contains($0) })
    }

    @Test func moveShowsALivePreviewAndSavesOnEnter() {
        var state = TimelineScene.state()
        _ = TimelineScene.press(&state, [.char("j"), .char("j")])
        #expect(TimelineScene.press(&state, [.char("m")]).isEmpty)
        let effects = TimelineScene.press(&state, [.char("l"), .char("l"), .char(">")])
        let uid = state.timeline.cursor!.phase!.uid
        #expect(effects.last == .editPhase(uid, [.moveBy(2), .resize(5)], cascade: false, version: 1, plan: true))
        _ = update(&state, .phasePreviewed("Moves 'Tracking' …"))
        #expect(timelinePaneLines(state)[2] == "Move to Dec 7 – Dec 11 (+2d, length 5d)")
        #expect(timelinePaneLines(state)[3] == "Moves 'Tracking' …")
        #expect(render(state).text.contains("Move: ← → a working day"))
        // q is not quit while moving; Enter saves
        #expect(TimelineScene.press(&state, [.char("q")]).isEmpty)
        #expect(!state.quitting)
        #expect(TimelineScene.press(&state, [.enter]) == [.editPhase(uid, [.moveBy(2), .resize(5)], cascade: false, version: 1, plan: false)])
        #expect(state.timeline.edit == nil)
        // A cascade asks first
        _ = TimelineScene.press(&state, [.char("M"), .char("l")])
        #expect(TimelineScene.press(&state, [.enter]) == [.askCascade(uid, [.moveBy(1)], version: 1)])
        _ = update(&state, .cascadePlanned(question: "Apply the cascade: move 3 phases?", detail: "Moves …", apply: .editPhase(uid, [.moveBy(1)], cascade: true, version: 1, plan: false)))
        #expect(TimelineScene.press(&state, [.char("y")]) == [.editPhase(uid, [.moveBy(1)], cascade: true, version: 1, plan: false)])
        // Esc cancels a move
        _ = TimelineScene.press(&state, [.char("m"), .char("l"), .escape])
        #expect(state.timeline.edit == nil)
    }

    @Test func formsValidateInPlaceAndSubmitTypedEdits() {
        var state = TimelineScene.state()
        _ = TimelineScene.press(&state, [.char("j")])
        let project = state.timeline.cursor!.project.uid
        let writing = state.timeline.cursor!.phase!.uid
        _ = TimelineScene.press(&state, [.char("n")] + Key.typed("Stems") + [.down, .down, .backspace, .backspace] + Key.typed("soon"))
        #expect(TimelineScene.press(&state, [.enter]).isEmpty)
        Golden.check("timeline-form-80x24.txt", render(state).text)
        #expect(render(state).text.contains("type working days (3d) or first..last days"))
        _ = TimelineScene.press(&state, Array(repeating: .backspace, count: 4) + Key.typed("2d"))
        #expect(TimelineScene.press(&state, [.enter]) == [.addPhase(project: project, name: "Stems", timing: .days(2), after: "Writing")])
        // Progress, edit, assign
        _ = TimelineScene.press(&state, [.char("%"), .backspace, .backspace, .backspace] + Key.typed("150"))
        #expect(TimelineScene.press(&state, [.enter]).isEmpty)
        _ = TimelineScene.press(&state, [.backspace, .backspace, .backspace] + Key.typed("60"))
        #expect(TimelineScene.press(&state, [.enter]) == [.editPhase(writing, [.progress(60)], cascade: false, version: 1, plan: false)])
        _ = TimelineScene.press(&state, [.char("e"), .down] + Array(repeating: .backspace, count: 30) + Key.typed("2026-12-01..2026-12-04"))
        #expect(TimelineScene.press(&state, [.enter]) == [.editPhase(writing, [.name("Writing"), .timing(.fixed(from: Day(iso: "2026-12-01")!, through: Day(iso: "2026-12-04")!))],
                                                                     cascade: false, version: 1, plan: false)])
        _ = TimelineScene.press(&state, [.char("a")] + Key.typed("Stage A") + [.down, .char(" ")])
        #expect(TimelineScene.press(&state, [.enter]) == [.assignPhase(writing, resource: "Stage A", hold: true)])
    }

    @Test func aDependencyIsAddedByPickingThePredecessor() {
        var state = TimelineScene.state()
        _ = TimelineScene.press(&state, [.char("j"), .char("j"), .char("j")])
        let artwork = state.timeline.cursor!.phase!
        _ = TimelineScene.press(&state, [.char("D")])
        #expect(render(state).text.contains("Pick the phase 'Artwork' comes after"))
        _ = TimelineScene.press(&state, [.char("k"), .char("k")])
        let writing = state.timeline.cursor!.phase!
        #expect(writing.name == "Writing")
        _ = TimelineScene.press(&state, [.enter, .char(" "), .down, .backspace, .backspace] + Key.typed("2d"))
        #expect(TimelineScene.press(&state, [.enter]) == [.addDependency(predecessor: writing.uid, successor: artwork.uid, kind: .startToStart, lag: 2)])
        #expect(artwork.name == "Artwork")
    }

    @Test func tenThousandPhasesScrollDrawingOnlyTheLinesOnScreen() {
        let calendar = WorkCalendar(openWeekdays: Set(1...5))
        let phases = (0..<10_000).map { index in
            let start = calendar.day(at: calendar.index(of: Day(iso: "2026-11-30")!) + index / 3)
            return PhaseSchedule(uid: "ph-\(index)", name: "Phase \(index)", milestone: false, fixed: false, progress: index % 101, version: 1, start: start, end: start + 2,
                                 workingDays: 3, earlyStart: start, earlyFinish: start + 2, lateStart: start, lateFinish: start + 2, totalFloat: 0, critical: true,
                                 predecessors: [], successors: [], violatedBy: [], assigned: [])
        }
        var state = TimelineScene.state()
        _ = update(&state, .timelineLoaded([ProjectSchedule(uid: "pj-big", name: "Big", studio: "North", client: nil, timeZone: "Europe/Paris", start: phases[0].start,
                                                            finish: phases.last!.end, openWeekdays: [1, 2, 3, 4, 5], criticalChain: [], phases: phases)]))
        #expect(state.timeline.lines.count == 10_001)
        _ = TimelineScene.press(&state, [.char("G")])
        let text = render(state).text
        #expect(text.contains("Phase 9999"))
        #expect(!text.contains("Phase 9000 "))
        _ = TimelineScene.press(&state, [.char("g"), .pageDown])
        #expect(render(state).text.contains("Phase \(state.timeline.rows - 1)"))
    }

    @Test func theTimelineIsInTheTabBarAndTabCyclesViews() {
        var state = Scene.state()
        // At 80 columns the other views' tabs are shortened so the user and the time still show
        #expect(render(state).text.hasPrefix(" 1 Plan   2 Grid   3 Board   4 Tasks   5 People   6 Today"))
        #expect(render(state).text.split(separator: "\n")[0].hasSuffix("alice · 09:30 "))
        #expect(render(Scene.state(width: 120, height: 40)).text.contains("1 Timeline   2 Booking grid   3 Draft board   4 Tasks   5 Directory   6 Dashboard"))
        #expect(update(&state, .key(.tab)) == [.loadSchedules])
        #expect(state.view == .drafts)
        #expect(update(&state, .key(.tab)) == [.loadTasks(.byShow)])
        #expect(state.view == .tasks)
        #expect(update(&state, .key(.tab)) == [.loadDirectory])
        #expect(state.view == .directory)
        #expect(update(&state, .key(.tab)) == [.loadDashboard])
        #expect(state.view == .dashboard)
        #expect(update(&state, .key(.tab)) == [.loadTimeline])
        #expect(state.view == .timeline)
        _ = update(&state, .key(.backTab))
        #expect(state.view == .dashboard)
        _ = update(&state, .key(.char("5")))
        #expect(state.view == .directory)
    }
}

@Suite("The timeline against a real workspace")
struct TimelineRealUseTests {
    @Test func aCascadeMoveThroughTheKeysIsOneUndoStep() throws {
        let (driver, _, _) = try Driver.twoZones()
        var d = driver
        let made = try d.session.importProject(ProjectFile(name: "Launch", studio: "North", start: Day(iso: "2026-12-07")!, phases: [
            .init(key: "a", name: "Prep", timing: .days(2)),
            .init(key: "b", name: "Shoot", timing: .fixed(from: Day(iso: "2026-12-09")!, through: Day(iso: "2026-12-10")!)),
            .init(key: "c", name: "Cut", timing: .days(2)),
        ], dependencies: [.init(from: "a", to: "b"), .init(from: "b", to: "c")])).value
        d.press([.char("1")])
        #expect(d.state.timeline.loaded)
        d.press([.char("j")])
        #expect(d.state.timeline.cursor?.phase?.name == "Prep")
        // Every day works in this studio. Prep moves 2 days later: Shoot would start too early; the cascade asks, then moves both
        d.press([.char("M")])
        d.press([.char("l")])
        d.press([.char("l")])
        #expect(timelinePaneLines(d.state)[3].contains("Moves 'Prep' Dec 7 – Dec 8 -> Dec 9 – Dec 10; 'Shoot' Dec 9 – Dec 10 -> Dec 11 – Dec 12"))
        d.press([.enter])
        guard case .prompt(let prompt) = d.state.mode else { Issue.record("no prompt: \(d.state.mode)"); return }
        #expect(prompt.question == "Apply the cascade: move 3 phases?")
        d.press([.char("y")])
        #expect(d.state.status?.text.hasPrefix("Saved the phase. Moved:") == true, "\(String(describing: d.state.status))")
        #expect(try d.session.projectSchedule(made.project).phases.map { "\($0.name) \($0.start)" } == ["Prep 2026-12-09", "Shoot 2026-12-11", "Cut 2026-12-13"])
        #expect(timelinePaneLines(d.state)[0].contains("Dec 9 – Dec 10"))
        d.press([.char("u")])
        #expect(try d.session.projectSchedule(made.project).phases.map { "\($0.name) \($0.start)" } == ["Prep 2026-12-07", "Shoot 2026-12-09", "Cut 2026-12-11"])
        #expect(timelinePaneLines(d.state)[0].contains("Dec 7 – Dec 8"))
    }
}
