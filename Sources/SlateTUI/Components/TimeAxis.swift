import SlateCore

/// Zoom levels of a time axis: hours of a day, parts of days in a week, days of five weeks.
public enum Zoom: Int, CaseIterable, Sendable {
    case day, week, month

    /// Length of one column in seconds (the nominal length; days vary across DST).
    var slotSeconds: Int64 {
        switch self {
        case .day: 3600
        case .week: 4 * 3600
        case .month: 86_400
        }
    }

    /// Number of columns in one period.
    var slots: Int {
        switch self {
        case .day: 24
        case .week: 42
        case .month: 35
        }
    }

    var name: String {
        switch self {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        }
    }

    /// The next level in (`+`) or out (`-`), or nil at the end.
    func zoomed(in zoomIn: Bool) -> Zoom? {
        Zoom(rawValue: rawValue + (zoomIn ? -1 : 1))
    }
}

/// A period of time laid out in columns at a zoom level, in a time zone: what the booking
/// grid (and the timeline after it) draw against. Days and weeks follow the zone's
/// calendar, so columns stay on local hours across DST.
public struct TimeAxis: Equatable, Sendable {
    public let zone: LocalTime
    public var zoom: Zoom { didSet { spans = computeSpans() } }
    /// First instant of the period.
    public var anchor: Int64 { didSet { spans = computeSpans() } }
    /// The columns of the period (recomputed when the period or zoom changes).
    public private(set) var spans: [Interval] = []

    /// An axis at `zoom` over the period containing `instant`.
    public init(zone: LocalTime, zoom: Zoom, containing instant: Int64) {
        self.zone = zone
        self.zoom = zoom
        anchor = 0
        anchor = periodStart(containing: instant)
        spans = computeSpans()
    }

    /// The period on screen.
    public var period: Interval {
        Interval(start: anchor, end: periodEnd(from: anchor))
    }

    /// The span of column `slot`.
    public func slotInterval(_ slot: Int) -> Interval {
        spans.indices.contains(slot) ? spans[slot] : computeSlotInterval(slot)
    }

    /// The column containing `instant` (clamped to the period).
    public func slot(of instant: Int64) -> Int {
        if let index = spans.firstIndex(where: { $0.contains(instant) }) { return index }
        return instant < anchor ? 0 : zoom.slots - 1
    }

    /// First instant of the period containing `instant` at the current zoom.
    public func periodStart(containing instant: Int64) -> Int64 {
        let day = zone.startOfDay(instant)
        switch zoom {
        case .day:
            return day
        case .week, .month:
            let weekday = zone.weekdayAndMinute(day).weekday
            return zone.startOfDay(day, addingDays: -(weekday - 1))
        }
    }

    /// Moves by whole periods (`H` / `L`).
    public mutating func page(by periods: Int) {
        switch zoom {
        case .day: anchor = zone.startOfDay(anchor, addingDays: periods)
        case .week: anchor = zone.startOfDay(anchor, addingDays: 7 * periods)
        case .month: anchor = periodStart(containing: zone.startOfDay(anchor, addingDays: 35 * periods))
        }
    }

    /// Shows the period containing `instant`.
    public mutating func show(_ instant: Int64) {
        anchor = periodStart(containing: instant)
    }

    private func periodEnd(from start: Int64) -> Int64 {
        switch zoom {
        case .day: zone.startOfDay(start, addingDays: 1)
        case .week: zone.startOfDay(start, addingDays: 7)
        case .month: zone.startOfDay(start, addingDays: 35)
        }
    }

    private func computeSpans() -> [Interval] {
        (0..<zoom.slots).map(computeSlotInterval)
    }

    private func computeSlotInterval(_ slot: Int) -> Interval {
        switch zoom {
        case .day:
            // Hours from local midnight (on a DST day the 24 columns end an hour early or late).
            let start = zone.startOfDay(anchor) + Int64(slot) * 3600
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
}
