import SlateCore
import SlateStore

/// The views of the shell, each one key away.
public enum ViewID: Int, CaseIterable, Sendable {
    case timeline = 1, grid, drafts, tasks, directory, dashboard

    var title: String {
        switch self {
        case .timeline: "Timeline"
        case .grid: "Booking grid"
        case .drafts: "Draft board"
        case .tasks: "Tasks"
        case .directory: "Directory"
        case .dashboard: "Dashboard"
        }
    }

    /// The title of a tab not in view on a narrow screen.
    var shortTitle: String {
        switch self {
        case .timeline: "Plan"
        case .grid: "Grid"
        case .drafts: "Board"
        case .tasks: "Tasks"
        case .directory: "People"
        case .dashboard: "Today"
        }
    }

    /// The views in the order of the tab bar.
    static let available = ViewID.allCases
}

/// The status line: the last result in plain words.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, ok, warning, error }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A question waiting for y/n, or for one of several keys (`choices`).
public struct Prompt: Equatable, Sendable {
    public var question: String
    /// Why it is asked (a refusal's reasons), shown after the question and in the pane.
    public var detail = ""
    public var onYes: [Effect]
    /// Keys other than y, each with what it does and its effects ("o this occurrence").
    public var choices: [Choice] = []

    public struct Choice: Equatable, Sendable {
        public var key: Character
        public var label: String
        public var effects: [Effect]
    }
}

/// The new-booking form: a form component with the booking's fields, and the zone its
/// times are typed in (the resource's studio's, as on the command line).
public struct BookingForm: Equatable, Sendable {
    public var form: FormState
    public var zone: String

    public init(resource: String, start: String, end: String, zone: String) {
        form = FormState([FormField("Resource", resource), FormField("Start", start, kind: .dateTime), FormField("End", end, kind: .dateTime), FormField("Show"), FormField("Note"),
                          FormField("Kind", "hold", kind: .choice(["hold", "book"], shown: ["hold (pencil)", "book (confirmed)"])), FormField("Repeat")])
        self.zone = zone
    }

    /// "book" or "hold".
    public var kind: String { form["Kind"] }
}

/// A line of text the user types to finish an action (a force-confirm reason).
public struct ReasonEntry: Equatable, Sendable {
    public var question: String
    public var text = ""
    /// The hold to force-confirm and the version the user saw.
    public var booking: String
    public var version: Int
}

/// A booking being moved or resized before commit.
public struct MoveState: Equatable, Sendable {
    public var booking: BookingView
    public var interval: Interval
    /// Result of the last dry run: nil while unknown, else the clash message or "".
    public var feedback: String?
}

/// What the keyboard is talking to.
public enum Mode: Equatable, Sendable {
    case normal
    case command(String)
    case search(String)
    case help
    case detail
    case prompt(Prompt)
    case form(BookingForm)
    case move(MoveState)
    case reason(ReasonEntry)
    /// A read-only text panel (`:messages`, a booking's history); any key closes it.
    case overlay(title: String, lines: [String])
}

/// The whole state of the terminal UI; `update` changes it, `render` draws it.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var now: Int64
    public var zone: LocalTime
    /// The workspace's words for days, times and money (`jeu. 3 déc. 14:00`).
    public var words: LocaleFormat
    public var workspaceName: String
    public var user: String
    public var unicode: Bool
    public var themeName: String
    public var view: ViewID = .grid
    public var mode: Mode = .normal
    public var status: StatusMessage? {
        didSet { if let status, status != oldValue { messages = Array((messages + [status.text]).suffix(50)) } }
    }
    /// The last 50 status messages, oldest first (`:messages`).
    public private(set) var messages: [String] = []
    public var quitting = false
    /// First line shown of a long help or message panel.
    public var overlayScroll = 0

    /// The timeline (view 1).
    public var timeline: TimelineState
    /// The booking grid (view 2).
    public var grid: BookingGridState
    /// The draft board (view 3).
    public var board: BoardState
    /// The task checklists (view 4).
    public var tasks: TasksState
    /// The directory (view 5).
    public var directory: DirectoryState
    /// The dashboard (view 6).
    public var dashboard: DashboardState
    /// A show's card open over the view, and its edit form.
    public var showCard: ShowCardPanel?
    public var showForm: ShowForm?
    public init(width: Int, height: Int, now: Int64, zone: LocalTime, words: LocaleFormat = .of("en_US"), workspaceName: String, user: String,
                unicode: Bool = true, themeName: String = "default") {
        self.width = width
        self.height = height
        self.now = now
        self.zone = zone
        self.words = words
        self.workspaceName = workspaceName
        self.user = user
        self.unicode = unicode
        self.themeName = themeName
        grid = BookingGridState(zone: zone, now: now, rows: max(1, height - Layout.chromeRows))
        timeline = TimelineState(today: zone.day(of: now), rows: max(1, height - Layout.chromeRows - 1))
        tasks = TasksState(rows: max(1, height - Layout.chromeRows))
        board = BoardState(today: zone.day(of: now), rows: max(1, height - Layout.chromeRows))
        dashboard = DashboardState(rows: max(1, height - Layout.chromeRows))
        directory = DirectoryState(rows: max(1, height - Layout.chromeRows))
    }

    /// `:filter tag=…` outside the grid and the directory: the records carrying the tag, or
    /// nil for everything, in the timeline, the board, the tasks and the dashboard at once.
    public mutating func filterByTag(_ uids: Set<String>?) {
        tasks.tagged = uids
        board.tagged = uids
        timeline.tagged = uids
        dashboard.tagged = uids
    }

    /// Shows the period containing `instant` with the grid's cursor on it.
    public mutating func focus(on instant: Int64) {
        grid.focus(on: instant)
    }
}

extension Array {
    /// The element at `index` modulo the count, or nil when empty.
    func nth(_ index: Int) -> Element? {
        isEmpty ? nil : self[((index % count) + count) % count]
    }
}
