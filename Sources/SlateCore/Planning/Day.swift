/// A calendar day, without a time or a zone: the number of days since 1970-01-01
/// (proleptic Gregorian). Project plans count in days; a studio's zone turns a day into
/// the instants of its local midnights (`LocalTime.start(of:)`).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var number: Int

    public init(_ number: Int) {
        self.number = number
    }

    /// The day of a year, month (1–12) and day of month.
    public init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    /// Reads `2026-01-05`; nil for anything else, including dates that do not exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
        guard fields == (year, month, day) else { return nil }
    }

    /// Year, month (1–12) and day of month.
    public var fields: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int {
        ((number + 3) % 7 + 7) % 7 + 1
    }

    /// `2026-01-05`.
    public var iso: String {
        let (y, m, d) = fields
        guard (0...9999).contains(y) else { return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)" }
        // Built from digits: dates are written for every phase of large plans.
        let bytes: [UInt8] = [48 + UInt8(y / 1000), 48 + UInt8(y / 100 % 10), 48 + UInt8(y / 10 % 10), 48 + UInt8(y % 10), 45,
                              48 + UInt8(m / 10), 48 + UInt8(m % 10), 45, 48 + UInt8(d / 10), 48 + UInt8(d % 10)]
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    public static func + (day: Day, days: Int) -> Day { Day(day.number + days) }
    public static func - (day: Day, days: Int) -> Day { Day(day.number - days) }
    public static func - (a: Day, b: Day) -> Int { a.number - b.number }
}

/// The days a studio works: those its opening hours open (every day when it has none).
///
/// Working days are numbered: `index(of:)` counts the working days before a day, so a
/// span of N working days starting on index i ends before index i + N. Both directions
/// are constant time.
public struct WorkCalendar: Equatable, Sendable {
    /// Open weekdays, 1 = Monday ... 7 = Sunday.
    public let openWeekdays: Set<Int>
    /// For a day in a week that starts on a Thursday (day 0 is a Thursday), the open days before it in that week.
    private let before: [Int]
    /// Offsets within such a week of its open days, in order.
    private let offsets: [Int]

    public init(openWeekdays: Set<Int>) {
        let open = openWeekdays.isEmpty ? Set(1...7) : openWeekdays.filter { (1...7).contains($0) }
        self.openWeekdays = open
        var before: [Int] = []
        var offsets: [Int] = []
        for offset in 0..<7 {
            before.append(offsets.count)
            if open.contains(Day(offset).weekday) { offsets.append(offset) }
        }
        before.append(offsets.count)
        self.before = before
        self.offsets = offsets
    }

    /// The working days of a studio's opening hours.
    public init(_ hours: OpeningHours) {
        self.init(openWeekdays: hours.alwaysOpen ? Set(1...7) : Set(hours.ranges.keys))
    }

    /// Every day works.
    public static let everyDay = WorkCalendar(openWeekdays: Set(1...7))

    public func isWorking(_ day: Day) -> Bool {
        openWeekdays.contains(day.weekday)
    }

    /// The number of working days before `day` (counted from 1970-01-01; negative before it).
    public func index(of day: Day) -> Int {
        let weeks = Self.floorDiv(day.number, 7)
        return weeks * offsets.count + before[day.number - weeks * 7]
    }

    /// The working day numbered `index`.
    public func day(at index: Int) -> Day {
        let weeks = Self.floorDiv(index, offsets.count)
        return Day(weeks * 7 + offsets[index - weeks * offsets.count])
    }

    /// `day` when it works, else the next working day.
    public func workingDay(onOrAfter day: Day) -> Day {
        self.day(at: index(of: day))
    }

    /// Working days in `from...through` (0 when `through` is before `from`).
    public func workingDays(from: Day, through: Day) -> Int {
        max(0, index(of: through + 1) - index(of: from))
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

extension Day: Codable {
    /// A day is written as `2026-01-05`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date like 2026-01-05"))
        }
        self = day
    }
}
