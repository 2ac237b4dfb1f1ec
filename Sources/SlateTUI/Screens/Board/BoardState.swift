import SlateCore
import SlateStore

/// A list to pick from on the board: free times for a draft (`s`), or clashes (`c`, a
/// refused confirmation); Enter acts on the entry.
public struct BoardPicker: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        /// A free time for a show: Enter moves the show there.
        case slot(show: String, version: Int, interval: Interval, label: String)
        /// A clash of a show: Enter puts the cursor on the show.
        case clash(show: String?, label: String)

        var label: String {
            switch self {
            case .slot(_, _, _, let label), .clash(_, let label): label
            }
        }
    }

    public var title: String
    public var items: [Item]
    public var list = ListState()
}

/// A form of the board and what submitting it does.
public struct BoardForm: Equatable, Sendable, ScreenForm {
    public enum Purpose: Equatable, Sendable {
        case newSchedule
        /// A draft of a schedule, its times typed in the studio's zone.
        case newShow(schedule: String, zone: String)
    }

    public var title: String
    public var purpose: Purpose
    public var form: FormState
    public var problem = ""
}

/// The draft board (view 3): a list of schedules, and the open schedule's shows by day.
public struct BoardState: Equatable, Sendable {
    public var schedules: [ScheduleSummary] = []
    /// The schedule list's cursor.
    public var list = ListState()
    public var loaded = false
    /// The schedule open on the board.
    public var board: Board? { didSet { rebuild() } }
    /// `:filter tag=…`: only the shows carrying the tag are on the board.
    public var tagged: Set<String>? { didSet { rebuild() } }
    /// The schedule to open once loaded.
    public var opening: String?
    /// The show to put the cursor on once the board is loaded (one just added).
    public var focusShow: String?
    /// Cursor: a day of the window and a show of that day.
    public var day = 0
    public var card = 0
    /// First day (wide columns) or line (narrow list) shown.
    public var scroll = 0
    /// Days added after the window by moving past its end.
    public var extraDays = 0 { didSet { rebuild() } }
    /// Shows picked with Space; H/L and J/K move them together.
    public var selection: Set<String> = []
    /// The show copied with `y`, pasted to the cursor's day with `p`.
    public var clipboard: String?
    public var form: BoardForm?
    public var picker: BoardPicker?
    public var today: Day
    public var rows: Int

    /// The window's days and, per day, the indexes of its shows in `board.shows`.
    public private(set) var days: [Day] = []
    public private(set) var byDay: [[Int]] = []

    public init(today: Day, rows: Int) {
        self.today = today
        self.rows = rows
    }

    /// The studio's zone of the open board.
    var zone: LocalTime { board.flatMap { LocalTime.cached($0.zone) } ?? LocalTime(timeZone: .gmt) }

    /// The window: from the first show's day to the last's (a week at least, from today
    /// for an empty schedule), plus the days the cursor went past it.
    private mutating func rebuild() {
        guard let board else {
            days = []
            byDay = []
            return
        }
        let zone = self.zone
        let showDays = board.shows.map { zone.day(of: $0.start.epoch) }
        let first = showDays.min() ?? today
        let last = max(showDays.max() ?? first, first + 6) + extraDays
        days = (0...(last - first)).map { first + $0 }
        byDay = Array(repeating: [], count: days.count)
        for (index, day) in showDays.enumerated() where tagged?.contains(board.shows[index].uid) ?? true { byDay[day - first].append(index) }
        clampCursor()
    }

    mutating func clampCursor() {
        day = max(0, min(day, days.count - 1))
        card = max(0, min(card, (byDay.indices.contains(day) ? byDay[day].count : 1) - 1))
    }

    /// The show under the cursor.
    public var cursorShow: BoardShow? {
        guard let board, byDay.indices.contains(day), byDay[day].indices.contains(card) else { return nil }
        return board.shows[byDay[day][card]]
    }

    /// The shows a move acts on: the selection, else the one under the cursor.
    var targets: [BoardShow] {
        guard let board else { return [] }
        if !selection.isEmpty { return board.shows.filter { selection.contains($0.uid) } }
        return cursorShow.map { [$0] } ?? []
    }

    /// Puts the cursor on a show of the board.
    @discardableResult
    mutating func select(show uid: String) -> Bool {
        for (dayIndex, shows) in byDay.enumerated() {
            if let at = shows.firstIndex(where: { board?.shows[$0].uid == uid }) {
                day = dayIndex
                card = at
                return true
            }
        }
        return false
    }

    /// The schedule under the list's cursor.
    var cursorSchedule: ScheduleSummary? {
        schedules.indices.contains(list.selected) ? schedules[list.selected] : nil
    }
}
