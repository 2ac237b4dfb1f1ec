import SlateCore
import SlateStore

/// How the task view groups its checklists; `v` cycles them.
public enum TaskGrouping: Int, CaseIterable, Sendable {
    case byShow, mine, byAssignee, overdue, dueThisWeek

    var title: String {
        switch self {
        case .byShow: "by show"
        case .mine: "my tasks"
        case .byAssignee: "by assignee"
        case .overdue: "overdue"
        case .dueThisWeek: "due this week"
        }
    }

    /// Most tasks a view loads; more are counted and named in the heading (the command
    /// line lists them all).
    static let limit = 2_000

    /// What to load for this grouping, around `now`.
    func filter(now: Int64) -> Session.TaskFilter {
        switch self {
        case .byShow, .byAssignee: Session.TaskFilter(showsFrom: now - 7 * 86_400, showsUntil: now + 35 * 86_400)
        case .mine: Session.TaskFilter(mine: true, openOnly: true)
        case .overdue: Session.TaskFilter(overdue: true)
        case .dueThisWeek: Session.TaskFilter(dueWithin: 7 * 86_400)
        }
    }
}

/// A line of the task view.
public enum TaskLine: Equatable, Sendable {
    /// A show (or assignee, or period) heading: its title, tasks done and in all, and the show when it is one.
    case group(String, done: Int, total: Int, show: String?)
    /// Tasks of one type within a show.
    case type(TaskItemType)
    case task(Int)
}

/// A form of the task view and what submitting it does.
public struct TaskForm: Equatable, Sendable, ScreenForm {
    public enum Purpose: Equatable, Sendable {
        case value(task: String, version: Int, complete: Bool)
        case assign(task: String)
        case status(task: String, version: Int)
        case block(task: String, version: Int)
        case newTemplate
        case newItem(template: String)
        case editItem(item: String, version: Int?)
    }

    public var title: String
    public var purpose: Purpose
    public var form: FormState
    public var problem = ""
}

/// The template editor (studio admins): templates and their items.
public struct TemplateEditor: Equatable, Sendable {
    public var items: [TemplateItemSummary] = []
    public var list = ListState()
}

/// The task view (view 4): checklists of confirmed shows.
public struct TasksState: Equatable, Sendable {
    public var tasks: [TaskSummary] = [] { didSet { rebuild() } }
    public var grouping: TaskGrouping = .byShow { didSet { rebuild() } }
    /// `/` narrows the lines to tasks whose title, show or assignee contain this.
    public var search = "" { didSet { rebuild() } }
    /// `:filter tag=…`: the records carrying the tag; a task shows when it or its show does.
    public var tagged: Set<String>? { didSet { rebuild() } }
    public private(set) var lines: [TaskLine] = []
    public var loaded = false
    /// How many tasks the grouping found in all, when more than were loaded.
    public var total: Int?
    public var list = ListState()
    public var rows: Int
    public var form: TaskForm?
    /// Typing a search (`/`).
    public var searching = false
    /// The template editor when open.
    public var editor: TemplateEditor?
    /// The task's line to put the cursor on once loaded (a gate named it).
    public var focusTask: String?
    /// Several time zones are in play: every time names its place.
    public var severalZones = false { didSet { rebuild() } }

    public init(rows: Int) {
        self.rows = rows
    }

    private mutating func rebuild() {
        let needle = search.lowercased()
        let shown = tasks.indices.filter { index in
            (tagged.map { $0.contains(tasks[index].showUID) || $0.contains(tasks[index].uid) } ?? true)
                && (needle.isEmpty || [tasks[index].title, tasks[index].show, tasks[index].assignee ?? ""].contains { $0.lowercased().contains(needle) })
        }
        var lines: [TaskLine] = []
        func group(_ title: String, _ members: [Int], show: String?) {
            lines.append(.group(title, done: members.filter { tasks[$0].status == .completed }.count, total: members.filter { tasks[$0].status != .cancelled }.count, show: show))
        }
        switch grouping {
        case .byShow:
            var order: [String] = []
            var byShow: [String: [Int]] = [:]
            for index in shown {
                if byShow[tasks[index].showUID] == nil { order.append(tasks[index].showUID) }
                byShow[tasks[index].showUID, default: []].append(index)
            }
            for show in order {
                let members = byShow[show] ?? []
                let first = tasks[members[0]]
                group("\(first.show) · \(first.showStart.shown)\(severalZones ? " " + LocalTime.placeName(first.timeZone) : "") · \(first.showStatus.rawValue)",
                      members, show: show)
                for type in TaskItemType.allCases {
                    let ofType = members.filter { tasks[$0].itemType == type }
                    guard !ofType.isEmpty else { continue }
                    lines.append(.type(type))
                    lines += ofType.map { .task($0) }
                }
            }
        case .byAssignee:
            let names = Set(shown.map { tasks[$0].assignee ?? "" }).sorted { ($0.isEmpty ? "~" : $0) < ($1.isEmpty ? "~" : $1) }
            for name in names {
                let members = shown.filter { (tasks[$0].assignee ?? "") == name }
                group(name.isEmpty ? "nobody yet" : name, members, show: nil)
                lines += members.map { .task($0) }
            }
        case .mine, .overdue, .dueThisWeek:
            if !shown.isEmpty {
                group(grouping.title, shown, show: nil)
                lines += shown.map { .task($0) }
            }
        }
        self.lines = lines
        list.clamp(count: lines.count, visible: rows)
    }

    /// The task under the cursor, if the line is one.
    public var cursorTask: TaskSummary? {
        guard lines.indices.contains(list.selected), case .task(let index) = lines[list.selected] else { return nil }
        return tasks[index]
    }

    /// The show of the line under the cursor: its heading's, or its task's.
    public var cursorShow: (uid: String, title: String, status: ShowStatus)? {
        if let task = cursorTask { return (task.showUID, task.show, task.showStatus) }
        guard lines.indices.contains(list.selected), case .group(_, _, _, let show?) = lines[list.selected],
              let task = tasks.first(where: { $0.showUID == show }) else { return nil }
        return (show, task.show, task.showStatus)
    }

    /// Puts the cursor on a task's line.
    mutating func select(task uid: String) -> Bool {
        guard let line = lines.firstIndex(where: { if case .task(let index) = $0 { tasks[index].uid == uid } else { false } }) else { return false }
        list.selected = line
        list.clamp(count: lines.count, visible: rows)
        return true
    }
}
