import Foundation
import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

/// A schedule of five shows over a week (one clashing) in Paris, Thursday 2026-12-03 09:30.
enum BoardScene {
    static let zone = Scene.zone

    static func time(_ text: String) -> Timestamp { Timestamp(Scene.at(text), in: zone, words: .of("en_US")) }

    static func show(_ uid: String, _ title: String, _ day: String, _ from: String, _ to: String, room: String = "Stage A", talent: [String] = ["Zoë 🎤 Park"],
                     clashes: [String] = [], status: ShowStatus = .draft) -> BoardShow {
        BoardShow(uid: uid, title: title, status: status, start: time("2026-12-\(day)T\(from)"), end: time("2026-12-\(day)T\(to)"), room: room, talent: talent,
                  platforms: ["Twitch"], type: .bau, standard: .standard, version: 1, clashes: clashes)
    }

    static var schedule: ScheduleSummary {
        ScheduleSummary(uid: "sc-1", name: "Acme — December", status: .draft, client: "Acme Beauty", studio: "North Light", shows: 5,
                        first: time("2026-12-03T10:00"), last: time("2026-12-08T12:00"), version: 1)
    }

    static var board: Board {
        Board(schedule: schedule, zone: "Europe/Paris", shows: [
            show("sh-1", "Acme live 1", "03", "10:00", "12:00"),
            show("sh-2", "Acme live 2", "03", "15:00", "17:00", room: "Podcast Booth 🎙", talent: ["王芳"],
                 clashes: ["Podcast Booth 🎙 is booked 2026-12-03T16:00–17:00 by maya (bk-x)", "王芳 is off 2026-12-03T00:00–2026-12-04T00:00 (holiday)"]),
            show("sh-3", "Acme live 3", "04", "10:00", "12:00"),
            show("sh-4", "Acme live 4", "07", "10:00", "12:00", talent: ["Ngozi Adébáyọ̀", "王芳"]),
            show("sh-5", "Acme live 5", "08", "10:00", "12:00"),
        ])
    }

    /// The board open on the schedule, as the runtime would leave it.
    static func state(width: Int = 80, height: Int = 24, unicode: Bool = true) -> AppState {
        var state = Scene.state(width: width, height: height, unicode: unicode)
        #expect(update(&state, .key(.char("3"))) == [.loadSchedules])
        _ = update(&state, .schedulesLoaded([schedule, ScheduleSummary(uid: "sc-2", name: "Petit Chef — weeks 2–4", status: .proposed, client: "Petit Chef",
                                                                       studio: "North Light", shows: 0, first: nil, last: nil, version: 2)]))
        #expect(update(&state, .key(.enter)) == [.loadBoard("sc-1")])
        _ = update(&state, .boardLoaded(board))
        return state
    }
}

