import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

extension Driver {
    /// The demo workspace on Wednesday 2026-12-02 at 09:00 Paris, alice at the directory.
    static func demo(width: Int = 100, height: Int = 30, unicode: Bool = true) throws -> Driver {
        let directory = Scratch.directory("slate-directory")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let now = try Scene.zone.parse("2026-12-02T09:00")
        let (workspace, _) = try DemoWorkspace.build(at: directory + "/demo.slate", login: "alice", userName: "Alice", clock: .fixed(now))
        let session = Session(workspace: workspace, login: "alice", clock: .fixed(now))
        var driver = Driver(session: session, directory: directory,
                            state: AppState(width: width, height: height, now: now, zone: Scene.zone, workspaceName: "Demo", user: "alice", unicode: unicode))
        driver.send(.started)
        driver.press([.char("5")])
        return driver
    }

    mutating func type(_ text: String) {
        press(text.map { Key.char($0) })
    }

    /// Types a `:` command and runs it.
    mutating func command(_ line: String) {
        press([.char(":")])
        type(line)
        press([.enter])
    }

    var screen: String { render(state).text }

    /// `M`, then French and hosting on Thursday 09:00–18:00, two-hour slots (not submitted).
    mutating func typeMatch() {
        press([.char("M")])
        type("french,hosting")
        press([.down, .down])
        type("2026-12-03T09:00")
        press([.down])
        type("2026-12-03T18:00")
        press([.down])
        type("2h")
    }
}

