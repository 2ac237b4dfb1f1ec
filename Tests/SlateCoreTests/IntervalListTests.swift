import SlateTestSupport
import Testing
@testable import SlateCore

@Suite("Overlap lookups over a read-once list of intervals")
struct IntervalListTests {
    struct Item: Equatable {
        var id: Int
        var interval: Interval
    }

    /// What the SQL scan gives: every item overlapping, ordered by end, start, then the order given.
    static func bruteForce(_ items: [Item], _ query: Interval) -> [Item] {
        items.enumerated().filter { $0.element.interval.overlaps(query) }
            .sorted { ($0.element.interval.end, $0.element.interval.start, $0.offset) < ($1.element.interval.end, $1.element.interval.start, $1.offset) }
            .map(\.element)
    }

    @Test(arguments: 1...8)
    func lookupsAndInsertsMatchABruteForceScan(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        // Short and long items, some sharing ends and starts, some touching the query only at an edge
        var items = (0..<Int.random(in: 0...60, using: &random)).map { id in
            let start = Int64.random(in: 0...200, using: &random)
            return Item(id: id, interval: Interval(start: start, end: start + Int64.random(in: 1...(seed % 2 == 0 ? 5 : 80), using: &random)))
        }
        var list = IntervalList(items) { $0.interval }
        for step in 0..<200 {
            if step % 10 == 9 {
                let start = Int64.random(in: 0...200, using: &random)
                let item = Item(id: items.count, interval: Interval(start: start, end: start + Int64.random(in: 1...120, using: &random)))
                items.append(item)
                list.insert(item)
            }
            let start = Int64.random(in: -10...210, using: &random)
            let query = Interval(start: start, end: start + Int64.random(in: 1...40, using: &random))
            #expect(list.overlapping(query) == Self.bruteForce(items, query), "seed \(seed) step \(step) query \(query)")
        }
    }

    @Test func touchingIntervalsDoNotOverlap() {
        let list = IntervalList([Item(id: 1, interval: Interval(start: 0, end: 10)), Item(id: 2, interval: Interval(start: 20, end: 30))]) { $0.interval }
        #expect(list.overlapping(Interval(start: 10, end: 20)).isEmpty)
        #expect(list.overlapping(Interval(start: 9, end: 21)).map(\.id) == [1, 2])
        #expect(IntervalList<Item>([]) { $0.interval }.overlapping(Interval(start: 0, end: 1)).isEmpty)
    }
}

@Suite("Open hours of a week (utilisation)")
struct OpenSecondsTests {
    static let paris = LocalTime.cached("Europe/Paris")!

    @Test func aWeekCountsEachOpenDayAndClockChangeDaysHaveTheirLength() throws {
        let week = Interval(start: try Self.paris.parse("2026-11-30T00:00"), end: try Self.paris.parse("2026-12-07T00:00"))
        // Mon–Fri 11 h, Sat 8 h, Sunday closed
        #expect(try OpeningHours("Mon-Fri 09:00-20:00, Sat 10:00-18:00").openSeconds(in: week, zone: Self.paris) == (5 * 11 + 8) * 3_600)
        #expect(OpeningHours.always.openSeconds(in: week, zone: Self.paris) == 7 * 86_400)
        // The week of the autumn change has a 25-hour Sunday
        let autumn = Interval(start: try Self.paris.parse("2026-10-19T00:00"), end: try Self.paris.parse("2026-10-26T00:00"))
        #expect(OpeningHours.always.openSeconds(in: autumn, zone: Self.paris) == 7 * 86_400 + 3_600)
        #expect(try OpeningHours("Sun 10:00-12:00").openSeconds(in: autumn, zone: Self.paris) == 2 * 3_600)
    }
}
