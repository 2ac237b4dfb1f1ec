import SlateCore
import SlateStore

/// A line of the dashboard.
public enum DashboardLine: Equatable, Sendable {
    case heading(String, count: Int)
    case item(DashboardItem)
    case utilisation(Utilisation)
    case note(String)
}

/// The dashboard (view 6): what needs attention today and over the next seven days.
public struct DashboardState: Equatable, Sendable {
    public var dashboard: Dashboard? { didSet { rebuild() } }
    /// `:filter tag=…`: only items about records carrying the tag.
    public var tagged: Set<String>? { didSet { rebuild() } }
    /// When it was read (it is read again every minute: "live now" and "overdue" move with time).
    public var loadedAt: Int64 = 0
    public private(set) var lines: [DashboardLine] = []
    public var list = ListState()
    public var rows: Int

    public var loaded: Bool { dashboard != nil }

    public init(rows: Int) {
        self.rows = rows
    }

    /// The line under the cursor.
    public var cursorLine: DashboardLine? { lines.indices.contains(list.selected) ? lines[list.selected] : nil }

    /// Sections with something in them, most urgent first; utilisation last.
    private mutating func rebuild() {
        guard let dashboard else {
            lines = []
            return
        }
        let urgent = dashboard.live.count + dashboard.clashes.count + dashboard.holds.count + dashboard.overdue.count + dashboard.dueToday.count + dashboard.waiting.count
        lines = urgent == 0 ? [.note("Nothing needs attention: no clashes, no holds expiring, no tasks overdue or due today, no schedule waiting.")] : []
        for (title, all) in dashboard.sections {
            let items = all.filter { item in tagged.map { tags in item.target?.uid.map(tags.contains) ?? false } ?? true }
            guard !items.isEmpty else { continue }
            lines.append(.heading(title, count: items.count))
            lines += items.map(DashboardLine.item)
        }
        if !dashboard.utilisation.isEmpty {
            lines.append(.heading("Utilisation: booked of open hours, this week · next week", count: dashboard.utilisation.count))
            lines += dashboard.utilisation.map(DashboardLine.utilisation)
        }
        list.clamp(count: lines.count, visible: rows)
    }
}

/// What the dashboard's keys do.
public enum DashboardCommand: Sendable, Equatable {
    case line(LineStep), open, refresh
}

/// The dashboard's keys: dispatch, footer hints, the `?` overlay and the README keymap.
public let dashboardKeys = Keymap<DashboardCommand>(lineBindings { .line($0) } + [
    Binding([.enter], "Enter", "go to the item: a show's card, a booking in the grid, a task, a schedule's board", hint: "Enter:go to", .open),
    Binding([.char("r")], "r", "read it again now (it also follows every change, and the clock each minute)", hint: "r:refresh", .refresh),
])

/// The dashboard (view 6).
enum DashboardScreen: Screen {
    static var keymap: Keymap<DashboardCommand> { dashboardKeys }

    static func load(_ state: AppState) -> [Effect] { [.loadDashboard] }

    static func run(_ state: inout AppState, _ command: DashboardCommand) -> [Effect] {
        switch command {
        case .line(let step): state.dashboard.list.step(step, count: state.dashboard.lines.count, visible: state.dashboard.rows)
        case .refresh: return [.loadDashboard]
        case .open:
            guard case .item(let item)? = state.dashboard.cursorLine, let target = item.target else { return [] }
            return go(&state, to: target)
        }
        return []
    }

    /// Opens the record an item is about, in its own view.
    static func go(_ state: inout AppState, to target: DashboardItem.Target) -> [Effect] {
        switch target {
        case .show(let uid):
            return [.loadCard(uid, edit: false)]
        case .booking(let resource, let start):
            state.view = .grid
            state.grid.filter = GridFilter()
            state.grid.cursorResource = resource
            keepCursorVisible(&state)
            return goTo(&state, start)
        case .task(let uid, let overdue):
            state.view = .tasks
            state.tasks.focusTask = uid
            state.tasks.grouping = overdue ? .overdue : .dueThisWeek
            return [.loadTasks(state.tasks.grouping)]
        case .schedule(let uid):
            state.view = .drafts
            state.board.opening = uid
            return (state.board.loaded ? [] : [.loadSchedules]) + [.loadBoard(uid)]
        case .invoice(let uid):
            return [.loadInvoice(uid)]
        }
    }

