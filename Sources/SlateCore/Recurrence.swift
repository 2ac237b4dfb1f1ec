/// Rule 14: how a booking, hold or show repeats. A subset of RFC 5545's RRULE, written the
/// same way (`FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10`, or lower case without `FREQ=`:
/// `weekly;byday=MO,WE;count=10`): daily, weekly on given days, monthly on the first
/// occurrence's day of the month or on "the 2nd Tuesday" (`BYDAY=2TU`, `-1FR` the last
/// Friday); every N (`INTERVAL`); until a day (`UNTIL`, inclusive) or for a count
/// (`COUNT`, exceptions included, as RFC 5545 counts them). Occurrences are days in the
/// studio's zone; each keeps the first occurrence's wall-clock time.
public struct RecurrenceRule: Equatable, Hashable, Sendable, Codable {
    public enum Frequency: String, Sendable, Codable, CaseIterable {
        case daily, weekly, monthly
    }

    public var frequency: Frequency
    /// Every `interval` days, weeks or months.
    public var interval: Int
    /// Weekly: the weekdays (1 = Monday … 7 = Sunday), in order.
    public var weekdays: [Int]
    /// Monthly: the week of the month of `weekdays.first` (1…4, or -1 for the last), or
    /// nil for the first occurrence's day of the month.
    public var ordinal: Int?
    public var count: Int?
    /// The last day an occurrence may fall on (inclusive).
    public var until: Day?

    /// Most occurrences one series may have.
    public static let limit = 500
    /// The weekday codes of RFC 5545, Monday first.
    public static let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    public init(frequency: Frequency, interval: Int = 1, weekdays: [Int] = [], ordinal: Int? = nil, count: Int? = nil, until: Day? = nil) {
        self.frequency = frequency
        self.interval = interval
        self.weekdays = weekdays
        self.ordinal = ordinal
        self.count = count
        self.until = until
    }

