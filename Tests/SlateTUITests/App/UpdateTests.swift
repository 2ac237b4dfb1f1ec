import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

@Suite("Keys to state changes and effects")
struct UpdateTests {
    @Test func loadingResourcesPutsTheCursorOnTheFirstAndLoadsThePeriod() {
        var state = AppState(width: 80, height: 24, now: Scene.now, zone: Scene.zone, workspaceName: "W", user: "u")
        let effects = update(&state, .resourcesLoaded(Scene.resources))
        #expect(state.grid.cursorResource == "rs-1")
        #expect(effects == [.loadWindow(state.grid.period)])
        #expect(Scene.zone.format(state.grid.period.start) == "2026-11-30T00:00")
        #expect(Scene.zone.format(state.grid.period.end) == "2026-12-07T00:00")
        #expect(Scene.zone.format(state.grid.slotInterval(state.grid.cursorSlot)) == "2026-12-03T08:00–12:00")
    }

    @Test func movingTheCursor() {
        var state = Scene.state()
        Scene.press(&state, [.char("j"), .down])
        #expect(state.grid.cursorResource == "rs-3")
        Scene.press(&state, [.char("G")])
        #expect(state.grid.cursorResource == "rs-6")
        Scene.press(&state, [.char("k"), .char("g")])
        #expect(state.grid.cursorResource == "rs-1")
        let slot = state.grid.cursorSlot
        Scene.press(&state, [.char("l"), .right, .char("h")])
        #expect(state.grid.cursorSlot == slot + 1)
    }

    @Test func pagingZoomingAndToday() {
        var state = Scene.state()
        let first = state.grid.period
        #expect(Scene.press(&state, [.char("L")]) == [.loadWindow(state.grid.period)])
        #expect(state.grid.period.start == first.end)
        Scene.press(&state, [.char("H"), .char("H")])
        #expect(state.grid.period.end == first.start)
        Scene.press(&state, [.char("t")])
        #expect(state.grid.period == first)
        Scene.press(&state, [.char("+")])
        #expect(state.grid.zoom == .day)
        #expect(Scene.zone.format(state.grid.slotInterval(state.grid.cursorSlot)) == "2026-12-03T08:00–09:00")
        Scene.press(&state, [.char("-"), .char("-")])
        #expect(state.grid.zoom == .month)
        #expect(Scene.press(&state, [.char("-")]) == [])
    }

    @Test func pPlacesAHoldOnTheCursorCell() {
        var state = Scene.state()
        let effects = Scene.press(&state, [.char("p")])
        #expect(effects == [.place(resource: "rs-1", interval: state.grid.slotInterval(state.grid.cursorSlot), status: .hold, show: nil, note: "", orHold: false)])
    }