    static func render(_ state: AppState, into canvas: inout Canvas, _ area: Rect) {
        let board = state.dashboard
        let width = state.width
        let heading = board.dashboard.map {
            "Dashboard · \($0.now.shown)" + ($0.revenue.map { " · booked this month: \($0.text)" } ?? "")
        } ?? "Dashboard"
        canvas.fill(x: 0, y: area.y, width: width, height: 1, role: .header)
        canvas.put(heading, x: 0, y: area.y, role: .header, limit: width)
        let bodyY = area.y + 1
        if !board.loaded {
            canvas.put("Loading the dashboard…", x: 2, y: bodyY + 1, role: .dim, limit: width - 4)
        }
        for row in 0..<board.rows {
            let index = board.list.scroll + row
            guard index < board.lines.count else { break }
            let selected = index == board.list.selected
            let y = bodyY + row
            if selected { canvas.fill(x: 0, y: y, width: width, height: 1, role: .cursor) }
            switch board.lines[index] {
            case .heading(let title, let count):
                canvas.put("\(title) (\(count))", x: 0, y: y, role: selected ? .cursor : .paneTitle, limit: width)
            case .item(let item):
                let role: StyleRole = selected ? .cursor : item.target == nil ? .dim : .normal
                canvas.put("  " + item.text, x: 0, y: y, role: role, limit: width - 1)
            case .note(let text):
                canvas.put(text, x: 2, y: y, role: selected ? .cursor : .dim, limit: width - 4)
            case .utilisation(let use):
                drawUtilisation(&canvas, use, y: y, width: width, selected: selected, unicode: state.unicode)
            }
        }
        let paneY = area.y + area.height - Layout.paneRows
        canvas.fill(x: 0, y: paneY, width: width, height: Layout.paneRows, role: .pane)
        for (index, line) in paneLines(state).prefix(Layout.paneRows).enumerated() {
            canvas.put(line, x: 1, y: paneY + index, role: index == 0 ? .paneTitle : .pane, limit: width - 2)
        }
    }

    /// `Stage A      ████████░░  80 %   ██░░░░░░░░  20 %`: a name, then a bar and a share for each week.
    private static func drawUtilisation(_ canvas: inout Canvas, _ use: Utilisation, y: Int, width: Int, selected: Bool, unicode: Bool) {
        let role: StyleRole = selected ? .cursor : .normal
        let barWidth = max(10, min(30, (width - 24) / 2 - 7))
        var x = canvas.put("  " + DisplayWidth.pad(DisplayWidth.truncate(use.name, to: 18, ascii: !unicode), to: 18) + " ", x: 0, y: y, role: role)
        for (booked, open) in [(use.bookedThisWeek, use.openThisWeek), (use.bookedNextWeek, use.openNextWeek)] {
            let percent = Utilisation.percent(booked, of: open)
            let filled = min(barWidth, (percent * barWidth + 50) / 100)
            x = canvas.put(String(repeating: unicode ? "█" : "#", count: filled), x: x, y: y, role: selected ? .cursor : .barDone)
            x = canvas.put(String(repeating: unicode ? "░" : ".", count: barWidth - filled), x: x, y: y, role: selected ? .cursor : .dim)
            x = canvas.put(" " + DisplayWidth.pad(open > 0 ? "\(percent) %" : "closed", to: 7), x: x, y: y, role: role)
        }
    }

    /// The pane: the item under the cursor in full, and where Enter goes.
    static func paneLines(_ state: AppState) -> [String] {
        switch state.dashboard.cursorLine {
        case .item(let item)?:
            let goes = switch item.target {
            case .show?: "Enter opens the show's card."
            case .booking?: "Enter shows the booking in the grid."
            case .task?: "Enter opens the task in the task view."
            case .schedule?: "Enter opens the schedule on the draft board."
            case .invoice?: "Enter shows the invoice (slate invoice send, pay, credit on the command line)."
            case nil: ""
            }
            return [item.text, goes]
        case .utilisation(let use)?:
            func hours(_ seconds: Int64) -> String { String(format: "%.1f h", Double(seconds) / 3_600) }
            return ["\(use.name) (\(use.kind.rawValue))",
                    "This week \(hours(use.bookedThisWeek)) booked of \(hours(use.openThisWeek)) open; next week \(hours(use.bookedNextWeek)) of \(hours(use.openNextWeek))."]
        case .heading(let title, _)?:
            return [title, "j/k move, Enter goes to an item, r reads it again."]
        case .note(let text)?:
            return [text]
        case nil:
            return ["Dashboard", "Today and the next seven days, the most urgent first."]
        }
    }
}
