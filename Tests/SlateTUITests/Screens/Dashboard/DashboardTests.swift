import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

/// The demo workspace seen on Wednesday 2026-12-02 at 09:00 Paris.
enum DashboardScene {
    static let now = try! Scene.zone.parse("2026-12-02T09:00")

    static let dashboard: Dashboard = {
        let directory = Scratch.directory("slate-dashboard")
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (workspace, _) = try! DemoWorkspace.build(at: directory + "/demo.slate", login: "alice", userName: "Alice", clock: .fixed(now))
        return try! Session(workspace: workspace, login: "alice", clock: .fixed(now)).dashboard()
    }()

    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(width: width, height: height, now: now, zone: Scene.zone, workspaceName: "Demo", user: "alice")
        #expect(update(&state, .key(.char("6"))) == [.loadDashboard])
        _ = update(&state, .dashboardLoaded(dashboard))
        return state
    }
}

@Suite("The dashboard (view 6)")
struct DashboardViewTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func goldensOnTheDemo(width: Int, height: Int) {
        var state = DashboardScene.state(width: width, height: height)
        _ = update(&state, .key(.char("j")))
        Golden.check("dashboard-\(width)x\(height).txt", render(state).text)
        if width == 120 { Golden.check("dashboard-\(width)x\(height).roles.txt", render(state).roles) }
    }

    @Test func theMostUrgentComeFirstAndUtilisationLast() {
        let state = DashboardScene.state()
        let headings = state.dashboard.lines.compactMap { line -> String? in if case .heading(let title, _) = line { title } else { nil } }
        let order = ["Live now", "Clashes", "Holds expiring or challenged (48 h)", "Overdue tasks", "Tasks due today", "Waiting for a decision",
                     "Shows today and the next 7 days", "Who is where today"]
        #expect(headings.dropLast() == ArraySlice(order.filter(headings.contains)))
        #expect(headings.last?.hasPrefix("Utilisation") == true)
        // At 80x24 the first screenful is the urgent part
        #expect(render(state).text.split(separator: "\n")[2].hasPrefix(headings[0]))
    }

    /// Enter on an item opens its record in its own view.
    @Test func enterGoesToTheShowTheBookingTheTaskOrTheSchedule() {
        var state = AppState(width: 100, height: 30, now: DashboardScene.now, zone: Scene.zone, workspaceName: "Demo", user: "alice")
        _ = update(&state, .resourcesLoaded(Scene.resources))
        _ = update(&state, .windowLoaded(Scene.window, state.grid.period, Set(Scene.resources.map(\.uid))))
        _ = update(&state, .key(.char("6")))
        var board = Dashboard(now: Timestamp(DashboardScene.now, in: Scene.zone, words: .of("en_US")))
        board.clashes = [DashboardItem(text: "a draft clashes", target: .show("sh-1")), DashboardItem(text: "a booking in time off", target: .booking(resource: "rs-2", start: DashboardScene.now + 86_400))]
        board.overdue = [DashboardItem(text: "Brief", target: .task("tk-3", overdue: true))]
        board.waiting = [DashboardItem(text: "December", target: .schedule("sc-4"))]
        board.invoices = [DashboardItem(text: "F-2026-0001", target: .invoice("iv-5"))]
        _ = update(&state, .dashboardLoaded(board))
        // Line 0 is the Clashes heading: Enter does nothing there
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(update(&state, .key(.char("j"))).isEmpty)
        #expect(update(&state, .key(.enter)) == [.loadCard("sh-1", edit: false)])
        var grid = state
        _ = update(&grid, .key(.char("j")))
        let effects = update(&grid, .key(.enter))
        #expect(grid.view == .grid && grid.grid.cursorResource == "rs-2" && effects.contains(.loadWindow(grid.grid.period)))
        #expect(grid.grid.period.start <= DashboardScene.now + 86_400 && DashboardScene.now + 86_400 < grid.grid.period.end)
        var tasks = state
        _ = update(&tasks, .key(.char("j")))
        _ = update(&tasks, .key(.char("j")))
        _ = update(&tasks, .key(.char("j")))
        #expect(update(&tasks, .key(.enter)) == [.loadTasks(.overdue)])
        #expect(tasks.view == .tasks && tasks.tasks.focusTask == "tk-3")
        var invoice = state
        _ = update(&invoice, .key(.char("G")))
        #expect(update(&invoice, .key(.enter)) == [.loadInvoice("iv-5")])
        let document = InvoiceDocument(invoice: InvoiceSummary(uid: "iv-5", number: "F-2026-0001", client: "Acme", studio: "North", status: .sent, issuedAt: nil,
                                                               subtotal: MoneyValue(minor: 100, currency: "EUR"), tax: MoneyValue(minor: 20, currency: "EUR"),
                                                               total: MoneyValue(minor: 120, currency: "EUR"), taxRateBP: 2_000, creditOf: nil, version: 1),
                                       lines: [InvoiceLine(description: "Stage A", quantityCenti: 100, unit: "hour", unitMinor: 100)], period: nil)
        _ = update(&invoice, .invoiceLoaded(document))
        #expect(render(invoice).text.contains("# Invoice F-2026-0001") && render(invoice).text.contains("| **Total** | **€1.20** |"))
        var schedule = state
        _ = update(&schedule, .key(.char("G")))
        _ = update(&schedule, .key(.char("k")))
        _ = update(&schedule, .key(.char("k")))
        #expect(update(&schedule, .key(.enter)) == [.loadSchedules, .loadBoard("sc-4")])
        #expect(schedule.view == .drafts && schedule.board.opening == "sc-4")
    }

    @Test func itFollowsChangesAndTheClock() {
        var state = DashboardScene.state()
        #expect(update(&state, .key(.char("r"))) == [.loadDashboard])
        #expect(reloads(state).contains(.loadDashboard))
        #expect(update(&state, .tick(now: DashboardScene.now + 30)).isEmpty)
        #expect(update(&state, .tick(now: DashboardScene.now + 60)) == [.loadDashboard])
        // Other views do not read it on the clock
        _ = update(&state, .key(.char("4")))
        #expect(update(&state, .tick(now: DashboardScene.now + 600)).isEmpty)
    }
}
