/// Numbers, money and days as the workspace's locale writes them (seed 004: a French
/// studio sees `1 234,50 €` and `lun. 23 nov.`). Written out per locale rather than through
/// Foundation, so every machine prints the same text: en_US, en_GB, fr_FR, de_DE, es_ES,
/// it_IT and ja_JP; any other locale reads as en_US.
public struct LocaleFormat: Sendable, Equatable {
    public let identifier: String
    let decimal: String
    let group: String
    /// The currency symbol after the amount (`1 234,50 €`) rather than before (`$1,234.50`).
    let symbolAfter: Bool
    let weekdays: [String]
    /// Two-column weekday names for calendar headers (`lu`, `Mo`, `月`).
    let weekdayLetters: [String]
    let months: [String]
    let dayPattern: DayPattern

    enum DayPattern: Sendable, Equatable {
        /// `Mon, Nov 23`
        case weekdayMonthDay
        /// `lun. 23 nov.`, `Mo., 23. Nov.`
        case weekdayDayMonth(dayDot: Bool, comma: Bool)
        /// `11月23日(月)`
        case japanese
    }

    /// Narrow no-break space (French thousands) and no-break space (before a symbol).
    static let narrowSpace = "\u{202F}"
    static let space = "\u{00A0}"

    /// The format of a locale (read for every amount of a listing: made once per locale).
    public static func of(_ identifier: String) -> LocaleFormat {
        known[identifier] ?? make(identifier)
    }

