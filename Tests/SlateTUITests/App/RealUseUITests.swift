import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

/// The UI against a real workspace: keys become effects, effects run through the domain
/// library, results come back as actions, as the terminal loop does.
struct Driver {
    let session: Session
    let directory: String
    var state: AppState

    /// A Paris workspace (alice admin of North) with a London studio, Harbour Sound.
    static func twoZones() throws -> (Driver, paris: String, london: String) {
        let directory = Scratch.directory("slate-ui")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let now = try LocalTime(zoneIdentifier: "Europe/Paris").parse("2026-12-01T09:00")
        let setup = WorkspaceSetup(workspaceName: "Two cities", studioName: "North", timeZone: "Europe/Paris", founderLogin: "alice", founderName: "Alice")
        let workspace = try Workspace.initialize(at: directory + "/w.slate", setup: setup, clock: .fixed(now))
        let session = Session(workspace: workspace, login: "alice", clock: .fixed(now))
        let paris = try session.addRoom(name: "Stage A").value
        _ = try session.addStudio(name: "Harbour Sound", timeZone: "Europe/London", openingHours: "Mon-Fri 09:00-18:00")
        let london = try session.addRoom(studio: "Harbour Sound", name: "Studio L").value
        var driver = Driver(session: session, directory: directory,
                            state: AppState(width: 100, height: 30, now: now, zone: LocalTime.cached("Europe/Paris")!, workspaceName: "Two cities", user: "alice"))
        driver.send(.resourcesLoaded(try session.gridResources()))
        return (driver, paris, london)
    }

    /// Applies an action and runs every effect it leads to.
    mutating func send(_ action: Action) {
        let runner = EffectRunner(session: session)
        var queue = [action]
        while !queue.isEmpty {
            for effect in update(&state, queue.removeFirst()) {
                switch effect {
                case .redraw, .quit, .setTheme: continue
                default: queue += runner.run(effect, state: state)
                }
            }
        }
    }

