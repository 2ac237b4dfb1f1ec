import Foundation
import Testing
@testable import SlateCore

@Suite("Recurrence (rule 14)")
struct RecurrenceTests {
    @Test func rulesReadAsRFC5545WritesThemAndBadOnesSayWhy() throws {
        let weekly = try RecurrenceRule.parse("weekly;byday=MO,WE;count=10")
        #expect(weekly == RecurrenceRule(frequency: .weekly, weekdays: [1, 3], count: 10))
        #expect(weekly.text == "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")
        #expect(try RecurrenceRule.parse(weekly.text) == weekly)
        let monthly = try RecurrenceRule.parse("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;UNTIL=20270630")
        #expect(monthly.ordinal == -1 && monthly.weekdays == [5] && monthly.until == Day(iso: "2027-06-30") && monthly.interval == 2)
        for bad in ["", "hourly;count=2", "weekly", "weekly;count=2;until=2026-12-24", "weekly;byday=XX;count=2", "daily;byday=MO;count=2",
                    "monthly;byday=2TU,3WE;count=2", "weekly;byday=2TU;count=2", "weekly;count=0", "weekly;count=501", "weekly;interval=0;count=2",
                    "weekly;until=24/12/2026", "weekly;color=red;count=2", "monthly;byday=5TU;count=2"] {
            #expect(throws: SlateError.self, "\(bad)") { _ = try RecurrenceRule.parse(bad) }
        }
    }

    @Test func theFirstDayMustBeOneOfTheRulesDays() throws {
        let tuesday = try #require(Day(iso: "2026-12-01"))
        #expect(try RecurrenceRule.parse("weekly;byday=MO,WE;count=3").mismatch(first: tuesday)?.contains("is a TU") == true)
        #expect(try RecurrenceRule.parse("monthly;byday=1TU;count=3").mismatch(first: tuesday) == nil)
        #expect(try RecurrenceRule.parse("monthly;byday=2TU;count=3").mismatch(first: tuesday) != nil)
        #expect(try RecurrenceRule.parse("weekly;count=3").days(from: tuesday).map(\.iso) == ["2026-12-01", "2026-12-08", "2026-12-15"])
    }

    @Test func knownSeries() throws {
        func days(_ rule: String, _ first: String) throws -> [String] { try RecurrenceRule.parse(rule).days(from: #require(Day(iso: first))).map(\.iso) }
        #expect(try days("weekly;byday=MO,WE;count=5", "2026-12-02") == ["2026-12-02", "2026-12-07", "2026-12-09", "2026-12-14", "2026-12-16"])
        #expect(try days("monthly;count=4", "2027-01-31") == ["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31"])
        #expect(try days("monthly;byday=2TU;count=3", "2026-12-08") == ["2026-12-08", "2027-01-12", "2027-02-09"])
        #expect(try days("monthly;byday=-1FR;until=2027-03-31", "2026-12-25") == ["2026-12-25", "2027-01-29", "2027-02-26", "2027-03-26"])
        #expect(try days("daily;interval=3;until=2026-12-10", "2026-12-01") == ["2026-12-01", "2026-12-04", "2026-12-07", "2026-12-10"])
        #expect(try days("weekly;interval=2;byday=TU,SU;count=4", "2026-12-01") == ["2026-12-01", "2026-12-06", "2026-12-15", "2026-12-20"])
    }

    /// Random rules against a day-by-day walk that asks each day whether it belongs.
    @Test func expansionAgreesWithADayByDayWalk() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let frequency = RecurrenceRule.Frequency.allCases.randomElement(using: &random)!
            let interval = Int.random(in: 1...3, using: &random)
            var first = Day(iso: "2026-01-01")! + Int.random(in: 0...900, using: &random)
            var rule = RecurrenceRule(frequency: frequency, interval: interval)
            switch frequency {
            case .daily: break
            case .weekly:
                rule.weekdays = Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in Int.random(in: 1...7, using: &random) })).sorted()
                while !rule.weekdays.contains(first.weekday) { first = first + 1 }
            case .monthly:
                if Bool.random(using: &random) {
                    rule.weekdays = [first.weekday]
                    let dayOfMonth = first.fields.day
                    rule.ordinal = (first + 7).fields.month != first.fields.month && Bool.random(using: &random) ? -1 : min(4, (dayOfMonth - 1) / 7 + 1)
                    if (dayOfMonth - 1) / 7 + 1 > 4, rule.ordinal != -1 { rule.ordinal = -1 }
                }
            }
            if Bool.random(using: &random) { rule.count = Int.random(in: 1...40, using: &random) } else { rule.until = first + Int.random(in: 0...500, using: &random) }
            try #require(rule.mismatch(first: first) == nil, "\(rule.text) from \(first.iso)")
            let monday = first - (first.weekday - 1)
            func months(_ day: Day) -> Int { (day.fields.year - first.fields.year) * 12 + day.fields.month - first.fields.month }
            func belongs(_ day: Day) -> Bool {
                switch frequency {
                case .daily: return (day - first) % interval == 0
                case .weekly: return rule.weekdays.contains(day.weekday) && ((day - (day.weekday - 1)) - monday) / 7 % interval == 0
                case .monthly:
                    guard months(day) % interval == 0 else { return false }
                    guard let ordinal = rule.ordinal else { return day.fields.day == first.fields.day }
                    guard day.weekday == rule.weekdays[0] else { return false }
                    return ordinal == -1 ? (day + 7).fields.month != day.fields.month : (day.fields.day - 1) / 7 + 1 == ordinal
                }
            }
            var expected: [Day] = []
            var day = first
            while expected.count < (rule.count ?? RecurrenceRule.limit), expected.count < RecurrenceRule.limit, day - first < 20_000 {
                if let until = rule.until, day > until { break }
                if belongs(day) { expected.append(day) }
                day = day + 1
            }
            #expect(rule.days(from: first) == expected, "\(rule.text) from \(first.iso)")
        }
    }

    @Test func occurrencesKeepTheirWallClockTimeAcrossClockChanges() throws {
        let paris = try #require(LocalTime.cached("Europe/Paris"))
        let first = Interval(start: try paris.parse("2026-10-20T10:00"), end: try paris.parse("2026-10-20T11:30"))
        let later = paris.shifted(first, days: 7)
        #expect(paris.format(later.start) == "2026-10-27T10:00" && later.duration == first.duration)
    }
}