    /// Reads a rule; every error names the part and what is accepted.
    public static func parse(_ text: String) throws -> RecurrenceRule {
        var frequency: Frequency?
        var interval = 1
        var weekdays: [Int] = []
        var ordinal: Int?
        var count: Int?
        var until: Day?
        let parts = text.trimmingWhitespace().split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw SlateError.invalidInput("--repeat: give a rule such as weekly;byday=MO,WE;count=10") }
        for (index, part) in parts.enumerated() {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            if pair.count == 1, index == 0, let plain = Frequency(rawValue: pair[0].lowercased()) {
                frequency = plain
                continue
            }
            guard pair.count == 2, !pair[1].isEmpty else {
                throw SlateError.invalidInput("--repeat: '\(TextInput.printable(part))' is not NAME=VALUE (freq, interval, byday, count, until)")
            }
            let value = pair[1]
            switch pair[0].uppercased() {
            case "FREQ":
                guard let parsed = Frequency(rawValue: value.lowercased()) else {
                    throw SlateError.invalidInput("--repeat: freq is daily, weekly or monthly, not '\(TextInput.printable(value))'")
                }
                frequency = parsed
            case "INTERVAL":
                guard let every = Int(value), (1...365).contains(every) else { throw SlateError.invalidInput("--repeat: interval is a whole number from 1 to 365") }
                interval = every
            case "COUNT":
                guard let number = Int(value), (1...limit).contains(number) else { throw SlateError.invalidInput("--repeat: count is from 1 to \(limit)") }
                count = number
            case "UNTIL":
                guard let day = Day(iso: String(value.prefix(10))) ?? Day(compact: value) else {
                    throw SlateError.invalidInput("--repeat: until is a day, 2026-12-24")
                }
                until = day
            case "BYDAY":
                for code in value.split(separator: ",").map({ String($0).trimmingWhitespace().uppercased() }) {
                    let letters = String(code.suffix(2))
                    guard let weekday = codes.firstIndex(of: letters) else {
                        throw SlateError.invalidInput("--repeat: byday takes MO, TU, WE, TH, FR, SA, SU (monthly: 2TU, -1FR), not '\(TextInput.printable(code))'")
                    }
                    let prefix = code.dropLast(2)
                    if !prefix.isEmpty {
                        guard let week = Int(prefix), [1, 2, 3, 4, -1].contains(week) else {
                            throw SlateError.invalidInput("--repeat: the week of a monthly byday is 1 to 4 or -1 (the last), as in 2TU")
                        }
                        ordinal = week
                    }
                    if !weekdays.contains(weekday + 1) { weekdays.append(weekday + 1) }
                }
            default:
                throw SlateError.invalidInput("--repeat: '\(TextInput.printable(pair[0]))' is not supported (freq, interval, byday, count, until)")
            }
        }
        guard let frequency else { throw SlateError.invalidInput("--repeat: say how often: daily, weekly or monthly") }
        if count != nil, until != nil { throw SlateError.invalidInput("--repeat: give count or until, not both") }
        if count == nil, until == nil { throw SlateError.invalidInput("--repeat: give count=N or until=DAY (a series ends)") }
        switch frequency {
        case .daily where !weekdays.isEmpty:
            throw SlateError.invalidInput("--repeat: byday goes with weekly or monthly")
        case .weekly where ordinal != nil:
            throw SlateError.invalidInput("--repeat: a week number (2TU) goes with monthly")
        case .monthly where !weekdays.isEmpty && (ordinal == nil || weekdays.count > 1):
            throw SlateError.invalidInput("--repeat: monthly takes one weekday with its week, as in byday=2TU")
        default: break
        }
        return RecurrenceRule(frequency: frequency, interval: interval, weekdays: weekdays.sorted(), ordinal: ordinal, count: count, until: until)
    }

    /// The rule as RFC 5545 writes it (UNTIL as a day; calendars write it in UTC).
    public var text: String {
        var parts = ["FREQ=\(frequency.rawValue.uppercased())"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !weekdays.isEmpty {
            parts.append("BYDAY=" + weekdays.map { (ordinal.map(String.init) ?? "") + Self.codes[$0 - 1] }.joined(separator: ","))
        }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=\(until.iso)") }
        return parts.joined(separator: ";")
    }

    /// Why `first` cannot be the first occurrence (it is not one of the rule's days), if so.
    public func mismatch(first: Day) -> String? {
        switch frequency {
        case .daily: return nil
        case .weekly:
            guard !weekdays.isEmpty, !weekdays.contains(first.weekday) else { return nil }
            return "the first day, \(first.iso), is a \(Self.codes[first.weekday - 1]); the rule repeats on \(weekdays.map { Self.codes[$0 - 1] }.joined(separator: ","))"
        case .monthly:
            guard let weekday = weekdays.first, let ordinal else { return nil }
            return Self.monthly(year: first.fields.year, month: first.fields.month, weekday: weekday, ordinal: ordinal) == first ? nil
                : "the first day, \(first.iso), is not the \(ordinal == -1 ? "last" : HoldQueue.ordinal(ordinal)) \(Self.codes[weekday - 1]) of its month"
        }
    }

    /// The days of the occurrences from `first` (which must match the rule), in order:
    /// count-bound or until-bound, at most `limit`. Exception days are the caller's to drop
    /// (they still count towards COUNT).
    public func days(from first: Day) -> [Day] {
        var result: [Day] = []
        func add(_ day: Day) -> Bool {
            if let until, day > until { return false }
            if day < first { return true }
            result.append(day)
            return result.count < (count ?? Self.limit) && result.count < Self.limit
        }
        switch frequency {
        case .daily:
            var day = first
            while add(day) { day = day + interval }
        case .weekly:
            let days = weekdays.isEmpty ? [first.weekday] : weekdays
            var monday = first - (first.weekday - 1)
            loop: while true {
                for weekday in days where !add(monday + (weekday - 1)) { break loop }
                monday = monday + 7 * interval
            }
        case .monthly:
            var (year, month, _) = first.fields
            let dayOfMonth = first.fields.day
            var misses = 0
            while misses < 48 {
                let candidate: Day? = if let weekday = weekdays.first, let ordinal {
                    Self.monthly(year: year, month: month, weekday: weekday, ordinal: ordinal)
                } else {
                    // A month without that day (the 31st) has no occurrence, as in RFC 5545.
                    Day(iso: Day(year: year, month: month, day: 1).iso.prefix(8) + (dayOfMonth < 10 ? "0" : "") + String(dayOfMonth))
                }
                if let candidate {
                    misses = 0
                    if !add(candidate) { break }
                } else {
                    misses += 1
                }
                month += interval
                while month > 12 { month -= 12; year += 1 }
            }
        }
        return result
    }

    /// The `ordinal`th `weekday` of a month (-1: the last).
    static func monthly(year: Int, month: Int, weekday: Int, ordinal: Int) -> Day? {
        let first = Day(year: year, month: month, day: 1)
        let next = Day(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1)
        if ordinal == -1 {
            let last = next - 1
            return last - ((last.weekday - weekday + 7) % 7)
        }
        let day = first + ((weekday - first.weekday + 7) % 7) + 7 * (ordinal - 1)
        return day < next ? day : nil
    }
}

extension Day {
    /// `20261224` (iCalendar's date form).
    public init?(compact text: String) {
        let digits = text.prefix(8)
        guard digits.count == 8, digits.allSatisfy(\.isNumber) else { return nil }
        self.init(iso: "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))")
    }

    /// `20261224`.
    public var compact: String { iso.replacingOccurrences(of: "-", with: "") }
}

extension LocalTime {
    /// The same wall-clock time `days` later (and `minutes` later), the length kept: how a
    /// copied show or a series' occurrence is placed across clock changes.
    public func shifted(_ interval: Interval, days: Int, minutes: Int = 0) -> Interval {
        let day = self.day(of: interval.start)
        let wallClock = format(interval.start).dropFirst(11)
        let sameTime = (try? parse((day + days).iso + "T" + wallClock)) ?? start(of: day + days) + (interval.start - start(of: day))
        let start = sameTime + Int64(minutes) * 60
        return Interval(start: start, end: start + interval.duration)
    }
}
