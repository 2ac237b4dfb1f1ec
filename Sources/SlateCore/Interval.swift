/// A half-open span of time `[start, end)` in seconds since the Unix epoch, UTC.
///
/// Half-open means a booking ending at 14:00 does not clash with one starting at 14:00.
public struct Interval: Hashable, Sendable, Codable {
    /// First instant inside the interval.
    public var start: Int64
    /// First instant after the interval.
    public var end: Int64

    /// Creates an interval; the caller guarantees `end > start` (see `validated`).
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    /// Creates an interval or says plainly why the bounds are wrong.
    public static func validated(start: Int64, end: Int64) throws -> Interval {
        guard end > start else {
            throw SlateError.invalidInput("the end must be after the start")
        }
        return Interval(start: start, end: end)
    }

    /// Length in seconds.
    public var duration: Int64 { end - start }

    /// True when the two intervals share at least one instant.
    public func overlaps(_ other: Interval) -> Bool {
        start < other.end && other.start < end
    }

    /// True when `instant` lies inside the interval.
    public func contains(_ instant: Int64) -> Bool {
        start <= instant && instant < end
    }

    /// The same length, moved by `seconds`.
    public func shifted(by seconds: Int64) -> Interval {
        Interval(start: start + seconds, end: end + seconds)
    }
}