@Suite("The draft board (view 3)")
struct BoardViewTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func boardGoldens(width: Int, height: Int) {
        var state = BoardScene.state(width: width, height: height)
        _ = update(&state, .key(.char("j")))
        Golden.check("board-\(width)x\(height).txt", render(state).text)
        Golden.check("board-\(width)x\(height).roles.txt", render(state).roles)
    }

    @Test func theScheduleListAndASmallTerminal() {
        var state = Scene.state()
        _ = update(&state, .key(.char("3")))
        #expect(render(state).text.contains("Loading schedules"))
        _ = update(&state, .schedulesLoaded([BoardScene.schedule]))
        Golden.check("board-schedules-80x24.txt", render(state).text)
        var ascii = BoardScene.state(width: 80, height: 24, unicode: false)
        _ = update(&ascii, .key(.char("j")))
        #expect(render(ascii).text.contains("! 15:00-17:00 . draft . Acme live 2"))
    }

    @Test func theCursorWalksShowsAcrossDaysAndPastTheWindow() {
        var state = BoardScene.state()
        #expect(state.board.cursorShow?.uid == "sh-1")
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("j")))
        #expect(state.board.cursorShow?.uid == "sh-3")
        // j skips the empty weekend to Monday's show
        _ = update(&state, .key(.char("j")))
        #expect(state.board.cursorShow?.uid == "sh-4")
        _ = update(&state, .key(.char("k")))
        _ = update(&state, .key(.char("l")))
        #expect(state.board.cursorShow == nil && state.board.days[state.board.day].iso == "2026-12-05")
        #expect(render(state).text.contains("Sat, Dec 5: no shows"))
        for _ in 0..<6 { _ = update(&state, .key(.char("l"))) }
        #expect(state.board.days.last?.iso == "2026-12-11" && state.board.day == state.board.days.count - 1)
    }

    @Test func selectionMovesTogetherAndCopyPastesToTheCursorsDay() {
        var state = BoardScene.state()
        _ = update(&state, .key(.char(" ")))
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char(" ")))
        #expect(state.board.selection == ["sh-1", "sh-2"])
        #expect(update(&state, .key(.char("L"))) == [.shiftShows(["sh-1", "sh-2"], days: 1, minutes: 0)])
        #expect(update(&state, .key(.char("K"))) == [.shiftShows(["sh-1", "sh-2"], days: 0, minutes: -30)])
        _ = update(&state, .key(.escape))
        #expect(state.board.selection.isEmpty)
        #expect(update(&state, .key(.char("H"))) == [.shiftShows(["sh-2"], days: -1, minutes: 0)])
        _ = update(&state, .key(.char("y")))
        _ = update(&state, .key(.char("l")))
        _ = update(&state, .key(.char("l")))
        #expect(update(&state, .key(.char("p"))) == [.copyShow("sh-2", day: "2026-12-05")])
        // After the paste the board reloads and the cursor goes to the copy.
        _ = update(&state, .added(schedule: nil, show: "sh-6"))
        var board = BoardScene.board
        board.shows.append(BoardScene.show("sh-6", "Acme live 2", "05", "15:00", "17:00"))
        _ = update(&state, .boardLoaded(board))
        #expect(state.board.cursorShow?.uid == "sh-6")
        _ = update(&state, .key(.char("d")))
        #expect(update(&state, .key(.char("y"))) == [.deleteShow("sh-6", version: 1)])
    }

    @Test func newDraftFormAndScheduleLifecycleKeys() {
        var state = BoardScene.state()
        _ = update(&state, .key(.char("l")))
        _ = update(&state, .key(.char("n")))
        #expect(state.board.form?.form["Start"] == "2026-12-04T10:00")
        for c in "Acme live 9" { _ = update(&state, .key(.char(c))) }
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.backspace))
        _ = update(&state, .key(.char("x")))
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(state.board.form?.problem.contains("Start") == true)
        _ = update(&state, .key(.backspace))
        _ = update(&state, .key(.char("0")))
        let effects = update(&state, .key(.enter))
        guard case .addShow(let input)? = effects.first else { Issue.record("no addShow: \(effects)"); return }
        #expect(input.title == "Acme live 9" && input.schedule == "sc-1" && input.start == .local("2026-12-04T10:00"))
        _ = update(&state, .failed(.invalidInput("no room with id or name 'X'")))
        #expect(state.board.form?.problem.contains("no room") == true)
        _ = update(&state, .key(.escape))
        // With a rule, the draft repeats.
        _ = update(&state, .key(.char("n")))
        state.board.form?.form["Title"] = "Weekly"
        state.board.form?.form["Repeat"] = "weekly;count=3"
        guard case .addShowSeries(let repeated, let rule)? = update(&state, .key(.enter)).first else { Issue.record("no series"); return }
        #expect(repeated.title == "Weekly" && rule.count == 3)
        _ = update(&state, .key(.escape))
        #expect(update(&state, .key(.char("P"))) == [.setScheduleStatus("sc-1", .proposed)])
        #expect(update(&state, .key(.char("B"))) == [.setScheduleStatus("sc-1", .draft)])
        #expect(update(&state, .key(.char("a"))) == [.setScheduleStatus("sc-1", .archived)])
        _ = update(&state, .key(.char("X")))
        #expect(update(&state, .key(.char("y"))) == [.setScheduleStatus("sc-1", .cancelled)])
        #expect(update(&state, .key(.char("C"))) == [.planConfirmation("sc-1")])
        #expect(update(&state, .key(.escape)) == [.loadSchedules])
        #expect(state.board.board == nil)
    }

    @Test func theConfirmationPlanAsksAndARefusalListsEveryClashToGoTo() {
        var state = BoardScene.state()
        let plan = ConfirmationPlan(schedule: "sc-1", name: "Acme — December", shows: ["Acme live 1 2026-12-03T10:00–12:00 (sh-1)"],
                                    bookings: ["Stage A 2026-12-03T10:00–12:00 for Acme live 1"], tasks: 3, holds: ["Stage A 2026-12-03T10:00–11:00 bk-h: released"],
                                    clashes: [], warnings: [])
        _ = update(&state, .confirmationPlanned(plan))
        Golden.check("board-plan-80x24.txt", render(state).text)
        #expect(update(&state, .key(.char("y"))) == [.setScheduleStatus("sc-1", .confirmed)])
        var refused = plan
        refused.clashes = [RuleViolation(.doubleBooking, "show 'Acme live 4' (sh-4): Stage A is already booked", subjectUID: "sh-4"),
                           RuleViolation(.holdAbove, "show 'Acme live 5' (sh-5): Stage A has a 1st hold", subjectUID: "sh-5")]
        _ = update(&state, .confirmationPlanned(refused))
        #expect(state.board.picker?.items.count == 2)
        Golden.check("board-refused-80x24.txt", render(state).text)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.enter))
        #expect(state.board.picker == nil && state.board.cursorShow?.uid == "sh-5")
        // c lists the board's own clashes the same way
        _ = update(&state, .key(.char("c")))
        #expect(state.board.picker?.items.map(\.label).first?.contains("Acme live 2: Podcast Booth") == true)
        _ = update(&state, .key(.enter))
        #expect(state.board.cursorShow?.uid == "sh-2")
    }

    @Test func aShowOfASeriesIsMarkedAndDeletingItAsksHowFar() {
        var state = BoardScene.state()
        var board = BoardScene.board
        board.shows[0].series = "rc-7"
        _ = update(&state, .boardLoaded(board))
        #expect(render(state).text.contains("↻ 10:00–12:00"))
        #expect(render(state).text.contains("↻ series rc-7"))
        _ = update(&state, .key(.char("d")))
        #expect(render(state).text.contains("o only this · f this and following · a all"))
        #expect(update(&state, .key(.char("f"))) == [.cancelSeries("rc-7", .following("sh-1"))])
    }

    @Test func suggestionsArePickedToMoveTheDraft() {
        var state = BoardScene.state()
        _ = update(&state, .key(.char("j")))
        #expect(update(&state, .key(.char("s"))) == [.suggestSlots(show: "sh-2", version: 1)])
        let slots = [SlotSuggestion(start: BoardScene.time("2026-12-03T17:00"), end: BoardScene.time("2026-12-03T19:00")),
                     SlotSuggestion(start: BoardScene.time("2026-12-04T15:00"), end: BoardScene.time("2026-12-04T17:00"))]
        _ = update(&state, .slotsSuggested(show: "sh-2", version: 1, slots))
        #expect(render(state).text.contains("Fri, Dec 4 15:00–17:00"))
        _ = update(&state, .key(.down))
        #expect(update(&state, .key(.enter)) == [.editShow("sh-2", ShowEdit(start: .instant(Scene.at("2026-12-04T15:00")), end: .instant(Scene.at("2026-12-04T17:00"))), version: 1)])
        _ = update(&state, .slotsSuggested(show: "sh-2", version: 1, []))
        #expect(state.status?.text.contains("No free time") == true)
    }
}

