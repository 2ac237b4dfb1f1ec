/// Rule 5's helper: free times for a draft show that clashes (DESIGN §5, the draft board's `s`).
///
/// A slot is free when the show's room and every one of its talent are free for its whole
/// length (no confirmed booking, hold, time off or other draft there) and it lies inside the
/// studio's opening hours. Slots start on the quarter hour. The nearest come first: on the
/// show's own local day, then any day of the window, each by distance from the show's start
/// (earlier first on a tie).
public enum SlotSearch {
    public static let step: Int64 = 900

    /// Up to `limit` free slots of the show's length in `window`, nearest first.
    /// `busy` holds, per resource, the intervals it is taken.
    public static func suggest(for show: Interval, within window: Interval, busy: [[Interval]], hours: OpeningHours, zone: LocalTime, limit: Int) -> [Interval] {
        let length = show.end - show.start
        guard length > 0, limit > 0 else { return [] }
        // Every resource's busy time merged into one sorted list of blocks.
        let blocks = merge(busy.flatMap { $0 }.filter { $0.end > window.start && $0.start < window.end })
        let day = zone.day(of: show.start)
        var candidates: [(sameDay: Bool, distance: Int64, slot: Interval)] = []
        var start = window.start + (step - (window.start % step + step) % step) % step
        var block = 0
        while start + length <= window.end {
            let slot = Interval(start: start, end: start + length)
            while block < blocks.count, blocks[block].end <= slot.start { block += 1 }
            if block < blocks.count, blocks[block].start < slot.end {
                // Jump past the block in the way, to the next quarter hour.
                let after = blocks[block].end
                start = max(start + step, after + (step - (after % step + step) % step) % step)
                continue
            }
            if slot != show, hours.contains(slot, in: zone) {
                candidates.append((zone.day(of: start) == day, abs(start - show.start), slot))
            }
            start += step
        }
        candidates.sort { a, b in
            if a.sameDay != b.sameDay { return a.sameDay }
            if a.distance != b.distance { return a.distance < b.distance }
            return a.slot.start < b.slot.start
        }
        return candidates.prefix(limit).map(\.slot)
    }

    /// Overlapping or touching intervals joined, in start order.
    static func merge(_ intervals: [Interval]) -> [Interval] {
        var merged: [Interval] = []
        for interval in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1].end = max(last.end, interval.end)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}