@Suite("The directory (view 5)")
struct DirectoryViewTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func goldensOfTheListTheCardAMatchAndASearch(width: Int, height: Int) throws {
        var driver = try Driver.demo(width: width, height: height)
        defer { driver.cleanUp() }
        Golden.check("directory-talent-\(width)x\(height).txt", driver.screen)
        if width == 120 { Golden.check("directory-talent-\(width)x\(height).roles.txt", render(driver.state).roles) }
        driver.press([.char("/")])
        driver.type("adebayo")
        driver.press([.enter, .enter])
        Golden.check("directory-card-\(width)x\(height).txt", driver.screen)
        driver.press([.escape, .escape])
        driver.typeMatch()
        Golden.check("directory-match-form-\(width)x\(height).txt", driver.screen)
        driver.press([.enter])
        Golden.check("directory-match-\(width)x\(height).txt", driver.screen)
        driver.press([.escape])
        driver.command("search eloise")
        Golden.check("directory-search-\(width)x\(height).txt", driver.screen)
    }

    @Test func theCardInASCIIOutsideUTF8() throws {
        var driver = try Driver.demo(width: 80, height: 24, unicode: false)
        defer { driver.cleanUp() }
        driver.press([.char("l"), .char("l"), .enter])
        #expect(driver.screen.contains("This week (Europe/Paris; # booked, 1 2 3 holds, . free)"))
        #expect(!driver.screen.contains("█") && !driver.screen.contains("·"))
        Golden.check("directory-room-card-80x24-ascii.txt", driver.screen)
    }

    @Test func theListsFilterWithAccentsFoldedSortAndSwitch() throws {
        var driver = try Driver.demo()
        defer { driver.cleanUp() }
        #expect(driver.state.directory.table.count == 40)
        driver.press([.char("/")])
        driver.type("CHLOE")
        #expect(driver.state.directory.table.map { $0.cells[0] } == ["Chloé Dubois", "Chloé Laurent"])
        driver.press([.escape])
        #expect(driver.state.directory.table.count == 40)
        // s sorts by the next column (role), S reverses
        driver.press([.char("s")])
        #expect(driver.state.directory.table.first?.cells[1] == "artist")
        driver.press([.char("S")])
        #expect(driver.state.directory.table.first?.cells[1] == "host")
        // l and h go through the lists; the cursor keeps to the list's length
        driver.press([.char("l")])
        #expect(driver.state.directory.tab == .clients && driver.state.directory.table.count == 10)
        driver.press([.char("G")])
        #expect(driver.state.directory.list.selected == 9)
        driver.press([.char("h"), .char("h")])
        #expect(driver.state.directory.tab == .jobs)
        // :filter tag=vip keeps the tagged ones
        driver.press([.char("l"), .char("l")])
        driver.command("filter tag=vip")
        #expect(driver.state.directory.table.map { $0.cells[0] } == ["Acme Beauty"])
        driver.command("filter")
        #expect(driver.state.directory.table.count == 10)
    }

    /// The issue's walk: find a French-speaking host free on a date, open the card, book them.
    @Test func findAFrenchSpeakingHostOpenTheCardAndBookThem() throws {
        var driver = try Driver.demo()
        defer { driver.cleanUp() }
        driver.typeMatch()
        driver.press([.enter])
        guard case .results(let results)? = driver.state.directory.panel, case .match(let best)? = results.cursor else {
            Issue.record("no match results")
            return
        }
        #expect(best.rank == 1 && best.matched.count == 2 && best.availability == "free")
        // Enter opens the card, Esc comes back to the results; b on the card books at the first free slot
        driver.press([.enter])
        #expect(driver.state.directory.cardUID == best.uid)
        driver.press([.escape])
        #expect(driver.state.directory.panel == .results(results))
        driver.press([.enter, .char("b")])
        #expect(driver.state.view == .grid)
        guard case .form(let form) = driver.state.mode else {
            Issue.record("no booking form")
            return
        }
        #expect(form.form["Resource"] == best.uid)
        #expect(form.form["Start"] == best.freeIntervals.first.map { Scene.zone.format($0.start) })
        #expect(form.form["End"] == best.freeIntervals.first.map { Scene.zone.format($0.start + 7_200) })
        driver.press([.enter])
        let booked = try driver.session.bookings(resource: best.uid, from: "2026-12-03T00:00", to: "2026-12-04T00:00")
        #expect(booked.contains { $0.start == best.freeIntervals.first?.start && $0.end == $0.start + 7_200 }, "\(driver.state.status?.text ?? "")")
    }

    @Test func logACommunicationCommentTagAndEditFromTheCard() throws {
        var driver = try Driver.demo()
        defer { driver.cleanUp() }
        driver.press([.char("l"), .enter])
        guard let client = driver.state.directory.cardUID else {
            Issue.record("no card")
            return
        }
        driver.press([.char("c"), .right])
        #expect(driver.state.directory.form?.form["Kind"] == "note")
        driver.press([.down])
        driver.type("Budget for 2027")
        driver.press([.enter])
        #expect(try driver.session.communications(about: client).first?.subject == "Budget for 2027")
        #expect(driver.screen.contains("note alice: Budget for 2027"))
        driver.press([.char("m")])
        driver.type("Call @maya first")
        driver.press([.enter])
        #expect(try driver.session.comments(on: client).last?.body == "Call @maya first")
        driver.press([.char("t")])
        driver.press(Array(repeating: .backspace, count: 20))
        driver.type("gold-partner")
        driver.press([.enter])
        #expect(try driver.session.tags(on: client).map(\.name) == ["gold-partner"])
        // e edits the client: only the tier changed is sent
        driver.press([.char("e"), .down])
        driver.press(Array(repeating: .backspace, count: 10))
        driver.type("platinum")
        driver.press([.enter])
        #expect(try driver.session.clients().first { $0.uid == client }?.tier == "platinum")
        // A stale edit: someone else changes the client while the form is open
        driver.press([.char("e"), .down])
        _ = try driver.session.editClient(client, RecordChanges(["notes": "changed elsewhere"]))
        driver.type("+")
        driver.press([.enter])
        #expect(driver.state.directory.form?.problem.contains("changed") == true)
        driver.press([.escape])
        #expect(try driver.session.clients().first { $0.uid == client }?.tier == "platinum")
    }

    @Test func deleteAsksAndARefusalNamesWhatUsesTheRecord() throws {
        var driver = try Driver.demo()
        defer { driver.cleanUp() }
        driver.press([.char("l"), .char("l")])
        #expect(driver.state.directory.tab == .rooms)
        let room = try #require(driver.state.directory.cursorRow)
        driver.press([.char("d")])
        guard case .prompt(let prompt) = driver.state.mode else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.question.hasPrefix("Delete \(room.cells[0])?"))
        driver.press([.char("y")])
        #expect(driver.state.status?.kind == .error)
        #expect(driver.state.status?.text.contains("live bookings from now on: bk-") == true, "\(driver.state.status?.text ?? "")")
        #expect(try driver.session.rooms().contains { $0.uid == room.uid })
    }

    @Test func aJobIsFilledFromItsMatches() throws {
        var driver = try Driver.demo()
        defer { driver.cleanUp() }
        driver.press([.char("h")])
        #expect(driver.state.directory.tab == .jobs)
        let job = try #require(driver.state.directory.cursorRow?.uid)
        driver.press([.enter])
        guard case .results(let results)? = driver.state.directory.panel, case .match(let best)? = results.cursor else {
            Issue.record("no matches for the job")
            return
        }
        #expect(results.job == job)
        driver.press([.char("b"), .char("y")])
        let filled = try driver.session.jobs().first { $0.uid == job }
        #expect(filled?.status == "filled" && filled?.talent == best.name, "\(driver.state.status?.text ?? "")")
    }

    @Test func searchGroupsByKindAndEnterOpensWhatAHitIsAbout() throws {
        var driver = try Driver.demo()
        defer { driver.cleanUp() }
        driver.command("search eloise")
        guard case .results(let results)? = driver.state.directory.panel else {
            Issue.record("no results")
            return
        }
        #expect(results.items.first == .heading("Communications (1)"))
        driver.press([.enter])
        #expect(driver.state.directory.cardUID.map { $0.hasPrefix("cl-") } == true)
        #expect(driver.state.directory.tab == .clients)
    }

    @Test func aTagFiltersTheTasksTheTimelineTheBoardAndTheDashboard() throws {
        var driver = try Driver.demo()
        defer { driver.cleanUp() }
        let show = try #require(try driver.session.tasks().first?.showUID)
        _ = try driver.session.tag(show, ["press"])
        let project = try #require(try driver.session.projects().first?.uid)
        _ = try driver.session.tag(project, ["press"])
        driver.press([.char("4")])
        let before = driver.state.tasks.tasks.count
        driver.command("filter tag=press")
        let shown = driver.state.tasks.lines.compactMap { line -> String? in if case .task(let index) = line { driver.state.tasks.tasks[index].showUID } else { nil } }
        #expect(!shown.isEmpty && Set(shown) == [show] && before > shown.count)
        driver.press([.char("1")])
        let projects = Set(driver.state.timeline.lines.map { line -> Int in
            switch line {
            case .project(let p), .phase(let p, _): p
            }
        })
        #expect(projects.count == 1 && driver.state.timeline.projects[projects.first!].uid == project)
        driver.command("filter")
        #expect(Set(driver.state.timeline.lines.map { line -> Int in
            switch line {
            case .project(let p), .phase(let p, _): p
            }
        }).count > 1)
        driver.command("filter colour=red")
        #expect(driver.state.status?.kind == .error)
    }
}
