import SlateCore

/// A rectangle of the canvas that a screen draws into.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The first line below the rectangle.
    public var maxY: Int { y + height }
}

/// A view of the shell (DESIGN §5): its keymap, how its commands change the state, what
/// it loads, and how it draws into its part of the screen. The shell handles the global
/// keys first, then hands the key to the active screen's keymap. Adding a view is a folder
/// under `Screens/`, one field of `AppState`, one case of `ViewID` and one in `screenKey`
/// and `renderScreen`.
protocol Screen {
    associatedtype Command: Sendable
    /// The screen's keys: dispatch, footer hints, the `?` overlay and the README keymap.
    static var keymap: Keymap<Command> { get }
    /// Effects that load what the screen shows.
    static func load(_ state: AppState) -> [Effect]
    /// Carries out one of the screen's commands.
    static func run(_ state: inout AppState, _ command: Command) -> [Effect]
    /// Draws the screen into `area` (everything between the top bar and the status line).
    static func render(_ state: AppState, into canvas: inout Canvas, _ area: Rect)
}

extension Screen {
    /// Runs the command a key is bound to, if any.
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect]? {
        keymap.command(for: key).map { run(&state, $0) }
    }
}

/// The booking grid (view 2).
enum BookingGridScreen: Screen {
    static var keymap: Keymap<GridCommand> { gridKeys }

    static func load(_ state: AppState) -> [Effect] { [.loadResources] }

    static func run(_ state: inout AppState, _ command: GridCommand) -> [Effect] {
        runGrid(&state, command)
    }

    static func render(_ state: AppState, into canvas: inout Canvas, _ area: Rect) {
        drawGrid(&canvas, state, area)
        drawPane(&canvas, state, area)
    }
}

/// The timeline (view 1).
enum TimelineScreen: Screen {
    static var keymap: Keymap<TimelineCommand> { timelineKeys }

    static func load(_ state: AppState) -> [Effect] { [.loadTimeline] }

    static func run(_ state: inout AppState, _ command: TimelineCommand) -> [Effect] {
        runTimeline(&state, command)
    }

    static func render(_ state: AppState, into canvas: inout Canvas, _ area: Rect) {
        drawTimeline(&canvas, state, area)
    }
}

/// The draft board (view 3).
enum BoardScreen: Screen {
    static var keymap: Keymap<BoardCommand> { boardKeys }

    static func load(_ state: AppState) -> [Effect] { [.loadSchedules] }

    static func run(_ state: inout AppState, _ command: BoardCommand) -> [Effect] {
        runBoard(&state, command)
    }

    static func render(_ state: AppState, into canvas: inout Canvas, _ area: Rect) {
        drawBoard(&canvas, state, area)
    }
}

/// The task checklists (view 4).
enum TasksScreen: Screen {
    static var keymap: Keymap<TasksCommand> { tasksKeys }

    static func load(_ state: AppState) -> [Effect] { [.loadTasks(state.tasks.grouping)] }

    static func run(_ state: inout AppState, _ command: TasksCommand) -> [Effect] {
        runTasks(&state, command)
    }

    static func render(_ state: AppState, into canvas: inout Canvas, _ area: Rect) {
        drawTasks(&canvas, state, area)
    }
}

/// The active screen's response to a key the shell did not take.
func screenKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch state.view {
    case .grid: BookingGridScreen.handle(&state, key) ?? []
    case .timeline: TimelineScreen.handle(&state, key) ?? []
    case .tasks: TasksScreen.handle(&state, key) ?? []
    case .drafts: BoardScreen.handle(&state, key) ?? []
    case .dashboard: DashboardScreen.handle(&state, key) ?? []
    case .directory: DirectoryScreen.handle(&state, key) ?? []
    }
}

/// Draws the active screen.
func renderScreen(_ state: AppState, into canvas: inout Canvas, _ area: Rect) {
    switch state.view {
    case .grid: BookingGridScreen.render(state, into: &canvas, area)
    case .timeline: TimelineScreen.render(state, into: &canvas, area)
    case .tasks: TasksScreen.render(state, into: &canvas, area)
    case .drafts: BoardScreen.render(state, into: &canvas, area)
    case .dashboard: DashboardScreen.render(state, into: &canvas, area)
    case .directory: DirectoryScreen.render(state, into: &canvas, area)
    }
}

/// The active screen's key rows, for help and the footer.
func screenRows(_ view: ViewID) -> (title: String, rows: [(keys: String, help: String)], hints: [String]) {
    switch view {
    case .timeline: ("Timeline", timelineKeys.rows, timelineKeys.hints)
    case .tasks: ("Tasks", tasksKeys.rows, tasksKeys.hints)
    case .drafts: ("Draft board", boardKeys.rows, boardKeys.hints)
    case .dashboard: ("Dashboard", dashboardKeys.rows, dashboardKeys.hints)
    case .directory: ("Directory", directoryKeys.rows, directoryKeys.hints)
    case .grid: ("Booking grid", gridKeys.rows, gridKeys.hints)
    }
}