    mutating func press(_ keys: [Key]) {
        for key in keys { send(.key(key)) }
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

@Suite("Real use in the terminal UI")
struct RealUseUITests {
    @Test func aLondonRoomsTimesAreLondonTimeInTheFormThePaneAndTheCommandLine() throws {
        var (driver, _, london) = try Driver.twoZones()
        defer { driver.cleanUp() }
        #expect(driver.state.grid.zonesInPlay)
        driver.state.grid.cursorResource = london
        driver.send(.key(.char("t")))
        // The row says how far London's clock is from the Paris columns
        let screen = render(driver.state).text
        #expect(screen.contains("Studio L") && screen.contains("−1h│"), "\(screen)")
        // The form is in London time, and 15:00 typed there is 15:00 London
        driver.press([.char("n")])
        guard case .form(let form) = driver.state.mode else { Issue.record("no form"); return }
        #expect(form.zone == "Europe/London")
        #expect(render(driver.state).text.contains("Times are London time (Europe/London)"))
        driver.press([.tab])
        for _ in 0..<16 { driver.press([.backspace]) }
        driver.press(Key.typed("2026-12-03T15:00") + [.tab])
        for _ in 0..<16 { driver.press([.backspace]) }
        driver.press(Key.typed("2026-12-03T16:00") + [.enter])
        #expect(driver.state.status?.text.contains("Thu, Dec 3 15:00–16:00 London") == true, "\(driver.state.status?.text ?? "")")
        let booking = try #require(try driver.session.bookings(resource: london).first)
        #expect(booking.start == (try LocalTime(zoneIdentifier: "Europe/London").parse("2026-12-03T15:00")))
        #expect(booking.startLocal == "2026-12-03T15:00")
        // The grid draws it in the Paris column of 16:00
        driver.press([.char(":")] + Key.typed("goto 2026-12-03T16:30") + [.enter])
        #expect(driver.state.grid.pickedBooking?.uid == booking.uid)
        #expect(render(driver.state).text.contains("Thu, Dec 3 15:00–16:00 London  \(booking.uid) 1st hold, held by"))
    }

    @Test func aStackedCellLetsTheUserPickWhichBookingTheKeysActOn() {
        var state = Scene.state()
        Scene.press(&state, [.char("L"), .char("H")])
        state.grid.cursorSlot = state.grid.slot(of: Scene.at("2026-12-04T15:30"))
        #expect(state.grid.pickedBooking?.uid == "bk-b")
        #expect(render(state).text.contains("2 here (] [ pick): ▸bk-b 1st hold alice, bk-c 2nd hold maya"))
        Scene.press(&state, [.char("]")])
        #expect(state.grid.pickedBooking?.uid == "bk-c")
        #expect(Scene.press(&state, [.char("x")]) == [])
        guard case .prompt(let prompt) = state.mode else { Issue.record("no prompt"); return }
        #expect(prompt.onYes == [.release("bk-c", version: 1)])
        Scene.press(&state, [.char("n"), .char("l")])
        #expect(state.grid.pick == 0)
    }

    @Test func aHoldOverTwoColumnsShowsItsRankOnce() {
        let state = Scene.state()
        let row = render(state).text.split(separator: "\n")[2]
        #expect(row.contains("1─") && !row.contains("11"), "\(row)")
    }

    @Test func closedCellsSayClosedAndHoldingThereAsksFirst() {
        var state = Scene.state()
        state.grid.cursorSlot = state.grid.slot(of: Scene.at("2026-12-03T02:00"))
        let screen = render(state).text
        #expect(screen.contains("Thu, Dec 3 00:00–04:00  closed (opening hours Mon-Sat 08:00-22:00)") && screen.contains("before holding"), "\(screen)")
        #expect(Scene.press(&state, [.char("p")]) == [])
        guard case .prompt(let prompt) = state.mode else { Issue.record("no prompt"); return }
        #expect(prompt.question.hasPrefix("Stage A is closed then"))
        #expect(Scene.press(&state, [.char("y")]).count == 1)
    }

    @Test func aRefusedFormKeepsItsValues() {
        var state = Scene.state()
        Scene.press(&state, [.char("n")] + [.tab, .tab, .tab] + Key.typed("My show"))
        guard case .form(let typed) = state.mode else { Issue.record("no form"); return }
        Scene.press(&state, [.enter])
        _ = update(&state, .failed(.invalidInput("no show with id or name 'My show'")))
        #expect(state.mode == .form(typed))
        #expect(state.status?.kind == .error)
    }

    @Test func messagesKeepTheLastFiftyAndLongOnesPointThere() {
        var state = Scene.state()
        for index in 0..<60 { _ = update(&state, .failed(.invalidInput("problem \(index) " + String(repeating: "x", count: 100)))) }
        #expect(state.messages.count == 50)
        #expect(render(state).text.contains("(:messages)"))
        Scene.press(&state, [.char(":")] + Key.typed("messages") + [.enter])
        guard case .overlay(_, let lines) = state.mode else { Issue.record("no overlay"); return }
        #expect(lines.first?.contains("problem 59") == true && lines.count == 50)
    }

    /// At 80 columns a message longer than the panel wraps at words and reads whole.
    @Test func aLongMessageReadsWholeAt80Columns() {
        var state = Scene.state()
        let message = "Not saved, the record changed meanwhile: bk-jobin0 was last changed by root at Wed, Dec 2 10:31 (start_at, end_at); version 2, not 1"
        _ = update(&state, .failed(.invalidInput(message)))
        Scene.press(&state, [.char(":")] + Key.typed("messages") + [.enter])
        let shown = render(state).text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(shown.contains { $0.contains("Not saved, the record changed meanwhile") }, "\(shown)")
        #expect(shown.contains { $0.contains("version 2, not 1") }, "\(shown)")
    }

    @Test func theCommandLineTakesWholeStudioNamesPartialNamesAndKeepsTheTimeOnGoto() {
        var state = Scene.state()
        Scene.press(&state, [.char(":")] + Key.typed("filter studio=North Light kind=room") + [.enter])
        #expect(state.grid.resources.map(\.name) == ["Stage A", "Podcast Booth 🎙"])
        Scene.press(&state, [.char(":")] + Key.typed("filter studio=north") + [.enter])
        #expect(state.grid.resources.count == 6)
        let time = Scene.zone.format(state.grid.slotInterval(state.grid.cursorSlot).start).suffix(5)
        Scene.press(&state, [.char(":")] + Key.typed("goto 2026-12-10") + [.enter])
        #expect(Scene.zone.format(state.grid.slotInterval(state.grid.cursorSlot).start) == "2026-12-10T" + time)
        Scene.press(&state, [.char(":")] + Key.typed("t") + [.tab])
        #expect(render(state).text.contains(":t▏   theme  today"))
    }

    @Test func moveModeChecksAtOnce() {
        var state = Scene.state()
        state.grid.cursorSlot = state.grid.slot(of: Scene.at("2026-12-03T10:00"))
        let effects = Scene.press(&state, [.char("m")])
        #expect(effects == [.move("bk-a", Interval(start: Scene.at("2026-12-03T10:00"), end: Scene.at("2026-12-03T12:00")), version: 1, plan: true)])
    }

    @Test func aManagerForcesAConfirmationWithAReasonListingTheHoldsReleased() {
        var state = Scene.state()
        let refusal = SlateError.refused([RuleViolation(.holdAbove, "Stage A has a 1st hold … by maya (bk-b)", otherUID: "bk-b")])
        _ = update(&state, .confirmRefused(booking: "bk-c", version: 1, refusal))
        guard case .reason(let entry) = state.mode else { Issue.record("no reason entry"); return }
        #expect(entry.question.contains("It releases bk-b"))
        #expect(Scene.press(&state, [.enter]) == [])
        #expect(state.status?.text.contains("Give the reason") == true)
        Scene.press(&state, Key.typed("typo here") + [.ctrl("u")])
        #expect(Scene.press(&state, Key.typed("client paid") + [.enter]) == [.confirm("bk-c", version: 1, force: "client paid")])
    }

    @Test func theHistoryOfTheBookingUnderTheCursor() throws {
        var (driver, paris, _) = try Driver.twoZones()
        defer { driver.cleanUp() }
        driver.state.grid.cursorResource = paris
        driver.press([.char(":")] + Key.typed("goto 2026-12-02T10:00") + [.enter, .char("p")])
        driver.press([.char(":")] + Key.typed("log") + [.enter])
        guard case .overlay(let title, let lines) = driver.state.mode else { Issue.record("no history"); return }
        #expect(title.hasPrefix("History of bk-"))
        #expect(lines.first?.contains("alice  insert") == true, "\(lines)")
    }
}
