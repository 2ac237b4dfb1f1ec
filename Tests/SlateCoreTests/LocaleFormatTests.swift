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
}