@Suite("The draft board and the show card against a real workspace")
struct BoardRealUseTests {
    @Test func planAScheduleFixItsClashConfirmAndUndoInOneStep() throws {
        let (driver, paris, _) = try Driver.twoZones()
        var d = driver
        defer { d.cleanUp() }
        _ = try d.session.addClient(studio: "North", name: "Acme").value
        let ava = try d.session.addTalent(TalentInput(studio: "North", name: "Ava Martin", role: .host)).value
        let template = try d.session.addTemplate(studio: "North", name: "Checklist").value
        _ = try d.session.addTemplateItem(template: template, title: "Brief", type: .preProduction, required: true)
        let blocker = try d.session.place(BookingPlacement(resource: paris, start: "2026-12-03T10:00", end: "2026-12-03T11:00", status: .confirmed)).value
        d.press([.char("3")])
        #expect(d.state.board.loaded && d.state.board.schedules.isEmpty)
        d.press([.char("n")])
        for c in "December" { d.press([.char(c)]) }
        d.press([.down])
        for c in "Acme" { d.press([.char(c)]) }
        d.press([.down])
        for c in "North" { d.press([.char(c)]) }
        d.press([.enter])
        let board = try #require(d.state.board.board)
        #expect(board.schedule.name == "December" && board.shows.isEmpty)
        // Two drafts: the first on the cursor's day (today) clashes with the booking.
        for (day, title) in [("2026-12-03", "Launch"), ("2026-12-04", "Follow-up")] {
            d.press([.char("n")])
            var form = try #require(d.state.board.form)
            form.form["Title"] = title
            form.form["Start"] = "\(day)T10:00"
            form.form["End"] = "\(day)T12:00"
            form.form["Room"] = "Stage A"
            form.form["Talent"] = "Ava Martin"
            d.state.board.form = form
            d.press([.enter])
            #expect(d.state.board.form == nil, "\(d.state.status?.text ?? "")")
        }
        #expect(d.state.board.board?.shows.count == 2)
        #expect(d.state.board.cursorShow?.title == "Follow-up")
        d.press([.char("k")])
        #expect(d.state.board.cursorShow?.clashes.first?.contains(blocker.uid) == true)
        // s: the nearest free time is the same day, right after the booking.
        d.press([.char("s"), .enter])
        #expect(d.state.board.cursorShow?.clashes.isEmpty == true)
        #expect(d.state.board.cursorShow?.start.typed == "2026-12-03T11:00")
        d.press([.char("P")])
        #expect(d.state.board.board?.schedule.status == .proposed)
        d.press([.char("C")])
        guard case .prompt = d.state.mode else { Issue.record("no plan prompt: \(d.state.status?.text ?? "")"); return }
        d.press([.char("y")])
        #expect(d.state.board.board?.schedule.status == .confirmed)
        #expect(try d.session.bookings().filter { $0.showUID != nil && $0.status == .confirmed }.count == 4)
        #expect(try d.session.tasks(Session.TaskFilter()).count == 2)
        // The card of a confirmed show, from the board.
        d.press([.enter])
        #expect(d.state.showCard?.card.bookings.count == 2)
        #expect(render(d.state).text.contains("Before it can be live: Brief"))
        d.press([.escape])
        // One undo takes the whole confirmation back.
        d.press([.char("u")])
        #expect(d.state.board.board?.schedule.status == .proposed)
        #expect(try d.session.bookings().filter { $0.showUID != nil && $0.status == .confirmed }.isEmpty)
        _ = ava
    }

