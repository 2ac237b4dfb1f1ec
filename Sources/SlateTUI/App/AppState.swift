import SlateCore
import SlateStore

/// The views of the shell. Only views that exist appear in the tab bar.
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

    /// Views built so far.
    static let available: [ViewID] = [.grid]
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

/// A question waiting for y/n.
public struct Prompt: Equatable, Sendable {
    public var question: String
    /// Why it is asked (a refusal's reasons), shown after the question and in the pane.
    public var detail = ""
    public var onYes: [Effect]
}

/// The new-booking form.
public struct BookingForm: Equatable, Sendable {
    public static let fieldNames = ["Resource", "Start", "End", "Show", "Note", "Kind"]
    public var values: [String]
    public var focus = 0
    /// IANA zone the times are typed in: the resource's studio's, as on the command line.
    public var zone: String
    /// "book" or "hold".
    public var kind: String { values[5] }

    public init(resource: String, start: String, end: String, zone: String) {
        values = [resource, start, end, "", "", "hold"]
        self.zone = zone
    }
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
    /// True when the resources span more than one time zone: every time shown names its zone.
    public var zonesInPlay = false
    /// The form last submitted, reopened with its values if the booking is refused.
    public var pendingForm: BookingForm?
    /// Which booking of a stacked cell the keys act on (`]` / `[` cycle).
    public var pick = 0
    /// First line shown of a long help or message panel.
    public var overlayScroll = 0

    // Booking grid.
    public var zoom: Zoom = .week { didSet { spans = computeSpans() } }
    /// First instant of the visible period.
    public var anchor: Int64 { didSet { spans = computeSpans() } }
    /// The columns of the visible period (recomputed when the period or zoom changes).
    public private(set) var spans: [Interval] = []
    public var allResources: [GridResource] = []
    public var window = GridWindow(bookings: [], drafts: [], timeOff: []) {
        didSet {
            bookingsByResource = Dictionary(grouping: window.bookings, by: \.resourceUID)
            draftsByResource = Dictionary(grouping: window.drafts, by: \.resourceUID)
            timeOffByResource = Dictionary(grouping: window.timeOff, by: \.resourceUID)
        }
    }
    /// `window` grouped by resource uid, for drawing rows.
    public private(set) var bookingsByResource: [String: [BookingView]] = [:]
    public private(set) var draftsByResource: [String: [GridDraft]] = [:]
    public private(set) var timeOffByResource: [String: [GridTimeOff]] = [:]
    /// The period `window` was loaded for.
    public var loadedPeriod: Interval?
    /// Resources `window` covers: the visible rows and a page either side, so memory and
    /// query time follow the screen, not the workspace.
    public var loadedResources: Set<String> = []
    public var filter = GridFilter()
    /// Cursor: resource uid (kept across reloads) and column.
    public var cursorResource: String?
    public var cursorSlot = 0
    public var scroll = 0

    public init(width: Int, height: Int, now: Int64, zone: LocalTime, workspaceName: String, user: String, unicode: Bool = true, themeName: String = "default") {
        self.width = width
        self.height = height
        self.now = now
        self.zone = zone
        self.workspaceName = workspaceName
        self.user = user
        self.unicode = unicode
        self.themeName = themeName
        anchor = 0
        anchor = periodStart(containing: now)
        spans = computeSpans()
        cursorSlot = slot(of: now)
    }

    /// Shows the period containing `instant` with the cursor on it.
    public mutating func focus(on instant: Int64) {
        anchor = periodStart(containing: instant)
        cursorSlot = slot(of: instant)
    }

    private func computeSpans() -> [Interval] {
        (0..<zoom.slots).map(computeSlotInterval)
    }