    @Test func releasingAsksFirst() {
        var state = Scene.state()
        #expect(state.grid.pickedBooking?.uid == "bk-a")
        #expect(Scene.press(&state, [.char("x")]) == [])
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("expected a prompt")
            return
        }
        // bk-a is a show's booking: the show is cancelled with all its bookings (rule 15)
        #expect(prompt.question == "Cancel show 'Acme live 1' (sh-1) with all its bookings?")
        #expect(Scene.press(&state, [.char("n")]) == [])
        #expect(state.mode == .normal)
        Scene.press(&state, [.char("x")])
        #expect(Scene.press(&state, [.char("y")]) == [.cancelShow(booking: "bk-a", version: 1)])
        // A hold is released, carrying the version the user saw
        state.grid.cursorSlot = state.grid.slot(of: Scene.at("2026-12-04T14:30"))
        Scene.press(&state, [.char("x")])
        #expect(Scene.press(&state, [.char("y")]) == [.release("bk-b", version: 1)])
    }

    @Test func aRefusedConfirmationOffersAHold() {
        var state = Scene.state()
        let offer = HoldOffer(resourceUID: "rs-1", interval: Interval(start: 0, end: 3600), rank: 2, zone: Scene.zone)
        _ = update(&state, .failed(.refused([RuleViolation(.doubleBooking, "Stage A is already booked")], holdOffer: offer)))
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("expected an offer")
            return
        }
        #expect(prompt.detail.contains("already booked"))
        #expect(prompt.question == "Place it as a 2nd hold instead?")
        #expect(Scene.press(&state, [.char("y")]) == [.place(resource: "rs-1", interval: Interval(start: 0, end: 3600), status: .hold, show: nil, note: "", orHold: false)])
    }

    @Test func failuresAreShownInPlainWords() {
        var state = Scene.state()
        _ = update(&state, .failed(.accessDenied("sam needs the manager role on studio North to book")))
        #expect(state.status == StatusMessage(.error, "Not allowed: sam needs the manager role on studio North to book"))
        #expect(render(state).text.contains("Not allowed: sam needs the manager role"))
    }

    @Test func confirmAndChallengeActOnTheHoldUnderTheCursor() {
        var state = Scene.state()
        Scene.press(&state, [.char("L"), .char("H")])
        state.grid.cursorSlot = state.grid.slot(of: Scene.at("2026-12-04T15:30"))
        #expect(Scene.press(&state, [.char("c")]) == [.confirm("bk-b", version: 1, force: nil)])
        #expect(Scene.press(&state, [.char("C")]) == [.challenge("bk-c", version: 1)])
    }

    @Test func moveModeChecksEachStepAndSavesOnEnter() {
        var state = Scene.state()
        Scene.press(&state, [.char("m")])
        guard case .move = state.mode else {
            Issue.record("expected move mode")
            return
        }
        // Outside UTF-8 the arrows read as < and >, the resize keys: the hint names h/l
        state.unicode = false
        #expect(render(state).text.contains("h/l shift, </> shorten"))
        state.unicode = true
        let step: Int64 = 4 * 3600
        let planned = Scene.press(&state, [.char("l")])
        let moved = Interval(start: Scene.at("2026-12-03T10:00") + step, end: Scene.at("2026-12-03T12:00") + step)
        #expect(planned == [.move("bk-a", moved, version: 1, plan: true)])
        _ = update(&state, .movePlanned("Clash: Stage A is already booked"))
        #expect(render(state).text.contains("Clash: Stage A is already booked"))
        #expect(Scene.press(&state, [.enter]) == [.move("bk-a", moved, version: 1, plan: false)])
        Scene.press(&state, [.escape])
        #expect(state.mode == .normal)
    }

    @Test func theCommandLineCompletesAndRuns() {
        var state = Scene.state()
        Scene.press(&state, [.char(":")] + Key.typed("zo") + [.tab])
        #expect(state.mode == .command("zoom "))
        Scene.press(&state, Key.typed("day") + [.enter])
        #expect(state.grid.zoom == .day)
        Scene.press(&state, [.char(":")] + Key.typed("filter kind=talent skill=beauty") + [.enter])
        #expect(state.grid.resources.map(\.uid) == ["rs-3", "rs-4", "rs-5"])
        #expect(state.grid.cursorResource == "rs-3")
        Scene.press(&state, [.char(":")] + Key.typed("theme light") + [.enter])
        Scene.press(&state, [.char(":")] + Key.typed("bogus") + [.enter])
        #expect(state.status?.kind == .error)
        #expect(Scene.press(&state, [.char(":")] + Key.typed("theme mono") + [.enter]) == [.setTheme("mono")])
        Scene.press(&state, [.char(":")] + Key.typed("theme light") + [.ctrl("w")])
        #expect(state.mode == .command("theme "))
        Scene.press(&state, [.ctrl("u")] + Key.typed("zoom week"))
        #expect(state.mode == .command("zoom week"))
        Scene.press(&state, [.escape])
    }

    @Test func searchFiltersAsYouTypeAndEscClears() {
        var state = Scene.state()
        Scene.press(&state, [.char("/")] + Key.typed("zo"))
        #expect(state.grid.resources.map(\.name) == ["Zoë 🎤 Park"])
        #expect(state.grid.cursorResource == "rs-4")
        Scene.press(&state, [.ctrl("u")])
        #expect(state.mode == .search("") && state.grid.filter.search == "")
        Scene.press(&state, [.escape])
        #expect(state.grid.resources.count == 6)
        Scene.press(&state, [.char("f")])
        #expect(state.grid.resources.allSatisfy { $0.kind == .room })
    }

    @Test func theNewBookingFormValidatesBeforeSending() {
        var state = Scene.state()
        Scene.press(&state, [.char("n"), .tab])
        for _ in 0..<16 { Scene.press(&state, [.backspace]) }
        Scene.press(&state, Key.typed("2026-13-01T10:00") + [.enter])
        #expect(state.status?.kind == .error)
        guard case .form = state.mode else {
            Issue.record("the form should stay open")
            return
        }
        for _ in 0..<16 { Scene.press(&state, [.backspace]) }
        Scene.press(&state, Key.typed("2026-12-03T08:00") + [.tab, .tab, .tab, .tab, .char(" ")])
        let effects = Scene.press(&state, [.enter])
        #expect(effects == [.placeTyped(resource: "rs-1", start: "2026-12-03T08:00", end: "2026-12-03T12:00", status: .confirmed, show: nil, note: "")])
    }

    @Test func anotherProcessesCommitReloadsAndKeepsTheCursor() {
        var state = Scene.state()
        Scene.press(&state, [.char("j"), .char("j"), .char("l")])
        let (resource, slot) = (state.grid.cursorResource, state.grid.cursorSlot)
        #expect(update(&state, .databaseChanged) == [.loadResources])
        _ = update(&state, .resourcesLoaded(Scene.resources))
        #expect(state.grid.cursorResource == resource && state.grid.cursorSlot == slot)
    }

    @Test func everyViewIsOneKeyAwayAndSevenIsNone() {
        var state = Scene.state()
        for view in ViewID.allCases {
            Scene.press(&state, [.char(Character(String(view.rawValue)))])
            #expect(state.view == view)
        }
        Scene.press(&state, [.char("7")])
        #expect(state.view == .dashboard)
        #expect(!render(state).text.split(separator: "\n")[0].contains(" 7 "))
        #expect(Scene.press(&state, [.char("q")]) == [.quit])
        #expect(state.quitting)
    }

    @Test func ctrlLRedrawsAndResizeKeepsTheCursorVisible() {
        var state = Scene.state()
        #expect(Scene.press(&state, [.ctrl("l")]) == [.redraw])
        Scene.press(&state, [.char("G")])
        #expect(update(&state, .resized(width: 120, height: 40)).first == .redraw)
        #expect(state.grid.cursorResource == "rs-6")
    }
}
