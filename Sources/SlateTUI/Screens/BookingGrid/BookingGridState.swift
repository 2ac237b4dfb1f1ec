import SlateCore
import SlateStore

/// The booking grid's own state (view 2): the period and zoom, the resources and the
/// window of bookings loaded for them, the filter, the cursor and the scroll.
public struct BookingGridState: Equatable, Sendable {
    /// The zone the grid's columns are laid out in (the workspace's).
    public var zone: LocalTime
    /// Rows of resources the screen shows (kept by the shell as the terminal resizes).
    public var rows: Int

    /// The period on screen, its zoom and its columns.
    public var axis: TimeAxis
    public var zoom: Zoom {
        get { axis.zoom }
        set { axis.zoom = newValue }
    }
    /// First instant of the visible period.
    public var anchor: Int64 {
        get { axis.anchor }
        set { axis.anchor = newValue }
    }
    /// The columns of the visible period.
    public var spans: [Interval] { axis.spans }
    public var allResources: [GridResource] = [] { didSet { admitted = Derived(allResources.filter(filter.admits)) } }
    public var window = GridWindow(bookings: [], drafts: [], timeOff: []) {
        didSet {
            byResource = Derived(RowData(bookings: Dictionary(grouping: window.bookings, by: \.resourceUID),
                                         drafts: Dictionary(grouping: window.drafts, by: \.resourceUID),
                                         timeOff: Dictionary(grouping: window.timeOff, by: \.resourceUID)))
        }
    }
    /// `window` by resource (derived, so not compared).
    private var byResource = Derived(RowData())
    /// The period `window` was loaded for.
    public var loadedPeriod: Interval?
    /// Resources `window` covers: the visible rows and a page either side, so memory and
    /// query time follow the screen, not the workspace.
    public var loadedResources: Set<String> = []
    public var filter = GridFilter() { didSet { admitted = Derived(allResources.filter(filter.admits)) } }
    /// `allResources` the filter admits (derived once per change: every draw and key reads it).
    private var admitted = Derived([GridResource]())
    /// Cursor: resource uid (kept across reloads) and column.
    public var cursorResource: String?
    public var cursorSlot = 0
    public var scroll = 0

    /// True when the resources span more than one time zone: every time shown names its zone.
    public var zonesInPlay = false
    /// The form last submitted, reopened with its values if the booking is refused.
    public var pendingForm: BookingForm?
    /// Which booking of a stacked cell the keys act on (`]` / `[` cycle).
    public var pick = 0

    public init(zone: LocalTime, now: Int64, rows: Int) {
        self.zone = zone
        self.rows = rows
        axis = TimeAxis(zone: zone, zoom: .week, containing: now)
        cursorSlot = axis.slot(of: now)
    }

    /// Shows the period containing `instant` with the cursor on it.
    public mutating func focus(on instant: Int64) {
        axis.show(instant)
        cursorSlot = slot(of: instant)
    }

    // MARK: derived

    /// Resources passing the filter, in display order.
    public var resources: [GridResource] { admitted.value }

    /// The visible period.
    public var period: Interval { axis.period }

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
        let rows = max(1, self.rows)
        let from = max(0, scroll - rows)
        let to = min(list.count, scroll + 2 * rows)
        return from < to ? Array(list[from..<to]) : []
    }

    /// True when some visible row has no loaded data for the current period.
    var needsWindow: Bool {
        if loadedPeriod != period { return true }
        let list = resources
        let rows = max(1, self.rows)
        let visible = list[min(scroll, list.count)..<min(list.count, scroll + rows)]
        return visible.contains { !loadedResources.contains($0.uid) }
    }

    /// The span of column `slot` of the visible period.
    func slotInterval(_ slot: Int) -> Interval { axis.slotInterval(slot) }

    /// The column containing `instant` (clamped to the period).
    func slot(of instant: Int64) -> Int { axis.slot(of: instant) }

    /// First instant of the period containing `instant` at the current zoom.
    func periodStart(containing instant: Int64) -> Int64 { axis.periodStart(containing: instant) }

    /// What lies under one cell.
    func stack(resource: GridResource, slot: Int) -> CellStack {
        row(resource).stack(in: slotInterval(slot))
    }

    /// Everything loaded for one resource's row (looked up once per row when drawing).
    func row(_ resource: GridResource) -> CellStack {
        let data = byResource.value
        return CellStack(bookings: data.bookings[resource.uid] ?? [], drafts: data.drafts[resource.uid] ?? [], timeOff: data.timeOff[resource.uid] ?? [])
    }

    var cursorStack: CellStack? { cursorRow.map { stack(resource: $0, slot: cursorSlot) } }

    /// The booking of the cursor cell the keys act on: the picked one of a stacked cell.
    var pickedBooking: BookingView? { cursorStack?.ordered.nth(pick) }

    /// True when the resource's studio is closed at the middle of `span`.
    func isClosed(_ resource: GridResource, _ span: Interval) -> Bool {
        Self.isClosed(OpeningHours.cached(resource.openingHours), in: zone(of: resource), span)
    }

    /// True when `hours` are closed at the middle of `span` (rows look hours and zone up once).
    static func isClosed(_ hours: OpeningHours, in zone: LocalTime, _ span: Interval) -> Bool {
        guard !hours.alwaysOpen else { return false }
        let middle = span.start + span.duration / 2
        return !hours.contains(Interval(start: middle, end: middle + 60), in: zone)
    }

    /// The zone a resource's times are typed and shown in: its studio's.
    func zone(of resource: GridResource) -> LocalTime {
        LocalTime.cached(resource.zone) ?? zone
    }
}

/// `window` grouped by resource uid, for drawing rows.
struct RowData: Sendable {
    var bookings: [String: [BookingView]] = [:]
    var drafts: [String: [GridDraft]] = [:]
    var timeOff: [String: [GridTimeOff]] = [:]
}

/// A value computed from other fields of a state: equality ignores it, because the fields
/// it comes from are compared (so comparing states each frame stays cheap).
struct Derived<Value: Sendable>: Equatable, Sendable {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }

    static func == (lhs: Derived, rhs: Derived) -> Bool { true }
}

extension AppState {
    /// An interval in `zone` in the workspace's words, followed by the zone's place when
    /// several zones are in play.
    func when(_ interval: Interval, in zone: LocalTime) -> String {
        words.span(interval, in: zone) + (grid.zonesInPlay ? " " + zone.placeName : "")
    }

    /// An instant in `zone`, labelled likewise.
    func when(_ instant: Int64, in zone: LocalTime) -> String {
        words.moment(instant, in: zone) + (grid.zonesInPlay ? " " + zone.placeName : "")
    }
}