    public static func == (lhs: AppState, rhs: AppState) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.now == rhs.now && lhs.mode == rhs.mode && lhs.status == rhs.status
            && lhs.zoom == rhs.zoom && lhs.anchor == rhs.anchor && lhs.allResources == rhs.allResources && lhs.window == rhs.window
            && lhs.filter == rhs.filter && lhs.cursorResource == rhs.cursorResource && lhs.cursorSlot == rhs.cursorSlot && lhs.scroll == rhs.scroll
            && lhs.quitting == rhs.quitting && lhs.themeName == rhs.themeName && lhs.view == rhs.view && lhs.loadedPeriod == rhs.loadedPeriod
            && lhs.loadedResources == rhs.loadedResources && lhs.messages == rhs.messages && lhs.zonesInPlay == rhs.zonesInPlay
            && lhs.pendingForm == rhs.pendingForm && lhs.pick == rhs.pick && lhs.overlayScroll == rhs.overlayScroll
    }

    // MARK: derived

    /// Resources passing the filter, in display order.
    public var resources: [GridResource] { allResources.filter(filter.admits) }

    /// The visible period.
    public var period: Interval {
        Interval(start: anchor, end: periodEnd(from: anchor))
    }

    var cursorIndex: Int? {
        let list = resources
        guard !list.isEmpty else { return nil }
        if let uid = cursorResource, let index = list.firstIndex(where: { $0.uid == uid }) { return index }
        return 0
    }

    var cursorRow: GridResource? { cursorIndex.map { resources[$0] } }

    /// The rows on screen plus a page above and below: what a window load covers.
    public var nearbyResources: [GridResource] {
        let list = resources
        let rows = max(1, height - Layout.chromeRows)
        let from = max(0, scroll - rows)
        let to = min(list.count, scroll + 2 * rows)
        return from < to ? Array(list[from..<to]) : []
    }

    /// True when some visible row has no loaded data for the current period.
    var needsWindow: Bool {
        if loadedPeriod != period { return true }
        let list = resources
        let rows = max(1, height - Layout.chromeRows)
        let visible = list[min(scroll, list.count)..<min(list.count, scroll + rows)]
        return visible.contains { !loadedResources.contains($0.uid) }
    }

    /// The span of column `slot` of the visible period.
    func slotInterval(_ slot: Int) -> Interval {
        spans.indices.contains(slot) ? spans[slot] : computeSlotInterval(slot)
    }

    private func computeSlotInterval(_ slot: Int) -> Interval {
        switch zoom {
        case .day:
            let start = anchor + Int64(slot) * 3600
            return Interval(start: start, end: start + 3600)
        case .week:
            let dayStart = zone.startOfDay(anchor, addingDays: slot / 6)
            let start = dayStart + Int64(slot % 6) * 4 * 3600
            let end = slot % 6 == 5 ? zone.startOfDay(anchor, addingDays: slot / 6 + 1) : start + 4 * 3600
            return Interval(start: start, end: end)
        case .month:
            return Interval(start: zone.startOfDay(anchor, addingDays: slot), end: zone.startOfDay(anchor, addingDays: slot + 1))
        }
    }

    /// The column containing `instant` (clamped to the period).
    func slot(of instant: Int64) -> Int {
        if let index = spans.firstIndex(where: { $0.contains(instant) }) { return index }
        return instant < anchor ? 0 : zoom.slots - 1
    }

    /// First instant of the period containing `instant` at the current zoom.
    func periodStart(containing instant: Int64) -> Int64 {
        let day = zone.startOfDay(instant)
        switch zoom {
        case .day:
            return day
        case .week, .month:
            let weekday = zone.weekdayAndMinute(day).weekday
            return zone.startOfDay(day, addingDays: -(weekday - 1))
        }
    }

    func periodEnd(from start: Int64) -> Int64 {
        switch zoom {
        case .day: zone.startOfDay(start, addingDays: 1)
        case .week: zone.startOfDay(start, addingDays: 7)
        case .month: zone.startOfDay(start, addingDays: 35)
        }
    }

    /// What lies under one cell.
    func stack(resource: GridResource, slot: Int) -> CellStack {
        let span = slotInterval(slot)
        return CellStack(bookings: (bookingsByResource[resource.uid] ?? []).filter { Interval(start: $0.start, end: $0.end).overlaps(span) },
                         drafts: (draftsByResource[resource.uid] ?? []).filter { $0.interval.overlaps(span) },
                         timeOff: (timeOffByResource[resource.uid] ?? []).filter { $0.interval.overlaps(span) })
    }

    var cursorStack: CellStack? { cursorRow.map { stack(resource: $0, slot: cursorSlot) } }

    /// The booking of the cursor cell the keys act on: the picked one of a stacked cell.
    var pickedBooking: BookingView? { cursorStack?.ordered.nth(pick) }

    /// True when the resource's studio is closed at the middle of `span`.
    func isClosed(_ resource: GridResource, _ span: Interval) -> Bool {
        let hours = OpeningHours.cached(resource.openingHours)
        guard !hours.alwaysOpen else { return false }
        let middle = span.start + span.duration / 2
        return !hours.contains(Interval(start: middle, end: middle + 60), in: zone(of: resource))
    }

    /// The zone a resource's times are typed and shown in: its studio's.
    func zone(of resource: GridResource) -> LocalTime {
        LocalTime.cached(resource.zone) ?? zone
    }

    /// An interval in `zone`, followed by the zone's place when several zones are in play.
    func when(_ interval: Interval, in zone: LocalTime) -> String {
        zone.format(interval) + (zonesInPlay ? " " + zone.placeName : "")
    }

    /// An instant in `zone`, labelled likewise.
    func when(_ instant: Int64, in zone: LocalTime) -> String {
        zone.format(instant) + (zonesInPlay ? " " + zone.placeName : "")
    }
}

extension Array {
    /// The element at `index` modulo the count, or nil when empty.
    func nth(_ index: Int) -> Element? {
        isEmpty ? nil : self[((index % count) + count) % count]
    }
}
