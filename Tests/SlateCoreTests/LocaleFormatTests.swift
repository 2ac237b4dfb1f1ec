import Testing
@testable import SlateCore

@Suite("Numbers, money and days in the workspace's locale")
struct LocaleFormatTests {
    static let nnbsp = "\u{202F}", nbsp = "\u{00A0}"

    @Test func moneyInFourLocales() {
        #expect(LocaleFormat.of("en_US").money(123_450, currency: "USD") == "$1,234.50")
        #expect(LocaleFormat.of("en_US").money(-123_450, currency: "EUR") == "-€1,234.50")
        #expect(LocaleFormat.of("fr_FR").money(123_450, currency: "EUR") == "1\(Self.nnbsp)234,50\(Self.nbsp)€")
        #expect(LocaleFormat.of("fr_FR").money(-5, currency: "EUR") == "-0,05\(Self.nbsp)€")
        #expect(LocaleFormat.of("de_DE").money(123_456_789, currency: "EUR") == "1.234.567,89\(Self.nbsp)€")
        #expect(LocaleFormat.of("ja_JP").money(1_235, currency: "JPY") == "￥1,235")
        #expect(LocaleFormat.of("ja_JP").money(100, currency: "CHF") == "1.00\(Self.nbsp)CHF")
        // An unknown locale reads as en_US
        #expect(LocaleFormat.of("xx_YY").money(100_000, currency: "GBP") == "£1,000.00")
    }

    @Test func numbers() {
        #expect(LocaleFormat.of("fr_FR").number(875, decimals: 1) == "87,5")
        #expect(LocaleFormat.of("de_DE").number(1_000_000, decimals: 0) == "1.000.000")
        #expect(LocaleFormat.of("en_US").number(999, decimals: 2) == "9.99")
        #expect(LocaleFormat.of("ja_JP").number(-1_234_567, decimals: 0) == "-1,234,567")
    }

    @Test func daysInFourLocales() {
        let monday = Day(year: 2026, month: 11, day: 23)
        #expect(LocaleFormat.of("fr_FR").day(monday) == "lun. 23 nov.")
        #expect(LocaleFormat.of("en_US").day(monday) == "Mon, Nov 23")
        #expect(LocaleFormat.of("de_DE").day(monday) == "Mo., 23. Nov.")
        #expect(LocaleFormat.of("ja_JP").day(monday) == "11月23日(月)")
        #expect(LocaleFormat.of("fr_FR").day(Day(year: 2026, month: 8, day: 2)) == "dim. 2 août")
    }

    /// Times as every view and table writes them: the day in the locale's words, the clock
    /// 00–23 in the studio's zone, one day written once.
    @Test func timesAndSpansInFourLocales() throws {
        let paris = try LocalTime(zoneIdentifier: "Europe/Paris")
        let start = try paris.parse("2026-12-03T14:00"), end = try paris.parse("2026-12-03T16:30")
        let overnight = Interval(start: try paris.parse("2026-12-03T22:00"), end: try paris.parse("2026-12-04T02:00"))
        let expected: [(String, String, String, String)] = [
            ("fr_FR", "jeu. 3 déc. 14:00", "jeu. 3 déc. 14:00–16:30", "jeu. 3 déc. 22:00 – ven. 4 déc. 02:00"),
            ("en_US", "Thu, Dec 3 14:00", "Thu, Dec 3 14:00–16:30", "Thu, Dec 3 22:00 – Fri, Dec 4 02:00"),
            ("de_DE", "Do., 3. Dez. 14:00", "Do., 3. Dez. 14:00–16:30", "Do., 3. Dez. 22:00 – Fr., 4. Dez. 02:00"),
            ("ja_JP", "12月3日(木) 14:00", "12月3日(木) 14:00–16:30", "12月3日(木) 22:00 – 12月4日(金) 02:00"),
        ]
        for (locale, moment, span, across) in expected {
            let words = LocaleFormat.of(locale)
            #expect(words.moment(start, in: paris) == moment)
            #expect(words.span(Interval(start: start, end: end), in: paris) == span)
            #expect(words.span(overnight, in: paris) == across)
            let stamp = Timestamp(start, in: paris, words: words)
            #expect(stamp.shown == moment && stamp.typed == "2026-12-03T14:00" && stamp.local == "2026-12-03T14:00:00+01:00")
            #expect(stamp.span(to: Timestamp(end, in: paris, words: words)) == span)
        }
        // Seconds show only when there are some; a booking ending at midnight stays on its day.
        #expect(LocaleFormat.of("en_US").clock(start + 30, in: paris) == "14:00:30")
        #expect(LocaleFormat.of("fr_FR").span(Interval(start: start, end: try paris.parse("2026-12-04T00:00")), in: paris) == "jeu. 3 déc. 14:00–00:00")
        // Whole days read as days: a day off, a phase's three days
        let midnight = try paris.parse("2026-12-03T00:00")
        #expect(LocaleFormat.of("fr_FR").span(Interval(start: midnight, end: midnight + 86_400), in: paris) == "jeu. 3 déc.")
        #expect(LocaleFormat.of("en_US").span(Interval(start: midnight, end: try paris.parse("2026-12-06T00:00")), in: paris) == "Thu, Dec 3 – Sat, Dec 5")
        // London is an hour behind: the same instant, its own clock
        #expect(LocaleFormat.of("en_GB").moment(start, in: try LocalTime(zoneIdentifier: "Europe/London")) == "Thu, 3 Dec 13:00")
    }

    @Test func datesWithYearsRangesAndHeadersInFourLocales() {
        let day = Day(year: 2026, month: 12, day: 3), later = Day(year: 2026, month: 12, day: 9)
        let expected: [(String, String, String, String)] = [
            ("fr_FR", "3 déc. 2026", "3 déc. – 9 déc.", "je"), ("en_US", "Dec 3, 2026", "Dec 3 – Dec 9", "Th"),
            ("de_DE", "3. Dez. 2026", "3. Dez. – 9. Dez.", "Do"), ("ja_JP", "2026年12月3日", "12月3日 – 12月9日", "木"),
        ]
        for (locale, date, range, letters) in expected {
            let words = LocaleFormat.of(locale)
            #expect(words.date(day) == date && words.days(day, later) == range && words.weekdayLetters(day.weekday) == letters, "\(locale)")
            #expect(words.days(day, day) == words.monthDay(day))
        }
        #expect(LocaleFormat.of("fr_FR").month(9) == "sept." && LocaleFormat.of("en_US").month(12) == "Dec")
    }
}