    private static let known: [String: LocaleFormat] = Dictionary(uniqueKeysWithValues: ["en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "ja_JP"].map { ($0, make($0)) })

    private static func make(_ identifier: String) -> LocaleFormat {
        let englishLetters = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        let english = (["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
        switch identifier.replacingOccurrences(of: "-", with: "_").prefix(5) {
        case "fr_FR", "fr_BE", "fr_CH":
            return LocaleFormat(identifier: "fr_FR", decimal: ",", group: narrowSpace, symbolAfter: true,
                                weekdays: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."], weekdayLetters: ["lu", "ma", "me", "je", "ve", "sa", "di"],
                                months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
                                dayPattern: .weekdayDayMonth(dayDot: false, comma: false))
        case "de_DE", "de_AT", "de_CH":
            return LocaleFormat(identifier: "de_DE", decimal: ",", group: ".", symbolAfter: true,
                                weekdays: ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."], weekdayLetters: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
                                months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
                                dayPattern: .weekdayDayMonth(dayDot: true, comma: true))
        case "es_ES":
            return LocaleFormat(identifier: "es_ES", decimal: ",", group: ".", symbolAfter: true,
                                weekdays: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"], weekdayLetters: ["lu", "ma", "mi", "ju", "vi", "sá", "do"],
                                months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
                                dayPattern: .weekdayDayMonth(dayDot: false, comma: true))
        case "it_IT":
            return LocaleFormat(identifier: "it_IT", decimal: ",", group: ".", symbolAfter: true,
                                weekdays: ["lun", "mar", "mer", "gio", "ven", "sab", "dom"], weekdayLetters: ["lu", "ma", "me", "gi", "ve", "sa", "do"],
                                months: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
                                dayPattern: .weekdayDayMonth(dayDot: false, comma: false))
        case "ja_JP":
            return LocaleFormat(identifier: "ja_JP", decimal: ".", group: ",", symbolAfter: false,
                                weekdays: ["月", "火", "水", "木", "金", "土", "日"], weekdayLetters: ["月", "火", "水", "木", "金", "土", "日"], months: (1...12).map { "\($0)月" }, dayPattern: .japanese)
        case "en_GB":
            return LocaleFormat(identifier: "en_GB", decimal: ".", group: ",", symbolAfter: false, weekdays: english.0, weekdayLetters: englishLetters, months: english.1,
                                dayPattern: .weekdayDayMonth(dayDot: false, comma: true))
        default:
            return LocaleFormat(identifier: "en_US", decimal: ".", group: ",", symbolAfter: false, weekdays: english.0, weekdayLetters: englishLetters, months: english.1, dayPattern: .weekdayMonthDay)
        }
    }

    /// `1 234,50` (fr_FR), `1,234.50` (en_US): `value` in units of 10^-`decimals`.
    public func number(_ value: Int64, decimals: Int) -> String {
        let scale = (0..<decimals).reduce(Int64(1)) { value, _ in value * 10 }
        let magnitude = value.magnitude
        var whole = String(magnitude / UInt64(scale))
        var grouped = ""
        while whole.count > 3 {
            grouped = group + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        var text = (value < 0 ? "-" : "") + grouped
        if decimals > 0 {
            let fraction = String(magnitude % UInt64(scale))
            text += decimal + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// `1 234,50 €`, `$1,234.50`, `￥1,235`: an amount in minor units of `currency`.
    public func money(_ minor: Int64, currency: String) -> String {
        let amount = number(minor, decimals: Money.decimals(currency))
        let symbol = Self.symbol(currency, japanese: identifier == "ja_JP")
        guard let symbol else { return amount + Self.space + currency }
        if symbolAfter { return amount + Self.space + symbol }
        return amount.hasPrefix("-") ? "-" + symbol + amount.dropFirst() : symbol + amount
    }

    /// `lun. 23 nov.`, `Mon, Nov 23`, `Mo., 23. Nov.`, `11月23日(月)`: a day of the calendar.
    public func day(_ day: Day) -> String {
        let (_, month, date) = day.fields
        let weekday = weekdays[(day.weekday + 6) % 7]
        let monthName = months[month - 1]
        switch dayPattern {
        case .weekdayMonthDay: return "\(weekday), \(monthName) \(date)"
        case .weekdayDayMonth(let dot, let comma): return "\(weekday)\(comma ? "," : "") \(date)\(dot ? "." : "") \(monthName)"
        case .japanese: return "\(monthName)\(date)日(\(weekday))"
        }
    }

    /// `3 déc. 2026`, `Dec 3, 2026`, `3. Dez. 2026`, `2026年12月3日`: a day with its year,
    /// for what lies far from today (an invoice's period, a history).
    public func date(_ day: Day) -> String {
        let (year, month, date) = day.fields
        let monthName = months[month - 1]
        switch dayPattern {
        case .weekdayMonthDay: return "\(monthName) \(date), \(year)"
        case .weekdayDayMonth(let dot, _): return "\(date)\(dot ? "." : "") \(monthName) \(year)"
        case .japanese: return "\(year)年\(monthName)\(date)日"
        }
    }

    /// `3 déc.`, `Dec 3`, `3. Dez.`, `12月3日`: a day without its weekday, for ranges.
    public func monthDay(_ day: Day) -> String {
        let (_, month, date) = day.fields
        switch dayPattern {
        case .weekdayMonthDay: return "\(months[month - 1]) \(date)"
        case .weekdayDayMonth(let dot, _): return "\(date)\(dot ? "." : "") \(months[month - 1])"
        case .japanese: return "\(months[month - 1])\(date)日"
        }
    }

    /// `30 nov. – 4 déc.`: the days from `first` to `last`, or one day.
    public func days(_ first: Day, _ last: Day) -> String {
        first == last ? monthDay(first) : monthDay(first) + " – " + monthDay(last)
    }

    /// The weekday (1 = Monday … 7 = Sunday) in two columns, for calendar headers.
    public func weekdayLetters(_ weekday: Int) -> String { weekdayLetters[(weekday + 6) % 7] }

    /// The month's short name (`déc.`, `Dec`, `12月`).
    public func month(_ month: Int) -> String { months[(month + 11) % 12] }

    /// `14:00`, or `14:00:30` when the seconds are not zero: the clock of an instant in `zone`.
    /// Every locale here writes the day's hours 00–23, as studio call sheets do.
    public func clock(_ instant: Int64, in zone: LocalTime) -> String {
        let second = zone.secondOfDay(instant)
        let text = Self.two(second / 3600) + ":" + Self.two(second % 3600 / 60)
        return second % 60 == 0 ? text : text + ":" + Self.two(second % 60)
    }

    /// `jeu. 3 déc. 14:00`: an instant as people read it, in `zone`.
    public func moment(_ instant: Int64, in zone: LocalTime) -> String {
        day(zone.day(of: instant)) + " " + clock(instant, in: zone)
    }

    /// `jeu. 3 déc. 14:00–16:00`, or both days when it crosses midnight
    /// (`jeu. 3 déc. 22:00 – ven. 4 déc. 02:00`); whole days as days (`jeu. 3 déc.`,
    /// `jeu. 3 déc. – ven. 4 déc.`).
    public func span(_ interval: Interval, in zone: LocalTime) -> String {
        let first = zone.day(of: interval.start)
        if interval.end > interval.start, zone.secondOfDay(interval.start) == 0, zone.secondOfDay(interval.end) == 0 {
            let last = zone.day(of: interval.end - 1)
            return last == first ? day(first) : day(first) + " – " + day(last)
        }
        if interval.end <= interval.start || zone.day(of: interval.end - 1) == first {
            return moment(interval.start, in: zone) + "–" + clock(interval.end, in: zone)
        }
        return moment(interval.start, in: zone) + " – " + moment(interval.end, in: zone)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func symbol(_ currency: String, japanese: Bool) -> String? {
        switch currency {
        case "EUR": "€"
        case "USD": "$"
        case "GBP": "£"
        case "JPY": japanese ? "￥" : "¥"
        default: nil
        }
    }
}