    @Test func theShowCardOpensFromTheGridAndEditsTheShowAsAUnit() throws {
        let (driver, paris, _) = try Driver.twoZones()
        var d = driver
        defer { d.cleanUp() }
        let client = try d.session.addClient(studio: "North", name: "Acme").value
        _ = try d.session.addRoom(studio: "North", name: "Stage B")
        let show = try d.session.addShow(ShowInput(client: client, studio: "North", room: paris, title: "Launch", start: "2026-12-01T10:00", end: "2026-12-01T12:00")).value
        _ = try d.session.confirmShow(show)
        d.send(.databaseChanged)
        // The grid's cursor on Stage A at 10:00 today: Enter opens the show.
        d.state.grid.cursorResource = try d.session.gridResources().first { $0.uid == paris }?.uid
        d.state.focus(on: try LocalTime(zoneIdentifier: "Europe/Paris").parse("2026-12-01T10:00"))
        d.send(.databaseChanged)
        d.press([.enter])
        let card = try #require(d.state.showCard)
        #expect(card.card.uid == show && card.card.room == "Stage A")
        d.press([.char("e")])
        var form = try #require(d.state.showForm)
        form.form["Room"] = "Stage B"
        form.form["Start"] = "2026-12-01T14:00"
        form.form["End"] = "2026-12-01T16:00"
        d.state.showForm = form
        d.press([.enter])
        #expect(d.state.showForm == nil, "\(d.state.status?.text ?? "")")
        #expect(d.state.showCard?.card.room == "Stage B" && d.state.showCard?.card.start.typed == "2026-12-01T14:00")
        #expect(try d.session.bookings().filter { $0.status == .confirmed }.map(\.resourceName) == ["Stage B"])
        d.press([.char("u")])
        #expect(d.state.showCard?.card.room == "Stage A")
        // Nothing changed: the form says so and stays open.
        d.press([.char("e"), .enter])
        #expect(d.state.showForm?.problem.contains("nothing changed") == true)
    }
}

