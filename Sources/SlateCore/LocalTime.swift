import Foundation

/// Reads and writes instants as ISO 8601 local time in a studio's time zone.
///
/// Accepted input: `2026-12-03T14:00`, `2026-12-03T14:00:30`, `2026-12-03 14:00`,
/// `2026-12-03` (midnight), each optionally followed by `Z` or an offset such as
/// `+01:00`. Output is `2026-12-03T14:00` in the zone, the same form users type.
public struct LocalTime: Sendable, Equatable {
    /// The zone in which local times are read and written.
    public let timeZone: TimeZone
    private let calendar: Calendar

    /// Creates a reader/writer for the zone.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Creates one for an IANA zone name, refusing unknown names.
    public init(zoneIdentifier: String) throws {
        self.init(timeZone: try LocalTime.zone(zoneIdentifier))
    }

    /// Looks up an IANA time zone, refusing unknown names with a clear message.
    public static func zone(_ identifier: String) throws -> TimeZone {
        guard identifier.contains("/") || identifier == "UTC",
              let zone = TimeZone(identifier: identifier) else {
            throw SlateError.invalidInput("unknown time zone '\(TextInput.printable(identifier))' (use an IANA name such as Europe/Paris)")
        }
        return zone
    }

    /// Parses a local date-time; throws a message naming the accepted form.
    public func parse(_ text: String) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parsed = Self.split(trimmed) else {
            throw SlateError.invalidInput("'\(TextInput.printable(text))' is not a date-time; use 2026-12-03T14:00 (local time) or 2026-12-03")
        }
        let (fields, offset) = parsed
        let (year, month, day, hour, minute, second) = fields
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...59).contains(second), (1900...9999).contains(year) else {
            throw SlateError.invalidInput("'\(TextInput.printable(text))' is not a real date-time")
        }
        if let offset {
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(secondsFromGMT: 0) ?? timeZone
            guard let date = utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)),
                  utc.component(.day, from: date) == day else {
                throw SlateError.invalidInput("'\(TextInput.printable(text))' is not a real date-time")
            }
            return Int64(date.timeIntervalSince1970) - Int64(offset)
        }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components) else {
            throw SlateError.invalidInput("'\(TextInput.printable(text))' is not a real date-time")
        }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard back.year == year, back.month == month, back.day == day else {
            throw SlateError.invalidInput("'\(TextInput.printable(text))' is not a real date-time")
        }
        guard back.hour == hour, back.minute == minute else {
            throw SlateError.invalidInput("'\(TextInput.printable(text))' does not exist in \(timeZone.identifier) (the clocks change then)")
        }
        // A wall time that occurs twice (the clocks go back) is its first occurrence (RFC 5545).
        var instant = Int64(date.timeIntervalSince1970)
        while let earlier = earlierTwin(of: instant) { instant = earlier }
        return instant
    }

    /// The earlier instant with the same local wall time, when the clocks went back.
    private func earlierTwin(of instant: Int64) -> Int64? {
        for shift: Int64 in [3600, 1800, 7200] where format(instant - shift) == format(instant) {
            return instant - shift
        }
        return nil
    }

    /// True when the local wall time of `instant` occurs twice in this zone.
    public func isAmbiguous(_ instant: Int64) -> Bool {
        earlierTwin(of: instant) != nil || [3600, 1800, 7200].contains { format(instant + $0) == format(instant) }
    }

    /// A shared instance per zone name (building a calendar is costly; these are read-only).
    public static func cached(_ identifier: String) -> LocalTime? {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let hit = cache[identifier] { return hit }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        let made = LocalTime(timeZone: zone)
        cache[identifier] = made
        return made
    }

    nonisolated(unsafe) private static var cache: [String: LocalTime] = [:]
    private static let cacheLock = NSLock()

    /// Formats an instant as `2026-12-03T14:00` (seconds shown only when not zero).
    public func format(_ instant: Int64) -> String {
        format(instant, offset: offset(at: instant))
    }

    private func format(_ instant: Int64, offset: Int64) -> String {
        let local = instant + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = Day(Int(days)).fields
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2))"
        if secondOfDay % 60 != 0 { text += ":\(pad(secondOfDay % 60, 2))" }
        return text
    }

    /// ISO 8601 with the zone's offset, for machines: `2026-12-03T14:00:00+01:00`.
    public func iso(_ instant: Int64) -> String {
        let offset = Int(offset(at: instant))
        var text = format(instant, offset: Int64(offset))
        if text.count == 16 { text += ":00" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return text + sign + pad(magnitude / 3600, 2) + ":" + pad(magnitude % 3600 / 60, 2)
    }

    /// A short name of the zone for people: the city of an IANA name (`Europe/London` →
    /// `London`, `America/New_York` → `New York`).
    public var placeName: String {
        Self.placeName(timeZone.identifier)
    }

    /// True when times of these zones are shown together, so each must name its zone.
    public static func severalZones(_ identifiers: some Sequence<String>) -> Bool {
        Set(identifiers).count > 1
    }

    /// The city of an IANA zone name.
    public static func placeName(_ identifier: String) -> String {
        String(identifier.split(separator: "/").last ?? Substring(identifier)).replacingOccurrences(of: "_", with: " ")
    }

    /// Hours `instant`'s local time in this zone is ahead of `other`'s (`+1h`, `−1h`, `+5:30`), or "" when equal.
    public func offsetLabel(from other: LocalTime, at instant: Int64) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(instant))
        let difference = timeZone.secondsFromGMT(for: date) - other.timeZone.secondsFromGMT(for: date)
        guard difference != 0 else { return "" }
        let sign = difference < 0 ? "−" : "+"
        let magnitude = abs(difference)
        return magnitude % 3600 == 0 ? "\(sign)\(magnitude / 3600)h" : "\(sign)\(magnitude / 3600):\(pad(magnitude % 3600 / 60, 2))"
    }

    /// Formats an interval as `2026-12-03T14:00–16:00` (end date repeated only when it differs).
    public func format(_ interval: Interval) -> String {
        let start = format(interval.start)
        let end = format(interval.end)
        if start.prefix(10) == end.prefix(10) {
            return "\(start)–\(end.dropFirst(11))"
        }
        return "\(start)–\(end)"
    }

    /// Local calendar fields of an instant: weekday (1 = Monday ... 7 = Sunday) and minute of day.
    public func weekdayAndMinute(_ instant: Int64) -> (weekday: Int, minute: Int) {
        let date = Date(timeIntervalSince1970: TimeInterval(instant))
        let c = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        let weekday = ((c.weekday ?? 1) + 5) % 7 + 1
        return (weekday, (c.hour ?? 0) * 60 + (c.minute ?? 0))
    }

    /// Seconds since local midnight at `instant` (0 ..< 86,400).
    public func secondOfDay(_ instant: Int64) -> Int {
        let local = instant + offset(at: instant)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return Int(local - days * 86_400)
    }

    /// The local calendar day that contains `instant`.
    public func day(of instant: Int64) -> Day {
        let local = instant + offset(at: instant)
        return Day(Int(local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)))
    }

    /// The instant of local midnight starting `day` (the first instant of the day when a
    /// zone skips midnight).
    public func start(of day: Day) -> Int64 {
        // UTC midnight less the offset in force then, checked: the instant must open the day.
        let utc = Int64(day.number) * 86_400
        let guess = utc - offset(at: utc - offset(at: utc))
        if self.day(of: guess) == day, self.day(of: guess - 1) == day - 1 { return guess }
        let (y, m, d) = day.fields
        let date = calendar.date(from: DateComponents(year: y, month: m, day: d)) ?? Date(timeIntervalSince1970: TimeInterval(utc))
        return Int64(calendar.startOfDay(for: date).timeIntervalSince1970)
    }

    /// Seconds the zone is ahead of UTC at `instant`.
    private func offset(at instant: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
    }

    /// The instant of local midnight starting the day that contains `instant`.
    public func startOfDay(_ instant: Int64) -> Int64 {
        Int64(calendar.startOfDay(for: Date(timeIntervalSince1970: TimeInterval(instant))).timeIntervalSince1970)
    }

    /// The instant of local midnight `days` days after the day that contains `instant`.
    public func startOfDay(_ instant: Int64, addingDays days: Int) -> Int64 {
        let start = calendar.startOfDay(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        let next = calendar.date(byAdding: .day, value: days, to: start) ?? start.addingTimeInterval(TimeInterval(86_400 * days))
        return Int64(next.timeIntervalSince1970)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private typealias Fields = (Int, Int, Int, Int, Int, Int)

    /// Splits the accepted forms into fields and an optional UTC offset in seconds.
    private static func split(_ text: String) -> (Fields, Int?)? {
        let chars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var value = 0
            for c in chars[from..<from + count] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars.count >= 10, let year = number(0, 4), chars[4] == 45, let month = number(5, 2),
              chars[7] == 45, let day = number(8, 2) else { return nil }
        if chars.count == 10 { return ((year, month, day, 0, 0, 0), nil) }
        guard chars[10] == 84 || chars[10] == 32, let hour = number(11, 2), chars.count >= 16,
              chars[13] == 58, let minute = number(14, 2) else { return nil }
        var index = 16
        var second = 0
        if index < chars.count, chars[index] == 58 {
            guard let s = number(index + 1, 2) else { return nil }
            second = s
            index += 3
        }
        if index == chars.count { return ((year, month, day, hour, minute, second), nil) }
        if chars[index] == 90, index + 1 == chars.count { return ((year, month, day, hour, minute, second), 0) }
        guard chars[index] == 43 || chars[index] == 45, let oh = number(index + 1, 2) else { return nil }
        var om = 0
        if index + 3 < chars.count {
            guard chars[index + 3] == 58, let m = number(index + 4, 2), index + 6 == chars.count else { return nil }
            om = m
        } else if index + 3 != chars.count {
            return nil
        }
        guard oh <= 18, om <= 59 else { return nil }
        let sign = chars[index] == 43 ? 1 : -1
        return ((year, month, day, hour, minute, second), sign * (oh * 3600 + om * 60))
    }
}
