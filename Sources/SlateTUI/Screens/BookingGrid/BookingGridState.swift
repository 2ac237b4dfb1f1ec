import SlateCore
import SlateStore

/// The booking grid's own state (view 2): the period and zoom, the resources and the
/// window of bookings loaded for them, the filter, the cursor and the scroll.
public struct BookingGridState: Equatable, Sendable {
    /// The zone the grid's columns are laid out in (the workspace's).
    public var zone: LocalTime
    /// Rows of resources the screen shows (kept by the shell as the terminal resizes).
    public var rows: Int

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

    /// True when the resources span more than one time zone: every time shown names its zone.
    public var zonesInPlay = false
    /// The form last submitted, reopened with its values if the booking is refused.
    public var pendingForm: BookingForm?
    /// Which booking of a stacked cell the keys act on (`]` / `[` cycle).
    public var pick = 0

    public init(zone: LocalTime, now: Int64, rows: Int) {
        self.zone = zone
        self.rows = rows
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
