import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore

@Suite("Suggesting free times for a clashing draft (rule 5)")
struct SlotSearchTests {
    static let paris = LocalTime.cached("Europe/Paris")!

    @Test func theNearestFreeTimeOnTheSameDayComesFirst() throws {
        let hours = try OpeningHours("Mon-Sat 09:00-20:00")
        let show = Interval(start: try Self.paris.parse("2026-12-03T10:00"), end: try Self.paris.parse("2026-12-03T12:00"))
        // The room is busy 09:00–13:00; the host 14:00–15:00
        let room = [Interval(start: try Self.paris.parse("2026-12-03T09:00"), end: try Self.paris.parse("2026-12-03T13:00"))]
        let host = [Interval(start: try Self.paris.parse("2026-12-03T14:00"), end: try Self.paris.parse("2026-12-03T15:00"))]
        let window = Interval(start: try Self.paris.parse("2026-12-01T00:00"), end: try Self.paris.parse("2026-12-08T00:00"))
        let slots = SlotSearch.suggest(for: show, within: window, busy: [room, host], hours: hours, zone: Self.paris, limit: 4)
        #expect(slots.map { Self.paris.format($0) } == ["2026-12-03T15:00–17:00", "2026-12-03T15:15–17:15", "2026-12-03T15:30–17:30", "2026-12-03T15:45–17:45"])
        // Nothing free that day: the nearest times on other days, before or after (the evening before is nearer than the next morning)
        let full = [Interval(start: try Self.paris.parse("2026-12-03T00:00"), end: try Self.paris.parse("2026-12-04T00:00"))]
        let other = SlotSearch.suggest(for: show, within: window, busy: [full], hours: hours, zone: Self.paris, limit: 2)
        #expect(other.map { Self.paris.format($0) } == ["2026-12-02T18:00–20:00", "2026-12-02T17:45–19:45"])
    }

    @Test(arguments: 1...6)
    func theSuggestionsAreTheBruteForceOrderOnRandomCalendars(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let zone = Self.paris
        let hours = try [OpeningHours("Mon-Fri 09:00-20:00, Sat 10:00-18:00"), OpeningHours(""), OpeningHours("Mon-Sun 00:00-24:00"), OpeningHours("Tue-Sat 12:00-23:00")][Int(seed) % 4]
        // Windows around the spring and autumn clock changes and a plain week
        let first = try zone.parse(["2026-03-25T00:00", "2026-10-22T00:00", "2026-12-01T00:00"][Int(seed) % 3])
        let window = Interval(start: first, end: first + 8 * 86_400)
        let length = Int64(Int.random(in: 2...12, using: &random)) * 600
        let start = window.start + Int64(Int.random(in: 0..<(8 * 96), using: &random)) * 900
        let show = Interval(start: start, end: start + length)
        let busy: [[Interval]] = (0..<Int.random(in: 1...4, using: &random)).map { _ in
            (0..<Int.random(in: 0...40, using: &random)).map { _ in
                let at = window.start - 86_400 + Int64(Int.random(in: 0..<(10 * 288), using: &random)) * 300
                return Interval(start: at, end: at + Int64(Int.random(in: 1...48, using: &random)) * 300)
            }
        }
        let limit = 25
        let found = SlotSearch.suggest(for: show, within: window, busy: busy, hours: hours, zone: zone, limit: limit)
        // Brute force: every quarter hour of the window, each checked against every interval.
        var all: [(Bool, Int64, Interval)] = []
        var at = window.start + (900 - window.start % 900) % 900
        while at + length <= window.end {
            let slot = Interval(start: at, end: at + length)
            let free = busy.allSatisfy { intervals in intervals.allSatisfy { !($0.start < slot.end && slot.start < $0.end) } }
            if free, slot != show, hours.contains(slot, in: zone) { all.append((zone.day(of: at) == zone.day(of: show.start), abs(at - show.start), slot)) }
            at += 900
        }
        all.sort { ($0.0 ? 0 : 1, $0.1, $0.2.start) < ($1.0 ? 0 : 1, $1.1, $1.2.start) }
        #expect(found == all.prefix(limit).map(\.2))
    }
}