@Suite("Series in the booking grid (rule 14)")
struct SeriesGridTests {
    @Test func cancellingOrMovingAnOccurrenceOffersThisFollowingOrAll() throws {
        let (driver, paris, _) = try Driver.twoZones()
        var d = driver
        defer { d.cleanUp() }
        let made = try d.session.placeSeries(BookingPlacement(resource: paris, start: "2026-12-02T10:00", end: "2026-12-02T11:00", status: .confirmed),
                                             rule: try RecurrenceRule.parse("weekly;count=4")).value
        d.send(.databaseChanged)
        d.state.grid.cursorResource = paris
        d.state.focus(on: try LocalTime(zoneIdentifier: "Europe/Paris").parse("2026-12-09T10:00"))
        d.send(.databaseChanged)
        #expect(d.state.grid.pickedBooking?.uid == made.occurrences[1])
        #expect(render(d.state).text.contains("↻ repeats weekly (series \(made.series))"))
        d.press([.char("x")])
        guard case .prompt(let prompt) = d.state.mode else { Issue.record("no prompt"); return }
        #expect(prompt.choices.map(\.key) == ["o", "f", "a"])
        #expect(render(d.state).text.contains("o only this · f this and following · a all · Esc"))
        d.press([.char("f")])
        #expect(d.state.status?.text.hasPrefix("Cancelled 3 occurrences") == true)
        #expect(try d.session.series()[0].rule == "FREQ=WEEKLY;UNTIL=2026-12-08")
        d.press([.char("u")])
        // Moving one occurrence later on its day, then choosing all: every occurrence follows.
        d.state.focus(on: try LocalTime(zoneIdentifier: "Europe/Paris").parse("2026-12-09T10:00"))
        d.send(.databaseChanged)
        d.press([.char("m"), .char("l"), .enter])
        guard case .prompt(let move) = d.state.mode else { Issue.record("no move prompt: \(d.state.status?.text ?? "")"); return }
        #expect(move.question.hasPrefix("Move to "))
        d.press([.char("a")])
        let times = try d.session.seriesOccurrences(made.series).map { String($0.startLocal.suffix(5)) }
        #expect(Set(times).count == 1 && times[0] != "10:00", "\(times)")
        d.press([.char("u")])
        #expect(try d.session.seriesOccurrences(made.series).allSatisfy { $0.startLocal.hasSuffix("10:00") })
    }

    @Test func theFormsTakeARepeatRuleAndAClashingSeriesOffersToSkipTheClashes() throws {
        let (driver, paris, _) = try Driver.twoZones()
        var d = driver
        defer { d.cleanUp() }
        let blocker = try d.session.place(BookingPlacement(resource: paris, start: "2026-12-16T10:30", end: "2026-12-16T11:00", status: .confirmed)).value
        d.state.grid.cursorResource = paris
        d.state.focus(on: try LocalTime(zoneIdentifier: "Europe/Paris").parse("2026-12-02T10:00"))
        d.send(.databaseChanged)
        d.press([.char("n")])
        guard case .form(var form) = d.state.mode else { Issue.record("no form"); return }
        form.form["Start"] = "2026-12-02T10:00"
        form.form["End"] = "2026-12-02T11:00"
        form.form["Kind"] = "book"
        form.form["Repeat"] = "weekly;count=4"
        d.state.mode = .form(form)
        d.press([.enter])
        guard case .prompt(let prompt) = d.state.mode else { Issue.record("no prompt: \(d.state.status?.text ?? "")"); return }
        #expect(prompt.question == "1 occurrence clashes. Place the other 3 and skip them?" && prompt.detail.contains(blocker.uid))
        d.press([.char("y")])
        #expect(d.state.status?.text.hasPrefix("Series rc-") == true && d.state.status?.text.contains("skipped 1") == true)
        #expect(try d.session.series().first?.exceptions == ["2026-12-16"])
        // A bad rule is named in the form's line, nothing placed.
        d.press([.char("n")])
        guard case .form(var again) = d.state.mode else { Issue.record("no form"); return }
        again.form["Repeat"] = "fortnightly"
        d.state.mode = .form(again)
        d.press([.enter])
        #expect(d.state.status?.text.contains("--repeat") == true)
    }
}
