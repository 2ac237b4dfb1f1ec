/// Items with an interval, kept in order of end then start, answering "which overlap this
/// interval" by binary search: a confirmation checks a thousand shows against one read of
/// each resource's bookings over the shows' whole span instead of a query per show.
///
/// `overlapping` gives exactly the items an SQL scan `end_at > start AND start_at < end`
/// over an index on `(end_at, start_at)` gives, in that order.
public struct IntervalList<Element> {
    public private(set) var items: [Element]
    private let interval: (Element) -> Interval
    /// The longest item's length, which bounds the scan: an item ending at or after
    /// `end + longest` starts at or after `end`.
    private var longest: Int64 = 0

    /// `items` in any order; equal (end, start) keep their given order.
    public init(_ items: [Element], interval: @escaping (Element) -> Interval) {
        self.interval = interval
        self.items = items.enumerated().sorted { a, b in
            let x = interval(a.element), y = interval(b.element)
            return (x.end, x.start, a.offset) < (y.end, y.start, b.offset)
        }.map { $0.element }
        longest = items.map { interval($0).duration }.max() ?? 0
    }

    /// Items whose interval overlaps `query` (half-open), in (end, start) order.
    public func overlapping(_ query: Interval) -> [Element] {
        var result: [Element] = []
        var index = firstEnding(after: query.start)
        while index < items.count {
            let span = interval(items[index])
            if span.end >= query.end + longest { break }
            if span.start < query.end { result.append(items[index]) }
            index += 1
        }
        return result
    }

    /// Adds an item after every item with the same (end, start).
    public mutating func insert(_ item: Element) {
        let span = interval(item)
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            let other = interval(items[mid])
            if (other.end, other.start) <= (span.end, span.start) { low = mid + 1 } else { high = mid }
        }
        items.insert(item, at: low)
        longest = max(longest, span.duration)
    }

    /// The index of the first item ending after `instant`.
    private func firstEnding(after instant: Int64) -> Int {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if interval(items[mid]).end <= instant { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
