import Foundation

/// A studio's weekly opening hours, typed as `Mon-Fri 09:00-20:00, Sat 10:00-18:00`.
///
/// An empty text means always open. Days not listed are closed. Closing may be `24:00`;
/// hours that run past midnight are written as two entries.
public struct OpeningHours: Equatable, Sendable {
    /// Open minutes of the day per weekday (1 = Monday ... 7 = Sunday); absent = closed.
    public private(set) var ranges: [Int: ClosedRange<Int>] = [:]
    /// True when no hours were given: the studio never counts as closed.
    public let alwaysOpen: Bool

    /// Parsed hours for a stored text, shared (unreadable text counts as always open).
    public static func cached(_ text: String) -> OpeningHours {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let hit = cache[text] { return hit }
        let parsed = (try? OpeningHours(text)) ?? .always
        cache[text] = parsed
        return parsed
    }

    nonisolated(unsafe) private static var cache: [String: OpeningHours] = [:]
    private static let cacheLock = NSLock()

    /// Hours that never close.
    public static let always = OpeningHours()

    private init() {
        alwaysOpen = true
    }

    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Parses the text form; throws a message naming the accepted form.
    public init(_ text: String) throws {
        let trimmed = text.trimmingWhitespace()
        alwaysOpen = trimmed.isEmpty
        if alwaysOpen { return }
        let form = "use a form like 'Mon-Fri 09:00-20:00, Sat 10:00-18:00'"
        for entry in trimmed.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let parts = entry.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { throw SlateError.invalidInput("opening hours '\(TextInput.printable(String(entry)))': \(form)") }
            let days = try Self.days(String(parts[0]), form: form)
            let times = parts[1].split(separator: "-")
            guard times.count == 2, let open = Self.minutes(String(times[0])), let close = Self.minutes(String(times[1])), open < close else {
                throw SlateError.invalidInput("opening hours '\(TextInput.printable(String(entry)))': \(form)")
            }
            for day in days { ranges[day] = open...close }
        }
    }

    /// The text form, normalised.
    public var text: String {
        if alwaysOpen { return "" }
        var groups: [(first: Int, last: Int, range: ClosedRange<Int>)] = []
        for day in 1...7 {
            guard let range = ranges[day] else { continue }
            if let previous = groups.last, previous.last == day - 1, previous.range == range {
                groups[groups.count - 1].last = day
            } else {
                groups.append((day, day, range))
            }
        }
        return groups.map { group in
            let days = Self.dayNames[group.first - 1].capitalized + (group.last == group.first ? "" : "-" + Self.dayNames[group.last - 1].capitalized)
            return "\(days) \(Self.clock(group.range.lowerBound))-\(Self.clock(group.range.upperBound))"
        }.joined(separator: ", ")
    }

    /// True when every minute of `interval` lies inside the opening hours.
    public func contains(_ interval: Interval, in zone: LocalTime) -> Bool {
        if alwaysOpen { return true }
        var cursor = interval.start
        var days = 0
        while cursor < interval.end, days < 400 {
            let nextMidnight = zone.startOfDay(cursor, addingDays: 1)
            let segmentEnd = min(interval.end, nextMidnight)
            let (weekday, minute) = zone.weekdayAndMinute(cursor)
            let endMinute = segmentEnd == nextMidnight ? 24 * 60 : zone.weekdayAndMinute(segmentEnd).minute
            guard let open = ranges[weekday], open.lowerBound <= minute, endMinute <= open.upperBound else { return false }
            cursor = segmentEnd
            days += 1
        }
        return true
    }

    /// Seconds open within the whole local days `days` covers (a utilisation's denominator):
    /// each open day's hours, or each whole day when always open (23 or 25 hours on a
    /// clock-change day).
    public func openSeconds(in days: Interval, zone: LocalTime) -> Int64 {
        var total: Int64 = 0
        var day = zone.startOfDay(days.start)
        var count = 0
        while day < days.end, count < 400 {
            let next = zone.startOfDay(day, addingDays: 1)
            if alwaysOpen {
                total += next - day
            } else if let open = ranges[zone.weekdayAndMinute(day).weekday] {
                total += Int64(open.upperBound - open.lowerBound) * 60
            }
            day = next
            count += 1
        }
        return total
    }

    private static func days(_ text: String, form: String) throws -> [Int] {
        let bounds = text.lowercased().split(separator: "-").map(String.init)
        let indexes = bounds.compactMap { name in dayNames.firstIndex(of: String(name.prefix(3))).map { $0 + 1 } }
        guard indexes.count == bounds.count, (1...2).contains(indexes.count) else {
            throw SlateError.invalidInput("opening hours: '\(TextInput.printable(text))' is not a day or day range; \(form)")
        }
        if indexes.count == 1 { return indexes }
        let (from, to) = (indexes[0], indexes[1])
        return from <= to ? Array(from...to) : Array(from...7) + Array(1...to)
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m),
              h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }

    private static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}
